//! policy/unapproved: a policy without a recorded management approval (control 5.1).
//! An approval signed by a person whose name is a placeholder (`"TODO: Full Name"`) is
//! not one: nobody can tell who approved.

use crate::check::Context;
use crate::diagnostics::{Code, Diagnostic, Sink};
use crate::model::Policy;

pub fn check(cx: &Context<'_>, sink: &mut Sink) {
    for p in &cx.model.policies {
        let diagnostic = if p.common.lacks(&Policy::APPROVED_BY) {
            Diagnostic::new(
                Code::PolicyUnapproved,
                p.id.span,
                format!("policy `{}` has no recorded approval", p.id.text),
            )
            .with_label("no `approved_by`")
            .with_help("add `approved_by <person> on YYYY-MM-DD` once management approved it")
        } else if let Some(signer) = p
            .approved
            .as_ref()
            .map(|a| &a.by)
            .filter(|by| cx.signed_by_placeholder(by))
        {
            Diagnostic::new(
                Code::PolicyUnapproved,
                p.id.span,
                format!(
                    "policy `{}` has no recorded approval: `{}` has a placeholder for a name",
                    p.id.text, signer.name
                ),
            )
            .with_label("approved by nobody known")
            .with_help(format!(
                "write the real name of `{}`, the person who approved it",
                signer.name
            ))
        } else {
            continue;
        };
        sink.push(diagnostic);
    }
}
