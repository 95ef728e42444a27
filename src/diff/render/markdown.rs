//! The changes as a pull-request comment: a heading, then a list per section. User text
//! is escaped as in every Markdown document (`emit::markdown::escape`).

use super::sentences::{sections, Piece};
use crate::diff::Changes;
use crate::emit::markdown::escape;

/// A hidden marker on the first line, so a CI job finds its own comment and updates it.
pub const MARKER: &str = "<!-- isms-diff -->";

pub fn render(c: &Changes) -> String {
    let mut out = format!(
        "{MARKER}\n## ISMS changes\n\nFrom {} to {}.\n",
        side(&c.from),
        side(&c.to)
    );
    let sections = sections(c);
    if sections.is_empty() {
        out.push_str("\nNo changes to the ISMS.\n");
    }
    for section in sections {
        out.push_str(&format!("\n### {}\n\n", section.title));
        for sentence in section.sentences {
            out.push_str("- ");
            for piece in sentence {
                match piece {
                    Piece::Words(s) | Piece::User(s) => out.push_str(&spaced(&s)),
                    Piece::Id(s) => out.push_str(&code(&s)),
                }
            }
            out.push('\n');
        }
    }
    out
}

fn side(s: &crate::diff::Side) -> String {
    match &s.commit {
        Some(commit) => format!(
            "{} ({})",
            code(&s.label),
            code(crate::diff::revision::short(commit))
        ),
        None => escape::inline(&s.label),
    }
}

/// Text escaped, keeping the blanks around it that join it to the pieces beside it
/// (`escape::inline` trims them).
fn spaced(s: &str) -> String {
    let lead = if s.starts_with(char::is_whitespace) {
        " "
    } else {
        ""
    };
    let trail = if s.ends_with(char::is_whitespace) && !s.trim().is_empty() {
        " "
    } else {
        ""
    };
    format!("{lead}{}{trail}", escape::inline(s))
}

/// An identifier in a code span; one holding a backtick or a line break is escaped text
/// instead, so it cannot close the span early.
fn code(s: &str) -> String {
    if s.contains('`') || s.chars().any(|c| c.is_control()) {
        escape::inline(s)
    } else {
        format!("`{s}`")
    }
}
