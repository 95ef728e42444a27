//! Small constructors the register documents (context, legal register, asset inventory,
//! roles, audit coverage, management review) share, so each builder reads as the
//! document it builds.

use crate::emit::names::Party;
use crate::emit::tree::{party, Block, Cell, Column, Inline, Table, Tone};
use crate::model::values::Ref;
use crate::model::{Model, Status};

pub fn heading(level: u8, text: impl Into<String>, anchor: Option<String>) -> Block {
    Block::Heading {
        level,
        text: text.into(),
        anchor,
    }
}

pub fn paragraph(text: impl Into<String>) -> Block {
    Block::Paragraph(vec![Inline::text(text)])
}

/// A table whose columns are `(title, relative width)`. Every row must have a cell per
/// column (the tree's invariant); the builders make rows from the same column list.
pub fn table(
    key: &'static str,
    caption: Option<String>,
    columns: &[(&str, f64)],
    rows: Vec<Vec<Cell>>,
) -> Block {
    debug_assert!(rows.iter().all(|r| r.len() == columns.len()), "{key}");
    Block::Table(Table {
        key,
        caption,
        columns: columns
            .iter()
            .map(|(title, width)| Column {
                title: (*title).to_string(),
                width: *width,
            })
            .collect(),
        rows,
    })
}

/// A cell of text; "—" when there is none.
pub fn text(s: Option<&str>) -> Cell {
    vec![Inline::text(s.filter(|s| !s.is_empty()).unwrap_or("—"))]
}

pub fn code(s: &str) -> Cell {
    vec![Inline::Code(s.to_string())]
}

/// IDs as code, separated by commas; "—" when there are none.
pub fn codes<'a>(ids: impl IntoIterator<Item = &'a str>) -> Cell {
    let mut cell = Vec::new();
    for id in ids {
        if !cell.is_empty() {
            cell.push(Inline::text(", "));
        }
        cell.push(Inline::Code(id.to_string()));
    }
    if cell.is_empty() {
        cell.push(Inline::text("—"));
    }
    cell
}

/// A party as the documents print it ("Lena Wagner (lena)"); "—" when there is none.
pub fn who(m: &Model, r: Option<&Ref>) -> Cell {
    text(r.map(|r| party(&Party::of(m, r))).as_deref())
}

/// A control's status as a badge; "not recorded" when the control has no record.
pub fn status(s: Option<Status>) -> Cell {
    let (word, tone) = match s {
        Some(Status::Implemented) => ("implemented", Tone::Good),
        Some(Status::Partial) => ("partial", Tone::Warning),
        Some(Status::Planned) => ("planned", Tone::Warning),
        Some(Status::NotImplemented) => ("not implemented", Tone::Bad),
        None => ("not recorded", Tone::Neutral),
    };
    vec![Inline::Badge {
        text: word.to_string(),
        tone,
    }]
}

/// One line a string, separated by line breaks; "—" when there are none.
pub fn lines(items: &[String]) -> Cell {
    if items.is_empty() {
        return text(None);
    }
    let mut cell = Vec::new();
    for (i, l) in items.iter().enumerate() {
        if i > 0 {
            cell.push(Inline::Break);
        }
        cell.push(Inline::text(l.clone()));
    }
    cell
}

/// The controls `refs` name, one a line: ID, title and status badge.
pub fn controls(m: &Model, refs: &[Ref]) -> Cell {
    let mut cell = Vec::new();
    for r in refs {
        if !cell.is_empty() {
            cell.push(Inline::Break);
        }
        let slot = m
            .resolution
            .decl(r, crate::model::Kind::Control)
            .and_then(|s| m.slots.get(s));
        let decl = slot.and_then(|s| m.control_decl(s));
        let title = slot
            .and_then(|s| m.catalog_entry(s).map(|(_, e)| e.title.clone()))
            .or_else(|| decl.and_then(|d| d.title.clone()));
        cell.push(Inline::Code(r.name.clone()));
        if let Some(t) = title {
            cell.push(Inline::text(format!(" {t} ")));
        } else {
            cell.push(Inline::text(" "));
        }
        cell.extend(status(decl.and_then(|d| d.status)));
    }
    if cell.is_empty() {
        cell.push(Inline::text("—"));
    }
    cell
}
