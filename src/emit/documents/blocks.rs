//! Small constructors for the tree, so each builder reads as the document it writes.

use crate::emit::names::Party;
use crate::emit::tree::{self, Block, Cell, Column, Field, Inline, Table, Target, Tone};

/// Text as one inline; empty text is an empty run.
pub fn text(s: impl Into<String>) -> Cell {
    let s = s.into();
    if s.is_empty() {
        Vec::new()
    } else {
        vec![Inline::Text(s)]
    }
}

/// The value, or "—" when there is none: a reader sees that nothing is recorded.
pub fn or_dash(s: Option<&str>) -> Cell {
    match s {
        Some(s) if !s.is_empty() => text(s),
        _ => text("—"),
    }
}

/// A list of values joined by `sep`, or "—".
pub fn joined(items: &[String], sep: &str) -> Cell {
    if items.is_empty() {
        return text("—");
    }
    text(items.join(sep))
}

/// An identifier, set in a fixed-width face where the format can.
pub fn code(s: impl Into<String>) -> Cell {
    vec![Inline::Code(s.into())]
}

/// "Lena Wagner (lena)", or "—".
pub fn party(p: Option<&Party>) -> Cell {
    match p {
        Some(p) => text(tree::party(p)),
        None => text("—"),
    }
}

pub fn parties(ps: &[Party]) -> Cell {
    let names: Vec<String> = ps.iter().map(tree::party).collect();
    joined(&names, ", ")
}

pub fn badge(s: impl Into<String>, tone: Tone) -> Cell {
    vec![Inline::Badge {
        text: s.into(),
        tone,
    }]
}

pub fn link(s: impl Into<String>, stem: &str, anchor: Option<String>) -> Inline {
    Inline::Link {
        text: s.into(),
        to: Target::Doc {
            stem: stem.to_string(),
            anchor,
        },
    }
}

/// Runs joined by `sep` (links in a cell: "R-01, R-02").
pub fn join_runs(runs: Vec<Cell>, sep: &str) -> Cell {
    let mut out = Vec::new();
    for (i, run) in runs.into_iter().enumerate() {
        if i > 0 {
            out.push(Inline::text(sep));
        }
        out.extend(run);
    }
    if out.is_empty() {
        return text("—");
    }
    out
}

pub fn heading(level: u8, s: impl Into<String>) -> Block {
    Block::Heading {
        level,
        text: s.into(),
        anchor: None,
    }
}

pub fn heading_at(level: u8, s: impl Into<String>, anchor: impl Into<String>) -> Block {
    Block::Heading {
        level,
        text: s.into(),
        anchor: Some(anchor.into()),
    }
}

pub fn paragraph(s: impl Into<String>) -> Block {
    Block::Paragraph(text(s))
}

pub fn fields(rows: Vec<(&str, Cell)>) -> Block {
    Block::Fields(
        rows.into_iter()
            .map(|(label, value)| Field {
                label: label.to_string(),
                value,
            })
            .collect(),
    )
}

/// A table. Every row must have as many cells as `columns` (the tree's invariant;
/// `tests/documents.rs` checks every table of the example).
pub fn table(key: &'static str, columns: &[(&str, f64)], rows: Vec<Vec<Cell>>) -> Block {
    Block::Table(table_of(key, columns, rows))
}

/// The table of [`table`], to give it a caption.
pub fn table_of(key: &'static str, columns: &[(&str, f64)], rows: Vec<Vec<Cell>>) -> Table {
    Table {
        key,
        caption: None,
        columns: columns
            .iter()
            .map(|(title, width)| Column {
                title: (*title).to_string(),
                width: *width,
            })
            .collect(),
        rows,
    }
}

/// A bulleted list of plain items, or "None.".
pub fn bullets(items: &[String]) -> Block {
    if items.is_empty() {
        return paragraph("None.");
    }
    Block::Bullets(items.iter().map(|i| text(i.as_str())).collect())
}

/// An anchor made from an ID: lower-case letters, digits and `-`, so every format can
/// use it (`A.8.5` → `a-8-5`).
pub fn anchor(prefix: &str, id: &str) -> String {
    let mut out = String::from(prefix);
    for c in id.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn anchors_are_plain() {
        assert_eq!(anchor("c-", "A.8.5"), "c-a-8-5");
        assert_eq!(anchor("r-", "R 01/x"), "r-r-01-x");
    }
}
