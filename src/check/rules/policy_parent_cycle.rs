//! policy/parent-cycle: `parent` links must form a hierarchy under the top-level policy.

use crate::check::Context;
use crate::diagnostics::{Code, Diagnostic, Sink};
use crate::model::graph::{EdgeKind, Node};

pub fn check(cx: &Context<'_>, sink: &mut Sink) {
    let m = cx.model;
    let name = |n: Node| match n {
        Node::Policy(i) => m.policies.get(i).map_or("?", |p| p.id.text.as_str()),
        _ => "?",
    };
    for cycle in cx.trace.cycles(EdgeKind::Parent) {
        let Some(&(first, first_span)) = cycle.first() else {
            continue;
        };
        let path: Vec<String> = cycle
            .iter()
            .map(|(n, _)| format!("`{}`", name(*n)))
            .chain(std::iter::once(format!("`{}`", name(first))))
            .collect();
        let mut d = Diagnostic::new(
            Code::PolicyParentCycle,
            first_span,
            format!("policy parents form a cycle: {}", path.join(" → ")),
        )
        .with_label(format!("parent of `{}`", name(first)))
        .with_help(
            "policies form a tree under the information security policy: remove one `parent` link",
        );
        for (n, span) in cycle.iter().skip(1) {
            d = d.with_secondary(*span, format!("parent of `{}`", name(*n)));
        }
        sink.push(d);
    }
}
