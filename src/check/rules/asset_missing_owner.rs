//! asset/missing-owner: every asset has an owner (control 5.9).

use crate::check::Context;
use crate::diagnostics::{Code, Diagnostic, Sink};
use crate::model::Asset;

pub fn check(cx: &Context<'_>, sink: &mut Sink) {
    for a in cx
        .model
        .assets
        .iter()
        .filter(|a| a.common.lacks(&Asset::OWNER))
    {
        sink.push(
            Diagnostic::new(
                Code::AssetMissingOwner,
                a.id.span,
                format!("asset `{}` has no owner", a.id.text),
            )
            .with_label("no `owner`")
            .with_help("add `owner <person or role>`"),
        );
    }
}
