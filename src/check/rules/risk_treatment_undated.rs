//! risk/treatment-undated: a treatment that plans action while the risk is above the
//! `accept` level has no `due` date (clause 6.1.3 e: a plan needs a timeframe).

use crate::check::Context;
use crate::diagnostics::{Code, Diagnostic, Sink};
use crate::model::{Treatment, TreatmentKind};

pub fn check(cx: &Context<'_>, sink: &mut Sink) {
    let Some(m) = cx.model.methodology() else {
        return;
    };
    let Some(accept) = m.accept_index() else {
        return;
    };
    for (risk, assessment) in cx.model.risks.iter().zip(&cx.assessments) {
        let (Some(t), Some(a)) = (&risk.treatment, assessment) else {
            continue;
        };
        match t.kind {
            // Plans no action: its acceptance covers the inherent level.
            TreatmentKind::Accept => continue,
            TreatmentKind::Mitigate | TreatmentKind::Transfer | TreatmentKind::Avoid => {}
        }
        if t.common.incomplete || risk.common.incomplete || t.common.has(&Treatment::DUE) {
            continue;
        }
        let Some(current) = a.current_level.filter(|&l| l > accept) else {
            continue;
        };
        let level = m.levels.get(current).map_or("", |l| l.name.text.as_str());
        sink.push(
            Diagnostic::new(
                Code::RiskTreatmentUndated,
                t.kind_span,
                format!(
                    "the `{}` treatment of risk `{}` has no `due` date while the risk is `{level}`",
                    t.kind, risk.id.text
                ),
            )
            .with_label(format!("the risk is `{level}` until this is done"))
            .with_help(
                "add `due YYYY-MM-DD` to the treatment: the date its action is to be complete",
            ),
        );
    }
}
