//! control/missing-owner: every control declaration names who is responsible for it.

use crate::check::Context;
use crate::diagnostics::{Code, Diagnostic, Sink};
use crate::model::Control;

pub fn check(cx: &Context<'_>, sink: &mut Sink) {
    for c in cx
        .model
        .controls
        .iter()
        .filter(|c| c.common.lacks(&Control::OWNER))
    {
        sink.push(
            Diagnostic::new(
                Code::ControlMissingOwner,
                c.id.span,
                format!("control `{}` has no owner", c.id.text),
            )
            .with_label("no `owner`")
            .with_help("add `owner <person or role>`"),
        );
    }
}
