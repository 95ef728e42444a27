//! incident/risks-not-reviewed: an incident on an asset (or risk) whose risks were not
//! reviewed since the incident (control 5.27: learn from incidents; clause 8.2: assess
//! risks when significant changes occur).

use std::collections::BTreeSet;

use crate::check::Context;
use crate::diagnostics::{Code, Diagnostic, Sink};
use crate::model::graph::{EdgeKind, Node};
use crate::model::{Kind, Ref};

pub fn check(cx: &Context<'_>, sink: &mut Sink) {
    let m = cx.model;
    for incident in &m.incidents {
        let Some(on) = incident.date else {
            continue;
        };
        // Each affected risk once, reported at the reference that brought it in.
        let mut seen = BTreeSet::new();
        let mut affected: Vec<(usize, &Ref)> = Vec::new();
        for r in &incident.risks {
            if let Some(i) = m.resolution.decl(r, Kind::Risk) {
                if seen.insert(i) {
                    affected.push((i, r));
                }
            }
        }
        for a in &incident.assets {
            let Some(asset) = m.resolution.decl(a, Kind::Asset) else {
                continue;
            };
            for node in cx.trace.targets(Node::Asset(asset), EdgeKind::AssessedBy) {
                if let Node::Risk(i) = node {
                    if seen.insert(i) {
                        affected.push((i, a));
                    }
                }
            }
        }
        for (i, via) in affected {
            let Some(risk) = m.risks.get(i) else {
                continue;
            };
            if risk.reviewed.is_some_and(|r| r.date >= on.date) {
                continue;
            }
            let mut d = Diagnostic::new(
                Code::IncidentRisksNotReviewed,
                via.span,
                format!(
                    "risk `{}` was not reviewed after incident `{}` of {}",
                    risk.id.text, incident.id.text, on.date
                ),
            );
            d = match risk.reviewed {
                Some(r) => d
                    .with_label(format!(
                        "affected by the incident; last reviewed {}",
                        r.date
                    ))
                    .with_secondary(r.span, "reviewed before the incident"),
                None => d
                    .with_label("affected by the incident; never reviewed")
                    .with_secondary(risk.id.span, "the risk"),
            };
            sink.push(d.with_help(format!(
                "reassess `{}` in the light of the incident, then set `reviewed` to the date of that review",
                risk.id.text
            )));
        }
    }
}
