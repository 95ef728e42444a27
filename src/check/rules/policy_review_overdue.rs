//! policy/review-overdue: a policy whose approval date plus its review period has passed
//! (control 5.1: policies are reviewed at planned intervals).

use crate::check::Context;
use crate::diagnostics::{Code, Diagnostic, Sink};
use crate::model::overdue;

pub fn check(cx: &Context<'_>, sink: &mut Sink) {
    for p in &cx.model.policies {
        let (Some(review), Some(on)) = (p.review, p.approved.as_ref().and_then(|a| a.on)) else {
            continue;
        };
        let Some(due) = overdue::policy_next_review(p) else {
            continue;
        };
        if !overdue::passed(due, cx.today) {
            continue;
        }
        sink.push(
            Diagnostic::new(
                Code::PolicyReviewOverdue,
                on.span,
                format!("policy `{}` was due for review on {due}", p.id.text),
            )
            .with_label(format!("approved more than {} ago", review.period))
            .with_secondary(review.span, "review period set here")
            .with_help("review the policy, then record the new approval with `approved_by … on …`"),
        );
    }
}
