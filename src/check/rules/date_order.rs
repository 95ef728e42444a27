//! date/order: a record's dates contradict each other.
//!
//! The pairs of dates of one record that have an order, from the kinds' schemas (the
//! doc page lists them): a nonconformity is `closed` no earlier than it was `raised`, and
//! its action is `due` no earlier than it was `raised`. One diagnostic per record: at the
//! later date when one pair is out of order, at `raised` when both are (then `raised` is
//! the date that is wrong).

use crate::check::Context;
use crate::diagnostics::{Code, Diagnostic, Sink};
use crate::model::values::Dated;

pub fn check(cx: &Context<'_>, sink: &mut Sink) {
    for nc in &cx.model.nonconformities {
        let Some(raised) = nc.raised else {
            continue;
        };
        let before = |d: Option<Dated>| d.filter(|d| d.date < raised.date);
        let id = &nc.id.text;
        let d = match (before(nc.closed), before(nc.due)) {
            (None, None) => continue,
            (Some(closed), None) => Diagnostic::new(
                Code::DateOrder,
                closed.span,
                format!("nonconformity `{id}` is closed before it was raised"),
            )
            .with_label(format!("closed {}", closed.date))
            .with_secondary(raised.span, format!("raised {}", raised.date))
            .with_help("correct whichever date is wrong: a nonconformity is closed on or after the day it was raised"),
            (None, Some(due)) => Diagnostic::new(
                Code::DateOrder,
                due.span,
                format!("the action of nonconformity `{id}` is due before it was raised"),
            )
            .with_label(format!("due {}", due.date))
            .with_secondary(raised.span, format!("raised {}", raised.date))
            .with_help("correct whichever date is wrong: a corrective action is due on or after the day the nonconformity was raised"),
            (Some(closed), Some(due)) => Diagnostic::new(
                Code::DateOrder,
                raised.span,
                format!("nonconformity `{id}` is raised after it was closed and after its action was due"),
            )
            .with_label(format!("raised {}", raised.date))
            .with_secondary(closed.span, format!("closed {}", closed.date))
            .with_secondary(due.span, format!("due {}", due.date))
            .with_help("write the date on which the nonconformity was raised"),
        };
        sink.push(d);
    }
}
