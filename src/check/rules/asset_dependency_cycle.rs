//! asset/dependency-cycle: `depends_on` links that lead back to where they started.

use crate::check::Context;
use crate::diagnostics::{Code, Diagnostic, Sink};
use crate::model::graph::{EdgeKind, Node};

pub fn check(cx: &Context<'_>, sink: &mut Sink) {
    let m = cx.model;
    let name = |n: Node| match n {
        Node::Asset(i) => m.assets.get(i).map_or("?", |a| a.id.text.as_str()),
        _ => "?",
    };
    for cycle in cx.trace.cycles(EdgeKind::DependsOn) {
        let Some(&(first, first_span)) = cycle.first() else {
            continue;
        };
        let path: Vec<String> = cycle
            .iter()
            .map(|(n, _)| format!("`{}`", name(*n)))
            .chain(std::iter::once(format!("`{}`", name(first))))
            .collect();
        let message = if cycle.len() == 1 {
            format!("asset `{}` depends on itself", name(first))
        } else {
            format!(
                "assets depend on each other in a cycle: {}",
                path.join(" → ")
            )
        };
        let mut d = Diagnostic::new(Code::AssetDependencyCycle, first_span, message)
            .with_label(format!("`{}` depends on this", name(first)))
            .with_help(
                "an asset cannot depend on itself, even indirectly: remove one `depends_on` link",
            );
        for (n, span) in cycle.iter().skip(1) {
            d = d.with_secondary(*span, format!("`{}` depends on this", name(*n)));
        }
        sink.push(d);
    }
}
