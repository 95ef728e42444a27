//! objective/missing-owner: an objective without `owner` (clause 6.2 g: who will be
//! responsible).

use crate::check::Context;
use crate::diagnostics::{Code, Diagnostic, Sink};
use crate::model::Objective;

pub fn check(cx: &Context<'_>, sink: &mut Sink) {
    for o in &cx.model.objectives {
        if !o.common.lacks(&Objective::OWNER) {
            continue;
        }
        sink.push(
            Diagnostic::new(
                Code::ObjectiveMissingOwner,
                o.id.span,
                format!("objective `{}` has no owner", o.id.text),
            )
            .with_label("no `owner`")
            .with_help("add `owner <person or role>`: the one responsible for reaching it"),
        );
    }
}
