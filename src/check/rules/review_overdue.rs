//! review/overdue: the last management review is more than 12 months old (clause 9.3.1:
//! top management reviews the ISMS at planned intervals).

use chrono::Months;

use crate::check::Context;
use crate::diagnostics::{Code, Diagnostic, Sink};

/// The longest gap between management reviews an auditor accepts without question.
pub const INTERVAL_MONTHS: u32 = 12;

pub fn check(cx: &Context<'_>, sink: &mut Sink) {
    let latest = cx
        .model
        .reviews
        .iter()
        .filter_map(|r| r.date.map(|d| (r, d)))
        .max_by_key(|(_, d)| d.date);
    let Some((review, on)) = latest else {
        return;
    };
    let Some(due) = on.date.checked_add_months(Months::new(INTERVAL_MONTHS)) else {
        return;
    };
    if due >= cx.today {
        return;
    }
    sink.push(
        Diagnostic::new(
            Code::ReviewOverdue,
            on.span,
            format!(
                "the last management review, `{}`, was on {}; the next was due on {due}",
                review.id.text, on.date
            ),
        )
        .with_label(format!("more than {INTERVAL_MONTHS} months ago"))
        .with_help("hold the management review and record it as a `management_review`"),
    );
}
