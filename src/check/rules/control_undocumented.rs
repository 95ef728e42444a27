//! control/undocumented: an applicable catalog control without a `control` declaration
//! recording its implementation status and owner.

use crate::check::Context;
use crate::diagnostics::{Code, Diagnostic, Sink};
use crate::model::graph::{EdgeKind, Node};

pub fn check(cx: &Context<'_>, sink: &mut Sink) {
    let m = cx.model;
    for (i, slot) in m.slots.iter().enumerate() {
        if slot.decl.is_some() || slot.is_custom() || m.exclusion_of(&slot.id).is_some() {
            continue;
        }
        let mut named = cx.trace.incoming(Node::Control(i), EdgeKind::TreatedBy);
        named.extend(cx.trace.incoming(Node::Control(i), EdgeKind::Requires));
        named.sort_by_key(|(_, s)| *s);
        let Some((_, first)) = named.first() else {
            continue;
        };
        sink.push(
            Diagnostic::new(
                Code::ControlUndocumented,
                *first,
                format!(
                    "control `{}` is applicable but has no `control` declaration",
                    slot.id
                ),
            )
            .with_label("applicable because of this")
            .with_help(format!(
                "record its implementation in a `control {} {{ … }}` block with `status` and `owner`",
                slot.id
            )),
        );
    }
}
