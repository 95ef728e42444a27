//! Audit coverage (clause 9.2): which clauses of 4–10 and which applicable Annex A
//! controls each audit of the programme's current cycle covered, and which none did.
//!
//! The one definition: `audit/coverage-gap`, the audit coverage document and readiness
//! (9.2) all read [`audit_coverage`].

use chrono::NaiveDate;

use super::clauses::{auditable, Clause};
use super::values::{Period, Ref};
use super::{Kind, Model};

/// The coverage of the programme's current cycle.
#[derive(Debug, Clone, PartialEq)]
pub struct Coverage {
    /// The cycle's length, as the programme declares it; without one, every audit
    /// recorded so far makes one cycle.
    pub cycle: Option<Period>,
    /// The day before the cycle's first day (audits after it count), if the cycle has a
    /// length.
    pub after: Option<NaiveDate>,
    /// The cycle's last day: today.
    pub until: NaiveDate,
    /// The audits of the cycle (indices into `Model::audits`), in model order.
    pub audits: Vec<usize>,
    /// Every clause of 4–10 that is not a heading, with the audits that covered it.
    pub clauses: Vec<Covered<&'static Clause>>,
    /// Every applicable control of the SoA's catalog (an index into `Model::slots`), in
    /// catalog order, with the audits that covered it.
    pub controls: Vec<Covered<usize>>,
    /// Whether what an audit of the cycle covered is partly unknown: a block that did not
    /// parse, a misspelt clause or a control that does not resolve. Gaps are then not
    /// reported, since the one message is the error.
    pub uncertain: bool,
}

/// One clause or control and the audits (indices into `Model::audits`) that covered it.
#[derive(Debug, Clone, PartialEq)]
pub struct Covered<T> {
    pub what: T,
    pub by: Vec<usize>,
}

impl<T: Copy> Covered<T> {
    pub fn is_gap(&self) -> bool {
        self.by.is_empty()
    }
}

impl Coverage {
    /// The clauses no audit of the cycle covered.
    pub fn clause_gaps(&self) -> impl Iterator<Item = &'static Clause> + '_ {
        self.clauses.iter().filter(|c| c.is_gap()).map(|c| c.what)
    }

    /// The applicable controls (slots) no audit of the cycle covered.
    pub fn control_gaps(&self) -> impl Iterator<Item = usize> + '_ {
        self.controls.iter().filter(|c| c.is_gap()).map(|c| c.what)
    }

    pub fn has_gaps(&self) -> bool {
        self.clause_gaps().next().is_some() || self.control_gaps().next().is_some()
    }
}

/// The coverage of the audit programme's current cycle as of `today`: the audits dated
/// within the last `cycle` (or all audits up to today when the programme declares no
/// cycle). `None` when the project has no programme.
pub fn audit_coverage(m: &Model, today: NaiveDate) -> Option<Coverage> {
    let programme = m.programme()?;
    let cycle = programme.cycle.map(|c| c.period);
    let after = cycle.and_then(|p| before(p, today));
    let audits: Vec<usize> = m
        .audits
        .iter()
        .enumerate()
        .filter(|(_, a)| {
            a.date
                .is_some_and(|d| d.date <= today && after.is_none_or(|from| d.date > from))
        })
        .map(|(i, _)| i)
        .collect();
    let clauses = auditable()
        .map(|clause| Covered {
            what: clause,
            by: audits
                .iter()
                .copied()
                .filter(|&i| {
                    m.audits
                        .get(i)
                        .is_some_and(|a| a.clauses.iter().any(|n| clause.covered_by(n)))
                })
                .collect(),
        })
        .collect();
    let slot_of = |r: &Ref| m.resolution.decl(r, Kind::Control);
    // Which audits of the cycle named each slot, by slot.
    let mut audited: Vec<Vec<usize>> = vec![Vec::new(); m.slots.len()];
    let mut uncertain = false;
    for &i in &audits {
        let Some(a) = m.audits.get(i) else { continue };
        uncertain |= a.common.incomplete || a.unknown_clauses;
        for r in &a.controls {
            match slot_of(r).and_then(|s| audited.get_mut(s)) {
                Some(by) => by.push(i),
                None => uncertain = true,
            }
        }
    }
    let applicable = applicable_slots(m);
    let controls = m
        .slots
        .iter()
        .enumerate()
        .filter(|(s, slot)| {
            applicable.get(*s).copied().unwrap_or(false)
                && slot.entry.is_some_and(|(c, _)| Some(c) == m.soa_catalog)
        })
        .map(|(s, _)| Covered {
            what: s,
            by: audited.get(s).cloned().unwrap_or_default(),
        })
        .collect();
    Some(Coverage {
        cycle,
        after,
        until: today,
        audits,
        clauses,
        controls,
        uncertain,
    })
}

/// Which slots are applicable: a risk's treatment or a requirement names them (as in the
/// Statement of Applicability).
pub fn applicable_slots(m: &Model) -> Vec<bool> {
    let mut applicable = vec![false; m.slots.len()];
    let treated = m
        .risks
        .iter()
        .filter_map(|r| r.treatment.as_ref())
        .flat_map(|t| t.controls.iter());
    let required = m.requirements.iter().flat_map(|q| q.controls.iter());
    for r in treated.chain(required) {
        if let Some(flag) = m
            .resolution
            .decl(r, Kind::Control)
            .and_then(|s| applicable.get_mut(s))
        {
            *flag = true;
        }
    }
    applicable
}

/// `date` minus `period`; `None` before the calendar's start.
fn before(period: Period, date: NaiveDate) -> Option<NaiveDate> {
    match period {
        Period::Days(n) => date.checked_sub_days(chrono::Days::new(u64::from(n))),
        Period::Months(n) => date.checked_sub_months(chrono::Months::new(n)),
        Period::Years(n) => date.checked_sub_months(chrono::Months::new(n.checked_mul(12)?)),
    }
}
