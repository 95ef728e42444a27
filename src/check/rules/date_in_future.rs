//! date/in-future: the date of something that has already happened lies after today.
//!
//! Which dates those are is part of each kind's schema: a field marked `past`
//! (`FieldSpec::past`: approvals, acceptances, `reviewed`, `raised`, `closed`,
//! `completed`, `measured`, the dates of incidents, audits and management reviews). The
//! rule reads every date the kinds visit (`Model::each_date`) and keeps those, so a new
//! past-event field is covered once its schema entry says so. Planned dates (`due`) may
//! lie ahead.

use crate::check::Context;
use crate::diagnostics::{Code, Diagnostic, Sink};

pub fn check(cx: &Context<'_>, sink: &mut Sink) {
    cx.model.each_date(&mut |dated, field| {
        if !field.past || dated.date <= cx.today {
            return;
        }
        sink.push(
            Diagnostic::new(
                Code::DateInFuture,
                dated.span,
                format!(
                    "`{}` of `{}` is after today ({})",
                    dated.date, field.name, cx.today
                ),
            )
            .with_label("this has not happened yet")
            .with_help(format!(
                "write the date on which it happened; `{}` records what is done, not what is planned",
                field.name
            )),
        );
    });
}
