//! `management-review`: the management review minutes (9.3): each review with its
//! attendees, the inputs of 9.3.2 it covered, its decisions and actions. (A mechanical
//! port of the earlier Markdown page; the review's inputs and outputs are reworked
//! separately.)

use super::blocks::{badge, bullets, fields, heading, or_dash, paragraph, parties, table, text};
use super::MANAGEMENT_REVIEW as META;
use crate::emit::tree::{Document, Tone};
use crate::emit::Derived;
use crate::Compilation;

pub fn build(c: &Compilation, d: &Derived) -> Document {
    let l = &d.lifecycle;
    let mut body = Vec::new();
    if l.reviews.is_empty() {
        body.push(paragraph("No management review is recorded."));
    }
    for r in &l.reviews {
        body.push(heading(2, format!("{} ({})", r.title, r.id)));
        body.push(fields(vec![
            ("Date", or_dash(r.date.as_deref())),
            ("Attendees", parties(&r.attendees)),
        ]));
        body.push(heading(3, "Inputs (clause 9.3.2)"));
        body.push(table(
            "review-inputs",
            &[("Item", 5.0), ("Input", 50.0), ("Covered", 12.0)],
            r.inputs
                .iter()
                .map(|i| {
                    vec![
                        text(format!("{})", i.letter)),
                        text(i.description),
                        if i.covered {
                            badge("covered", Tone::Good)
                        } else {
                            badge("not covered", Tone::Warning)
                        },
                    ]
                })
                .collect(),
        ));
        body.push(heading(3, "Decisions"));
        body.push(bullets(&r.decisions));
        body.push(heading(3, "Actions"));
        body.push(bullets(&r.actions));
    }
    META.document(c, body)
}
