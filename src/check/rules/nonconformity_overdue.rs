//! nonconformity/overdue: an open nonconformity past its due date (clause 10.2: corrective
//! actions are taken in time). `model::overdue` decides, as for every document.

use crate::check::Context;
use crate::diagnostics::{Code, Diagnostic, Sink};
use crate::model::overdue::nonconformity_overdue;

pub fn check(cx: &Context<'_>, sink: &mut Sink) {
    for nc in &cx.model.nonconformities {
        let Some(due) = nc.due.filter(|_| nonconformity_overdue(nc, cx.today)) else {
            continue;
        };
        sink.push(
            Diagnostic::new(
                Code::NonconformityOverdue,
                due.span,
                format!(
                    "nonconformity `{}` is still open; its corrective action was due on {}",
                    nc.id.text, due.date
                ),
            )
            .with_label("due date passed")
            .with_help("complete the corrective action and close it, or agree a new due date with its owner"),
        );
    }
}
