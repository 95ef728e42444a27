//! `isms check --format sarif|github` on the real binary: SARIF validated against the
//! SARIF 2.1.0 JSON schema, GitHub annotations in workflow-command syntax.

// Test helpers outside #[test] functions may fail loudly too.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::PathBuf;
use std::process::Command;

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

fn check(format: &str, path: &PathBuf) -> (i32, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_isms"))
        .args(["check", "--today", "2026-11-23", "--format", format])
        .arg(path)
        .output()
        .unwrap();
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
    )
}

/// The OASIS SARIF 2.1.0 schema (as shipped by serde-sarif). Its `run.language` pattern has
/// a stray `]` that strict regex engines reject, so the meta-schema check of the schema
/// fails before any log is validated; the pattern is repaired to what it evidently means.
fn schema() -> serde_json::Value {
    let text = std::fs::read_to_string(fixture("sarif-schema-2.1.0.json"))
        .unwrap()
        .replace(
            r#""^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$""#,
            r#""^[a-zA-Z]{2}(-[a-zA-Z]{2})?$""#,
        );
    serde_json::from_str(&text).unwrap()
}

#[test]
fn sarif_is_valid_against_the_schema() {
    let validator = jsonschema::validator_for(&schema()).unwrap();
    for case in [
        "rules/risk/missing-owner.isms",
        "rules/syntax/error.isms",
        "rules/policy/parent-cycle.isms",
        "fix/newuser",
    ] {
        let (status, out) = check("sarif", &fixture(case));
        assert_eq!(status, 1, "{case}");
        let log: serde_json::Value = serde_json::from_str(&out).unwrap();
        let errors: Vec<String> = validator.iter_errors(&log).map(|e| e.to_string()).collect();
        assert!(errors.is_empty(), "{case}: {errors:#?}");
        let results = log["runs"][0]["results"].as_array().unwrap();
        assert!(!results.is_empty());
        let rules = log["runs"][0]["tool"]["driver"]["rules"]
            .as_array()
            .unwrap();
        assert_eq!(rules.len(), isms::diagnostics::Code::ALL.len());
        for r in results {
            let index = r["ruleIndex"].as_u64().unwrap() as usize;
            assert_eq!(rules[index]["id"], r["ruleId"]);
            let uri = r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
                .as_str()
                .unwrap();
            assert!(uri.ends_with(".isms"), "{uri}");
        }
        // The fixes the diagnostics carry: a description, replacements, an applicability.
        let fixes: Vec<&serde_json::Value> = results
            .iter()
            .filter_map(|r| r["fixes"].as_array())
            .flatten()
            .collect();
        if case == "fix/newuser" {
            let safe: Vec<&str> = fixes
                .iter()
                .filter(|f| f["properties"]["applicability"] == "safe")
                .map(|f| f["description"]["text"].as_str().unwrap())
                .collect();
            assert_eq!(safe, ["Replace with `owner`", "Replace with `ciso`"]);
            assert!(fixes.len() > 40, "a record per undocumented control");
        }
        for f in fixes {
            let change = &f["artifactChanges"][0];
            assert!(change["artifactLocation"]["uri"]
                .as_str()
                .unwrap()
                .ends_with(".isms"));
            assert!(change["replacements"][0]["insertedContent"]["text"].is_string());
        }
        for rule in rules {
            assert!(rule["helpUri"].as_str().unwrap().contains("/docs/rules/"));
            assert!(!rule["help"]["markdown"].as_str().unwrap().is_empty());
        }
    }
}

#[test]
fn sarif_of_a_clean_project_has_no_results() {
    let (status, out) = check("sarif", &fixture("cli/clean.isms"));
    assert_eq!(status, 0);
    let log: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(log["runs"][0]["results"].as_array().map(Vec::len), Some(0));
    let validator = jsonschema::validator_for(&schema()).unwrap();
    assert!(validator.is_valid(&log));
}

#[test]
fn github_annotations() {
    let path = fixture("rules/risk/missing-owner.isms");
    let (status, out) = check("github", &path);
    assert_eq!(status, 1);
    let line = out
        .lines()
        .find(|l| l.contains("risk/missing-owner"))
        .unwrap();
    assert!(line.starts_with("::error file="), "{line}");
    // Files are named from the current directory, as GitHub expects.
    assert!(line.contains(&format!("file={}", path.display())), "{line}");
    assert!(
        line.contains(",line=")
            && line.contains(",col=")
            && line.contains("title=risk/missing-owner::")
    );
}
