//! `treatment-plan`: the risk treatment plan (6.1.3 e, 8.3). The open actions in one
//! table (the rows of `treatment-plan.csv`), then each action once: a control with its
//! description, status, owner, due date and the risks it serves, or an avoidance or
//! transfer with its due date.

use std::collections::BTreeSet;

use super::blocks::{
    anchor, badge, code, fields, heading, heading_at, join_runs, link, or_dash, paragraph, party,
    table, text,
};
use super::{RISK_REGISTER, TREATMENT_PLAN as META};
use crate::emit::names::status_words;
use crate::emit::register::PlanRow;
use crate::emit::tree::{Cell, Document, Tone};
use crate::emit::Derived;
use crate::model::Keyword as _;
use crate::Compilation;

/// The IDs of the controls with open treatment actions: the SoA links them here.
pub fn planned_controls(d: &Derived) -> BTreeSet<String> {
    d.register
        .treatment_plan
        .iter()
        .filter_map(|p| p.control.clone())
        .collect()
}

pub fn build(c: &Compilation, d: &Derived) -> Document {
    let plan = &d.register.treatment_plan;
    let mut body = vec![
        paragraph(
            "Open work: controls named by a treatment that are not implemented yet, and \
             avoidance and transfer actions with a due date and not done. The risk owner \
             approved the plan; the control owner does the work.",
        ),
        heading(2, "Overview"),
        table(
            "treatment-plan",
            &[
                ("Risk", 8.0),
                ("Level", 10.0),
                ("Treatment", 11.0),
                ("Control", 10.0),
                ("Action", 40.0),
                ("Status", 15.0),
                ("Risk owner", 22.0),
                ("Control owner", 22.0),
                ("Due", 12.0),
                ("Overdue", 9.0),
            ],
            plan.iter().map(overview_row).collect(),
        ),
        heading(2, "Actions"),
    ];
    if plan.is_empty() {
        body.push(paragraph("None."));
    }
    // Each control once, however many risks it serves, in the order of the plan.
    let mut seen = BTreeSet::new();
    for p in plan {
        match &p.control {
            Some(id) => {
                if !seen.insert(id.clone()) {
                    continue;
                }
                let serves: Vec<&PlanRow> = plan
                    .iter()
                    .filter(|q| q.control.as_deref() == Some(id))
                    .collect();
                body.push(heading_at(
                    3,
                    format!("{id} {}", p.action),
                    anchor("c-", id),
                ));
                body.push(fields(vec![
                    ("Description", or_dash(description(c, id).as_deref())),
                    ("Status", status(p)),
                    ("Owner", party(p.control_owner.as_ref())),
                    ("Due", or_dash(due(&serves).as_deref())),
                    ("Risks", risks(&serves)),
                ]));
            }
            None => {
                body.push(heading_at(
                    3,
                    format!("{} {} ({})", p.risk, p.risk_title, p.treatment.as_str()),
                    anchor("r-", &p.risk),
                ));
                body.push(fields(vec![
                    ("Action", or_dash(Some(p.action.as_str()))),
                    ("Owner", party(p.owner.as_ref())),
                    ("Due", or_dash(p.treatment_due.as_deref())),
                    ("Risks", risks(&[p])),
                ]));
            }
        }
    }
    META.document(c, body)
}

fn overview_row(p: &PlanRow) -> Vec<Cell> {
    let action = match &p.control {
        Some(id) => vec![link(p.action.as_str(), META.stem, Some(anchor("c-", id)))],
        None => vec![link(
            p.action.as_str(),
            META.stem,
            Some(anchor("r-", &p.risk)),
        )],
    };
    vec![
        code(p.risk.as_str()),
        or_dash(p.level.as_deref()),
        text(p.treatment.as_str()),
        p.control.as_deref().map_or_else(|| text("—"), code),
        action,
        status(p),
        party(p.owner.as_ref()),
        party(p.control_owner.as_ref()),
        or_dash(p.control_due.as_deref().or(p.treatment_due.as_deref())),
        if p.overdue {
            badge("overdue", Tone::Bad)
        } else {
            text("no")
        },
    ]
}

fn status(p: &PlanRow) -> Cell {
    match (p.status, &p.control) {
        (Some(s), _) => badge(status_words(s), Tone::Warning),
        (None, Some(_)) => badge("no record", Tone::Warning),
        (None, None) => badge("open", Tone::Warning),
    }
}

/// The control's own `description`, as the project wrote it: catalog text is never
/// shipped, only IDs and titles.
fn description(c: &Compilation, id: &str) -> Option<String> {
    let m = &c.model;
    m.slot_index(id)
        .and_then(|i| m.slots.get(i))
        .and_then(|s| m.control_decl(s))
        .and_then(|d| d.description.clone())
}

/// The control's due date, or the earliest due date of the treatments that name it.
fn due(rows: &[&PlanRow]) -> Option<String> {
    rows.iter()
        .find_map(|r| r.control_due.clone())
        .or_else(|| rows.iter().filter_map(|r| r.treatment_due.clone()).min())
}

fn risks(rows: &[&PlanRow]) -> Cell {
    join_runs(
        rows.iter()
            .map(|r| {
                vec![link(
                    format!("{} {}", r.risk, r.risk_title),
                    RISK_REGISTER.stem,
                    Some(anchor("r-", &r.risk)),
                )]
            })
            .collect(),
        "; ",
    )
}
