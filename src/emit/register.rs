//! The risk register and treatment plan (clauses 6.1.2, 6.1.3, 8.2, 8.3): every risk with
//! its assessment, treatment, controls and residual risk, highest level first; the open
//! work of the treatments; and the heat maps of inherent, current and target risk. What is
//! overdue is decided by `model::overdue`, as for `isms check`.

use chrono::NaiveDate;
use serde::Serialize;

use super::heatmap::{HeatMap, Rating};
use super::names::{date, natural_cmp, ControlRef, Named, Party};
use crate::model::methodology::{assess_in, signer_is};
use crate::model::overdue::{
    completed_by_done, control_overdue, treatment_complete, treatment_overdue,
};
use crate::model::{Kind, Methodology, Model, Risk, Status, TreatmentKind};
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
    /// Where each risk is today: the target once its treatment's action is complete.
    pub current: HeatMap,
    /// Where each treatment aims: the declared residual.
    pub target: HeatMap,
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
    /// The level reached today: the target once every named control is implemented (or,
    /// for `avoid` and a `transfer` without controls, once `done`), the inherent level
    /// until then; `null` for a completed `avoid`.
    pub current_likelihood: Option<Rating>,
    pub current_impact: Option<Rating>,
    pub current_score: Option<i64>,
    pub current_level: Option<String>,
    #[serde(skip)]
    pub current_rank: Option<usize>,
    /// The target residual risk the treatment declares; `null` when the treatment leaves
    /// no residual risk (`avoid`).
    pub residual_likelihood: Option<Rating>,
    pub residual_impact: Option<Rating>,
    pub residual_score: Option<i64>,
    pub residual_level: Option<String>,
    #[serde(skip)]
    pub residual_rank: Option<usize>,
    pub accepted_by: Option<Party>,
    /// In which role the acceptance was signed: "risk owner", or "authorised up to
    /// LEVEL"; `null` when the signer holds neither.
    pub accepted_as: Option<String>,
    pub accepted_on: Option<String>,
    /// The treatment's due date.
    pub due: Option<String>,
    /// When the action of an `avoid` or a `transfer` was completed.
    pub done: Option<String>,
    #[serde(skip)]
    pub plan: Vec<PlanRow>,
    pub reviewed: Option<String>,
    /// `reviewed` plus the methodology's review period.
    pub next_review: Option<String>,
}

/// One piece of open treatment work: a named control that is not implemented yet, or the
/// action of an `avoid` (or a `transfer` without controls) that has a due date and is not
/// done.
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
    /// The risk owner, who approved the plan.
    pub owner: Option<Party>,
    /// Who owns the control, when the action is a control.
    pub control_owner: Option<Party>,
    pub accepted_by: Option<Party>,
    pub accepted_as: Option<String>,
    pub accepted_on: Option<String>,
    pub control_due: Option<String>,
    pub treatment_due: Option<String>,
    /// Overdue as `model::overdue` decides: what `isms check` warns about.
    pub overdue: bool,
}

impl Register {
    pub fn build(c: &Compilation) -> Register {
        let m = &c.model;
        let method = m.methodology();
        let mut risks: Vec<RiskRow> = m.risks.iter().map(|r| row(m, method, r, c.today)).collect();
        risks.sort_by(|a, b| {
            // Highest level first; risks without a level last.
            let rank = |r: &RiskRow| r.rank.map_or(0, |x| x + 1);
            rank(b)
                .cmp(&rank(a))
                .then_with(|| natural_cmp(&a.id, &b.id))
        });
        let treatment_plan = risks.iter().flat_map(|r| r.plan.iter().cloned()).collect();
        let heat_maps = method.map(|method| {
            let mut inherent = HeatMap::new(method);
            let mut current = HeatMap::new(method);
            let mut target = HeatMap::new(method);
            for r in &risks {
                if let (Some(l), Some(i)) = (&r.likelihood, &r.impact) {
                    inherent.place(l.value, i.value, &r.id);
                }
                if let (Some(l), Some(i)) = (&r.current_likelihood, &r.current_impact) {
                    current.place(l.value, i.value, &r.id);
                }
                if let (Some(l), Some(i)) = (&r.residual_likelihood, &r.residual_impact) {
                    target.place(l.value, i.value, &r.id);
                }
            }
            HeatMaps {
                inherent,
                current,
                target,
            }
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

fn row(m: &Model, method: Option<&Methodology>, r: &Risk, today: NaiveDate) -> RiskRow {
    let scale_l = method.and_then(|x| x.likelihood.as_ref());
    let scale_i = method.and_then(|x| x.impact.as_ref());
    let a = method.and_then(|x| assess_in(m, r, x));
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
    // The current position: the target once the action is complete, else the inherent.
    let complete = t.is_some_and(|t| treatment_complete(m, t));
    let (current_l, current_i) = match a.and_then(|a| a.current_score) {
        None => (None, None),
        Some(_) if complete => (residual_l, residual_i),
        Some(_) => (r.likelihood.map(|x| x.value), r.impact.map(|x| x.value)),
    };
    let accepted = t.and_then(|t| t.accepted.as_ref());
    let accepted_as =
        accepted.and_then(|s| accepted_as(m, method, r, a.and_then(|a| a.residual_level), &s.by));
    let reviewed = r.reviewed.map(|d| d.date);
    let mut row = RiskRow {
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
        current_likelihood: current_l.map(|v| Rating::of(scale_l, v)),
        current_impact: current_i.map(|v| Rating::of(scale_i, v)),
        current_score: a.and_then(|a| a.current_score),
        current_level: level(a.and_then(|a| a.current_level)),
        current_rank: a.and_then(|a| a.current_level),
        residual_likelihood: residual_l.map(|v| Rating::of(scale_l, v)),
        residual_impact: residual_i.map(|v| Rating::of(scale_i, v)),
        residual_score: a.and_then(|a| a.residual_score),
        residual_level: level(a.and_then(|a| a.residual_level)),
        residual_rank: a.and_then(|a| a.residual_level),
        accepted_by: accepted.map(|s| Party::of(m, &s.by)),
        accepted_as,
        accepted_on: accepted.and_then(|s| s.on).map(|d| date(d.date)),
        due: t.and_then(|t| t.due).map(|d| date(d.date)),
        done: t.and_then(|t| t.done).map(|d| date(d.date)),
        plan: Vec::new(),
        reviewed: reviewed.map(date),
        next_review: m.risk_next_review(r).map(date),
    };
    row.plan = plan(m, r, &row, today);
    row
}

/// In which role `signer` accepted the risk: as its owner, or with the authority for a
/// level (the lowest that covers what remains).
fn accepted_as(
    m: &Model,
    method: Option<&Methodology>,
    r: &Risk,
    remaining: Option<usize>,
    signer: &crate::model::Ref,
) -> Option<String> {
    let method = method?;
    let accept = method.accept_index();
    let owner_may = match (remaining, accept) {
        (Some(l), Some(a)) => l <= a,
        (None, _) => true,
        (Some(_), None) => false,
    };
    if owner_may && r.owner.as_ref().is_some_and(|o| signer_is(m, o, signer)) {
        return Some("risk owner".to_string());
    }
    method
        .authorities_for(remaining.unwrap_or(0))
        .filter(|a| signer_is(m, &a.by, signer))
        .filter_map(|a| method.authority_index(a))
        .min()
        .and_then(|i| method.levels.get(i))
        .map(|l| format!("authorised to accept up to {}", l.name.text))
}

/// The open actions of a risk's treatment, overdue as `model::overdue` decides.
fn plan(m: &Model, risk: &Risk, r: &RiskRow, today: NaiveDate) -> Vec<PlanRow> {
    let (Some(t), Some(treatment)) = (&risk.treatment, r.treatment) else {
        return Vec::new();
    };
    let treatment_late = treatment_overdue(m, t, today);
    let base =
        |control: Option<String>, action: String, status, control_owner, control_due, overdue| {
            PlanRow {
                risk: r.id.clone(),
                risk_title: r.title.clone(),
                level: r.level.clone(),
                rank: r.rank,
                treatment,
                control,
                action,
                status,
                owner: r.owner.clone(),
                control_owner,
                accepted_by: r.accepted_by.clone(),
                accepted_as: r.accepted_as.clone(),
                accepted_on: r.accepted_on.clone(),
                control_due,
                treatment_due: r.due.clone(),
                overdue,
            }
        };
    if completed_by_done(t) {
        return match (&r.due, t.done) {
            (Some(_), None) => vec![base(
                None,
                r.rationale
                    .clone()
                    .or_else(|| r.transfer_to.clone())
                    .unwrap_or_default(),
                None,
                None,
                None,
                treatment_late,
            )],
            _ => Vec::new(),
        };
    }
    r.controls
        .iter()
        .zip(&t.controls)
        .filter(|(c, _)| c.status != Some(Status::Implemented))
        .map(|(c, reference)| {
            let decl = m
                .resolution
                .decl(reference, Kind::Control)
                .and_then(|i| m.slots.get(i))
                .and_then(|slot| m.control_decl(slot));
            let late = treatment_late || decl.is_some_and(|d| control_overdue(d, today));
            base(
                Some(c.id.clone()),
                c.title.clone(),
                c.status,
                c.owner.clone(),
                c.due.clone(),
                late,
            )
        })
        .collect()
}
