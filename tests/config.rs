//! `isms.toml` through the real binary: severity overrides, a fixed `today`, the default
//! build directory, and unknown keys refused.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::fs;
use std::path::PathBuf;
use std::process::{Command, Output};

fn project(name: &str, toml: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("isms-config-{name}-{}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap();
    let fixture =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/cli/warnings.isms");
    fs::copy(fixture, dir.join("isms.isms")).unwrap();
    fs::write(dir.join("isms.toml"), toml).unwrap();
    dir
}

fn isms(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_isms"))
        .args(args)
        .output()
        .unwrap()
}

fn text(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned() + &String::from_utf8_lossy(&o.stderr)
}

#[test]
fn allow_removes_a_warning_and_deny_makes_it_an_error() {
    let dir = project("allow", "[rules]\n\"role/unassigned\" = \"allow\"\n");
    let out = isms(&[
        "check",
        "--today",
        "2026-11-23",
        "--deny",
        "warnings",
        dir.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));

    let dir = project("deny", "[rules]\n\"role/unassigned\" = \"deny\"\n");
    let out = isms(&[
        "check",
        "--today",
        "2026-11-23",
        "--format",
        "json",
        dir.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["diagnostics"][0]["severity"], "error");
}

#[test]
fn unknown_keys_and_codes_stop_the_command() {
    for toml in [
        "[check]\nfuture = 1\n",
        "[rulez]\n",
        "[rules]\n\"role/unasigned\" = \"allow\"\n",
    ] {
        let dir = project("unknown", toml);
        let out = isms(&["check", dir.to_str().unwrap()]);
        assert_eq!(out.status.code(), Some(2), "{toml}: {}", text(&out));
        assert!(text(&out).contains("isms.toml"), "{}", text(&out));
    }
}

#[test]
fn a_fixed_today_applies_unless_overridden() {
    // The fixture's policy was approved 2026-01-10 for 12 months.
    let dir = project("today", "[check]\ntoday = \"2027-06-01\"\n");
    let out = isms(&["check", "--format", "json", dir.to_str().unwrap()]);
    assert!(
        text(&out).contains("policy/review-overdue"),
        "{}",
        text(&out)
    );
    let out = isms(&[
        "check",
        "--format",
        "json",
        "--today",
        "2026-11-23",
        dir.to_str().unwrap(),
    ]);
    assert!(
        !text(&out).contains("policy/review-overdue"),
        "{}",
        text(&out)
    );
}

#[test]
fn build_writes_into_the_configured_directory() {
    let dir = project(
        "build",
        "[build]\nout = \"docs\"\n[rules]\n\"role/unassigned\" = \"allow\"\n",
    );
    let out = isms(&[
        "build",
        "--today",
        "2026-11-23",
        "--format",
        "json",
        dir.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert!(dir.join("docs/soa.json").exists());
}
