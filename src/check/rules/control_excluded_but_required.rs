//! control/excluded-but-required: an excluded control that a risk treatment, requirement
//! or policy still names — the SoA would contradict itself (clause 6.1.3 d).

use crate::check::Context;
use crate::diagnostics::{Code, Diagnostic, Sink};
use crate::model::graph::{EdgeKind, Node};
use crate::model::Kind;

pub fn check(cx: &Context<'_>, sink: &mut Sink) {
    let m = cx.model;
    let mut seen = std::collections::HashSet::new();
    for exclusion in &m.exclusions {
        for excluded in &exclusion.controls {
            // A second exclusion of the same control is a `ref/duplicate` already.
            if !seen.insert(excluded.name.as_str()) {
                continue;
            }
            let Some(slot) = m.resolution.decl(excluded, Kind::Control) else {
                continue;
            };
            for kind in [
                EdgeKind::TreatedBy,
                EdgeKind::Requires,
                EdgeKind::Implements,
            ] {
                for (source, span) in cx.trace.incoming(Node::Control(slot), kind) {
                    let who = match source {
                        Node::Risk(i) => m
                            .risks
                            .get(i)
                            .map(|r| format!("risk `{}` needs", r.id.text)),
                        Node::Requirement(i) => m
                            .requirements
                            .get(i)
                            .map(|r| format!("requirement `{}` needs", r.id.text)),
                        Node::Policy(i) => m
                            .policies
                            .get(i)
                            .map(|p| format!("policy `{}` implements", p.id.text)),
                        _ => None,
                    };
                    let Some(who) = who else {
                        continue;
                    };
                    sink.push(
                        Diagnostic::new(
                            Code::ControlExcludedButRequired,
                            span,
                            format!("control `{}` is excluded, but {who} it", excluded.name),
                        )
                        .with_label("named here")
                        .with_secondary(excluded.span, "excluded here")
                        .with_help(format!(
                            "remove `{}` from the exclusion, or stop naming it here",
                            excluded.name
                        )),
                    );
                }
            }
        }
    }
}
