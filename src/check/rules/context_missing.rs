//! context/missing: an ISMS in operation (it records an audit programme or a management
//! review) that declares no internal or external `issue` (clause 4.1) or no
//! `interested_party` (clause 4.2).

use crate::check::Context;
use crate::diagnostics::{Code, Diagnostic, Sink};
use crate::source::Span;

pub fn check(cx: &Context<'_>, sink: &mut Sink) {
    let m = cx.model;
    // The minimal project (scope, risks, controls, a policy) is not yet asked for its
    // context: the rule starts once the ISMS records its own operation, whose management
    // review must consider changes in these issues and needs (9.3.2 b, c).
    let Some((what, at)) = in_operation(cx) else {
        return;
    };
    let mut missing = Vec::new();
    if m.issues.is_empty() {
        missing.push("no `issue` (clause 4.1)");
    }
    if m.interested_parties.is_empty() {
        missing.push("no `interested_party` (clause 4.2)");
    }
    if missing.is_empty() {
        return;
    }
    sink.push(
        Diagnostic::new(
            Code::ContextMissing,
            at,
            format!("the project declares {}", missing.join(" and ")),
        )
        .with_label(format!("{what}, but the context it works in is not declared"))
        .with_help(
            "declare the internal and external issues (`issue <id> \"Title\" { kind internal|external }`) \
             and the interested parties (`interested_party <id> \"Title\" { needs \"…\" }`)",
        ),
    );
}

/// What shows the ISMS in operation, and where: the first management review, else the
/// audit programme.
fn in_operation(cx: &Context<'_>) -> Option<(&'static str, Span)> {
    let m = cx.model;
    if let Some(r) = m.reviews.first() {
        return Some(("the ISMS holds management reviews", r.id.span));
    }
    m.programme()
        .map(|p| ("the ISMS has an audit programme", p.id.span))
}
