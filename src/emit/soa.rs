//! The Statement of Applicability (clause 6.1.3 d): every catalog control once, in catalog
//! order, applicable with its justification or excluded with its reason; then the
//! project's own controls.

use serde::Serialize;

use crate::model::graph::{EdgeKind, Node};
use crate::model::{ControlSlot, Status};
use crate::Compilation;

#[derive(Debug, Clone, Serialize)]
pub struct Soa {
    /// The first catalog in use (`iso27001:2022`).
    pub framework: Option<String>,
    pub organization: Option<String>,
    pub date: String,
    pub controls: Vec<SoaRow>,
    pub additional_controls: Vec<SoaRow>,
}

#[derive(Debug, Clone, Serialize)]
pub struct SoaRow {
    pub id: String,
    pub title: String,
    pub theme: Option<String>,
    pub applicable: bool,
    /// The risks whose treatment names the control.
    pub risks: Vec<String>,
    /// The requirements that name the control.
    pub requirements: Vec<String>,
    pub exclusion_reason: Option<String>,
    pub status: Option<Status>,
    pub owner: Option<String>,
    /// The policies that implement the control.
    pub policies: Vec<String>,
    pub evidence: Vec<String>,
}

impl Soa {
    pub fn build(c: &Compilation) -> Soa {
        let m = &c.model;
        let mut controls = Vec::new();
        let mut additional_controls = Vec::new();
        for (i, slot) in m.slots.iter().enumerate() {
            let row = row(c, i, slot);
            if slot.is_custom() {
                additional_controls.push(row);
            } else {
                controls.push(row);
            }
        }
        Soa {
            framework: m
                .used_catalogs
                .first()
                .and_then(|&i| m.catalogs.get(i))
                .map(|cat| cat.id.text.clone()),
            organization: m
                .organization()
                .map(|o| o.name.clone().unwrap_or_else(|| o.id.text.clone())),
            date: c.today.format("%Y-%m-%d").to_string(),
            controls,
            additional_controls,
        }
    }

    pub fn to_json(&self) -> String {
        // INVARIANT: the SoA holds only strings, numbers, booleans and nulls, so it always
        // serialises.
        let mut text = serde_json::to_string_pretty(self).unwrap_or_default();
        text.push('\n');
        text
    }
}

fn row(c: &Compilation, i: usize, slot: &ControlSlot) -> SoaRow {
    let m = &c.model;
    let names = |kind: EdgeKind| -> Vec<String> {
        c.trace
            .sources(Node::Control(i), kind)
            .into_iter()
            .filter_map(|n| match n {
                Node::Risk(r) => m.risks.get(r).map(|x| x.id.text.clone()),
                Node::Requirement(r) => m.requirements.get(r).map(|x| x.id.text.clone()),
                Node::Policy(p) => m.policies.get(p).map(|x| x.id.text.clone()),
                _ => None,
            })
            .collect()
    };
    let risks = names(EdgeKind::TreatedBy);
    let requirements = names(EdgeKind::Requires);
    let policies = names(EdgeKind::Implements);
    let decl = m.control_decl(slot);
    let entry = m.catalog_entry(slot).map(|(_, e)| e);
    let exclusion_reason = m
        .exclusion_of(&slot.id)
        .map(|(e, _)| e.reason.clone().unwrap_or_default());
    let applicable = !risks.is_empty() || !requirements.is_empty();
    let title = entry
        .map(|e| e.title.clone())
        .or_else(|| decl.and_then(|d| d.title.clone()))
        .unwrap_or_default();
    SoaRow {
        id: slot.id.clone(),
        title,
        theme: entry.and_then(|e| e.theme.clone()),
        applicable,
        risks,
        requirements,
        // An excluded control has no status: it is not implemented by decision.
        status: if exclusion_reason.is_some() {
            None
        } else {
            decl.and_then(|d| d.status)
        },
        exclusion_reason,
        owner: decl.and_then(|d| d.owner.as_ref()).map(|o| o.name.clone()),
        policies,
        evidence: decl.map(|d| d.evidence.clone()).unwrap_or_default(),
    }
}
