//! What the paged formats (PDF and DOCX) share, so the two agree: the control block at
//! the top of page 1, the running header and footer texts, and when a document is set on
//! landscape pages.
//!
//! The tree's [`DocumentControl`] is printed twice: its identity on every page (header and
//! footer, built here as plain strings), and the rest as ordinary blocks before the body
//! ([`front_matter`]), which each backend renders like any other block.

pub mod tone;

use super::documents::control_block;
use super::tree::{Block, Document, DocumentControl, Inline};

/// A document with a table of more columns than this is set on landscape pages: the SoA
/// (14 columns) is unreadable at portrait width, a register of 6 columns is not.
pub const PORTRAIT_MAX_COLUMNS: usize = 8;

/// Whether the document reads better on landscape pages.
pub fn is_wide(doc: &Document) -> bool {
    doc.body.iter().any(|b| match b {
        Block::Table(t) => t.columns.len() > PORTRAIT_MAX_COLUMNS,
        Block::Heading { .. }
        | Block::Paragraph(_)
        | Block::Fields(_)
        | Block::Bullets(_)
        | Block::Banner { .. }
        | Block::Prose(_)
        | Block::Chart(_) => false,
    })
}

/// The left part of every page's header: "Acme GmbH · ISMS-SOA · Version 1.2".
pub fn header_identity(control: &DocumentControl) -> String {
    let mut parts = Vec::new();
    if !control.organization.is_empty() {
        parts.push(control.organization.clone());
    }
    parts.push(control.id.clone());
    parts.push(match &control.version {
        Some(v) => format!("Version {v}"),
        None => "Version not declared".to_string(),
    });
    parts.join(" · ")
}

/// The classification as every page prints it: "Classification: internal".
pub fn classification(control: &DocumentControl) -> String {
    format!("Classification: {}", control.classification)
}

/// The draft notice of page 1: "DRAFT: not approved; the project has 2 warnings".
pub fn draft_notice(control: &DocumentControl) -> Option<String> {
    if !control.is_draft() {
        return None;
    }
    let reasons: Vec<String> = control.draft.iter().map(|r| r.describe()).collect();
    Some(format!("DRAFT: {}", reasons.join("; ")))
}

/// The blocks printed between the title and the body: what the document answers, its
/// identity line, and the tree's control block (`documents::control_block`: the draft
/// notice, the approval table and the revision history), as every format prints it.
pub fn front_matter(doc: &Document) -> Vec<Block> {
    let c = &doc.control;
    let mut out = Vec::new();
    if !doc.clause.is_empty() {
        out.push(Block::Paragraph(vec![
            Inline::text("ISO/IEC 27001:2022 "),
            Inline::Code(doc.clause.clone()),
        ]));
    }
    out.push(Block::Paragraph(vec![Inline::text(
        control_block::identity(c),
    )]));
    out.extend(control_block::blocks(c));
    out
}

#[cfg(test)]
pub mod sample;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_draft_notice_names_every_reason() {
        let doc = sample::document();
        let notice = draft_notice(&doc.control).unwrap_or_default();
        assert_eq!(notice, "DRAFT: not approved; the project has 2 warnings");
        let mut approved = doc.control.clone();
        approved.draft.clear();
        assert_eq!(draft_notice(&approved), None);
    }

    #[test]
    fn a_table_of_many_columns_turns_the_pages() {
        let mut doc = sample::document();
        assert!(is_wide(&doc), "the sample has a 14-column table");
        doc.body
            .retain(|b| !matches!(b, Block::Table(t) if t.columns.len() > 8));
        assert!(!is_wide(&doc));
    }

    #[test]
    fn the_header_says_when_no_version_is_declared() {
        let mut c = sample::document().control;
        assert_eq!(header_identity(&c), "Acme GmbH · ISMS-SOA · Version 1.2");
        c.version = None;
        c.organization.clear();
        assert_eq!(header_identity(&c), "ISMS-SOA · Version not declared");
    }
}
