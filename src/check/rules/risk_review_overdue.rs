//! risk/review-overdue: risks are re-assessed at the interval the methodology sets
//! (clause 8.2).

use crate::check::Context;
use crate::diagnostics::{Code, Diagnostic, Sink};
use crate::model::overdue::passed;
use crate::model::Risk;

pub fn check(cx: &Context<'_>, sink: &mut Sink) {
    let Some(review) = cx.model.methodology().and_then(|m| m.review) else {
        return;
    };
    for risk in &cx.model.risks {
        match risk.reviewed {
            None if risk.common.lacks(&Risk::REVIEWED) => sink.push(
                Diagnostic::new(
                    Code::RiskReviewOverdue,
                    risk.id.span,
                    format!(
                        "risk `{}` has no `reviewed` date, but risks are reviewed every {}",
                        risk.id.text, review.period
                    ),
                )
                .with_label("never reviewed")
                .with_help("add `reviewed YYYY-MM-DD` with the date of the last assessment")
                .with_secondary(review.span, "review period set here"),
            ),
            Some(reviewed) => {
                let Some(due) = cx.model.risk_next_review(risk) else {
                    continue;
                };
                if passed(due, cx.today) {
                    sink.push(
                        Diagnostic::new(
                            Code::RiskReviewOverdue,
                            reviewed.span,
                            format!("risk `{}` was due for review on {due}", risk.id.text),
                        )
                        .with_label(format!("last reviewed more than {} ago", review.period))
                        .with_secondary(review.span, "review period set here")
                        .with_help("re-assess the risk and update `reviewed`"),
                    );
                }
            }
            None => {}
        }
    }
}
