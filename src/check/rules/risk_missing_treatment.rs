//! risk/missing-treatment: every risk needs a treatment decision (clause 6.1.3).

use crate::check::Context;
use crate::diagnostics::{Code, Diagnostic, Sink};
use crate::model::Risk;

pub fn check(cx: &Context<'_>, sink: &mut Sink) {
    for risk in cx
        .model
        .risks
        .iter()
        .filter(|r| r.common.lacks(&Risk::TREATMENT))
    {
        sink.push(
            Diagnostic::new(
                Code::RiskMissingTreatment,
                risk.id.span,
                format!("risk `{}` has no treatment", risk.id.text),
            )
            .with_label("no `treatment`")
            .with_help(
                "add `treatment mitigate { controls … }`, or `accept`, `transfer` or `avoid`",
            ),
        );
    }
}
