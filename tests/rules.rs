//! One fixture per rule: `tests/fixtures/rules/<family>/<name>.isms` must raise the code
//! `<family>/<name>`, and its snapshot holds the source and the rendered diagnostics.

use std::path::Path;

use chrono::NaiveDate;
use isms::diagnostics::{render, Code};
use isms::{compile, Input, Options};

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/rules");

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).unwrap_or_default()
}

/// The code a fixture is named after: `…/rules/risk/missing-owner.isms` → `risk/missing-owner`.
fn code_of(path: &Path) -> String {
    let name = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let family = path
        .parent()
        .and_then(|p| p.file_name())
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    format!("{family}/{name}")
}

#[test]
fn every_rule_fixture_raises_its_code() {
    insta::glob!("fixtures/rules/*/*.isms", |path| {
        let bytes = std::fs::read(path).unwrap_or_default();
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        // Shown with its control characters as pictures: a snapshot is read in a terminal.
        let source = isms::control::visible(&String::from_utf8_lossy(&bytes)).into_owned();
        let c = compile(vec![Input::new(name, bytes)], &Options { today: today() });
        let code = code_of(path);
        assert!(
            c.diagnostics.iter().any(|d| d.code.as_str() == code),
            "{} does not raise `{code}`",
            path.display()
        );
        let rendered = render::human(&c.sources, &c.diagnostics, false);
        insta::assert_snapshot!(format!("{source}\n----- diagnostics -----\n{rendered}"));
    });
}

#[test]
fn every_code_has_a_fixture() {
    let missing: Vec<&str> = Code::ALL
        .iter()
        .map(|c| c.as_str())
        .filter(|c| !Path::new(FIXTURES).join(format!("{c}.isms")).exists())
        .collect();
    assert!(missing.is_empty(), "codes without a fixture: {missing:?}");
}
