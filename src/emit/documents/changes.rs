//! "Changes since REV": what changed in the ISMS since a revision (the last audit), for a
//! surveillance audit (clause 6.3, planning of changes). The sentences come from the
//! comparison of `isms diff` (`diff::render::tree` turns them into sections), so the
//! document and the pull-request comment say the same; this builder only lays them out.

use crate::emit::control::{document_control, BuiltFrom};
use crate::emit::tree::{Block, Document, Inline};
use crate::model::Kind;
use crate::Compilation;

pub const STEM: &str = "changes";

/// The declarations whose changes the document reports.
const FROM: &[Kind] = &[
    Kind::Control,
    Kind::Risk,
    Kind::Requirement,
    Kind::Policy,
    Kind::Asset,
    Kind::Incident,
    Kind::Nonconformity,
];

/// One kind of change: its title and one sentence per change.
#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    pub title: String,
    pub sentences: Vec<Vec<Inline>>,
}

/// The document of the changes since the revision `since`: `compared` says what was
/// compared with what, then one section per kind of change; `c` is the newer revision,
/// for the document control.
pub fn document(
    c: &Compilation,
    since: &str,
    compared: Vec<Inline>,
    sections: Vec<Section>,
) -> Document {
    let mut body = vec![Block::Paragraph(compared)];
    if sections.is_empty() {
        body.push(Block::Paragraph(vec![Inline::text(
            "Nothing an auditor reads changed.",
        )]));
    }
    for section in sections {
        body.push(Block::Heading {
            level: 2,
            anchor: Some(anchor(&section.title)),
            text: section.title,
        });
        body.push(Block::Bullets(section.sentences));
    }
    Document {
        stem: STEM.to_string(),
        title: format!("Changes since {since}"),
        clause: "6.3".to_string(),
        control: document_control(c, STEM, "ISMS-CHANGES", BuiltFrom::Kinds(FROM)),
        body,
    }
}

/// `Control status` → `control-status`.
fn anchor(title: &str) -> String {
    title.to_lowercase().replace(' ', "-")
}
