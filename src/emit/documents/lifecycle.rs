//! `objectives` (6.2, 7.2, 9.1), `audit-programme` (9.2) and `corrective-actions` (10.2):
//! the lifecycle registers, from `emit::lifecycle`.

use super::blocks::{
    anchor, badge, code, fields, heading, joined, or_dash, parties, party, table, text,
};
use super::{AUDIT_PROGRAMME, CORRECTIVE_ACTIONS, OBJECTIVES};
use crate::emit::tree::{Document, Inline, Tone};
use crate::emit::Derived;
use crate::Compilation;

pub fn audit_programme(c: &Compilation, d: &Derived) -> Document {
    let l = &d.lifecycle;
    let mut body = Vec::new();
    match &l.programme {
        Some(p) => body.push(fields(vec![
            ("Programme", text(format!("{} ({})", p.title, p.id))),
            ("Owner", party(p.owner.as_ref())),
            ("Interval", or_dash(p.interval.as_deref())),
            ("Next audit due", or_dash(p.next_due.as_deref())),
        ])),
        None => body.push(super::blocks::paragraph("No audit programme is recorded.")),
    }
    body.push(heading(2, "Audits"));
    body.push(table(
        "audits",
        &[
            ("Audit", 10.0),
            ("Title", 30.0),
            ("Date", 12.0),
            ("Auditor", 22.0),
            ("Scope", 30.0),
            ("Findings", 14.0),
            ("Summary", 40.0),
        ],
        l.audits
            .iter()
            .map(|a| {
                let mut scope = a.controls.clone();
                scope.extend(a.policies.iter().map(|p| format!("policy {p}")));
                scope.extend(a.clauses.iter().map(|c| format!("clause {c}")));
                vec![
                    code(a.id.as_str()),
                    text(a.title.as_str()),
                    or_dash(a.date.as_deref()),
                    party(a.auditor.as_ref()),
                    joined(&scope, ", "),
                    joined(&a.findings, ", "),
                    or_dash(a.summary.as_deref()),
                ]
            })
            .collect(),
    ));
    AUDIT_PROGRAMME.document(c, body)
}

pub fn corrective_actions(c: &Compilation, d: &Derived) -> Document {
    let l = &d.lifecycle;
    let body = vec![
        heading(2, "Nonconformities"),
        table(
            "nonconformities",
            &[
                ("ID", 8.0),
                ("Nonconformity", 30.0),
                ("Raised", 12.0),
                ("Source", 16.0),
                ("Owner", 22.0),
                ("Root cause", 30.0),
                ("Corrective action", 30.0),
                ("Due", 12.0),
                ("Status", 12.0),
                ("Closed", 12.0),
                ("Effectiveness", 30.0),
            ],
            l.nonconformities
                .iter()
                .map(|n| {
                    let status = match (n.status, n.overdue) {
                        (Some(s), true) => badge(format!("{s}, overdue"), Tone::Bad),
                        (Some(s), false) => badge(s, Tone::Neutral),
                        (None, _) => text("—"),
                    };
                    // The anchor the SoA's "Open nonconformities" links to.
                    let mut id = vec![Inline::Anchor(anchor("nc-", &n.id))];
                    id.extend(code(n.id.as_str()));
                    vec![
                        id,
                        text(n.title.as_str()),
                        or_dash(n.raised.as_deref()),
                        joined(&n.sources, ", "),
                        party(n.owner.as_ref()),
                        or_dash(n.root_cause.as_deref()),
                        or_dash(n.action.as_deref()),
                        or_dash(n.due.as_deref()),
                        status,
                        or_dash(n.closed.as_deref()),
                        or_dash(n.verified.as_deref()),
                    ]
                })
                .collect(),
        ),
        heading(2, "Incidents"),
        table(
            "incidents",
            &[
                ("ID", 8.0),
                ("Incident", 30.0),
                ("Date", 12.0),
                ("Severity", 10.0),
                ("Assets", 16.0),
                ("Risks", 12.0),
                ("Lessons learned", 40.0),
                ("Nonconformities", 14.0),
            ],
            l.incidents
                .iter()
                .map(|i| {
                    vec![
                        code(i.id.as_str()),
                        text(i.title.as_str()),
                        or_dash(i.date.as_deref()),
                        or_dash(i.severity),
                        joined(&i.assets, ", "),
                        joined(&i.risks, ", "),
                        or_dash(i.lessons.as_deref()),
                        joined(&i.nonconformities, ", "),
                    ]
                })
                .collect(),
        ),
    ];
    CORRECTIVE_ACTIONS.document(c, body)
}

pub fn objectives(c: &Compilation, d: &Derived) -> Document {
    let l = &d.lifecycle;
    let mut body = vec![table(
        "objectives",
        &[
            ("ID", 8.0),
            ("Objective", 36.0),
            ("Target", 24.0),
            ("Owner", 22.0),
            ("Due", 12.0),
            ("Metrics", 16.0),
        ],
        l.objectives
            .iter()
            .map(|o| {
                vec![
                    code(o.id.as_str()),
                    text(o.title.as_str()),
                    or_dash(o.target.as_deref()),
                    party(o.owner.as_ref()),
                    or_dash(o.due.as_deref()),
                    joined(&o.metrics, ", "),
                ]
            })
            .collect(),
    )];
    body.push(heading(2, "Metrics"));
    if l.metrics.is_empty() {
        body.push(super::blocks::paragraph("None."));
    }
    for x in &l.metrics {
        body.push(heading(3, format!("{} ({})", x.title, x.id)));
        let state = match x.on_target {
            Some(true) => badge("on target", Tone::Good),
            Some(false) => badge("off target", Tone::Bad),
            None => badge("not measured", Tone::Neutral),
        };
        body.push(fields(vec![
            ("Objectives", joined(&x.objectives, ", ")),
            ("Owner", party(x.owner.as_ref())),
            (
                "Target",
                or_dash(
                    x.target
                        .as_ref()
                        .map(|t| format!("{t} {}", x.unit))
                        .as_deref(),
                ),
            ),
            ("Latest", state),
            ("Action", or_dash(x.action.as_deref())),
        ]));
        body.push(table(
            "measurements",
            &[("Date", 12.0), ("Value", 14.0)],
            x.measurements
                .iter()
                .map(|p| {
                    vec![
                        text(p.date.as_str()),
                        text(format!("{} {}", p.value, x.unit)),
                    ]
                })
                .collect(),
        ));
    }
    body.push(heading(2, "Training"));
    body.push(table(
        "trainings",
        &[
            ("ID", 8.0),
            ("Training", 30.0),
            ("Audience", 30.0),
            ("Every", 12.0),
            ("Last completed", 14.0),
            ("Completion", 11.0),
        ],
        l.trainings
            .iter()
            .map(|t| {
                vec![
                    code(t.id.as_str()),
                    text(t.title.as_str()),
                    parties(&t.audience),
                    or_dash(t.frequency.as_deref()),
                    or_dash(t.completed.as_deref()),
                    or_dash(t.completion.map(|c| format!("{c} %")).as_deref()),
                ]
            })
            .collect(),
    ));
    OBJECTIVES.document(c, body)
}
