//! asset/unassessed: an asset that no risk names has not been through risk assessment
//! (clause 6.1.2).

use crate::check::Context;
use crate::diagnostics::{Code, Diagnostic, Sink};
use crate::model::graph::{EdgeKind, Node};

pub fn check(cx: &Context<'_>, sink: &mut Sink) {
    if cx.names_unknown() {
        return;
    }
    for (i, a) in cx.model.assets.iter().enumerate() {
        if !cx
            .trace
            .targets(Node::Asset(i), EdgeKind::AssessedBy)
            .is_empty()
        {
            continue;
        }
        sink.push(
            Diagnostic::new(
                Code::AssetUnassessed,
                a.id.span,
                format!("asset `{}` is not named by any risk", a.id.text),
            )
            .with_label("not assessed")
            .with_help(format!(
                "assess the risks to it and name it in their `assets`, e.g. `assets {}`",
                a.id.text
            )),
        );
    }
}
