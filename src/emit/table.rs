//! The tabular view of the documents, shared by CSV, XLSX and the Markdown tables, so
//! that their rows and columns agree by construction.

use super::names::ControlRef;
use super::register::{PlanRow, Register, RiskRow};
use super::soa::{Counts, Soa, SoaRow};
use crate::model::Keyword as _;

#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Text(String),
    Int(i64),
    Empty,
}

impl Cell {
    fn text(s: impl Into<String>) -> Cell {
        Cell::Text(s.into())
    }

    fn opt(s: Option<impl Into<String>>) -> Cell {
        s.map_or(Cell::Empty, |s| Cell::Text(s.into()))
    }

    fn yes_no(b: bool) -> Cell {
        Cell::text(if b { "yes" } else { "no" })
    }

    /// The text of the cell as CSV writes it.
    pub fn to_text(&self) -> String {
        match self {
            Cell::Text(s) => s.clone(),
            Cell::Int(n) => n.to_string(),
            Cell::Empty => String::new(),
        }
    }
}

#[derive(Debug, Clone, Copy)]
pub struct Column {
    pub title: &'static str,
    /// Width in characters, for spreadsheets.
    pub width: f64,
}

const fn col(title: &'static str, width: f64) -> Column {
    Column { title, width }
}

#[derive(Debug, Clone)]
pub struct Table {
    /// The worksheet name (at most 31 characters).
    pub sheet: &'static str,
    pub columns: &'static [Column],
    pub rows: Vec<Vec<Cell>>,
}

/// Separators inside a cell: IDs are joined with commas, free text with semicolons.
const IDS: &str = ", ";
const TEXTS: &str = "; ";

pub const SOA_COLUMNS: &[Column] = &[
    col("ID", 9.0),
    col("Title", 36.0),
    col("Theme", 14.0),
    col("Applicable", 11.0),
    col("Justification", 36.0),
    col("Risks", 14.0),
    col("Requirements", 16.0),
    col("Exclusion reason", 36.0),
    col("Status", 15.0),
    col("Owner", 12.0),
    col("Owner name", 22.0),
    col("Target date", 12.0),
    col("Policies", 18.0),
    col("Policy titles", 30.0),
    col("Evidence", 44.0),
    col("Open nonconformities", 20.0),
];

/// Every catalog control, then the additional controls.
pub fn soa(s: &Soa) -> Table {
    Table {
        sheet: "Statement of Applicability",
        columns: SOA_COLUMNS,
        rows: s.rows().map(soa_row).collect(),
    }
}

fn soa_row(r: &SoaRow) -> Vec<Cell> {
    vec![
        Cell::text(&r.id),
        Cell::text(&r.title),
        Cell::opt(r.theme.as_deref()),
        Cell::yes_no(r.applicable),
        Cell::text(&r.justification),
        Cell::text(r.risks.join(IDS)),
        Cell::text(r.requirements.join(IDS)),
        Cell::opt(r.exclusion_reason.as_deref()),
        Cell::opt(r.status.map(|s| s.as_str())),
        Cell::opt(r.owner.as_deref()),
        Cell::opt(r.owner_name.as_deref()),
        Cell::opt(r.due.as_deref()),
        Cell::text(r.policies.join(IDS)),
        Cell::text(
            r.policy_titles
                .iter()
                .map(super::soa::PolicyRef::label)
                .collect::<Vec<_>>()
                .join(TEXTS),
        ),
        Cell::text(r.evidence.join(TEXTS)),
        Cell::text(r.open_nonconformities.join(IDS)),
    ]
}

pub const SUMMARY_COLUMNS: &[Column] = &[
    col("Theme", 26.0),
    col("Controls", 10.0),
    col("Applicable", 11.0),
    col("Excluded", 10.0),
    col("Implemented", 12.0),
    col("Partial", 10.0),
    col("Planned", 10.0),
    col("Not implemented", 16.0),
    col("Not recorded", 13.0),
];

/// The SoA counts by theme of the catalog, the catalog's total, then the additional
/// controls apart: the 93 Annex A controls are never added up with the project's own.
pub fn summary(s: &Soa) -> Table {
    let line = |name: &str, c: &Counts| {
        let mut row = vec![Cell::text(name)];
        for n in c.columns() {
            row.push(Cell::Int(i64::try_from(n).unwrap_or(i64::MAX)));
        }
        row
    };
    let mut rows: Vec<Vec<Cell>> = s
        .summary
        .themes
        .iter()
        .filter(|t| t.theme.is_some())
        .map(|t| line(&t.title, &t.counts))
        .collect();
    rows.push(line(
        &format!("{} total", s.catalog_label()),
        &s.summary.catalog,
    ));
    rows.extend(
        s.summary
            .themes
            .iter()
            .filter(|t| t.theme.is_none())
            .map(|t| line(&t.title, &t.counts)),
    );
    Table {
        sheet: "Summary",
        columns: SUMMARY_COLUMNS,
        rows,
    }
}

pub const RISK_COLUMNS: &[Column] = &[
    col("ID", 8.0),
    col("Title", 36.0),
    col("Assets", 22.0),
    col("Threat", 30.0),
    col("Vulnerability", 30.0),
    col("Likelihood", 10.0),
    col("Likelihood label", 18.0),
    col("Impact", 8.0),
    col("Impact label", 18.0),
    col("Score", 7.0),
    col("Level", 10.0),
    col("Owner", 12.0),
    col("Owner name", 22.0),
    col("Treatment", 11.0),
    col("Rationale", 30.0),
    col("Transferred to", 24.0),
    col("Controls", 30.0),
    col("Current score", 9.0),
    col("Current level", 10.0),
    col("Target likelihood", 10.0),
    col("Target impact", 10.0),
    col("Target score", 9.0),
    col("Target level", 10.0),
    col("Accepted by", 14.0),
    col("Accepted by name", 22.0),
    col("Accepted as", 22.0),
    col("Accepted on", 12.0),
    col("Due", 12.0),
    col("Done", 12.0),
    col("Reviewed", 12.0),
    col("Next review", 12.0),
];

/// Every risk, highest inherent level first.
pub fn risks(r: &Register) -> Table {
    Table {
        sheet: "Risk register",
        columns: RISK_COLUMNS,
        rows: r.risks.iter().map(risk_row).collect(),
    }
}

fn risk_row(r: &RiskRow) -> Vec<Cell> {
    let value =
        |x: &Option<super::heatmap::Rating>| x.as_ref().map_or(Cell::Empty, |x| Cell::Int(x.value));
    let label =
        |x: &Option<super::heatmap::Rating>| Cell::opt(x.as_ref().map(|x| x.label.as_str()));
    let int = |x: Option<i64>| x.map_or(Cell::Empty, Cell::Int);
    let ids: Vec<&str> = r.assets.iter().map(|a| a.id.as_str()).collect();
    let controls: Vec<String> = r.controls.iter().map(ControlRef::with_status).collect();
    vec![
        Cell::text(&r.id),
        Cell::text(&r.title),
        Cell::text(ids.join(IDS)),
        Cell::opt(r.threat.as_deref()),
        Cell::opt(r.vulnerability.as_deref()),
        value(&r.likelihood),
        label(&r.likelihood),
        value(&r.impact),
        label(&r.impact),
        int(r.score),
        Cell::opt(r.level.as_deref()),
        Cell::opt(r.owner.as_ref().map(|o| o.id.as_str())),
        Cell::opt(r.owner.as_ref().map(|o| o.name.as_str())),
        Cell::opt(r.treatment.map(|t| t.as_str())),
        Cell::opt(r.rationale.as_deref()),
        Cell::opt(r.transfer_to.as_deref()),
        Cell::text(controls.join(IDS)),
        int(r.current_score),
        Cell::opt(r.current_level.as_deref()),
        value(&r.residual_likelihood),
        value(&r.residual_impact),
        int(r.residual_score),
        Cell::opt(r.residual_level.as_deref()),
        Cell::opt(r.accepted_by.as_ref().map(|p| p.id.as_str())),
        Cell::opt(r.accepted_by.as_ref().map(|p| p.name.as_str())),
        Cell::opt(r.accepted_as.as_deref()),
        Cell::opt(r.accepted_on.as_deref()),
        Cell::opt(r.due.as_deref()),
        Cell::opt(r.done.as_deref()),
        Cell::opt(r.reviewed.as_deref()),
        Cell::opt(r.next_review.as_deref()),
    ]
}

pub const PLAN_COLUMNS: &[Column] = &[
    col("Risk", 8.0),
    col("Risk title", 36.0),
    col("Level", 10.0),
    col("Treatment", 11.0),
    col("Control", 10.0),
    col("Action", 40.0),
    col("Status", 15.0),
    col("Risk owner", 12.0),
    col("Risk owner name", 22.0),
    col("Accepted by", 14.0),
    col("Accepted as", 22.0),
    col("Accepted on", 12.0),
    col("Control owner", 12.0),
    col("Control due", 12.0),
    col("Treatment due", 13.0),
    col("Overdue", 9.0),
];

/// The open treatment work, one row per action.
pub fn plan(r: &Register) -> Table {
    Table {
        sheet: "Treatment plan",
        columns: PLAN_COLUMNS,
        rows: r.treatment_plan.iter().map(plan_row).collect(),
    }
}

fn plan_row(p: &PlanRow) -> Vec<Cell> {
    vec![
        Cell::text(&p.risk),
        Cell::text(&p.risk_title),
        Cell::opt(p.level.as_deref()),
        Cell::text(p.treatment.as_str()),
        Cell::opt(p.control.as_deref()),
        Cell::text(&p.action),
        Cell::opt(p.status.map(|s| s.as_str())),
        Cell::opt(p.owner.as_ref().map(|o| o.id.as_str())),
        Cell::opt(p.owner.as_ref().map(|o| o.name.as_str())),
        Cell::opt(p.accepted_by.as_ref().map(|o| o.id.as_str())),
        Cell::opt(p.accepted_as.as_deref()),
        Cell::opt(p.accepted_on.as_deref()),
        Cell::opt(p.control_owner.as_ref().map(|o| o.id.as_str())),
        Cell::opt(p.control_due.as_deref()),
        Cell::opt(p.treatment_due.as_deref()),
        Cell::yes_no(p.overdue),
    ]
}
