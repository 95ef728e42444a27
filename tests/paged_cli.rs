//! `isms build --format pdf,docx` on the real binary, on the example project: what is
//! written, that it is deterministic, and the refusal of `pdf` in a build without the
//! `pdf` feature.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::io::Read;
use std::path::Path;
use std::process::{Command, Output};

const TODAY: &str = "2026-11-23";

fn build(out: &Path, formats: Option<&str>) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_isms"));
    cmd.args(["build", "--today", TODAY, "--out"]).arg(out);
    if let Some(f) = formats {
        cmd.args(["--format", f]);
    }
    cmd.arg(concat!(env!("CARGO_MANIFEST_DIR"), "/examples/acme"));
    cmd.output().unwrap()
}

fn files(dir: &Path, ext: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == ext) {
                out.push(path.strip_prefix(dir).unwrap().display().to_string());
            }
        }
    }
    out.sort();
    out
}

#[test]
fn docx_is_written_and_deterministic() {
    let tmp = tempfile::tempdir().unwrap();
    let (one, two) = (tmp.path().join("one"), tmp.path().join("two"));
    for dir in [&one, &two] {
        let out = build(dir, Some("docx"));
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let written = files(&one, "docx");
    assert!(written.contains(&"soa.docx".to_string()), "{written:?}");
    for name in &written {
        let a = std::fs::read(one.join(name)).unwrap();
        assert!(
            a == std::fs::read(two.join(name)).unwrap(),
            "{name} differs"
        );
    }
    let bytes = std::fs::read(one.join("soa.docx")).unwrap();
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut body = String::new();
    archive
        .by_name("word/document.xml")
        .unwrap()
        .read_to_string(&mut body)
        .unwrap();
    assert!(
        body.contains("A.5.1") && body.contains("A.8.34"),
        "SoA rows missing"
    );
    assert!(body.contains("<w:tblHeader/>"));
    // Only what was asked for.
    assert!(files(&one, "pdf").is_empty() && files(&one, "md").is_empty());
}

#[test]
fn the_default_formats_leave_out_the_paged_ones() {
    let tmp = tempfile::tempdir().unwrap();
    let out = build(tmp.path(), None);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(!files(tmp.path(), "md").is_empty());
    assert!(files(tmp.path(), "pdf").is_empty());
    assert!(files(tmp.path(), "docx").is_empty());
}

#[cfg(not(feature = "pdf"))]
#[test]
fn pdf_without_the_feature_is_refused_with_how_to_install() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("docs");
    let out = build(&dir, Some("md,pdf"));
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("built without PDF support"), "{err}");
    assert!(err.contains("--features pdf"), "{err}");
    assert!(!dir.exists(), "nothing is written when a format is refused");
}

#[cfg(feature = "pdf")]
#[test]
fn pdf_is_written_deterministic_and_its_text_extractable() {
    let tmp = tempfile::tempdir().unwrap();
    let (one, two) = (tmp.path().join("one"), tmp.path().join("two"));
    for dir in [&one, &two] {
        let out = build(dir, Some("pdf"));
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let a = std::fs::read(one.join("soa.pdf")).unwrap();
    assert!(a.starts_with(b"%PDF-"));
    assert!(
        a == std::fs::read(two.join("soa.pdf")).unwrap(),
        "soa.pdf differs"
    );
    let Ok(text) = Command::new("pdftotext")
        .arg(one.join("soa.pdf"))
        .arg("-")
        .output()
    else {
        eprintln!("pdftotext is not installed: text extraction not checked");
        return;
    };
    let text = String::from_utf8_lossy(&text.stdout);
    for expected in ["ISMS-SOA", "Page 1 of", "A.8.34"] {
        assert!(text.contains(expected), "{expected} not in:\n{text}");
    }
}
