//! `soa`: the Statement of Applicability (6.1.3 d). Every catalog control once, in catalog
//! order, then the additional controls; the totals state the catalog's controls and the
//! additional ones apart.

use super::blocks::{
    anchor, badge, code, heading, join_runs, link, or_dash, paragraph, party, table, text,
};
use super::{treatment_plan, SOA as META};
use crate::emit::names::status_words;
use crate::emit::soa::{Soa, SoaRow};
use crate::emit::table;
use crate::emit::tree::{Cell, Document, Tone};
use crate::emit::Derived;
use crate::model::Status;
use crate::Compilation;

const COLUMNS: &[(&str, f64)] = &[
    ("ID", 9.0),
    ("Title", 36.0),
    ("Theme", 14.0),
    ("Applicable", 11.0),
    ("Justification", 36.0),
    ("Status", 15.0),
    ("Target date", 12.0),
    ("Owner", 22.0),
    ("Policies", 30.0),
    ("Evidence", 44.0),
    ("Treatment plan", 16.0),
    ("Open nonconformities", 20.0),
];

pub fn build(c: &Compilation, d: &Derived) -> Document {
    let s = &d.soa;
    let mut body = Vec::new();
    let mut intro = String::new();
    if let Some(f) = &s.framework {
        intro.push_str(&format!("Framework: {f}. "));
    }
    intro.push_str(
        "Every control of the framework is listed once, in catalog order: applicable \
         with the risks and requirements that need it, or excluded with the reason \
         (ISO/IEC 27001:2022 clause 6.1.3 d).",
    );
    body.push(paragraph(intro));
    body.push(heading(2, "Summary"));
    body.push(paragraph(totals(s)));
    let summary = table::summary(s);
    let columns: Vec<(&str, f64)> = summary.columns.iter().map(|c| (c.title, c.width)).collect();
    body.push(table(
        "soa-summary",
        &columns,
        summary
            .rows
            .iter()
            .map(|r| r.iter().map(|c| text(c.to_text())).collect())
            .collect(),
    ));
    let planned = treatment_plan::planned_controls(d);
    let rows = |rows: &[SoaRow]| -> Vec<Vec<Cell>> {
        rows.iter()
            .map(|r| row(r, &d.policy_files, &planned))
            .collect()
    };
    body.push(heading(2, format!("{} controls", s.catalog_label())));
    body.push(table("soa", COLUMNS, rows(&s.controls)));
    if !s.additional_controls.is_empty() {
        body.push(heading(2, "Additional controls"));
        body.push(paragraph(
            "Controls the organisation added beyond the framework's catalog.",
        ));
        body.push(table(
            "soa-additional",
            COLUMNS,
            rows(&s.additional_controls),
        ));
    }
    META.document(c, body)
}

/// "93 Annex A controls: 82 applicable, 11 excluded. 3 additional controls."
fn totals(s: &Soa) -> String {
    let n = &s.summary.catalog;
    let mut out = format!(
        "{} {} controls: {} applicable, {} excluded.",
        n.controls,
        s.catalog_label(),
        n.applicable,
        n.excluded
    );
    let extra = s.additional_controls.len();
    if extra > 0 {
        let noun = if extra == 1 { "control" } else { "controls" };
        out.push_str(&format!(
            " {extra} additional {noun} of the organisation's own."
        ));
    }
    out
}

fn row(
    r: &SoaRow,
    files: &crate::emit::file_names::PolicyFiles,
    planned: &std::collections::BTreeSet<String>,
) -> Vec<Cell> {
    let status = match (r.status, r.applicable) {
        (Some(st), _) => badge(status_words(st), tone(st)),
        (None, true) => badge("no record", Tone::Warning),
        (None, false) => badge("excluded", Tone::Neutral),
    };
    let policies = join_runs(
        r.policy_titles
            .iter()
            .map(|p| vec![link(p.label(), &files.stem(&p.id), None)])
            .collect(),
        "; ",
    );
    let plan = if planned.contains(&r.id) {
        vec![link(
            "open actions",
            super::TREATMENT_PLAN.stem,
            Some(anchor("c-", &r.id)),
        )]
    } else {
        text("—")
    };
    let owner = match (&r.owner, &r.owner_name) {
        (Some(id), Some(name)) => text(crate::emit::tree::party(&crate::emit::names::Party {
            id: id.clone(),
            name: name.clone(),
        })),
        _ => party(None),
    };
    vec![
        code(r.id.as_str()),
        text(r.title.as_str()),
        or_dash(r.theme.as_deref()),
        text(if r.applicable { "yes" } else { "no" }),
        or_dash(Some(r.justification.as_str())),
        status,
        or_dash(r.due.as_deref()),
        owner,
        policies,
        or_dash(Some(r.evidence.join("; ").as_str())),
        plan,
        join_runs(
            r.open_nonconformities
                .iter()
                .map(|n| {
                    vec![link(
                        n.as_str(),
                        super::CORRECTIVE_ACTIONS.stem,
                        Some(anchor("nc-", n)),
                    )]
                })
                .collect(),
            ", ",
        ),
    ]
}

fn tone(s: Status) -> Tone {
    match s {
        Status::Implemented => Tone::Good,
        Status::Partial | Status::Planned => Tone::Warning,
        Status::NotImplemented => Tone::Bad,
    }
}
