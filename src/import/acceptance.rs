//! What an exported register's `Accepted as` column says about authority: a signer who
//! accepted "as risk owner" a risk owned by a role holds that role; a signer "authorised
//! to accept up to LEVEL" is an authority of the methodology (`accept LEVEL by P`); and
//! the highest level accepted by a risk owner is the least the owners may accept alone.
//! Registers without the column leave all three to confirm.

use super::parties::Parties;
use super::records::RiskRecord;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Acceptance {
    /// The highest remaining level a risk owner accepted, as written in the register.
    pub owner_level: Option<String>,
    /// (level, party ID) of each `accept LEVEL by P`.
    pub authorities: Vec<(String, String)>,
}

/// Read the acceptances; record in `parties` the roles their signers hold.
pub fn read(
    risks: &[RiskRecord],
    levels: &[(String, i64, i64)],
    parties: &mut Parties,
) -> Acceptance {
    let rank = |level: &str| {
        levels
            .iter()
            .position(|(l, ..)| l.eq_ignore_ascii_case(level.trim()))
    };
    let mut out = Acceptance::default();
    let mut best: Option<usize> = None;
    for r in risks {
        let (Some(by), Some(how)) = (&r.accepted_by, &r.accepted_as) else {
            continue;
        };
        let Some(signer) = parties.add(by) else {
            continue;
        };
        let how = how.trim().to_lowercase();
        if how == "risk owner" {
            let owner = r.owner.as_ref().and_then(|o| parties.add(o));
            if let Some(owner) = owner.filter(|o| *o != signer) {
                parties.hold(&signer, &owner);
            }
            // Without a remaining level (an accepted risk) the owner signs at any level:
            // that says nothing about the threshold.
            if let Some(i) = r.residual_level.as_deref().and_then(rank) {
                best = Some(best.map_or(i, |b| b.max(i)));
            }
        } else if let Some(level) = how
            .strip_prefix("authorised to accept up to ")
            .or_else(|| how.strip_prefix("authorized to accept up to "))
        {
            if let Some(i) = rank(level) {
                let entry = (levels[i].0.clone(), signer);
                if !out.authorities.contains(&entry) {
                    out.authorities.push(entry);
                }
            }
        }
    }
    out.owner_level = best.map(|i| levels[i].0.clone());
    out
}
