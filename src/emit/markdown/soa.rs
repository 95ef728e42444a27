//! `soa.md`: the summary, then every catalog control and the additional controls.

use std::fmt::Write as _;

use super::{columns, title};
use crate::emit::soa::Soa;
use crate::emit::table::{self, Table};

const COLUMNS: &[&str] = &[
    "ID",
    "Title",
    "Theme",
    "Applicable",
    "Justification",
    "Status",
    "Owner",
    "Policies",
    "Evidence",
    "Open nonconformities",
];

pub fn render(s: &Soa) -> String {
    let mut out = String::new();
    title(
        &mut out,
        "Statement of Applicability",
        s.organization.as_deref().unwrap_or_default(),
        &s.date,
    );
    if let Some(f) = &s.framework {
        let _ = write!(out, "Framework: {}. ", super::line(f));
    }
    out.push_str(
        "Every control of the framework is listed once, in catalog order: applicable \
         with the risks and requirements that need it, or excluded with the reason \
         (ISO/IEC 27001:2022 clause 6.1.3 d).\n\n",
    );
    out.push_str("## Summary\n\n");
    let summary = table::summary(s);
    columns(
        &mut out,
        &summary,
        &summary.columns.iter().map(|c| c.title).collect::<Vec<_>>(),
    );
    let all = table::soa(s);
    let catalog = s.controls.len();
    out.push_str("## Controls\n\n");
    columns(&mut out, &part(&all, 0, catalog), COLUMNS);
    if !s.additional_controls.is_empty() {
        out.push_str("## Additional controls\n\n");
        columns(&mut out, &part(&all, catalog, all.rows.len()), COLUMNS);
    }
    out
}

fn part(t: &Table, from: usize, to: usize) -> Table {
    Table {
        sheet: t.sheet,
        columns: t.columns,
        rows: t.rows.get(from..to).unwrap_or_default().to_vec(),
    }
}
