//! risk/missing-owner: every risk needs an accountable owner (clause 6.1.2 c 2).

use crate::check::Context;
use crate::diagnostics::{Code, Diagnostic, Sink};
use crate::model::Risk;

pub fn check(cx: &Context<'_>, sink: &mut Sink) {
    for risk in cx
        .model
        .risks
        .iter()
        .filter(|r| r.common.lacks(&Risk::OWNER))
    {
        sink.push(
            Diagnostic::new(
                Code::RiskMissingOwner,
                risk.id.span,
                format!("risk `{}` has no owner", risk.id.text),
            )
            .with_label("no `owner`")
            .with_help("add `owner <person or role>`"),
        );
    }
}
