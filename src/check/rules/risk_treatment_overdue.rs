//! risk/treatment-overdue: a treatment's due date has passed while its action is not
//! complete: one of its controls is still not implemented, or an `avoid` (or a `transfer`
//! without controls) has no `done` (clause 6.1.3 e, 8.3). `model::overdue` decides, as for
//! every document.

use crate::check::Context;
use crate::diagnostics::{Code, Diagnostic, Sink};
use crate::model::overdue::{completed_by_done, pending_controls, treatment_overdue};

pub fn check(cx: &Context<'_>, sink: &mut Sink) {
    let m = cx.model;
    for risk in &m.risks {
        let Some(t) = &risk.treatment else {
            continue;
        };
        let Some(due) = t.due.filter(|_| treatment_overdue(m, t, cx.today)) else {
            continue;
        };
        let (what, help) = if completed_by_done(t) {
            (
                format!("its `{}` is not recorded as done", t.kind),
                "record `done YYYY-MM-DD` when the action is complete, or agree a new due date with the risk owner",
            )
        } else {
            let pending: Vec<String> = pending_controls(m, t)
                .iter()
                .map(|r| format!("`{}`", r.name))
                .collect();
            let what = if pending.len() == 1 {
                format!("{} is not implemented", pending.join(""))
            } else {
                format!("{} are not implemented", pending.join(", "))
            };
            (
                what,
                "implement the controls, or agree a new due date with the risk owner",
            )
        };
        sink.push(
            Diagnostic::new(
                Code::RiskTreatmentOverdue,
                due.span,
                format!(
                    "the treatment of risk `{}` was due on {}, but {what}",
                    risk.id.text, due.date
                ),
            )
            .with_label("due date passed")
            .with_help(help),
        );
    }
}
