//! Reporting a cycle of the traceability graph: the whole cycle in the message, the first
//! reference as the primary label, every other reference as a secondary label.

use crate::diagnostics::{Code, Diagnostic};
use crate::model::graph::Node;
use crate::source::Span;

/// How one cycle rule words its diagnostic.
pub struct CycleWording {
    pub code: Code,
    /// "policy parents form a cycle"; the path is appended.
    pub message: &'static str,
    /// The message when a node points at itself.
    pub self_message: fn(&str) -> String,
    /// The label on the reference leaving the named node ("parent of `x`").
    pub label: fn(&str) -> String,
    pub help: &'static str,
}

/// The diagnostic for `cycle`, as returned by `Trace::cycles` (each node with the span of
/// the reference that leads to the next one).
pub fn diagnostic(
    cycle: &[(Node, Span)],
    name: impl Fn(Node) -> String,
    w: &CycleWording,
) -> Option<Diagnostic> {
    let &(first, first_span) = cycle.first()?;
    let message = if cycle.len() == 1 {
        (w.self_message)(&name(first))
    } else {
        let path: Vec<String> = cycle
            .iter()
            .map(|(n, _)| format!("`{}`", name(*n)))
            .chain(std::iter::once(format!("`{}`", name(first))))
            .collect();
        format!("{}: {}", w.message, path.join(" → "))
    };
    let mut d = Diagnostic::new(w.code, first_span, message)
        .with_label((w.label)(&name(first)))
        .with_help(w.help);
    for (n, span) in cycle.iter().skip(1) {
        d = d.with_secondary(*span, (w.label)(&name(*n)));
    }
    Some(d)
}
