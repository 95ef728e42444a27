//! policy/unapproved: a policy without a recorded management approval (control 5.1).

use crate::check::Context;
use crate::diagnostics::{Code, Diagnostic, Sink};
use crate::model::Policy;

pub fn check(cx: &Context<'_>, sink: &mut Sink) {
    for p in cx
        .model
        .policies
        .iter()
        .filter(|p| p.common.lacks(&Policy::APPROVED_BY))
    {
        sink.push(
            Diagnostic::new(
                Code::PolicyUnapproved,
                p.id.span,
                format!("policy `{}` has no recorded approval", p.id.text),
            )
            .with_label("no `approved_by`")
            .with_help("add `approved_by <person> on YYYY-MM-DD` once management approved it"),
        );
    }
}
