//! The document-control block as tree blocks, so every backend prints the same block
//! (ISO/IEC 27001 7.5.2, 7.5.3): the approval table, the DRAFT notice with its reasons,
//! and the revision history or why there is none. The identity line (organisation · ID ·
//! version · classification) is [`identity`].

use super::blocks::{or_dash, party, table, table_of, text};
use crate::emit::names::date;
use crate::emit::tree::{Block, DocumentControl, History, Inline, Table, Tone};

/// "Acme GmbH · ISMS-SOA · version 1.2 · internal": printed under the title (and, in
/// paged formats, on every page).
pub fn identity(c: &DocumentControl) -> String {
    let mut parts = Vec::new();
    if !c.organization.is_empty() {
        parts.push(c.organization.clone());
    }
    parts.push(c.id.clone());
    if let Some(v) = &c.version {
        parts.push(format!("version {v}"));
    }
    parts.push(c.classification.clone());
    parts.join(" · ")
}

/// The blocks after the identity line, in reading order.
pub fn blocks(c: &DocumentControl) -> Vec<Block> {
    let mut out = Vec::new();
    if c.is_draft() {
        let reasons: Vec<String> = c.draft.iter().map(|r| r.describe()).collect();
        out.push(Block::Banner {
            tone: Tone::Draft,
            text: vec![
                Inline::Strong("DRAFT".to_string()),
                Inline::text(format!(": {}", reasons.join("; "))),
            ],
        });
    }
    let approver = match (&c.approver, &c.approver_role) {
        (Some(_), Some(role)) => {
            let mut cell = party(c.approver.as_ref());
            cell.push(Inline::text(format!(", {role}")));
            cell
        }
        _ => party(c.approver.as_ref()),
    };
    let day = |d: Option<chrono::NaiveDate>| or_dash(d.map(date).as_deref());
    out.push(table(
        "document-control",
        &[
            ("Owner", 22.0),
            ("Approved by", 28.0),
            ("Approved on", 12.0),
            ("Next review", 12.0),
            ("Built on", 12.0),
        ],
        vec![vec![
            party(c.owner.as_ref()),
            approver,
            day(c.approved),
            day(c.next_review),
            text(date(c.built)),
        ]],
    ));
    // The history is captioned, not a section: a heading here would seem to hold the
    // body's opening paragraphs too.
    match &c.history {
        History::Revisions(revs) => out.push(Block::Table(Table {
            caption: Some(HISTORY.to_string()),
            ..table_of(
                "revision-history",
                &[
                    ("Date", 12.0),
                    ("Author", 20.0),
                    ("Change", 48.0),
                    ("Commit", 10.0),
                ],
                revs.iter()
                    .map(|r| {
                        vec![
                            text(date(r.date)),
                            text(r.author.as_str()),
                            text(r.subject.as_str()),
                            vec![Inline::Code(r.commit.clone())],
                        ]
                    })
                    .collect(),
            )
        })),
        History::Unavailable(why) => out.push(Block::Paragraph(vec![
            Inline::Strong(HISTORY.to_string()),
            Inline::text(format!(": {why}")),
        ])),
    }
    out
}

const HISTORY: &str = "Revision history";
