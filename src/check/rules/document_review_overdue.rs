//! document/review-overdue: a `document` whose `next_review` has passed (clause 7.5.2:
//! documents are reviewed for suitability). The document is printed as a DRAFT for the
//! same reason, by the same definition (`model::overdue::passed`).

use crate::check::Context;
use crate::diagnostics::{Code, Diagnostic, Sink};
use crate::model::overdue;

pub fn check(cx: &Context<'_>, sink: &mut Sink) {
    for d in &cx.model.documents {
        let Some(next) = d.next_review else {
            continue;
        };
        if !overdue::passed(next.date, cx.today) {
            continue;
        }
        sink.push(
            Diagnostic::new(
                Code::DocumentReviewOverdue,
                next.span,
                format!("document `{}` was due for review on {}", d.id.text, next.date),
            )
            .with_label("review date passed")
            .with_help(
                "review the document, then record the new approval with `approved_by … on …` and the next `next_review`",
            ),
        );
    }
}
