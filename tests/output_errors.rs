//! Issue #16, finding 3: an output error never panics. Every command that prints is run on
//! the real binary with standard output (a) a pipe whose reader is already gone and (b)
//! `/dev/full`: (a) ends quietly with status 141, (b) with one message and status 2.

#![cfg(target_os = "linux")]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::fs::{self, File};
use std::path::Path;
use std::process::{Command, Output, Stdio};

const CLEAN: &str = include_str!("fixtures/cli/clean.isms");
const WARNINGS: &str = include_str!("fixtures/cli/warnings.isms");
const TODAY: &str = "2026-11-23";

/// A project with one clean file, and one badly indented copy for `fmt` to report.
fn project(dir: &Path, unformatted: bool) {
    fs::create_dir_all(dir).unwrap();
    let text = if unformatted {
        CLEAN.replace("\n  ", "\n      ")
    } else {
        CLEAN.to_string()
    };
    fs::write(dir.join("isms.isms"), text).unwrap();
}

/// Each printing command, as arguments, given a scratch directory.
fn commands(dir: &Path) -> Vec<Vec<String>> {
    let p = |name: &str| dir.join(name).display().to_string();
    let mut all = Vec::new();
    for format in ["human", "json", "sarif", "github"] {
        // Warnings, so that every format has something to print.
        let args = ["check", &p("warned"), "--today", TODAY, "--format", format];
        all.push(args.iter().map(|s| s.to_string()).collect());
    }
    all.push(vec![
        "check".into(),
        p("clean"),
        "--today".into(),
        TODAY.into(),
        "--readiness".into(),
    ]);
    all.push(vec!["--help".into()]);
    all.push(vec!["--version".into()]);
    all.push(vec!["check".into(), "--help".into()]);
    all.push(vec!["explain".into()]);
    all.push(vec!["explain".into(), "risk/missing-owner".into()]);
    all.push(vec!["fmt".into(), "--check".into(), p("unformatted")]);
    all.push(vec!["fmt".into(), p("unformatted")]);
    all.push(vec![
        "build".into(),
        p("clean"),
        "--out".into(),
        p("out"),
        "--today".into(),
        TODAY.into(),
    ]);
    all.push(vec![
        "init".into(),
        p("new"),
        "--today".into(),
        TODAY.into(),
    ]);
    all
}

fn run(args: &[String], stdout: Stdio) -> Output {
    Command::new(env!("CARGO_BIN_EXE_isms"))
        .args(args)
        .stdout(stdout)
        .stderr(Stdio::piped())
        .output()
        .unwrap()
}

/// A fresh scratch directory for one command, so `fmt` and `init` have work to do.
fn scratch() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    project(&dir.path().join("clean"), false);
    project(&dir.path().join("unformatted"), true);
    fs::create_dir_all(dir.path().join("warned")).unwrap();
    fs::write(dir.path().join("warned/isms.isms"), WARNINGS).unwrap();
    dir
}

#[test]
fn a_closed_pipe_ends_quietly_with_141() {
    for i in 0..commands(Path::new(".")).len() {
        let dir = scratch();
        let args = &commands(dir.path())[i];
        // The reader is closed before the command starts: its first write fails with
        // EPIPE, whatever the size of its output.
        let (reader, writer) = std::io::pipe().unwrap();
        drop(reader);
        let out = run(args, Stdio::from(writer));
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(141), "{args:?}: {stderr}");
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
        assert!(
            !stderr.contains("standard output"),
            "a closed pipe is not an error to report: {args:?}: {stderr}"
        );
    }
}

#[test]
fn a_write_error_is_one_message_and_status_2() {
    for i in 0..commands(Path::new(".")).len() {
        let dir = scratch();
        let args = &commands(dir.path())[i];
        let full = File::options().write(true).open("/dev/full").unwrap();
        let out = run(args, Stdio::from(full));
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
        assert_eq!(
            stderr.matches("cannot write to standard output").count(),
            1,
            "{args:?}: {stderr}"
        );
    }
}
