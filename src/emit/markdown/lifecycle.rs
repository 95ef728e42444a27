//! `audit-programme.md`, `management-review.md`, `corrective-actions.md`, `objectives.md`
//! and `readiness.md`.

use std::fmt::Write as _;

use super::{fields, line, opt_party, party, table, title};
use crate::emit::lifecycle::LifecycleDoc;
use crate::emit::names::Party;

fn or_dash(v: Option<&str>) -> String {
    v.map_or_else(|| "—".to_string(), str::to_string)
}

fn parties(ps: &[Party]) -> String {
    ps.iter().map(party).collect::<Vec<_>>().join(", ")
}

fn joined(items: &[String]) -> String {
    joined_by(items, ", ")
}

fn joined_by(items: &[String], sep: &str) -> String {
    if items.is_empty() {
        return "—".to_string();
    }
    items.join(sep)
}

pub fn audit_programme(d: &LifecycleDoc) -> String {
    let mut out = String::new();
    title(
        &mut out,
        "Internal audit programme",
        &d.organization,
        &d.date,
    );
    match &d.programme {
        Some(p) => fields(
            &mut out,
            &[
                ("Programme", format!("{} ({})", p.title, p.id)),
                ("Owner", opt_party(p.owner.as_ref())),
                ("Interval", or_dash(p.interval.as_deref())),
                ("Next audit due", or_dash(p.next_due.as_deref())),
            ],
        ),
        None => out.push_str("No audit programme is recorded.\n\n"),
    }
    out.push_str("## Audits\n\n");
    let rows: Vec<Vec<String>> = d
        .audits
        .iter()
        .map(|a| {
            let mut scope = a.controls.clone();
            scope.extend(a.policies.iter().map(|p| format!("policy {p}")));
            scope.extend(a.clauses.iter().map(|c| format!("clause {c}")));
            vec![
                a.id.clone(),
                a.title.clone(),
                or_dash(a.date.as_deref()),
                opt_party(a.auditor.as_ref()),
                joined(&scope),
                joined(&a.findings),
                or_dash(a.summary.as_deref()),
            ]
        })
        .collect();
    table(
        &mut out,
        &[
            "Audit", "Title", "Date", "Auditor", "Scope", "Findings", "Summary",
        ],
        &rows,
    );
    out
}

pub fn reviews(d: &LifecycleDoc) -> String {
    let mut out = String::new();
    title(
        &mut out,
        "Management review minutes",
        &d.organization,
        &d.date,
    );
    if d.reviews.is_empty() {
        out.push_str("No management review is recorded.\n\n");
    }
    for r in &d.reviews {
        let _ = write!(out, "## {} ({})\n\n", line(&r.title), line(&r.id));
        fields(
            &mut out,
            &[
                ("Date", or_dash(r.date.as_deref())),
                ("Attendees", parties(&r.attendees)),
            ],
        );
        out.push_str("### Inputs (clause 9.3.2)\n\n");
        let rows: Vec<Vec<String>> = r
            .inputs
            .iter()
            .map(|i| {
                vec![
                    format!("{})", i.letter),
                    i.description.to_string(),
                    if i.covered { "covered" } else { "not covered" }.to_string(),
                ]
            })
            .collect();
        table(&mut out, &["", "Input", "Covered"], &rows);
        list(&mut out, "Decisions", &r.decisions);
        list(&mut out, "Actions", &r.actions);
    }
    out
}

fn list(out: &mut String, heading: &str, items: &[String]) {
    super::bullets(out, "###", heading, items);
}

pub fn corrective_actions(d: &LifecycleDoc) -> String {
    let mut out = String::new();
    title(
        &mut out,
        "Nonconformities and corrective actions",
        &d.organization,
        &d.date,
    );
    out.push_str("## Nonconformities\n\n");
    let rows: Vec<Vec<String>> = d
        .nonconformities
        .iter()
        .map(|n| {
            let status = match (n.status, n.overdue) {
                (Some(s), true) => format!("{s}, overdue"),
                (Some(s), false) => s.to_string(),
                (None, _) => "—".to_string(),
            };
            vec![
                n.id.clone(),
                n.title.clone(),
                or_dash(n.raised.as_deref()),
                joined(&n.sources),
                opt_party(n.owner.as_ref()),
                or_dash(n.root_cause.as_deref()),
                or_dash(n.action.as_deref()),
                or_dash(n.due.as_deref()),
                status,
                or_dash(n.closed.as_deref()),
                or_dash(n.verified.as_deref()),
            ]
        })
        .collect();
    table(
        &mut out,
        &[
            "ID",
            "Nonconformity",
            "Raised",
            "Source",
            "Owner",
            "Root cause",
            "Corrective action",
            "Due",
            "Status",
            "Closed",
            "Effectiveness",
        ],
        &rows,
    );
    out.push_str("## Incidents\n\n");
    let rows: Vec<Vec<String>> = d
        .incidents
        .iter()
        .map(|i| {
            vec![
                i.id.clone(),
                i.title.clone(),
                or_dash(i.date.as_deref()),
                or_dash(i.severity),
                joined(&i.assets),
                joined(&i.risks),
                or_dash(i.lessons.as_deref()),
                joined(&i.nonconformities),
            ]
        })
        .collect();
    table(
        &mut out,
        &[
            "ID",
            "Incident",
            "Date",
            "Severity",
            "Assets",
            "Risks",
            "Lessons learned",
            "Nonconformities",
        ],
        &rows,
    );
    out
}

pub fn objectives(d: &LifecycleDoc) -> String {
    let mut out = String::new();
    title(
        &mut out,
        "Information security objectives",
        &d.organization,
        &d.date,
    );
    let rows: Vec<Vec<String>> = d
        .objectives
        .iter()
        .map(|o| {
            vec![
                o.id.clone(),
                o.title.clone(),
                or_dash(o.target.as_deref()),
                opt_party(o.owner.as_ref()),
                or_dash(o.due.as_deref()),
                joined(&o.metrics),
            ]
        })
        .collect();
    table(
        &mut out,
        &["ID", "Objective", "Target", "Owner", "Due", "Metrics"],
        &rows,
    );
    out.push_str("## Metrics\n\n");
    if d.metrics.is_empty() {
        out.push_str("None.\n\n");
    }
    for x in &d.metrics {
        let _ = write!(out, "### {} ({})\n\n", line(&x.title), line(&x.id));
        let state = match x.on_target {
            Some(true) => "on target",
            Some(false) => "off target",
            None => "not measured",
        };
        fields(
            &mut out,
            &[
                ("Objectives", joined(&x.objectives)),
                ("Owner", opt_party(x.owner.as_ref())),
                (
                    "Target",
                    x.target
                        .as_ref()
                        .map_or_else(|| "—".to_string(), |t| format!("{t} {}", x.unit)),
                ),
                ("Latest", state.to_string()),
                ("Action", or_dash(x.action.as_deref())),
            ],
        );
        let rows: Vec<Vec<String>> = x
            .measurements
            .iter()
            .map(|p| vec![p.date.clone(), format!("{} {}", p.value, x.unit)])
            .collect();
        table(&mut out, &["Date", "Value"], &rows);
    }
    out.push_str("## Training\n\n");
    let rows: Vec<Vec<String>> = d
        .trainings
        .iter()
        .map(|t| {
            vec![
                t.id.clone(),
                t.title.clone(),
                parties(&t.audience),
                or_dash(t.frequency.as_deref()),
                or_dash(t.completed.as_deref()),
                t.completion
                    .map_or_else(|| "—".to_string(), |c| format!("{c} %")),
            ]
        })
        .collect();
    table(
        &mut out,
        &[
            "ID",
            "Training",
            "Audience",
            "Every",
            "Last completed",
            "Completion",
        ],
        &rows,
    );
    out
}

/// The readiness report's notes without their code marks, as the HTML page shows them:
/// they quote the project's names, and a table cell shows text, not markup.
fn plain(items: &[String]) -> Vec<String> {
    items.iter().map(|i| i.replace('`', "")).collect()
}

pub fn readiness(d: &LifecycleDoc) -> String {
    let r = &d.readiness;
    let mut out = String::new();
    title(
        &mut out,
        "Stage 1 audit readiness",
        &d.organization,
        &d.date,
    );
    let _ = write!(
        out,
        "Documented information required by ISO/IEC 27001:2022 clauses 4–10.\n\n**{}**\n\n",
        r.verdict()
    );
    let rows: Vec<Vec<String>> = r
        .items
        .iter()
        .map(|i| {
            vec![
                i.clause.to_string(),
                i.title.to_string(),
                i.state.as_str().to_string(),
                joined_by(&plain(&i.found), "; "),
                joined_by(&plain(&i.gaps), "; "),
            ]
        })
        .collect();
    table(
        &mut out,
        &[
            "Clause",
            "Documented information",
            "State",
            "Where",
            "Missing",
        ],
        &rows,
    );
    out
}
