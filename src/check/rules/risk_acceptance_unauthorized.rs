//! risk/acceptance-unauthorized: a treatment is accepted by a party that is neither the
//! risk owner (for a level at or below `accept`) nor given the authority for the level
//! with `accept LEVEL by PARTY` (clause 6.1.3 f).

use crate::check::acceptance::{verdict, Verdict};
use crate::check::Context;
use crate::diagnostics::{Code, Diagnostic, Sink};
use crate::model::Ref;

pub fn check(cx: &Context<'_>, sink: &mut Sink) {
    let Some(m) = cx.model.methodology() else {
        return;
    };
    for (risk, assessment) in cx.model.risks.iter().zip(&cx.assessments) {
        let Some(Verdict::Unauthorized {
            signoff,
            level,
            owner,
            authorities,
        }) = verdict(cx, risk, assessment.as_ref())
        else {
            continue;
        };
        let may: Vec<String> = owner
            .map(|o| format!("the risk owner `{}`", o.name))
            .into_iter()
            .chain(authorities.iter().map(|p: &&Ref| format!("`{}`", p.name)))
            .collect();
        let may = match may.as_slice() {
            [] => "nobody".to_string(),
            [one] => one.clone(),
            [init @ .., last] => format!("{} or {last}", init.join(", ")),
        };
        let stays = level
            .and_then(|l| m.levels.get(l))
            .map_or(String::new(), |l| {
                format!(", which stays `{}`,", l.name.text)
            });
        sink.push(
            Diagnostic::new(
                Code::RiskAcceptanceUnauthorized,
                signoff.by.span,
                format!(
                    "`{}` may not accept risk `{}`{stays} only {may} may",
                    signoff.by.name, risk.id.text
                ),
            )
            .with_label("not authorised to accept this risk")
            .with_help(format!(
                "have {may} sign, or give `{}` the authority in the methodology with `accept LEVEL by {}`",
                signoff.by.name, signoff.by.name
            )),
        );
    }
}
