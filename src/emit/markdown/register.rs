//! `risk-register.md`: the overview, the heat maps as tables, each risk in detail, and the
//! treatment plan.

use std::fmt::Write as _;

use super::{columns, fields, line, opt_party, party, table, title};
use crate::emit::heatmap::{HeatMap, Rating};
use crate::emit::names::status_words;
use crate::emit::register::{Register, RiskRow};
use crate::emit::table as shared;
use crate::model::Keyword as _;

pub fn render(r: &Register) -> String {
    let mut out = String::new();
    title(
        &mut out,
        "Risk register and treatment plan",
        &r.organization,
        &r.date,
    );
    out.push_str(
        "Risks are sorted by inherent level, highest first, then by ID \
         (ISO/IEC 27001:2022 clauses 6.1.2, 6.1.3, 8.2 and 8.3).\n\n## Overview\n\n",
    );
    columns(
        &mut out,
        &shared::risks(r),
        &[
            "ID",
            "Title",
            "Score",
            "Level",
            "Owner name",
            "Treatment",
            "Current level",
            "Target level",
            "Accepted by name",
            "Accepted as",
            "Accepted on",
            "Due",
        ],
    );
    if let Some(maps) = &r.heat_maps {
        out.push_str("## Heat map: inherent risk\n\n");
        heat_map(&mut out, &maps.inherent);
        out.push_str("## Heat map: current risk\n\n");
        out.push_str("Where each risk is today: at its target once every control its treatment names is implemented (or an avoidance or transfer is done), at its inherent level until then.\n\n");
        heat_map(&mut out, &maps.current);
        out.push_str("## Heat map: target risk\n\n");
        heat_map(&mut out, &maps.target);
    }
    out.push_str("## Risks\n\n");
    for risk in &r.risks {
        details(&mut out, risk);
    }
    out.push_str("## Treatment plan\n\n");
    out.push_str("Open work: controls named by a treatment that are not implemented yet, and avoidance and transfer actions with a due date and not done. The risk owner approved the plan; the control owner does the work.\n\n");
    columns(
        &mut out,
        &shared::plan(r),
        &[
            "Risk",
            "Level",
            "Control",
            "Action",
            "Status",
            "Risk owner name",
            "Accepted by",
            "Accepted as",
            "Accepted on",
            "Control owner",
            "Control due",
            "Treatment due",
            "Overdue",
        ],
    );
    out
}

/// Likelihood from top (highest) to bottom, impact from left to right.
fn heat_map(out: &mut String, map: &HeatMap) {
    let mut head = vec!["Likelihood \\ Impact".to_string()];
    head.extend(map.impact.iter().map(|i| i.value.to_string()));
    let head: Vec<&str> = head.iter().map(String::as_str).collect();
    let rows: Vec<Vec<String>> = map
        .likelihood
        .iter()
        .rev()
        .map(|l| {
            let mut row = vec![l.value.to_string()];
            for i in &map.impact {
                let text = map.cell(l.value, i.value).map_or(String::new(), |c| {
                    let level = c.level.as_deref().unwrap_or_default();
                    if c.risks.is_empty() {
                        level.to_string()
                    } else {
                        format!("{level}: {}", c.risks.join(", "))
                    }
                });
                row.push(text);
            }
            row
        })
        .collect();
    table(out, &head, &rows);
}

fn rating(r: &Option<Rating>) -> String {
    r.as_ref().map_or(String::new(), |r| {
        if r.label.is_empty() {
            r.value.to_string()
        } else {
            format!("{} ({})", r.value, line(&r.label))
        }
    })
}

fn scored(score: Option<i64>, level: Option<&str>) -> String {
    match (score, level) {
        (Some(s), Some(l)) => format!("{s}, {l}"),
        (Some(s), None) => s.to_string(),
        _ => String::new(),
    }
}

fn details(out: &mut String, r: &RiskRow) {
    let _ = write!(out, "### {} {}\n\n", line(&r.id), line(&r.title));
    if let Some(d) = &r.description {
        let _ = write!(out, "{}\n\n", line(d));
    }
    let assets: Vec<String> = r
        .assets
        .iter()
        .map(|a| format!("{} ({})", a.name, a.id))
        .collect();
    let controls: Vec<String> = r
        .controls
        .iter()
        .map(|c| {
            let status = c.status.map_or("no record", status_words);
            format!("{} {} ({status})", c.id, c.title)
        })
        .collect();
    let role = r
        .accepted_as
        .as_ref()
        .map_or(String::new(), |a| format!(", as {a}"));
    let accepted = match (&r.accepted_by, &r.accepted_on) {
        (Some(p), Some(on)) => format!("{}{role} on {on}", party(p)),
        (Some(p), None) => format!("{}{role} (undated)", party(p)),
        _ => String::new(),
    };
    let current = if r.current_score.is_some() {
        format!(
            "likelihood {}, impact {}: {}",
            rating(&r.current_likelihood),
            rating(&r.current_impact),
            scored(r.current_score, r.current_level.as_deref())
        )
    } else if r.treatment.is_some() && r.score.is_some() {
        "none (the risk is avoided)".to_string()
    } else {
        String::new()
    };
    let residual = if r.residual_score.is_some() {
        format!(
            "likelihood {}, impact {}: {}",
            rating(&r.residual_likelihood),
            rating(&r.residual_impact),
            scored(r.residual_score, r.residual_level.as_deref())
        )
    } else if r.treatment.is_some() {
        "none (the risk is avoided)".to_string()
    } else {
        String::new()
    };
    let rows = [
        ("Assets", assets.join("; ")),
        ("Threat", r.threat.clone().unwrap_or_default()),
        ("Vulnerability", r.vulnerability.clone().unwrap_or_default()),
        ("Likelihood", rating(&r.likelihood)),
        ("Impact", rating(&r.impact)),
        ("Score", scored(r.score, r.level.as_deref())),
        ("Owner", opt_party(r.owner.as_ref())),
        (
            "Treatment",
            r.treatment
                .map(|t| t.as_str().to_string())
                .unwrap_or_default(),
        ),
        ("Rationale", r.rationale.clone().unwrap_or_default()),
        ("Transferred to", r.transfer_to.clone().unwrap_or_default()),
        ("Controls", controls.join("; ")),
        ("Current risk", current),
        ("Target risk", residual),
        ("Accepted by", accepted),
        ("Due", r.due.clone().unwrap_or_default()),
        ("Done", r.done.clone().unwrap_or_default()),
        ("Reviewed", r.reviewed.clone().unwrap_or_default()),
        ("Next review", r.next_review.clone().unwrap_or_default()),
    ];
    // Fields that only some treatments have are left out when empty.
    let optional = [
        "Rationale",
        "Transferred to",
        "Controls",
        "Accepted by",
        "Due",
        "Done",
    ];
    let rows: Vec<(&str, String)> = rows
        .into_iter()
        .filter(|(k, v)| !v.is_empty() || !optional.contains(k))
        .collect();
    fields(out, &rows);
}
