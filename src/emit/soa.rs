//! The Statement of Applicability (clause 6.1.3 d): every catalog control once, in catalog
//! order, applicable with its justification or excluded with its reason; then the
//! project's own controls, and the counts an auditor looks at first.

use serde::Serialize;

use super::names::Party;
use crate::model::graph::{EdgeKind, Node};
use crate::model::{ControlSlot, Status};
use crate::Compilation;

#[derive(Debug, Clone, Serialize)]
pub struct Soa {
    /// The catalog the SoA covers (`iso27001:2022`): see `Model::soa_catalog`.
    pub framework: Option<String>,
    pub organization: Option<String>,
    pub date: String,
    pub controls: Vec<SoaRow>,
    pub additional_controls: Vec<SoaRow>,
    pub summary: Summary,
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
    /// The policies that implement the control (IDs).
    pub policies: Vec<String>,
    /// The same policies with their titles and versions, for readers.
    pub policy_titles: Vec<PolicyRef>,
    /// When a control that is not implemented yet is to be in place (its `due`).
    pub due: Option<String>,
    pub evidence: Vec<String>,
    /// The owner's name (a person's name or a role's title).
    pub owner_name: Option<String>,
    /// The justification in words: the risks and requirements, or the exclusion reason.
    pub justification: String,
    /// The open nonconformities that name the control (`controls` of a nonconformity).
    pub open_nonconformities: Vec<String>,
}

/// A policy as the SoA names it: "Access control policy v1.2".
#[derive(Debug, Clone, Serialize)]
pub struct PolicyRef {
    pub id: String,
    pub title: String,
    pub version: Option<String>,
}

impl PolicyRef {
    /// "Access control policy v1.2", or the title alone when no version is declared.
    pub fn label(&self) -> String {
        match &self.version {
            Some(v) => format!("{} v{v}", self.title),
            None => self.title.clone(),
        }
    }
}

/// The counts of one group of SoA rows.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    pub controls: usize,
    pub applicable: usize,
    pub excluded: usize,
    pub implemented: usize,
    pub partial: usize,
    pub planned: usize,
    pub not_implemented: usize,
    /// Applicable, but without a `control` declaration (no status recorded).
    pub not_recorded: usize,
}

impl Counts {
    /// The counts in the column order of the SoA summary tables (controls, applicable,
    /// excluded, implemented, partial, planned, not implemented, not recorded).
    pub fn columns(&self) -> [usize; 8] {
        [
            self.controls,
            self.applicable,
            self.excluded,
            self.implemented,
            self.partial,
            self.planned,
            self.not_implemented,
            self.not_recorded,
        ]
    }

    fn add(&mut self, row: &SoaRow) {
        self.controls += 1;
        if row.applicable {
            self.applicable += 1;
        } else if row.exclusion_reason.is_some() {
            self.excluded += 1;
        }
        match row.status {
            Some(Status::Implemented) => self.implemented += 1,
            Some(Status::Partial) => self.partial += 1,
            Some(Status::Planned) => self.planned += 1,
            Some(Status::NotImplemented) => self.not_implemented += 1,
            None if row.applicable => self.not_recorded += 1,
            None => {}
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct ThemeCounts {
    /// The catalog theme's ID; `null` for the additional controls.
    pub theme: Option<String>,
    pub title: String,
    #[serde(flatten)]
    pub counts: Counts,
}

#[derive(Debug, Clone, Serialize)]
pub struct Summary {
    /// Catalog and additional controls together.
    pub total: Counts,
    /// The catalog's controls alone (the 93 of Annex A): what the SoA's totals state,
    /// with the additional controls counted apart.
    pub catalog: Counts,
    /// One entry per theme of the SoA's catalog, in catalog order, then one for the
    /// additional controls when there are any.
    pub themes: Vec<ThemeCounts>,
}

impl Soa {
    pub fn build(c: &Compilation) -> Soa {
        let m = &c.model;
        let mut controls = Vec::new();
        let mut additional_controls = Vec::new();
        let mut open: Vec<Vec<String>> = vec![Vec::new(); m.slots.len()];
        for nc in m.nonconformities.iter().filter(|nc| nc.is_open()) {
            for r in &nc.controls {
                if let Some(ids) = m.slot_index(&r.name).and_then(|at| open.get_mut(at)) {
                    if !ids.contains(&nc.id.text) {
                        ids.push(nc.id.text.clone());
                    }
                }
            }
        }
        for ((i, slot), open) in m.slots.iter().enumerate().zip(open) {
            // Rows of catalogs other than the SoA's never mix into it.
            let target = match slot.entry {
                None => &mut additional_controls,
                Some((catalog, _)) if Some(catalog) == m.soa_catalog => &mut controls,
                Some(_) => continue,
            };
            let mut row = row(c, i, slot);
            row.open_nonconformities = open;
            target.push(row);
        }
        let summary = summarize(c, &controls, &additional_controls);
        Soa {
            framework: m
                .soa_catalog
                .and_then(|i| m.catalogs.get(i))
                .map(|cat| cat.id.text.clone()),
            organization: m
                .organization()
                .map(|o| o.name.clone().unwrap_or_else(|| o.id.text.clone())),
            date: super::names::date(c.today),
            controls,
            additional_controls,
            summary,
        }
    }

    /// Catalog rows, then additional rows: the order of every tabular format.
    pub fn rows(&self) -> impl Iterator<Item = &SoaRow> {
        self.controls.iter().chain(&self.additional_controls)
    }

    /// What the catalog's controls are called: "Annex A" for ISO/IEC 27001, else the
    /// catalog's ID.
    pub fn catalog_label(&self) -> String {
        match self.framework.as_deref() {
            Some(f) if f.starts_with("iso27001") => "Annex A".to_string(),
            Some(f) => f.to_string(),
            None => "Catalog".to_string(),
        }
    }

    /// The title of a theme ID, as the catalog names it.
    pub fn theme_title(&self, theme: &str) -> Option<&str> {
        self.summary
            .themes
            .iter()
            .find(|t| t.theme.as_deref() == Some(theme))
            .map(|t| t.title.as_str())
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
    let policy_titles = c
        .trace
        .sources(Node::Control(i), EdgeKind::Implements)
        .into_iter()
        .filter_map(|n| match n {
            Node::Policy(p) => m.policies.get(p).map(|x| PolicyRef {
                id: x.id.text.clone(),
                title: x.title.clone().unwrap_or_else(|| x.id.text.clone()),
                version: x.version.clone(),
            }),
            _ => None,
        })
        .collect();
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
    let owner = decl.and_then(|d| d.owner.as_ref()).map(|o| Party::of(m, o));
    let justification = justification(&risks, &requirements, exclusion_reason.as_deref());
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
        owner: owner.as_ref().map(|o| o.id.clone()),
        owner_name: owner.map(|o| o.name),
        policies,
        policy_titles,
        due: decl
            .filter(|d| d.status != Some(Status::Implemented))
            .and_then(|d| d.due)
            .map(|d| super::names::date(d.date)),
        evidence: decl.map(|d| d.evidence.clone()).unwrap_or_default(),
        justification,
        open_nonconformities: Vec::new(),
    }
}

/// "Risks; requirement gdpr-32", or the exclusion reason.
fn justification(risks: &[String], requirements: &[String], excluded: Option<&str>) -> String {
    let mut parts = Vec::new();
    for (list, one, many) in [
        (risks, "Risk", "Risks"),
        (requirements, "Requirement", "Requirements"),
    ] {
        if !list.is_empty() {
            let noun = if list.len() == 1 { one } else { many };
            parts.push(format!("{noun} {}", list.join(", ")));
        }
    }
    if parts.is_empty() {
        return excluded.unwrap_or_default().to_string();
    }
    parts.join("; ")
}

fn summarize(c: &Compilation, controls: &[SoaRow], additional: &[SoaRow]) -> Summary {
    let m = &c.model;
    let mut themes: Vec<ThemeCounts> = Vec::new();
    for catalog in m.soa_catalog.iter().filter_map(|&i| m.catalogs.get(i)) {
        for t in &catalog.themes {
            if !themes
                .iter()
                .any(|x| x.theme.as_deref() == Some(&t.id.text))
            {
                themes.push(ThemeCounts {
                    theme: Some(t.id.text.clone()),
                    title: t.title.clone().unwrap_or_else(|| t.id.text.clone()),
                    counts: Counts::default(),
                });
            }
        }
    }
    let mut total = Counts::default();
    let mut catalog = Counts::default();
    for row in controls {
        total.add(row);
        catalog.add(row);
        let theme = row.theme.as_deref().unwrap_or_default();
        let at = match themes
            .iter()
            .position(|t| t.theme.as_deref() == Some(theme))
        {
            Some(at) => at,
            None => {
                // A catalog entry without a (declared) theme still gets counted.
                themes.push(ThemeCounts {
                    theme: Some(theme.to_string()),
                    title: if theme.is_empty() { "Other" } else { theme }.to_string(),
                    counts: Counts::default(),
                });
                themes.len() - 1
            }
        };
        if let Some(t) = themes.get_mut(at) {
            t.counts.add(row);
        }
    }
    if !additional.is_empty() {
        let mut counts = Counts::default();
        for row in additional {
            total.add(row);
            counts.add(row);
        }
        themes.push(ThemeCounts {
            theme: None,
            title: "Additional controls".to_string(),
            counts,
        });
    }
    themes.retain(|t| t.counts.controls > 0);
    Summary {
        total,
        catalog,
        themes,
    }
}
