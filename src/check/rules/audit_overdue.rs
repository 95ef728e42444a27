//! audit/overdue: the last internal audit is older than the audit programme's interval, or
//! the programme has no audit yet (clause 9.2.2: audits at planned intervals).

use crate::check::Context;
use crate::diagnostics::{Code, Diagnostic, Sink};
use crate::model::overdue::passed;

pub fn check(cx: &Context<'_>, sink: &mut Sink) {
    let m = cx.model;
    let Some(programme) = m.programme() else {
        return;
    };
    let Some(interval) = programme.interval else {
        return;
    };
    let Some((audit, on, due)) = m.next_audit_due() else {
        // An audit whose date is missing is already a `field/missing`.
        if m.audits.is_empty() {
            sink.push(
                Diagnostic::new(
                    Code::AuditOverdue,
                    programme.id.span,
                    format!(
                        "the audit programme `{}` has no internal audit yet",
                        programme.id.text
                    ),
                )
                .with_label("no `audit` recorded")
                .with_secondary(interval.span, "audits are planned at this interval")
                .with_help(
                    "record each internal audit with `audit <id> \"Title\" { date … auditor … }`",
                ),
            );
        }
        return;
    };
    if !passed(due, cx.today) {
        return;
    }
    sink.push(
        Diagnostic::new(
            Code::AuditOverdue,
            on.span,
            format!(
                "the next internal audit was due on {due}; the last one, `{}`, was on {}",
                audit.id.text, on.date
            ),
        )
        .with_label(format!("more than {} ago", interval.period))
        .with_secondary(interval.span, "the programme's interval")
        .with_help("carry out the next audit of the programme and record it as an `audit`"),
    );
}
