//! control/contradicted: an open nonconformity names a control recorded as `implemented`
//! (clause 10.2 and 6.1.3 d: the SoA must not claim what a nonconformity disputes).

use crate::check::Context;
use crate::diagnostics::{Code, Diagnostic, Sink};
use crate::model::Status;

pub fn check(cx: &Context<'_>, sink: &mut Sink) {
    let m = cx.model;
    for nc in m.nonconformities.iter().filter(|nc| nc.is_open()) {
        for r in &nc.controls {
            let Some(control) = m.slot(&r.name).and_then(|slot| m.control_decl(slot)) else {
                continue;
            };
            if control.status != Some(Status::Implemented) {
                continue;
            }
            let mut d = Diagnostic::new(
                Code::ControlContradicted,
                r.span,
                format!(
                    "control `{}` is `implemented`, but nonconformity `{}` about it is open",
                    r.name, nc.id.text
                ),
            )
            .with_label("an open nonconformity names this control")
            .with_help(format!(
                "record the control as `partial` until the corrective action of `{}` is done, or close the nonconformity",
                nc.id.text
            ));
            if let Some(status) = control.status_span {
                d = d.with_secondary(status, "recorded as implemented here");
            }
            sink.push(d);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::{compile, Input, Options};
    use chrono::NaiveDate;

    fn count(nc_status: &str, control_status: &str) -> usize {
        let text = format!(
            "role ciso \"CISO\"\nperson alice \"Alice\" {{ roles ciso }}\n\
             control mfa \"MFA\" {{\n  status {control_status}\n  owner alice\n  evidence \"export\"\n}}\n\
             nonconformity NC-1 \"Gap\" {{\n  owner ciso\n  action \"fix\"\n  due 2027-01-01\n  status {nc_status}\n  controls mfa\n}}\n"
        );
        let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap_or_default();
        let c = compile(
            vec![Input::new("a.isms", text.as_str())],
            &Options { today },
        );
        c.diagnostics
            .iter()
            .filter(|d| d.code.as_str() == "control/contradicted")
            .count()
    }

    #[test]
    fn only_an_open_nonconformity_against_an_implemented_control() {
        assert_eq!(count("open", "implemented"), 1);
        assert_eq!(count("open", "partial"), 0);
        assert_eq!(count("closed", "implemented"), 0);
    }
}
