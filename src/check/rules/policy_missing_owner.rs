//! policy/missing-owner: every policy has an owner who keeps it current (clause 5.2,
//! control 5.1).

use crate::check::Context;
use crate::diagnostics::{Code, Diagnostic, Sink};
use crate::model::Policy;

pub fn check(cx: &Context<'_>, sink: &mut Sink) {
    for p in cx
        .model
        .policies
        .iter()
        .filter(|p| p.common.lacks(&Policy::OWNER))
    {
        sink.push(
            Diagnostic::new(
                Code::PolicyMissingOwner,
                p.id.span,
                format!("policy `{}` has no owner", p.id.text),
            )
            .with_label("no `owner`")
            .with_help("add `owner <person or role>`"),
        );
    }
}
