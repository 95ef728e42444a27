//! The PDF itself (with the `pdf` feature): it compiles, the same tree gives the same
//! bytes, and its text is extractable (checked with `pdftotext` where it is installed;
//! `.ci/pdf-check` installs it).

use std::process::Command;

use super::pdf;
use crate::emit::paged::sample;

#[test]
fn the_same_document_gives_the_same_bytes() {
    let doc = sample::document();
    let first = pdf(&doc).unwrap();
    assert!(first.starts_with(b"%PDF-"));
    assert!(first == pdf(&doc).unwrap(), "the bytes differ");
}

#[test]
fn the_text_is_extractable() {
    let bytes = pdf(&sample::document()).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sample.pdf");
    std::fs::write(&path, &bytes).unwrap();
    // Written for a look at the pages: ISMS_PAGED_SAMPLES=DIR keeps them there.
    if let Ok(keep) = std::env::var("ISMS_PAGED_SAMPLES") {
        std::fs::write(std::path::Path::new(&keep).join("sample.pdf"), &bytes).unwrap();
    }
    let Ok(out) = Command::new("pdftotext").arg(&path).arg("-").output() else {
        eprintln!("pdftotext is not installed: text extraction not checked");
        return;
    };
    let text = String::from_utf8_lossy(&out.stdout);
    for expected in [
        "Control number 60",
        "Risk R-59 needs it",
        "Page 1 of",
        "Acme GmbH · ISMS-SOA · Version 1.2",
        "Classification: internal",
        "DRAFT: not approved; the project has 2 warnings",
        "R-01, R-02",
        "#set page(fill: red) *bold* $x$",
    ] {
        assert!(
            text.contains(expected),
            "{expected:?} not in the text:\n{text}"
        );
    }
}

#[test]
fn a_document_with_no_body_and_odd_anchors_compiles() {
    let mut doc = sample::document();
    doc.body = vec![crate::emit::tree::Block::Heading {
        level: 9,
        text: String::new(),
        anchor: Some("not a label".to_string()),
    }];
    doc.control.organization.clear();
    assert!(pdf(&doc).unwrap().starts_with(b"%PDF-"));
}
