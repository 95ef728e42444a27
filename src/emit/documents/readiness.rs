//! `readiness`: the Stage 1 readiness report: the documented information of clauses 4–10,
//! where the project provides it and what is missing.

use super::blocks::{badge, joined, paragraph, table, text};
use super::READINESS as META;
use crate::check::readiness::State;
use crate::emit::tree::{Block, Document, Inline, Tone};
use crate::emit::Derived;
use crate::Compilation;

pub fn build(c: &Compilation, d: &Derived) -> Document {
    let r = &d.lifecycle.readiness;
    // The notes quote the project's names in code marks; a cell shows text, not markup.
    let plain =
        |items: &[String]| -> Vec<String> { items.iter().map(|i| i.replace('`', "")).collect() };
    let body = vec![
        paragraph("Documented information required by ISO/IEC 27001:2022 clauses 4–10."),
        Block::Paragraph(vec![Inline::Strong(r.verdict())]),
        table(
            "readiness",
            &[
                ("Clause", 8.0),
                ("Documented information", 36.0),
                ("State", 10.0),
                ("Where", 40.0),
                ("Missing", 40.0),
            ],
            r.items
                .iter()
                .map(|i| {
                    vec![
                        text(i.clause),
                        text(i.title),
                        badge(i.state.as_str(), tone(i.state)),
                        joined(&plain(&i.found), "; "),
                        joined(&plain(&i.gaps), "; "),
                    ]
                })
                .collect(),
        ),
    ];
    META.document(c, body)
}

fn tone(s: State) -> Tone {
    match s {
        State::Provided => Tone::Good,
        State::Partial => Tone::Warning,
        State::Missing => Tone::Bad,
    }
}
