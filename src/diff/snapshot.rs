//! What a revision's ISMS says, reduced to the facts a change report compares: each
//! control's applicability, status and owner; each risk's levels, treatment and
//! acceptance; each policy's approval; owners; nonconformities and incidents; and the
//! diagnostics. Built from the same derived data the documents print (`emit::soa`,
//! `emit::register`), so the report and the documents cannot disagree.

use std::collections::HashMap;

use serde::Serialize;

use crate::emit::names::{date, status_words};
use crate::emit::register::{Register, RiskRow};
use crate::emit::soa::{Soa, SoaRow};
use crate::emit::tree::party;
use crate::model::overdue::nonconformity_overdue;
use crate::Compilation;

/// One revision's facts, each list in model order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Snapshot {
    pub controls: Vec<ControlFact>,
    pub risks: Vec<RiskFact>,
    pub policies: Vec<PolicyFact>,
    pub assets: Vec<AssetFact>,
    pub nonconformities: Vec<RecordFact>,
    pub incidents: Vec<RecordFact>,
    pub diagnostics: Vec<DiagnosticFact>,
}

/// Whether the SoA includes a control, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case", tag = "state", content = "why")]
pub enum Applicability {
    /// Applicable, justified by these risks and requirements (in words).
    Applicable(String),
    /// Excluded, for this reason.
    Excluded(String),
    /// Neither justified nor excluded (`soa/unaddressed`).
    Unaddressed,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ControlFact {
    pub id: String,
    pub applicability: Applicability,
    /// The status in words (`not implemented`), `None` when no record states one.
    pub status: Option<String>,
    pub owner: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RiskFact {
    pub id: String,
    pub title: String,
    pub level: Option<String>,
    pub residual_level: Option<String>,
    pub owner: Option<String>,
    pub treatment: Treatment,
    pub acceptance: Option<Acceptance>,
}

/// A risk's treatment as the register prints it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Treatment {
    pub option: Option<String>,
    pub controls: Vec<String>,
    pub due: Option<String>,
    pub done: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Acceptance {
    pub by: String,
    pub on: Option<String>,
    /// Why the recorded acceptance no longer holds: the signer may not accept the level
    /// that remains, or the risk is past its review.
    pub lapsed: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PolicyFact {
    pub id: String,
    pub title: String,
    pub version: Option<String>,
    pub approved_by: Option<String>,
    pub approved_on: Option<String>,
    /// The date its review was due, when that date has passed.
    pub overdue_since: Option<String>,
    pub owner: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AssetFact {
    pub id: String,
    pub owner: Option<String>,
}

/// A nonconformity or an incident.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RecordFact {
    pub id: String,
    pub title: String,
    /// Raised on (a nonconformity) or happened on (an incident).
    pub date: Option<String>,
    /// A nonconformity's status or an incident's severity.
    pub state: Option<String>,
}

/// A diagnostic without its position: an edit above it moves it, but it is the same
/// finding.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct DiagnosticFact {
    pub file: String,
    pub code: String,
    pub severity: String,
    pub message: String,
}

impl Snapshot {
    pub fn of(c: &Compilation) -> Snapshot {
        let soa = Soa::build(c);
        let register = Register::build(c);
        let m = &c.model;
        let named = |r: &Option<crate::model::Ref>| {
            r.as_ref()
                .map(|o| party(&crate::emit::names::Party::of(m, o)))
        };
        let mut risks: Vec<RiskFact> = register.risks.iter().map(|r| risk(r, c)).collect();
        // The register sorts by level; a change report follows the model (an index, not
        // a search per risk: the time stays n log n).
        let mut order: HashMap<&str, usize> = HashMap::new();
        for (i, r) in m.risks.iter().enumerate() {
            order.entry(r.id.text.as_str()).or_insert(i);
        }
        risks.sort_by_key(|r| order.get(r.id.as_str()).copied());
        let policies = m
            .policies
            .iter()
            .map(|p| {
                let on = p.approved.as_ref().and_then(|a| a.on).map(|d| d.date);
                let due = p.review.zip(on).and_then(|(r, on)| r.period.after(on));
                PolicyFact {
                    id: p.id.text.clone(),
                    title: p.title.clone().unwrap_or_default(),
                    version: p.version.clone(),
                    approved_by: p
                        .approved
                        .as_ref()
                        .map(|a| party(&crate::emit::names::Party::of(m, &a.by))),
                    approved_on: on.map(date),
                    // As `policy/review-overdue` decides.
                    overdue_since: due.filter(|due| *due < c.today).map(date),
                    owner: named(&p.owner),
                }
            })
            .collect();
        let nonconformities = m
            .nonconformities
            .iter()
            .map(|n| RecordFact {
                id: n.id.text.clone(),
                title: n.title.clone().unwrap_or_default(),
                date: n.raised.map(|d| date(d.date)),
                state: Some(
                    if !n.is_open() {
                        "closed"
                    } else if nonconformity_overdue(n, c.today) {
                        "overdue"
                    } else {
                        "open"
                    }
                    .to_string(),
                ),
            })
            .collect();
        let incidents = m
            .incidents
            .iter()
            .map(|i| RecordFact {
                id: i.id.text.clone(),
                title: i.title.clone().unwrap_or_default(),
                date: i.date.map(|d| date(d.date)),
                state: i.severity.map(|s| s.to_string()),
            })
            .collect();
        let mut diagnostics: Vec<DiagnosticFact> = c
            .diagnostics
            .iter()
            .map(|d| DiagnosticFact {
                file: c.sources.name(d.span.file).to_string(),
                code: d.code.to_string(),
                severity: d.severity.as_str().to_string(),
                message: d.message.clone(),
            })
            .collect();
        diagnostics.sort();
        Snapshot {
            controls: soa.rows().map(control).collect(),
            risks,
            policies,
            assets: m
                .assets
                .iter()
                .map(|a| AssetFact {
                    id: a.id.text.clone(),
                    owner: named(&a.owner),
                })
                .collect(),
            nonconformities,
            incidents,
            diagnostics,
        }
    }
}

fn control(row: &SoaRow) -> ControlFact {
    let applicability = if row.applicable {
        Applicability::Applicable(row.justification.clone())
    } else if let Some(reason) = &row.exclusion_reason {
        Applicability::Excluded(reason.clone())
    } else {
        Applicability::Unaddressed
    };
    ControlFact {
        id: row.id.clone(),
        applicability,
        status: row.status.map(|s| status_words(s).to_string()),
        owner: match (&row.owner_name, &row.owner) {
            (Some(name), Some(id)) if name != id => Some(format!("{name} ({id})")),
            (_, Some(id)) => Some(id.clone()),
            (name, None) => name.clone(),
        },
    }
}

fn risk(r: &RiskRow, c: &Compilation) -> RiskFact {
    let review_passed = r
        .next_review
        .as_deref()
        .is_some_and(|next| next < date(c.today).as_str());
    let acceptance = r.accepted_by.as_ref().map(|by| Acceptance {
        by: party(by),
        on: r.accepted_on.clone(),
        lapsed: if r.accepted_as.is_none() {
            Some(format!("`{}` may not accept the level that remains", by.id))
        } else if review_passed {
            Some(format!(
                "the risk was due for review on {}",
                r.next_review.clone().unwrap_or_default()
            ))
        } else {
            None
        },
    });
    RiskFact {
        id: r.id.clone(),
        title: r.title.clone(),
        level: r.level.clone(),
        residual_level: r.residual_level.clone(),
        owner: r.owner.as_ref().map(party),
        treatment: Treatment {
            option: r.treatment.map(|t| t.to_string()),
            controls: r.controls.iter().map(|x| x.id.clone()).collect(),
            due: r.due.clone(),
            done: r.done.clone(),
        },
        acceptance,
    }
}
