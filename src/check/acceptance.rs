//! Who must accept a risk, and whether they did (clause 6.1.3 f). One verdict per risk,
//! so that `risk/acceptance-required`, `risk/unaccepted` and
//! `risk/acceptance-unauthorized` never report the same risk twice.

use super::Context;
use crate::model::methodology::{signer_is, Assessment};
use crate::model::{Kind, Methodology, Ref, Referent, Risk, Signoff, Treatment, TreatmentKind};

/// What is wrong with a risk's acceptance.
pub enum Verdict<'a> {
    /// The remaining level is above every level anyone may accept.
    Required { level: usize, score: i64 },
    /// Nobody signed.
    Unaccepted,
    /// The wrong party signed; `owner` is set when the risk owner may sign.
    Unauthorized {
        signoff: &'a Signoff,
        level: Option<usize>,
        owner: Option<&'a Ref>,
        authorities: Vec<&'a Ref>,
    },
}

/// The level that remains after the treatment, which its acceptance covers: the target
/// residual level (the inherent level for `accept`, or when no residual is declared).
/// `avoid` leaves none: its risk owner approves the plan.
pub fn remaining(t: &Treatment, a: &Assessment) -> Option<(usize, i64)> {
    match t.kind {
        TreatmentKind::Avoid => None,
        TreatmentKind::Accept => a.level.map(|l| (l, a.score)),
        TreatmentKind::Mitigate | TreatmentKind::Transfer => a.residual_level.zip(a.residual_score),
    }
}

/// The verdict on a risk's acceptance; `None` when it is in order or cannot be judged.
pub fn verdict<'a>(
    cx: &Context<'a>,
    risk: &'a Risk,
    assessment: Option<&Assessment>,
) -> Option<Verdict<'a>> {
    let t = risk.treatment.as_ref()?;
    // A treatment whose block has an error: its level cannot be trusted, and the error
    // is the one message.
    if t.common.incomplete || risk.common.incomplete {
        return None;
    }
    let m = cx.model.methodology();
    let judged = m.and_then(|m| Some((m, m.accept_index()?, m.highest_acceptable()?)));
    // The remaining level, when the methodology and the ratings give one; `Err` when a
    // level should exist but is unknown (an unreadable or off-scale rating).
    let level = match (t.kind, assessment) {
        (TreatmentKind::Avoid, _) => Ok(None),
        (_, Some(a)) => remaining(t, a).map(Some).ok_or(()),
        (_, None) => Err(()),
    };
    if let (Some((_, _, highest)), Ok(Some((level, score)))) = (judged, level) {
        if level > highest {
            return Some(Verdict::Required { level, score });
        }
    }
    // A person whose name is a placeholder (`"TODO: Full Name"`) signs nothing: nobody
    // known accepted the risk (the name itself is `text/placeholder`).
    let signed = t
        .accepted
        .as_ref()
        .filter(|s| !cx.signed_by_placeholder(&s.by));
    let Some(signoff) = signed else {
        // Written but unreadable: that error is the message.
        if t.accepted.is_none() && t.common.has(&Treatment::ACCEPTED_BY) {
            return None;
        }
        return Some(Verdict::Unaccepted);
    };
    let (m, accept, _) = judged?;
    let level = level.ok()?.map(|(l, _)| l);
    // Who signed is checked only against an owner that resolves, by a signer that does.
    let owner = risk.owner.as_ref()?;
    if !is_party(cx, owner) || !is_party(cx, &signoff.by) {
        return None;
    }
    let owner_may = level.is_none_or(|l| l <= accept);
    let authorities = authorities(m, level.unwrap_or(0));
    let allowed = (owner_may && signer_is(cx.model, owner, &signoff.by))
        || authorities
            .iter()
            .any(|p| signer_is(cx.model, p, &signoff.by));
    // An authority line whose party does not resolve is `ref/unknown`: that one mistake
    // is the message, not every acceptance the party would have signed.
    if allowed || authorities.iter().any(|p| !is_party(cx, p)) {
        return None;
    }
    Some(Verdict::Unauthorized {
        signoff,
        level,
        owner: owner_may.then_some(owner),
        authorities,
    })
}

fn authorities(m: &Methodology, level: usize) -> Vec<&Ref> {
    m.authorities_for(level).map(|a| &a.by).collect()
}

fn is_party(cx: &Context<'_>, r: &Ref) -> bool {
    matches!(
        cx.model.resolution.target(r),
        Some(Referent::Decl(Kind::Person | Kind::Role, _))
    )
}
