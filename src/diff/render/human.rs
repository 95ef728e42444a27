//! The changes for a terminal: a heading line, then each section's sentences indented.

use super::sentences::{sections, Piece};
use crate::control;
use crate::diff::Changes;

pub fn render(c: &Changes) -> String {
    let mut out = format!(
        "ISMS changes from {} to {}\n",
        c.from.describe(),
        c.to.describe()
    );
    let sections = sections(c);
    if sections.is_empty() {
        out.push_str("\nno changes\n");
    }
    for section in sections {
        out.push('\n');
        out.push_str(section.title);
        out.push('\n');
        for sentence in section.sentences {
            out.push_str("  ");
            for piece in sentence {
                match piece {
                    Piece::Words(s) | Piece::Id(s) => out.push_str(&s),
                    // What the user wrote cannot act on the terminal, nor break the line.
                    Piece::User(s) => out.push_str(&control::one_line(&s)),
                }
            }
            out.push('\n');
        }
    }
    out
}
