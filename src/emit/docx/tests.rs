//! The DOCX read back: its parts unzipped, the body's text and tables, the header and
//! footer, and the same bytes for the same document.

use std::io::{Cursor, Read};

use super::docx;
use crate::emit::paged::sample;

fn part(bytes: &[u8], name: &str) -> String {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    let mut file = archive.by_name(name).unwrap();
    let mut out = String::new();
    file.read_to_string(&mut out).unwrap();
    out
}

#[test]
fn the_same_document_gives_the_same_bytes() {
    let doc = sample::document();
    let first = docx(&doc).unwrap();
    // A document built in between must not change the next one's bytes.
    let mut other = doc.clone();
    other.title = "Another".to_string();
    docx(&other).unwrap();
    assert!(first == docx(&doc).unwrap(), "the bytes differ");
}

#[test]
fn table_cells_header_rows_and_hostile_text_are_in_the_body() {
    let bytes = docx(&sample::document()).unwrap();
    let body = part(&bytes, "word/document.xml");
    for text in [
        "A.5.60",
        "Control number 60",
        "Risk R-59 needs it",
        "Column 14",
        "R-01, R-02",
    ] {
        assert!(body.contains(text), "{text} missing");
    }
    // The document-control table, the revision history, the controls table and the wide
    // table repeat their header.
    assert_eq!(body.matches("<w:tblHeader/>").count(), 4);
    assert!(body.contains("&lt;/w:t&gt;"), "XML in user text is escaped");
    assert!(body.contains('\u{241b}'), "ESC is shown as its picture");
    assert!(!body.contains('\u{1b}'));
    assert!(body.contains(": not approved; the project has 2 warnings"));
    // The reader of docx-rs parses it: the XML is well-formed.
    docx_rs::read_docx(&bytes).unwrap();
}

#[test]
fn every_page_has_the_identity_and_the_page_count() {
    let bytes = docx(&sample::document()).unwrap();
    let header = part(&bytes, "word/header1.xml");
    assert!(
        header.contains("Acme GmbH · ISMS-SOA · Version 1.2"),
        "{header}"
    );
    assert!(header.contains("Classification: internal"));
    assert!(header.contains("DRAFT"));
    let footer = part(&bytes, "word/footer1.xml");
    assert!(footer.contains("PAGE"), "{footer}");
    assert!(footer.contains("NUMPAGES"), "{footer}");
    assert!(footer.contains(" of "));
}

#[test]
fn a_wide_document_is_landscape_and_an_approved_one_has_no_draft_mark() {
    let mut doc = sample::document();
    let body = part(&docx(&doc).unwrap(), "word/document.xml");
    assert!(
        body.contains("w:orient=\"landscape\""),
        "the sample has 14 columns"
    );
    doc.control.draft.clear();
    doc.body
        .retain(|b| !matches!(b, crate::emit::tree::Block::Table(t) if t.columns.len() > 8));
    let bytes = docx(&doc).unwrap();
    assert!(!part(&bytes, "word/document.xml").contains("landscape"));
    assert!(!part(&bytes, "word/header1.xml").contains("DRAFT"));
}
