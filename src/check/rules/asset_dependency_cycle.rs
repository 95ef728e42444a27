//! asset/dependency-cycle: `depends_on` links that lead back to where they started.

use crate::check::cycle::{diagnostic, CycleWording};
use crate::check::Context;
use crate::diagnostics::{Code, Sink};
use crate::model::graph::{EdgeKind, Node};

const WORDING: CycleWording = CycleWording {
    code: Code::AssetDependencyCycle,
    message: "assets depend on each other in a cycle",
    self_message: |a| format!("asset `{a}` depends on itself"),
    label: |a| format!("`{a}` depends on this"),
    help: "an asset cannot depend on itself, even indirectly: remove one `depends_on` link",
};

pub fn check(cx: &Context<'_>, sink: &mut Sink) {
    let m = cx.model;
    let name = |n: Node| match n {
        Node::Asset(i) => m
            .assets
            .get(i)
            .map_or("?", |a| a.id.text.as_str())
            .to_string(),
        _ => "?".to_string(),
    };
    for cycle in cx.trace.cycles(EdgeKind::DependsOn) {
        if let Some(d) = diagnostic(&cycle, name, &WORDING) {
            sink.push(d);
        }
    }
}
