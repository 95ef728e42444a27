//! risk/no-controls: a `mitigate` treatment must name the controls that mitigate.

use crate::check::Context;
use crate::diagnostics::{Code, Diagnostic, Sink};
use crate::model::Treatment;
use crate::model::TreatmentKind;

pub fn check(cx: &Context<'_>, sink: &mut Sink) {
    for risk in &cx.model.risks {
        let Some(t) = &risk.treatment else {
            continue;
        };
        if t.kind == TreatmentKind::Mitigate && t.common.lacks(&Treatment::CONTROLS) {
            sink.push(
                Diagnostic::new(
                    Code::RiskNoControls,
                    t.kind_span,
                    format!("risk `{}` is mitigated by no control", risk.id.text),
                )
                .with_label("`mitigate` without `controls`")
                .with_help("add `controls <control>, …` naming the controls that reduce the risk"),
            );
        }
    }
}
