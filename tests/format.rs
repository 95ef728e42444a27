//! The formatter over every `.isms` file the project has (fixtures, examples, the stdlib,
//! and the conformance cases when `../shared` is present): formatting twice gives the same
//! text, every comment is kept, and the diagnostics (codes and messages) do not change.

// Test helpers outside #[test] functions may fail loudly too.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use isms::format::{format_text, FormatError};
use isms::{compile, Input, Options};

fn isms_files(root: &Path) -> Vec<PathBuf> {
    isms::project::discover(root)
        .files
        .into_iter()
        .map(|f| f.path)
        .collect()
}

fn corpus() -> Vec<PathBuf> {
    let here = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    for dir in [
        "tests/fixtures",
        "examples",
        "stdlib",
        "../shared/conformance/cases",
    ] {
        files.extend(isms_files(&here.join(dir)));
    }
    files
}

fn diagnostics(text: &str) -> Vec<(String, String)> {
    let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
    let c = compile(vec![Input::new("f.isms", text)], &Options { today });
    c.diagnostics
        .iter()
        .map(|d| (d.code.as_str().to_string(), d.message.clone()))
        .collect()
}

fn comments(text: &str) -> Vec<String> {
    isms::syntax::parse(isms::source::FileId(0), text)
        .comments
        .into_iter()
        .map(|c| c.text)
        .collect()
}

#[test]
fn formatting_is_idempotent_and_keeps_meaning() {
    let files = corpus();
    assert!(files.len() > 40, "too few files found: {}", files.len());
    let mut formatted = 0;
    for path in files {
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue; // deliberately invalid UTF-8 fixtures
        };
        let once = match format_text(&text) {
            Ok(t) => t,
            Err(FormatError::Syntax(_)) => continue,
            Err(e) => panic!("{}: {e}", path.display()),
        };
        formatted += 1;
        let twice = format_text(&once).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        assert_eq!(once, twice, "{}: not idempotent", path.display());
        assert_eq!(
            comments(&text),
            comments(&once),
            "{}: comments changed",
            path.display()
        );
        assert_eq!(
            diagnostics(&text),
            diagnostics(&once),
            "{}: diagnostics changed",
            path.display()
        );
    }
    assert!(formatted > 40, "formatted only {formatted} files");
}

#[test]
fn the_example_is_formatted() {
    let here = Path::new(env!("CARGO_MANIFEST_DIR"));
    for path in isms_files(&here.join("examples")) {
        let text = std::fs::read_to_string(&path).unwrap();
        let formatted = format_text(&text).unwrap();
        assert!(
            formatted == text,
            "{} is not formatted: run `isms fmt examples`",
            path.display()
        );
    }
}
