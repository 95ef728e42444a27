//! A file means the same, and is reported at the same lines, whether its lines end in
//! `\n`, `\r\n` or a lone `\r` (old Mac style): tested on the real binary with `isms fmt`
//! and every `isms check` output format.

// Test helpers outside #[test] functions may fail loudly too.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::atomic::{AtomicUsize, Ordering};

const ENDINGS: [(&str, &str); 3] = [("lf", "\n"), ("crlf", "\r\n"), ("cr", "\r")];

/// A fresh directory under the system temp dir, removed when dropped.
struct TempDir(PathBuf);

impl TempDir {
    fn new(tag: &str) -> TempDir {
        static NEXT: AtomicUsize = AtomicUsize::new(0);
        let n = NEXT.fetch_add(1, Ordering::Relaxed);
        let dir =
            std::env::temp_dir().join(format!("isms-endings-{tag}-{}-{n}", std::process::id()));
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

/// A project holding `m.isms`: `text` with every `\n` replaced by `ending`.
fn project(tag: &str, text: &str, ending: &str) -> TempDir {
    let dir = TempDir::new(tag);
    fs::write(dir.path().join("m.isms"), text.replace('\n', ending)).unwrap();
    dir
}

fn isms(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_isms"))
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .args(args)
        .output()
        .unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).unwrap()
}

/// The reproduction from the issue: with lone `\r` endings, `fmt` moved `// about b` to
/// another declaration.
const COMMENTED: &str = "role a \"A\" {\n  description \"x\"\n}\n\nrole b \"B\" {\n  description \"y\"\n  // about b\n}\n";

#[test]
fn fmt_keeps_comments_with_their_declaration_whatever_the_line_ending() {
    let mut outputs = Vec::new();
    for (tag, ending) in ENDINGS {
        let dir = project(tag, COMMENTED, ending);
        let out = isms(dir.path(), &["fmt", "m.isms"]);
        assert_eq!(out.status.code(), Some(0), "{tag}: {}", text(&out.stderr));
        let formatted = fs::read_to_string(dir.path().join("m.isms")).unwrap();
        let b = formatted.find("role b").unwrap();
        let about_b = formatted.find("// about b").unwrap();
        assert!(about_b > b, "{tag}: the comment left `b`:\n{formatted}");
        outputs.push((tag, formatted));
    }
    // `fmt` writes `\n` line endings: the three files are now byte for byte the same.
    let (_, lf) = &outputs[0];
    assert!(!lf.contains('\r'));
    for (tag, formatted) in &outputs[1..] {
        assert_eq!(formatted, lf, "{tag}");
    }
}

/// A `"""` text block: its lines are split, dedented and re-indented by the formatter.
const TEXT_BLOCK: &str = "policy p \"P\" {\n  owner a\n  section \"Purpose\" \"\"\"\n      First line.\n\n        Indented.\n    \"\"\"\n}\n";

#[test]
fn fmt_reindents_text_blocks_the_same_whatever_the_line_ending() {
    let mut outputs = Vec::new();
    for (tag, ending) in ENDINGS {
        let dir = project(tag, TEXT_BLOCK, ending);
        let out = isms(dir.path(), &["fmt", "m.isms"]);
        assert_eq!(out.status.code(), Some(0), "{tag}: {}", text(&out.stderr));
        outputs.push(fs::read_to_string(dir.path().join("m.isms")).unwrap());
    }
    assert!(
        outputs[0].contains("    First line.\n\n      Indented.\n"),
        "{}",
        outputs[0]
    );
    assert_eq!(outputs[1], outputs[0]);
    assert_eq!(outputs[2], outputs[0]);
}

#[test]
fn fmt_check_counts_only_lf_files_as_formatted() {
    let formatted = "role a \"A\" {\n  description \"x\"\n}\n";
    for (tag, ending) in ENDINGS {
        let dir = project(tag, formatted, ending);
        let out = isms(dir.path(), &["fmt", "--check", "m.isms"]);
        let expected = if ending == "\n" { 0 } else { 1 };
        assert_eq!(out.status.code(), Some(expected), "{tag}");
    }
}

/// A project whose diagnostics stand on many different lines (a warning per unassigned
/// role, an unknown owner, a risk without controls).
const WARNINGS: &str = include_str!("fixtures/cli/warnings.isms");
const ERRORS: &str = include_str!("fixtures/cli/error.isms");

static DEEP: std::sync::LazyLock<String> =
    std::sync::LazyLock::new(|| format!("// note\nrole a \"A\" {}\n", "{".repeat(100)));

#[test]
fn every_output_format_reports_the_same_lines_whatever_the_line_ending() {
    for (name, source) in [
        ("warnings", WARNINGS),
        ("error", ERRORS),
        ("three roles", THREE_ROLES),
        ("text block", TEXT_BLOCK),
        // Blocks nested too deep after a comment: the depth guard must see that the
        // comment ends at the line end, whichever it is.
        ("deep", DEEP.as_str()),
    ] {
        for format in ["json", "sarif", "github", "human"] {
            let outputs: Vec<(&str, String)> = ENDINGS
                .iter()
                .map(|&(tag, ending)| {
                    let dir = project(tag, source, ending);
                    let args = ["check", "--today", "2026-11-23", "--format", format, "."];
                    let out = isms(dir.path(), &args);
                    (tag, text(&out.stdout) + &text(&out.stderr))
                })
                .collect();
            let (_, lf) = &outputs[0];
            for (tag, out) in &outputs[1..] {
                assert_eq!(out, lf, "{name}, {format}, {tag}");
            }
        }
    }
}

/// Three unassigned roles: a warning on lines 1, 2 and 4 (and the project-level errors of a
/// project without organization and scope, at the start of the file).
const THREE_ROLES: &str = "role a \"A\"\nrole b \"B\"\n\nrole c \"C\"\n";

#[test]
fn json_lines_are_the_lines_the_roles_stand_on() {
    for (tag, ending) in ENDINGS {
        let dir = project(tag, THREE_ROLES, ending);
        let out = isms(
            dir.path(),
            &["check", "--today", "2026-11-23", "--format", "json", "."],
        );
        let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        let lines: Vec<(u64, u64)> = report["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|d| d["code"] == "role/unassigned")
            .map(|d| (d["line"].as_u64().unwrap(), d["end_line"].as_u64().unwrap()))
            .collect();
        assert_eq!(lines, [(1, 1), (2, 2), (4, 4)], "{tag}: {report}");
    }
}
