//! What the paged formats (PDF and DOCX) share, so the two agree: the control block at
//! the top of page 1, the running header and footer texts, and when a document is set on
//! landscape pages.
//!
//! The tree's [`DocumentControl`] is printed twice: its identity on every page (header and
//! footer, built here as plain strings), and the rest as ordinary blocks before the body
//! ([`front_matter`]), which each backend renders like any other block.

pub mod tone;

use chrono::NaiveDate;

use super::tree::{
    party, Block, Column, Document, DocumentControl, Field, History, Inline, Table, Tone,
};

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

/// The blocks printed between the title and the body: what the document answers, the
/// draft notice, the control fields and the revision history.
pub fn front_matter(doc: &Document) -> Vec<Block> {
    let c = &doc.control;
    let mut out = Vec::new();
    if !doc.clause.is_empty() {
        out.push(Block::Paragraph(vec![
            Inline::text("ISO/IEC 27001:2022 "),
            Inline::Code(doc.clause.clone()),
        ]));
    }
    if let Some(notice) = draft_notice(c) {
        out.push(Block::Banner {
            tone: Tone::Draft,
            text: vec![Inline::text(notice)],
        });
    }
    out.push(Block::Fields(control_fields(c)));
    out.push(Block::Heading {
        level: 2,
        text: "Revision history".to_string(),
        anchor: None,
    });
    out.push(match &c.history {
        History::Revisions(revisions) => Block::Table(Table {
            key: "revision-history",
            caption: None,
            columns: vec![
                column("Commit", 8.0),
                column("Date", 10.0),
                column("Author", 16.0),
                column("Change", 40.0),
            ],
            rows: revisions
                .iter()
                .map(|r| {
                    vec![
                        vec![Inline::Code(r.commit.clone())],
                        vec![Inline::text(date(r.date))],
                        vec![Inline::text(r.author.clone())],
                        vec![Inline::text(r.subject.clone())],
                    ]
                })
                .collect(),
        }),
        History::Unavailable(why) => Block::Paragraph(vec![Inline::text(why.clone())]),
    });
    out
}

fn control_fields(c: &DocumentControl) -> Vec<Field> {
    let none = || "not declared".to_string();
    let approver = c.approver.as_ref().map(|p| match &c.approver_role {
        Some(role) => format!("{} ({role})", party(p)),
        None => party(p),
    });
    let rows = [
        ("Document ID", Some(c.id.clone())),
        ("Version", c.version.clone()),
        ("Owner", c.owner.as_ref().map(party)),
        ("Approved by", approver),
        ("Approved on", c.approved.map(date)),
        ("Classification", Some(c.classification.clone())),
        ("Next review", c.next_review.map(date)),
        ("Built", Some(date(c.built))),
    ];
    rows.into_iter()
        .map(|(label, value)| Field {
            label: label.to_string(),
            value: vec![Inline::text(value.unwrap_or_else(none))],
        })
        .collect()
}

fn column(title: &str, width: f64) -> Column {
    Column {
        title: title.to_string(),
        width,
    }
}

fn date(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
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
