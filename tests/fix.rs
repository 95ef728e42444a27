//! `isms fix` on the real binary: the new-user scenario of issue #13 (a project whose risk
//! treatments name dozens of Annex A controls with no `control` records, one misspelt
//! field and one misspelt reference), `--diff`, and what safe fixes alone do.

// clippy.toml allows these in #[test] functions only; the helpers here are test code too.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

const TODAY: &str = "2026-11-23";
const FIXTURE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/fix/newuser");

/// A copy of the fixture in a fresh directory, removed when dropped.
struct Copy(PathBuf);

impl Copy {
    fn new(tag: &str) -> Copy {
        let dir = std::env::temp_dir().join(format!("isms-fix-{tag}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        for entry in fs::read_dir(FIXTURE).unwrap() {
            let path = entry.unwrap().path();
            fs::copy(&path, dir.join(path.file_name().unwrap())).unwrap();
        }
        Copy(dir)
    }

    fn path(&self) -> &Path {
        &self.0
    }

    fn texts(&self) -> Vec<(String, String)> {
        let mut files: Vec<(String, String)> = fs::read_dir(&self.0)
            .unwrap()
            .map(|e| {
                let path = e.unwrap().path();
                let name = path.file_name().unwrap().to_string_lossy().into_owned();
                (name, fs::read_to_string(&path).unwrap())
            })
            .collect();
        files.sort();
        files
    }
}

impl Drop for Copy {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

fn isms(args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_isms"))
        .args(args)
        .arg(dir)
        .args(["--today", TODAY])
        .env("NO_COLOR", "1")
        .output()
        .unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

/// Each diagnostic left as `code  message`, from `isms check --format json`.
fn remaining(dir: &Path) -> Vec<String> {
    let o = Command::new(env!("CARGO_BIN_EXE_isms"))
        .args(["check", "--format", "json", "--today", TODAY])
        .arg(dir)
        .output()
        .unwrap();
    let report: Value = serde_json::from_slice(&o.stdout).unwrap();
    report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            format!(
                "{}  {}",
                d["code"].as_str().unwrap(),
                d["message"].as_str().unwrap()
            )
        })
        .collect()
}

fn codes(lines: &[String]) -> Vec<&str> {
    let mut codes: Vec<&str> = lines
        .iter()
        .map(|l| l.split("  ").next().unwrap())
        .collect();
    codes.sort_unstable();
    codes.dedup();
    codes
}

#[test]
fn a_new_users_project_gets_its_control_records_and_typos_fixed() {
    let project = Copy::new("newuser");
    let before = remaining(project.path());
    let undocumented = before
        .iter()
        .filter(|l| l.starts_with("control/undocumented"))
        .count();
    assert!(
        undocumented >= 40,
        "the fixture names dozens of controls: {before:#?}"
    );
    assert!(codes(&before).contains(&"field/unknown") && codes(&before).contains(&"ref/unknown"));

    let fixed = isms(&["fix", "--unsafe"], project.path());
    assert_eq!(
        fixed.status.code(),
        Some(1),
        "errors needing a person are left"
    );
    let summary = stdout(&fixed);
    insta::assert_snapshot!("newuser-summary", summary);
    let records = summary.lines().filter(|l| l.contains("record")).count();
    assert_eq!(records, undocumented, "one record per undocumented control");

    // Only what needs a person is left: the status of each new record and the reason of
    // each exclusion.
    let after = remaining(project.path());
    assert_eq!(
        codes(&after),
        ["control/missing-status", "soa/exclusion-without-reason"],
        "{after:#?}"
    );
    insta::assert_snapshot!("newuser-remaining", after.join("\n"));

    // The records are in catalog order, in the file that names the controls.
    let risks = fs::read_to_string(project.path().join("risks.isms")).unwrap();
    let at = |id: &str| risks.find(&format!("control {id} {{")).unwrap();
    assert!(at("A.5.1") < at("A.5.2") && at("A.5.9") < at("A.5.10") && at("A.5.30") < at("A.6.1"));
    assert!(risks.contains("  owner ciso\n  reviewed") && !risks.contains("ownr"));
    assert!(!risks.contains("cisso"));

    // A second run changes nothing, and the result is formatted.
    let texts = project.texts();
    let again = isms(&["fix", "--unsafe"], project.path());
    assert!(
        stdout(&again).starts_with("0 fixes applied to 0 files"),
        "{}",
        stdout(&again)
    );
    assert_eq!(project.texts(), texts);
    let fmt = Command::new(env!("CARGO_BIN_EXE_isms"))
        .args(["fmt", "--check"])
        .arg(project.path())
        .output()
        .unwrap();
    assert!(
        fmt.status.success(),
        "{}",
        String::from_utf8_lossy(&fmt.stdout)
    );
}

#[test]
fn safe_fixes_alone_repair_only_the_misspellings() {
    let project = Copy::new("safe");
    let fixed = isms(&["fix"], project.path());
    insta::assert_snapshot!("newuser-safe-summary", stdout(&fixed));
    let after = remaining(project.path());
    let codes = codes(&after);
    assert!(!codes.contains(&"field/unknown") && !codes.contains(&"ref/unknown"));
    assert!(
        !codes.contains(&"risk/missing-owner"),
        "the rename gave R-02 its owner"
    );
    assert!(codes.contains(&"control/undocumented") && codes.contains(&"soa/unaddressed"));
}

#[test]
fn diff_shows_the_change_and_writes_nothing() {
    let project = Copy::new("diff");
    let texts = project.texts();
    let o = isms(&["fix", "--diff"], project.path());
    let out = stdout(&o);
    assert_eq!(project.texts(), texts, "--diff writes nothing");
    assert!(
        out.contains("--- a/risks.isms\n+++ b/risks.isms\n"),
        "{out}"
    );
    assert!(out.contains("-  ownr ciso\n+  owner ciso\n"), "{out}");
    assert!(out.contains("-  owner cisso\n+  owner ciso\n"), "{out}");
    assert!(out.contains("2 fixes would change 1 file"), "{out}");
}

#[test]
fn a_2013_control_id_is_renamed_to_its_2022_control() {
    let dir = std::env::temp_dir().join(format!("isms-fix-legacy-{}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap();
    let source = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/fix/legacy/isms.isms");
    fs::copy(source, dir.join("isms.isms")).unwrap();
    let before = remaining(&dir);
    assert!(
        before.iter().any(|l| l.starts_with("control/legacy-id")),
        "{before:#?}"
    );
    let fixed = isms(&["fix"], &dir);
    let text = fs::read_to_string(dir.join("isms.isms")).unwrap();
    let after = remaining(&dir);
    let _ = fs::remove_dir_all(&dir);
    assert!(
        text.contains("    controls mfa, A.8.8\n"),
        "{}",
        stdout(&fixed)
    );
    assert!(!text.contains("A.12.6.1"));
    assert_eq!(codes(&after), ["control/undocumented"], "{after:#?}");
}
