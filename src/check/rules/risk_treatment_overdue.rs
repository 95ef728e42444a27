//! risk/treatment-overdue: a treatment's due date has passed while one of its controls is
//! still not implemented (clause 6.1.3 e, 8.3).

use crate::check::Context;
use crate::diagnostics::{Code, Diagnostic, Sink};
use crate::model::{Kind, Status};

pub fn check(cx: &Context<'_>, sink: &mut Sink) {
    let m = cx.model;
    for risk in &m.risks {
        let Some(t) = &risk.treatment else {
            continue;
        };
        let Some(due) = t.due else {
            continue;
        };
        if due.date >= cx.today {
            continue;
        }
        let pending: Vec<String> = t
            .controls
            .iter()
            .filter(|r| {
                let slot = m.resolution.decl(r, Kind::Control);
                let Some(slot) = slot.and_then(|i| m.slots.get(i)) else {
                    return false;
                };
                m.control_decl(slot).and_then(|c| c.status) != Some(Status::Implemented)
            })
            .map(|r| format!("`{}`", r.name))
            .collect();
        if pending.is_empty() {
            continue;
        }
        sink.push(
            Diagnostic::new(
                Code::RiskTreatmentOverdue,
                due.span,
                format!(
                    "the treatment of risk `{}` was due on {}, but {} not implemented",
                    risk.id.text,
                    due.date,
                    if pending.len() == 1 {
                        format!("{} is", pending.join(""))
                    } else {
                        format!("{} are", pending.join(", "))
                    }
                ),
            )
            .with_label("due date passed")
            .with_help("implement the controls, or agree a new due date with the risk owner"),
        );
    }
}
