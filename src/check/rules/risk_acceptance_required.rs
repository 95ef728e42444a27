//! risk/acceptance-required: the level a treatment leaves is above every level anyone may
//! accept, the risk owner's `accept` level and every `accept LEVEL by PARTY` (clause
//! 6.1.3 f: nobody can accept the residual risk, so it must be reduced further).

use crate::check::acceptance::{verdict, Verdict};
use crate::check::Context;
use crate::diagnostics::{Code, Diagnostic, Sink};

pub fn check(cx: &Context<'_>, sink: &mut Sink) {
    let Some(m) = cx.model.methodology() else {
        return;
    };
    let highest = m
        .highest_acceptable()
        .and_then(|i| m.levels.get(i))
        .map_or("", |l| l.name.text.as_str());
    for (risk, assessment) in cx.model.risks.iter().zip(&cx.assessments) {
        let Some(Verdict::Required { level, score }) = verdict(cx, risk, assessment.as_ref())
        else {
            continue;
        };
        let Some(t) = &risk.treatment else {
            continue;
        };
        let level_name = m.levels.get(level).map_or("", |l| l.name.text.as_str());
        sink.push(
            Diagnostic::new(
                Code::RiskAcceptanceRequired,
                t.kind_span,
                format!(
                    "risk `{}` stays `{level_name}` (score {score}), above `{highest}`, the highest level anyone may accept",
                    risk.id.text
                ),
            )
            .with_label(format!("`{}` leaves a `{level_name}` risk", t.kind))
            .with_help(format!(
                "reduce the risk further, or give a party the authority in the methodology: `accept {level_name} by <person or role>`"
            )),
        );
    }
}
