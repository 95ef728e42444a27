//! Inlay hints: a risk's score and level after its `impact`, and the residual score and
//! level after `residual likelihood N impact N`.

use isms::model::methodology::assess;
use isms::source::FileId;
use tower_lsp_server::ls_types::{InlayHint, InlayHintKind, InlayHintLabel, InlayHintTooltip};

use crate::analysis::Analysis;

/// The hints of one file within byte range `from..to`.
pub fn inlay_hints(a: &Analysis, file: FileId, from: usize, to: usize) -> Vec<InlayHint> {
    let m = &a.compilation.model;
    let Some(method) = m.methodology() else {
        return Vec::new();
    };
    let level_name = |i: Option<usize>| {
        i.and_then(|i| method.levels.get(i))
            .map_or("no level", |l| l.name.text.as_str())
    };
    let mut out = Vec::new();
    let mut hint = |offset: usize, label: String, tooltip: String| {
        if offset < from || offset > to {
            return;
        }
        if let Some(position) = a.position(file, offset) {
            out.push(InlayHint {
                position,
                label: InlayHintLabel::String(label),
                kind: Some(InlayHintKind::TYPE),
                text_edits: None,
                tooltip: Some(InlayHintTooltip::String(tooltip)),
                padding_left: Some(true),
                padding_right: None,
                data: None,
            });
        }
    };
    for risk in m.risks.iter().filter(|r| r.id.span.file == file) {
        let (Some(l), Some(i)) = (risk.likelihood, risk.impact) else {
            continue;
        };
        let Some(assessment) = assess(risk, method) else {
            continue;
        };
        // After whichever of the two comes last in the text.
        let after = l.span.end().max(i.span.end());
        hint(
            after,
            format!("= {} {}", assessment.score, level_name(assessment.level)),
            format!(
                "risk {}: likelihood {} × impact {} = {}",
                risk.id.text, l.value, i.value, assessment.score
            ),
        );
        let residual = risk.treatment.as_ref().and_then(|t| t.residual.as_ref());
        if let (Some(r), Some(score)) = (residual, assessment.residual_score) {
            let after = r.likelihood.span.end().max(r.impact.span.end());
            hint(
                after,
                format!("= {} {}", score, level_name(assessment.residual_level)),
                format!(
                    "residual: likelihood {} × impact {} = {score}",
                    r.likelihood.value, r.impact.value
                ),
            );
        }
    }
    out
}
