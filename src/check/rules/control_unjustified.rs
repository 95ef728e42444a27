//! control/unjustified: a `control` that no risk treatment and no requirement names.
//! ISO 27001 is risk-driven: every control in the SoA traces to a risk or a requirement
//! (clause 6.1.3 b–d). A policy implementing it does not justify it.

use crate::check::Context;
use crate::diagnostics::{Code, Diagnostic, Sink};

pub fn check(cx: &Context<'_>, sink: &mut Sink) {
    if cx.names_unknown() {
        return;
    }
    let m = cx.model;
    for (i, slot) in m.slots.iter().enumerate() {
        let Some(control) = m.control_decl(slot) else {
            continue;
        };
        if cx.is_applicable(i) {
            continue;
        }
        let mut d = Diagnostic::new(
            Code::ControlUnjustified,
            control.id.span,
            format!(
                "control `{}` is not justified by any risk or requirement",
                slot.id
            ),
        )
        .with_label("nothing needs this control")
        .with_help(format!(
            "name it in a risk treatment (`controls {}`) or a requirement, or remove it",
            slot.id
        ));
        if let Some((_, r)) = m.exclusion_of(&slot.id) {
            d = d.with_secondary(r.span, "and it is excluded here");
        }
        sink.push(d);
    }
}
