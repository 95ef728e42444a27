//! `audit-coverage`: the audit coverage matrix (clause 9.2): which clauses of 4–10 and
//! which applicable Annex A controls each audit of the programme's current cycle
//! covered, and which none did. Computed by `model::coverage`, as `audit/coverage-gap`
//! and readiness are.

use super::register_parts::{code, heading, paragraph, table, text, who};
use crate::emit::tree::{Block, Cell, Document, Field, Inline, Tone};
use crate::model::coverage::{audit_coverage, Coverage, Covered};
use crate::model::Model;
use crate::Compilation;

pub fn build(c: &Compilation) -> Document {
    let m = &c.model;
    let body = match audit_coverage(m, c.today) {
        Some(coverage) => matrix(m, &coverage),
        None => vec![paragraph("No audit programme is declared.")],
    };
    super::AUDIT_COVERAGE.document(c, body)
}

fn matrix(m: &Model, coverage: &Coverage) -> Vec<Block> {
    let programme = m.programme();
    let cycle = match (coverage.cycle, coverage.after) {
        (Some(p), Some(after)) => format!("{p}: the audits after {after} up to {}", coverage.until),
        _ => format!(
            "not declared: every audit up to {} makes one cycle",
            coverage.until
        ),
    };
    let mut body = vec![Block::Fields(vec![
        field(
            "Programme",
            programme.map(|p| match &p.title {
                Some(t) => format!("{t} ({})", p.id.text),
                None => p.id.text.clone(),
            }),
        ),
        field("Cycle", Some(cycle)),
        field(
            "Covered",
            Some(format!(
                "{} of {} clauses, {} of {} applicable controls",
                coverage.clauses.iter().filter(|c| !c.is_gap()).count(),
                coverage.clauses.len(),
                coverage.controls.iter().filter(|c| !c.is_gap()).count(),
                coverage.controls.len()
            )),
        ),
    ])];
    body.push(heading(
        2,
        "Audits of the cycle",
        Some("audits".to_string()),
    ));
    let audits: Vec<_> = coverage
        .audits
        .iter()
        .filter_map(|&i| m.audits.get(i))
        .collect();
    body.push(if audits.is_empty() {
        paragraph("No audit was held in the current cycle.")
    } else {
        table(
            "coverage-audits",
            None,
            &[
                ("ID", 14.0),
                ("Audit", 40.0),
                ("Date", 12.0),
                ("Auditor", 24.0),
            ],
            audits
                .iter()
                .map(|a| {
                    let date = a.date.map(|d| d.date.to_string());
                    vec![
                        code(&a.id.text),
                        text(a.title.as_deref()),
                        text(date.as_deref()),
                        who(m, a.auditor.as_ref()),
                    ]
                })
                .collect(),
        )
    });
    let audit_ids: Vec<&str> = audits.iter().map(|a| a.id.text.as_str()).collect();
    body.push(heading(2, "Clauses 4–10", Some("clauses".to_string())));
    body.push(grid(
        "clause-coverage",
        ("Clause", "Title"),
        &audit_ids,
        coverage,
        coverage
            .clauses
            .iter()
            .map(|c| (c.what.id.to_string(), Some(c.what.title.to_string()), c)),
    ));
    body.push(heading(
        2,
        "Applicable Annex A controls",
        Some("controls".to_string()),
    ));
    if coverage.controls.is_empty() {
        body.push(paragraph("No Annex A control is applicable."));
    } else {
        let rows = coverage.controls.iter().map(|c| {
            let slot = m.slots.get(c.what);
            let title = slot
                .and_then(|s| m.catalog_entry(s))
                .map(|(_, e)| e.title.clone());
            (slot.map(|s| s.id.clone()).unwrap_or_default(), title, c)
        });
        body.push(grid(
            "control-coverage",
            ("Control", "Title"),
            &audit_ids,
            coverage,
            rows,
        ));
    }
    body.push(heading(
        2,
        "Not covered in this cycle",
        Some("gaps".to_string()),
    ));
    let gaps: Vec<Vec<Inline>> = coverage
        .clause_gaps()
        .map(|c| vec![Inline::text("clause "), Inline::Code(c.id.to_string())])
        .chain(coverage.control_gaps().filter_map(|s| {
            let slot = m.slots.get(s)?;
            Some(vec![
                Inline::text("control "),
                Inline::Code(slot.id.clone()),
            ])
        }))
        .collect();
    body.push(if gaps.is_empty() {
        paragraph("Every clause of 4–10 and every applicable control was audited in the cycle.")
    } else {
        Block::Bullets(gaps)
    });
    body
}

/// One row per clause or control: its ID and title, a mark under each audit of the cycle
/// that covered it, and whether any did.
fn grid<'a, T: Copy + 'a>(
    key: &'static str,
    (id_title, title_title): (&str, &str),
    audit_ids: &[&str],
    coverage: &Coverage,
    rows: impl Iterator<Item = (String, Option<String>, &'a Covered<T>)>,
) -> Block {
    let mut columns: Vec<(&str, f64)> = vec![(id_title, 10.0), (title_title, 36.0)];
    columns.extend(audit_ids.iter().map(|id| (*id, 8.0)));
    columns.push(("Covered", 12.0));
    let rows = rows
        .map(|(id, title, covered)| {
            let mut row: Vec<Cell> = vec![code(&id), text(title.as_deref())];
            row.extend(coverage.audits.iter().map(|a| {
                if covered.by.contains(a) {
                    vec![Inline::text("✓")]
                } else {
                    Vec::new()
                }
            }));
            row.push(vec![if covered.is_gap() {
                Inline::Badge {
                    text: "not covered".to_string(),
                    tone: Tone::Bad,
                }
            } else {
                Inline::Badge {
                    text: "covered".to_string(),
                    tone: Tone::Good,
                }
            }]);
            row
        })
        .collect();
    table(key, None, &columns, rows)
}

fn field(label: &str, value: Option<String>) -> Field {
    Field {
        label: label.to_string(),
        value: text(value.as_deref()),
    }
}
