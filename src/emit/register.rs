//! The risk register and treatment plan (clauses 6.1.2, 6.1.3, 8.2, 8.3): every risk with
//! its assessment, treatment, controls and residual risk, highest level first; the open
//! work of the treatments; and the heat maps of inherent and residual risk.

use chrono::NaiveDate;
use serde::Serialize;

use super::heatmap::{HeatMap, Rating};
use super::names::{date, natural_cmp, ControlRef, Named, Party};
use crate::model::methodology::assess;
use crate::model::{Methodology, Model, Risk, Status, TreatmentKind};
use crate::Compilation;

#[derive(Debug, Clone, Serialize)]
pub struct Register {
    pub organization: String,
    pub date: String,
    /// Sorted by inherent level (highest first), then by ID.
    pub risks: Vec<RiskRow>,
    /// One row per open action, in the order of `risks`.
    pub treatment_plan: Vec<PlanRow>,
    pub heat_maps: Option<HeatMaps>,
}

#[derive(Debug, Clone, Serialize)]
pub struct HeatMaps {
    pub inherent: HeatMap,
    pub residual: HeatMap,
}

#[derive(Debug, Clone, Serialize)]
pub struct RiskRow {
    pub id: String,
    pub title: String,
    pub description: Option<String>,
    pub assets: Vec<Named>,
    pub threat: Option<String>,
    pub vulnerability: Option<String>,
    pub likelihood: Option<Rating>,
    pub impact: Option<Rating>,
    pub score: Option<i64>,
    pub level: Option<String>,
    #[serde(skip)]
    pub rank: Option<usize>,
    pub owner: Option<Party>,
    pub treatment: Option<TreatmentKind>,
    /// Why a risk is accepted or avoided, and how.
    pub rationale: Option<String>,
    /// Who a transferred risk is shared with.
    pub transfer_to: Option<String>,
    pub controls: Vec<ControlRef>,
    /// `null` when the treatment leaves no residual risk (`avoid`).
    pub residual_likelihood: Option<Rating>,
    pub residual_impact: Option<Rating>,
    pub residual_score: Option<i64>,
    pub residual_level: Option<String>,
    #[serde(skip)]
    pub residual_rank: Option<usize>,
    pub accepted_by: Option<Party>,
    pub accepted_on: Option<String>,
    /// The treatment's due date.
    pub due: Option<String>,
    pub reviewed: Option<String>,
    /// `reviewed` plus the methodology's review period.
    pub next_review: Option<String>,
}

/// One piece of open treatment work: a named control that is not implemented yet, or the
/// action of an `avoid` treatment that has a due date.
#[derive(Debug, Clone, Serialize)]
pub struct PlanRow {
    pub risk: String,
    pub risk_title: String,
    pub level: Option<String>,
    #[serde(skip)]
    pub rank: Option<usize>,
    pub treatment: TreatmentKind,
    /// The control to put in place; `null` for an `avoid` action.
    pub control: Option<String>,
    /// The control's title, or the `avoid` rationale.
    pub action: String,
    pub status: Option<Status>,
    /// The control's owner, or the risk owner for an `avoid` action.
    pub owner: Option<Party>,
    pub control_due: Option<String>,
    pub treatment_due: Option<String>,
    /// A due date has passed.
    pub overdue: bool,
}

impl Register {
    pub fn build(c: &Compilation) -> Register {
        let m = &c.model;
        let method = m.methodology();
        let mut risks: Vec<RiskRow> = m.risks.iter().map(|r| row(m, method, r)).collect();
        risks.sort_by(|a, b| {
            // Highest level first; risks without a level last.
            let rank = |r: &RiskRow| r.rank.map_or(0, |x| x + 1);
            rank(b)
                .cmp(&rank(a))
                .then_with(|| natural_cmp(&a.id, &b.id))
        });
        let treatment_plan = risks.iter().flat_map(|r| plan(r, c.today)).collect();
        let heat_maps = method.map(|method| {
            let mut inherent = HeatMap::new(method);
            let mut residual = HeatMap::new(method);
            for r in &risks {
                if let (Some(l), Some(i)) = (&r.likelihood, &r.impact) {
                    inherent.place(l.value, i.value, &r.id);
                }
                if let (Some(l), Some(i)) = (&r.residual_likelihood, &r.residual_impact) {
                    residual.place(l.value, i.value, &r.id);
                }
            }
            HeatMaps { inherent, residual }
        });
        Register {
            organization: super::organization_name(c),
            date: date(c.today),
            risks,
            treatment_plan,
            heat_maps,
        }
    }
}

fn row(m: &Model, method: Option<&Methodology>, r: &Risk) -> RiskRow {
    let scale_l = method.and_then(|x| x.likelihood.as_ref());
    let scale_i = method.and_then(|x| x.impact.as_ref());
    let a = method.and_then(|x| assess(r, x));
    let level = |i: Option<usize>| {
        i.and_then(|i| method.and_then(|x| x.levels.get(i)))
            .map(|l| l.name.text.clone())
    };
    let t = r.treatment.as_ref();
    // The residual position: as written, or the inherent one when the treatment gives
    // none (it is not assumed to work); `avoid` leaves nothing.
    let (residual_l, residual_i) = match (t, a.and_then(|a| a.residual_score)) {
        (Some(t), Some(_)) => match &t.residual {
            Some(res) => (Some(res.likelihood.value), Some(res.impact.value)),
            None => (r.likelihood.map(|x| x.value), r.impact.map(|x| x.value)),
        },
        _ => (None, None),
    };
    let accepted = t.and_then(|t| t.accepted.as_ref());
    let reviewed = r.reviewed.map(|d| d.date);
    let review = method.and_then(|x| x.review);
    RiskRow {
        id: r.id.text.clone(),
        title: r.title.clone().unwrap_or_default(),
        description: r.description.clone().or_else(|| r.common.doc.clone()),
        assets: r
            .assets
            .iter()
            .map(|x| Named {
                id: x.name.clone(),
                name: m
                    .resolution
                    .decl(x, crate::model::Kind::Asset)
                    .and_then(|i| m.assets.get(i))
                    .and_then(|a| a.name.clone())
                    .unwrap_or_else(|| x.name.clone()),
            })
            .collect(),
        threat: r.threat.clone(),
        vulnerability: r.vulnerability.clone(),
        likelihood: r.likelihood.map(|x| Rating::of(scale_l, x.value)),
        impact: r.impact.map(|x| Rating::of(scale_i, x.value)),
        score: a.map(|a| a.score),
        level: level(a.and_then(|a| a.level)),
        rank: a.and_then(|a| a.level),
        owner: r.owner.as_ref().map(|o| Party::of(m, o)),
        treatment: t.map(|t| t.kind),
        rationale: t.and_then(|t| t.rationale.clone()),
        transfer_to: t.and_then(|t| t.to.clone()),
        controls: t
            .map(|t| t.controls.iter().map(|c| ControlRef::of(m, c)).collect())
            .unwrap_or_default(),
        residual_likelihood: residual_l.map(|v| Rating::of(scale_l, v)),
        residual_impact: residual_i.map(|v| Rating::of(scale_i, v)),
        residual_score: a.and_then(|a| a.residual_score),
        residual_level: level(a.and_then(|a| a.residual_level)),
        residual_rank: a.and_then(|a| a.residual_level),
        accepted_by: accepted.map(|s| Party::of(m, &s.by)),
        accepted_on: accepted.and_then(|s| s.on).map(|d| date(d.date)),
        due: t.and_then(|t| t.due).map(|d| date(d.date)),
        reviewed: reviewed.map(date),
        next_review: reviewed
            .zip(review)
            .and_then(|(d, p)| p.period.after(d))
            .map(date),
    }
}

/// The open actions of a risk's treatment.
fn plan(r: &RiskRow, today: NaiveDate) -> Vec<PlanRow> {
    let Some(treatment) = r.treatment else {
        return Vec::new();
    };
    let passed = |d: &Option<String>| {
        d.as_deref()
            .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
            .is_some_and(|d| d < today)
    };
    let base = |control: Option<String>, action: String, status, owner, control_due| {
        let overdue = passed(&r.due) || passed(&control_due);
        PlanRow {
            risk: r.id.clone(),
            risk_title: r.title.clone(),
            level: r.level.clone(),
            rank: r.rank,
            treatment,
            control,
            action,
            status,
            owner,
            control_due,
            treatment_due: r.due.clone(),
            overdue,
        }
    };
    if treatment == TreatmentKind::Avoid {
        return match &r.due {
            Some(_) => vec![base(
                None,
                r.rationale.clone().unwrap_or_default(),
                None,
                r.owner.clone(),
                None,
            )],
            None => Vec::new(),
        };
    }
    r.controls
        .iter()
        .filter(|c| c.status != Some(Status::Implemented))
        .map(|c| {
            base(
                Some(c.id.clone()),
                c.title.clone(),
                c.status,
                c.owner.clone(),
                c.due.clone(),
            )
        })
        .collect()
}
