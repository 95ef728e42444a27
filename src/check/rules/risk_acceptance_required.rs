//! risk/acceptance-required: a risk left above the acceptance level needs a named,
//! dated acceptance (clause 6.1.3 f: risk owners approve the plan and accept the residual
//! risk).

use crate::check::Context;
use crate::diagnostics::{Code, Diagnostic, Sink};
use crate::model::Treatment;
use crate::model::TreatmentKind;

pub fn check(cx: &Context<'_>, sink: &mut Sink) {
    let Some(m) = cx.model.methodology() else {
        return;
    };
    let Some(accept) = m.accept_index() else {
        return;
    };
    let accept_name = m.levels.get(accept).map_or("", |l| l.name.text.as_str());
    for (risk, assessment) in cx.model.risks.iter().zip(&cx.assessments) {
        let (Some(t), Some(a)) = (&risk.treatment, assessment) else {
            continue;
        };
        // An acceptance may stand on a line of the treatment that did not parse or was
        // misspelt: that error is already reported, and this one would follow from it.
        // An acceptance signed by a person whose name is a placeholder is none: nobody
        // known accepted the risk (the name itself is `text/placeholder`).
        let by_placeholder = t
            .accepted
            .as_ref()
            .is_some_and(|s| cx.signed_by_placeholder(&s.by));
        if (t.common.has(&Treatment::ACCEPTED_BY) && !by_placeholder) || t.common.incomplete {
            continue;
        }
        let (level, score, after) = match t.kind {
            TreatmentKind::Avoid => continue,
            TreatmentKind::Accept => (a.level, Some(a.score), ""),
            TreatmentKind::Mitigate | TreatmentKind::Transfer => {
                (a.residual_level, a.residual_score, " after treatment")
            }
        };
        let (Some(level), Some(score)) = (level, score) else {
            continue;
        };
        if level <= accept {
            continue;
        }
        let level_name = m.levels.get(level).map_or("", |l| l.name.text.as_str());
        sink.push(
            Diagnostic::new(
                Code::RiskAcceptanceRequired,
                t.kind_span,
                format!(
                    "risk `{}` stays `{level_name}` (score {score}){after}, above the acceptance level `{accept_name}`, and nobody accepted it",
                    risk.id.text
                ),
            )
            .with_label(format!("`{}` leaves a `{level_name}` risk", t.kind))
            .with_help("add `accepted_by <person> on YYYY-MM-DD` to the treatment, or reduce the risk further"),
        );
    }
}
