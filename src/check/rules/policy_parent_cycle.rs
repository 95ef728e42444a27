//! policy/parent-cycle: `parent` links must form a hierarchy under the top-level policy.

use crate::check::cycle::{diagnostic, CycleWording};
use crate::check::Context;
use crate::diagnostics::{Code, Sink};
use crate::model::graph::{EdgeKind, Node};

const WORDING: CycleWording = CycleWording {
    code: Code::PolicyParentCycle,
    message: "policy parents form a cycle",
    self_message: |p| format!("policy `{p}` is its own parent"),
    label: |p| format!("parent of `{p}`"),
    help: "policies form a tree under the information security policy: remove one `parent` link",
};

pub fn check(cx: &Context<'_>, sink: &mut Sink) {
    let m = cx.model;
    let name = |n: Node| match n {
        Node::Policy(i) => m
            .policies
            .get(i)
            .map_or("?", |p| p.id.text.as_str())
            .to_string(),
        _ => "?".to_string(),
    };
    for cycle in cx.trace.cycles(EdgeKind::Parent) {
        if let Some(d) = diagnostic(&cycle, name, &WORDING) {
            sink.push(d);
        }
    }
}
