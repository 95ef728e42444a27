//! `isms init` on the real binary: the scaffold checks clean with today's date, is
//! formatted, decides every catalog control, and never overwrites a file.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::atomic::{AtomicUsize, Ordering};

use isms::{compile, Input, Options};

const FILES: [&str; 4] = [
    "isms.isms",
    "soa.isms",
    ".pre-commit-config.yaml",
    "README.md",
];

/// A fresh directory under the system temp dir, removed when dropped.
struct TempDir(PathBuf);

impl TempDir {
    fn new(tag: &str) -> TempDir {
        static NEXT: AtomicUsize = AtomicUsize::new(0);
        let n = NEXT.fetch_add(1, Ordering::Relaxed);
        let dir = std::env::temp_dir().join(format!("isms-init-{tag}-{}-{n}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        TempDir(dir)
    }

    fn path(&self) -> &Path {
        &self.0
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

fn isms(args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_isms"))
        .args(args)
        .arg(dir)
        .env("NO_COLOR", "1")
        .output()
        .unwrap()
}

fn status(out: &Output) -> i32 {
    out.status.code().unwrap_or(-1)
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn read_all(dir: &Path) -> Vec<(String, Vec<u8>)> {
    FILES
        .iter()
        .map(|f| (f.to_string(), fs::read(dir.join(f)).unwrap()))
        .collect()
}

/// Replace every placeholder the scaffold writes, as its user would: each `"TODO…"`
/// string and the `TODO` line of the policy's text block.
fn fill_in(dir: &Path) {
    for f in ["isms.isms", "soa.isms"] {
        let source = fs::read_to_string(dir.join(f)).unwrap();
        let filled: Vec<String> = source
            .lines()
            .map(|line| match line.find("\"TODO") {
                Some(start) => {
                    let end = start + 1 + line[start + 1..].find('"').unwrap();
                    format!(
                        "{}\"Written by the ISMS team\"{}",
                        &line[..start],
                        &line[end + 1..]
                    )
                }
                None if line.trim_start().starts_with("TODO:") => {
                    line.replace("TODO:", "We protect information:")
                }
                None => line.to_string(),
            })
            .collect();
        fs::write(dir.join(f), filled.join("\n") + "\n").unwrap();
    }
}

#[test]
fn the_scaffold_reports_its_placeholders_and_is_formatted() {
    let tmp = TempDir::new("clean");
    // A directory that does not exist yet, two levels deep.
    let dir = tmp.path().join("company/isms");
    let out = isms(&["init"], &dir);
    assert_eq!(status(&out), 0, "{}", text(&out.stderr));
    for f in FILES {
        assert!(dir.join(f).is_file(), "{f} missing");
        assert!(text(&out.stdout).contains(f), "{f} not reported");
    }

    // No errors, but every placeholder is reported: nothing an auditor would reject
    // passes silently.
    let out = isms(&["check"], &dir);
    assert_eq!(
        status(&out),
        0,
        "{}{}",
        text(&out.stdout),
        text(&out.stderr)
    );
    let out = isms(&["check", "--deny", "warnings", "--format", "json"], &dir);
    assert_eq!(status(&out), 1, "{}", text(&out.stderr));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let codes: Vec<&str> = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["code"].as_str().unwrap())
        .collect();
    let count = |code: &str| codes.iter().filter(|c| **c == code).count();
    // Organization, its description, scope, includes, the two persons (the ISMS manager
    // and the managing director who approves), the policy's purpose, and one reason per
    // Annex A control; the policy's approval by a placeholder person does not count.
    assert_eq!(count("text/placeholder"), 7 + 93, "{codes:?}");
    assert_eq!(count("policy/unapproved"), 1, "{codes:?}");
    assert_eq!(codes.len(), 7 + 93 + 1, "{codes:?}");

    // Filled in, it checks clean. No --today: the policy was approved today and its
    // review is a year away.
    fill_in(&dir);
    let out = isms(&["check", "--deny", "warnings"], &dir);
    assert_eq!(
        status(&out),
        0,
        "{}{}",
        text(&out.stdout),
        text(&out.stderr)
    );
    assert!(text(&out.stdout).contains("no problems found in 2 files"));

    let out = isms(&["fmt", "--check"], &dir);
    assert_eq!(
        status(&out),
        0,
        "{}{}",
        text(&out.stdout),
        text(&out.stderr)
    );
    for f in ["isms.isms", "soa.isms"] {
        let source = fs::read_to_string(dir.join(f)).unwrap();
        assert_eq!(isms::format::format_text(&source).unwrap(), source, "{f}");
    }

    let config = fs::read_to_string(dir.join(".pre-commit-config.yaml")).unwrap();
    assert!(config.contains("repo: https://github.com/isms-lang/isms"));
    assert!(config.contains("id: isms-check") && config.contains("id: isms-fmt"));
}

#[test]
fn the_soa_decides_exactly_the_catalog_controls() {
    let tmp = TempDir::new("soa");
    assert_eq!(
        status(&isms(&["init", "--today", "2026-11-23"], tmp.path())),
        0
    );
    let isms_text = fs::read_to_string(tmp.path().join("isms.isms")).unwrap();
    assert!(isms_text.contains("approved_by managing-director on 2026-11-23"));

    let inputs: Vec<Input> = ["isms.isms", "soa.isms"]
        .iter()
        .map(|f| Input::new(*f, fs::read(tmp.path().join(f)).unwrap()))
        .collect();
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
    let c = compile(inputs, &Options { today });
    // Only the placeholders are reported (`the_scaffold_reports_its_placeholders…`).
    assert!(
        c.diagnostics
            .iter()
            .all(|d| matches!(d.code.as_str(), "text/placeholder" | "policy/unapproved")),
        "{:#?}",
        c.diagnostics
    );

    let catalog = &c.model.catalogs[c.model.used_catalogs[0]];
    assert_eq!(catalog.id.text, "iso27001:2022");
    let ids: Vec<&str> = catalog.entries.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(ids.len(), 93);
    let excluded: Vec<&str> = c
        .model
        .exclusions
        .iter()
        .flat_map(|x| x.controls.iter().map(|r| r.name.as_str()))
        .collect();
    assert_eq!(excluded, ids, "one exclusion per control, in catalog order");
    for x in &c.model.exclusions {
        assert!(x.reason.as_deref().unwrap().starts_with("TODO: decide"));
    }

    // Each line names its control's title, as the catalog has it.
    let soa = fs::read_to_string(tmp.path().join("soa.isms")).unwrap();
    for entry in &catalog.entries {
        let line = soa
            .lines()
            .find(|l| l.starts_with(&format!("exclude {} ", entry.id)))
            .unwrap();
        assert!(line.ends_with(&format!("// {}", entry.title)), "{line}");
    }
}

#[test]
fn init_refuses_to_overwrite_and_writes_nothing() {
    let tmp = TempDir::new("again");
    assert_eq!(status(&isms(&["init"], tmp.path())), 0);
    let before = read_all(tmp.path());

    let out = isms(&["init"], tmp.path());
    assert_eq!(status(&out), 2);
    assert!(out.stdout.is_empty(), "{}", text(&out.stdout));
    assert!(
        text(&out.stderr).contains("isms.isms"),
        "{}",
        text(&out.stderr)
    );
    assert!(text(&out.stderr).contains("nothing was written"));
    assert_eq!(read_all(tmp.path()), before, "files changed");

    // One conflicting file is enough to write none of the others.
    let other = TempDir::new("readme");
    fs::write(other.path().join("README.md"), "# Our repository\n").unwrap();
    let out = isms(&["init"], other.path());
    assert_eq!(status(&out), 2);
    assert!(
        text(&out.stderr).contains("README.md"),
        "{}",
        text(&out.stderr)
    );
    assert_eq!(
        fs::read_to_string(other.path().join("README.md")).unwrap(),
        "# Our repository\n"
    );
    for f in ["isms.isms", "soa.isms", ".pre-commit-config.yaml"] {
        assert!(!other.path().join(f).exists(), "{f} was written");
    }
}

#[test]
fn init_into_a_non_empty_directory_keeps_other_files() {
    let tmp = TempDir::new("nonempty");
    fs::write(tmp.path().join("notes.txt"), "keep me\n").unwrap();
    fs::create_dir_all(tmp.path().join("docs")).unwrap();
    fs::write(tmp.path().join("docs/old.md"), "old\n").unwrap();
    let out = isms(&["init"], tmp.path());
    assert_eq!(status(&out), 0, "{}", text(&out.stderr));
    assert_eq!(
        fs::read_to_string(tmp.path().join("notes.txt")).unwrap(),
        "keep me\n"
    );
    assert_eq!(
        fs::read_to_string(tmp.path().join("docs/old.md")).unwrap(),
        "old\n"
    );
    // No errors; the placeholders are warnings.
    let out = isms(&["check"], tmp.path());
    assert_eq!(status(&out), 0, "{}", text(&out.stdout));
}

#[test]
fn a_bad_date_is_refused() {
    let tmp = TempDir::new("date");
    let out = isms(&["init", "--today", "2026-02-30"], tmp.path());
    assert_eq!(status(&out), 2);
    assert!(fs::read_dir(tmp.path()).unwrap().next().is_none());
}
