//! soa/exclusion-without-reason: the SoA must justify every exclusion (clause 6.1.3 d).

use crate::check::Context;
use crate::diagnostics::{Code, Diagnostic, Sink};

pub fn check(cx: &Context<'_>, sink: &mut Sink) {
    for e in &cx.model.exclusions {
        let empty = e.reason.as_deref().is_some_and(|r| r.trim().is_empty());
        if e.reason.is_some() && !empty {
            continue;
        }
        let ids: Vec<String> = e.controls.iter().map(|r| format!("`{}`", r.name)).collect();
        sink.push(
            Diagnostic::new(
                Code::SoaExclusionWithoutReason,
                e.keyword,
                format!("exclusion of {} gives no reason", ids.join(", ")),
            )
            .with_label(if empty {
                "empty reason"
            } else {
                "no `because`"
            })
            .with_help("add `because \"why the control does not apply\"`"),
        );
    }
}
