//! risk/no-assets: a risk should name the assets it threatens.

use crate::check::Context;
use crate::diagnostics::{Code, Diagnostic, Sink};
use crate::model::Risk;

pub fn check(cx: &Context<'_>, sink: &mut Sink) {
    for risk in cx
        .model
        .risks
        .iter()
        .filter(|r| r.common.lacks(&Risk::ASSETS))
    {
        sink.push(
            Diagnostic::new(
                Code::RiskNoAssets,
                risk.id.span,
                format!("risk `{}` names no asset", risk.id.text),
            )
            .with_label("no `assets`")
            .with_help("add `assets <asset>, …` so the risk register shows what is at stake"),
        );
    }
}
