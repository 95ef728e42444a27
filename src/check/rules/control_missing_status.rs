//! control/missing-status: every control declaration records how far it is implemented.

use crate::check::Context;
use crate::diagnostics::{Code, Diagnostic, Sink};
use crate::model::Control;

pub fn check(cx: &Context<'_>, sink: &mut Sink) {
    for c in cx
        .model
        .controls
        .iter()
        .filter(|c| c.common.lacks(&Control::STATUS))
    {
        sink.push(
            Diagnostic::new(
                Code::ControlMissingStatus,
                c.id.span,
                format!("control `{}` has no status", c.id.text),
            )
            .with_label("no `status`")
            .with_help("add `status implemented|partial|planned|not-implemented`"),
        );
    }
}
