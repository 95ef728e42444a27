//! `isms import` (issue #15, item 1, "Done when"): the workbooks `isms build` writes for
//! `examples/acme`, imported into an empty directory, give the same model — the same
//! controls, applicability, justifications, statuses, owners, evidence, risks, scores,
//! treatments and levels. The two projects are compiled by the library and their SoA and
//! risk register compared field by field, not as text.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::Path;
use std::process::Command;

use chrono::NaiveDate;
use isms::diagnostics::Severity;
use isms::emit::register::{Register, RiskRow};
use isms::emit::soa::{Soa, SoaRow};
use isms::{compile, Compilation, Input, Options};

const ACME: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/acme");
const TODAY: &str = "2026-11-23";

fn project(root: &Path) -> Compilation {
    fn walk(root: &Path, dir: &Path, out: &mut Vec<(String, Vec<u8>)>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(root, &path, out);
            } else if path.extension().is_some_and(|x| x == "isms") {
                let name = path
                    .strip_prefix(root)
                    .unwrap()
                    .to_string_lossy()
                    .into_owned();
                out.push((name, std::fs::read(&path).unwrap()));
            }
        }
    }
    let mut files = Vec::new();
    walk(root, root, &mut files);
    files.sort();
    let inputs = files.into_iter().map(|(n, b)| Input::new(n, b)).collect();
    let today = NaiveDate::parse_from_str(TODAY, "%Y-%m-%d").unwrap();
    compile(inputs, &Options { today })
}

fn isms(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_isms"))
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .unwrap()
}

/// What the SoA says of a control, as compared. Evidence is compared as the cell holds it
/// (items joined by `; `): an item that itself contains `; ` cannot be told from two.
fn soa_fields(r: &SoaRow) -> String {
    format!(
        "{} applicable={} justification={:?} excluded={:?} status={:?} owner={:?} evidence={:?}",
        r.id,
        r.applicable,
        r.justification,
        r.exclusion_reason,
        r.status,
        r.owner,
        r.evidence.join("; ")
    )
}

/// What the register says of a risk, as compared.
fn risk_fields(r: &RiskRow) -> String {
    let value = |x: &Option<isms::emit::heatmap::Rating>| x.as_ref().map(|x| x.value);
    let controls: Vec<&str> = r.controls.iter().map(|c| c.id.as_str()).collect();
    let assets: Vec<&str> = r.assets.iter().map(|a| a.id.as_str()).collect();
    format!(
        "{} {:?} assets={assets:?} L={:?} I={:?} score={:?} level={:?} owner={:?} \
         treatment={:?} controls={controls:?} residual=({:?},{:?}) residual_level={:?} \
         current_level={:?} accepted_by={:?} on={:?} due={:?} reviewed={:?}",
        r.id,
        r.title,
        value(&r.likelihood),
        value(&r.impact),
        r.score,
        r.level,
        r.owner.as_ref().map(|o| &o.id),
        r.treatment,
        value(&r.residual_likelihood),
        value(&r.residual_impact),
        r.residual_level,
        r.current_level,
        r.accepted_by.as_ref().map(|o| &o.id),
        r.accepted_on,
        r.due,
        r.reviewed,
    )
}

#[test]
fn build_then_import_gives_the_same_model() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("build");
    let into = tmp.path().join("imported");
    let built = isms(&[
        "build",
        ACME,
        "--format",
        "xlsx",
        "--out",
        out.to_str().unwrap(),
        "--today",
        TODAY,
    ]);
    assert!(
        built.status.success(),
        "{}",
        String::from_utf8_lossy(&built.stderr)
    );
    let imported = isms(&[
        "import",
        out.join("soa.xlsx").to_str().unwrap(),
        out.join("risk-register.xlsx").to_str().unwrap(),
        "--into",
        into.to_str().unwrap(),
    ]);
    let stdout = String::from_utf8_lossy(&imported.stdout);
    assert_eq!(
        imported.status.code(),
        Some(0),
        "{stdout}\n{}",
        String::from_utf8_lossy(&imported.stderr)
    );

    let original = project(Path::new(ACME));
    let copy = project(&into);
    let errors: Vec<String> = copy
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .map(|d| format!("{}: {}", d.code.as_str(), d.message))
        .collect();
    assert!(
        errors.is_empty(),
        "the imported project has errors: {errors:#?}"
    );

    let (a, b) = (Soa::build(&original), Soa::build(&copy));
    let a: Vec<String> = a.rows().map(soa_fields).collect();
    let b: Vec<String> = b.rows().map(soa_fields).collect();
    assert_eq!(a.len(), 96, "every control of the example");
    for (a, b) in a.iter().zip(&b) {
        assert_eq!(a, b);
    }
    assert_eq!(a.len(), b.len());

    let (a, b) = (Register::build(&original), Register::build(&copy));
    let a: Vec<String> = a.risks.iter().map(risk_fields).collect();
    let b: Vec<String> = b.risks.iter().map(risk_fields).collect();
    assert_eq!(a.len(), 26, "every risk of the example");
    for (a, b) in a.iter().zip(&b) {
        assert_eq!(a, b);
    }
    assert_eq!(a.len(), b.len());
}
