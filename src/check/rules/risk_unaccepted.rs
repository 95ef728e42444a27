//! risk/unaccepted: a treatment without `accepted_by` (clause 6.1.3 f: the risk owners
//! approve the treatment plan and accept the residual risk).

use crate::check::acceptance::{verdict, Verdict};
use crate::check::Context;
use crate::diagnostics::{Code, Diagnostic, Sink};

pub fn check(cx: &Context<'_>, sink: &mut Sink) {
    for (risk, assessment) in cx.model.risks.iter().zip(&cx.assessments) {
        let Some(Verdict::Unaccepted) = verdict(cx, risk, assessment.as_ref()) else {
            continue;
        };
        let Some(t) = &risk.treatment else {
            continue;
        };
        let owner = risk
            .owner
            .as_ref()
            .map_or("<owner>".to_string(), |o| o.name.clone());
        sink.push(
            Diagnostic::new(
                Code::RiskUnaccepted,
                t.kind_span,
                format!(
                    "nobody accepted the `{}` treatment of risk `{}`",
                    t.kind, risk.id.text
                ),
            )
            .with_label("no `accepted_by`")
            .with_help(format!(
                "record the risk owner's approval in the treatment: `accepted_by {owner} on YYYY-MM-DD`"
            )),
        );
    }
}
