//! `risk-register`: every risk with its assessment, treatment, controls and current and
//! target risk (6.1.2, 8.2), highest inherent level first; the heat maps of inherent,
//! current and target risk. The open work is the treatment plan's own document.

use super::blocks::{
    anchor, fields, heading, heading_at, link, or_dash, paragraph, party, table, text,
};
use super::{RISK_REGISTER as META, TREATMENT_PLAN};
use crate::emit::heatmap::{HeatMap, Rating};
use crate::emit::names::status_words;
use crate::emit::register::RiskRow;
use crate::emit::tree::{self, Block, Cell, Chart, Document, Inline};
use crate::emit::Derived;
use crate::model::Keyword as _;
use crate::Compilation;

pub fn build(c: &Compilation, d: &Derived) -> Document {
    let r = &d.register;
    let mut body = vec![
        Block::Paragraph(vec![
            Inline::text(
                "Risks are sorted by inherent level, highest first, then by ID \
                 (ISO/IEC 27001:2022 clauses 6.1.2 and 8.2). The open treatment work is in the ",
            ),
            link(TREATMENT_PLAN.title, TREATMENT_PLAN.stem, None),
            Inline::text("."),
        ]),
        heading(2, "Overview"),
        table(
            "risks",
            &[
                ("ID", 8.0),
                ("Title", 36.0),
                ("Score", 7.0),
                ("Level", 10.0),
                ("Owner", 22.0),
                ("Treatment", 11.0),
                ("Current level", 10.0),
                ("Target level", 10.0),
                ("Accepted by", 22.0),
                ("Accepted as", 22.0),
                ("Accepted on", 12.0),
                ("Due", 12.0),
            ],
            r.risks.iter().map(overview_row).collect(),
        ),
    ];
    if let Some(maps) = &r.heat_maps {
        body.push(heading(2, "Heat map: inherent risk"));
        body.push(chart("Inherent risk", &maps.inherent));
        body.push(heading(2, "Heat map: current risk"));
        body.push(paragraph(
            "Where each risk is today: at its target once every control its treatment \
             names is implemented (or an avoidance or transfer is done), at its inherent \
             level until then.",
        ));
        body.push(chart("Current risk", &maps.current));
        body.push(heading(2, "Heat map: target risk"));
        body.push(chart("Target risk", &maps.target));
    }
    body.push(heading(2, "Risks"));
    for risk in &r.risks {
        body.push(heading_at(
            3,
            format!("{} {}", risk.id, risk.title),
            anchor("r-", &risk.id),
        ));
        if let Some(desc) = &risk.description {
            body.push(paragraph(desc.as_str()));
        }
        body.push(details(risk));
    }
    META.document(c, body)
}

fn chart(caption: &str, map: &HeatMap) -> Block {
    Block::Chart(Chart::HeatMap {
        caption: caption.to_string(),
        map: map.clone(),
    })
}

fn overview_row(r: &RiskRow) -> Vec<Cell> {
    vec![
        vec![link(r.id.as_str(), META.stem, Some(anchor("r-", &r.id)))],
        text(r.title.as_str()),
        or_dash(r.score.map(|s| s.to_string()).as_deref()),
        or_dash(r.level.as_deref()),
        party(r.owner.as_ref()),
        or_dash(r.treatment.map(|t| t.as_str())),
        or_dash(r.current_level.as_deref()),
        or_dash(r.residual_level.as_deref()),
        party(r.accepted_by.as_ref()),
        or_dash(r.accepted_as.as_deref()),
        or_dash(r.accepted_on.as_deref()),
        or_dash(r.due.as_deref()),
    ]
}

fn rating(r: &Option<Rating>) -> String {
    r.as_ref().map_or(String::new(), |r| {
        if r.label.is_empty() {
            r.value.to_string()
        } else {
            format!("{} ({})", r.value, r.label)
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

fn details(r: &RiskRow) -> Block {
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
        (Some(p), Some(on)) => format!("{}{role} on {on}", tree::party(p)),
        (Some(p), None) => format!("{}{role} (undated)", tree::party(p)),
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
    let plan = if r.plan.is_empty() {
        Vec::new()
    } else {
        vec![link(
            format!("{} open actions", r.plan.len()),
            TREATMENT_PLAN.stem,
            None,
        )]
    };
    let rows: Vec<(&str, Cell)> = vec![
        ("Assets", text(assets.join("; "))),
        ("Threat", text(r.threat.clone().unwrap_or_default())),
        (
            "Vulnerability",
            text(r.vulnerability.clone().unwrap_or_default()),
        ),
        ("Likelihood", text(rating(&r.likelihood))),
        ("Impact", text(rating(&r.impact))),
        ("Score", text(scored(r.score, r.level.as_deref()))),
        ("Owner", party(r.owner.as_ref())),
        (
            "Treatment",
            text(r.treatment.map(|t| t.as_str()).unwrap_or_default()),
        ),
        ("Rationale", text(r.rationale.clone().unwrap_or_default())),
        (
            "Transferred to",
            text(r.transfer_to.clone().unwrap_or_default()),
        ),
        ("Controls", text(controls.join("; "))),
        ("Treatment plan", plan),
        ("Current risk", text(current)),
        ("Target risk", text(residual)),
        ("Accepted by", text(accepted)),
        ("Due", text(r.due.clone().unwrap_or_default())),
        ("Done", text(r.done.clone().unwrap_or_default())),
        ("Reviewed", text(r.reviewed.clone().unwrap_or_default())),
        (
            "Next review",
            text(r.next_review.clone().unwrap_or_default()),
        ),
    ];
    // Fields that only some treatments have are left out when empty; the others say "—".
    let optional = [
        "Rationale",
        "Transferred to",
        "Controls",
        "Treatment plan",
        "Accepted by",
        "Due",
        "Done",
    ];
    fields(
        rows.into_iter()
            .filter(|(k, v)| !v.is_empty() || !optional.contains(k))
            .map(|(k, v)| {
                if v.is_empty() {
                    (k, text("—"))
                } else {
                    (k, v)
                }
            })
            .collect(),
    )
}
