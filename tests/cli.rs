//! The command-line contract (docs/cli.md), tested on the real binary: exit statuses,
//! the JSON report, project discovery, `explain`, human output and `build`.

// clippy.toml allows these in #[test] functions only; the helpers here are test code too.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::atomic::{AtomicUsize, Ordering};

use serde_json::Value;

const CLEAN: &str = include_str!("fixtures/cli/clean.isms");
const ERROR: &str = include_str!("fixtures/cli/error.isms");
const WARNINGS: &str = include_str!("fixtures/cli/warnings.isms");
const EXCLUDED_ALL: &str = include_str!("fixtures/cli/excluded-all.isms");

const TODAY: &str = "2026-11-23";

/// A fresh directory under the system temp dir, removed when dropped.
struct TempDir(PathBuf);

impl TempDir {
    fn new(tag: &str) -> TempDir {
        static NEXT: AtomicUsize = AtomicUsize::new(0);
        let n = NEXT.fetch_add(1, Ordering::Relaxed);
        let dir = std::env::temp_dir().join(format!("isms-cli-{tag}-{}-{n}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        TempDir(dir)
    }

    fn path(&self) -> &Path {
        &self.0
    }

    /// Write `text` at `relative` (parent directories created); returns the full path.
    fn write(&self, relative: &str, text: &str) -> PathBuf {
        let path = self.0.join(relative);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).unwrap();
        }
        fs::write(&path, text).unwrap();
        path
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

fn isms_command() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_isms"));
    cmd.env_remove("NO_COLOR");
    cmd
}

fn run<P: AsRef<std::ffi::OsStr>>(args: &[P]) -> Output {
    isms_command().args(args).output().unwrap()
}

fn status(out: &Output) -> i32 {
    out.status
        .code()
        .unwrap_or_else(|| panic!("killed by a signal: {out:?}"))
}

fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).unwrap()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// `isms check --today TODAY [extra…] PATH`.
fn check(path: &Path, extra: &[&str]) -> Output {
    let mut cmd = isms_command();
    cmd.args(["check", "--today", TODAY]).args(extra).arg(path);
    cmd.output().unwrap()
}

/// `isms check --format json`, parsed.
fn check_json(path: &Path) -> (i32, Value) {
    let out = check(path, &["--format", "json"]);
    let report: Value = serde_json::from_str(&stdout(&out))
        .unwrap_or_else(|e| panic!("stdout is not JSON ({e}):\n{}", stdout(&out)));
    (status(&out), report)
}

fn codes(report: &Value) -> Vec<String> {
    report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["code"].as_str().unwrap().to_string())
        .collect()
}

fn file_project(tag: &str, text: &str) -> (TempDir, PathBuf) {
    let dir = TempDir::new(tag);
    let file = dir.write(&format!("{tag}.isms"), text);
    (dir, file)
}

// ----- exit statuses ------------------------------------------------------------------

#[test]
fn clean_project_exits_0() {
    let (_dir, file) = file_project("clean", CLEAN);
    let out = check(&file, &[]);
    assert_eq!(status(&out), 0, "{}{}", stdout(&out), stderr(&out));
    assert_eq!(stdout(&out).trim_end(), "no problems found in 1 file");
    assert!(out.stderr.is_empty(), "{}", stderr(&out));
}

#[test]
fn clean_directory_project_exits_0() {
    let dir = TempDir::new("clean-dir");
    dir.write("isms.isms", CLEAN);
    let out = check(dir.path(), &[]);
    assert_eq!(status(&out), 0, "{}", stdout(&out));
}

#[test]
fn project_with_an_error_exits_1() {
    let (_dir, file) = file_project("error", ERROR);
    let out = check(&file, &[]);
    assert_eq!(status(&out), 1, "{}", stdout(&out));
    assert!(stdout(&out).contains("risk/missing-owner"));
}

#[test]
fn warnings_alone_exit_0() {
    let (_dir, file) = file_project("warnings", WARNINGS);
    let (code, report) = check_json(&file);
    assert_eq!(code, 0);
    assert_eq!(codes(&report), ["role/unassigned"]);
    assert_eq!(report["summary"]["errors"], 0);
    assert_eq!(report["summary"]["warnings"], 1);
}

#[test]
fn warnings_under_deny_warnings_exit_1() {
    let (_dir, file) = file_project("deny", WARNINGS);
    let out = check(&file, &["--deny", "warnings"]);
    assert_eq!(status(&out), 1, "{}", stdout(&out));
    // --deny warnings changes the exit status, not the report.
    assert!(stdout(&out).trim_end().ends_with("1 warning in 1 file"));
}

#[test]
fn deny_warnings_on_a_clean_project_exits_0() {
    let (_dir, file) = file_project("deny-clean", CLEAN);
    let out = check(&file, &["--deny", "warnings"]);
    assert_eq!(status(&out), 0, "{}", stdout(&out));
}

#[test]
fn missing_path_exits_2() {
    let dir = TempDir::new("missing");
    let out = check(&dir.path().join("no-such-dir"), &[]);
    assert_eq!(status(&out), 2);
    assert!(out.stdout.is_empty(), "{}", stdout(&out));
    assert!(!out.stderr.is_empty());
}

#[test]
fn directory_without_isms_files_exits_2() {
    let dir = TempDir::new("empty");
    dir.write("README.md", "# not an ISMS\n");
    let out = check(dir.path(), &[]);
    assert_eq!(status(&out), 2);
    assert!(out.stdout.is_empty(), "{}", stdout(&out));
    assert!(stderr(&out).contains(".isms"), "{}", stderr(&out));
}

#[test]
fn directory_with_isms_files_only_in_skipped_dirs_exits_2() {
    let dir = TempDir::new("only-skipped");
    dir.write(".git/x.isms", CLEAN);
    dir.write("target/y.isms", CLEAN);
    let out = check(dir.path(), &[]);
    assert_eq!(status(&out), 2, "{}", stdout(&out));
}

#[test]
fn bad_today_exits_2() {
    let (_dir, file) = file_project("bad-today", CLEAN);
    for bad in ["yesterday", "2026-02-30", "23.11.2026", ""] {
        let out = isms_command()
            .args(["check", "--today", bad])
            .arg(&file)
            .output()
            .unwrap();
        assert_eq!(status(&out), 2, "--today {bad:?}: {}", stdout(&out));
        assert!(out.stdout.is_empty(), "--today {bad:?}: {}", stdout(&out));
    }
}

#[test]
fn unknown_subcommand_exits_2() {
    let out = run(&["frobnicate"]);
    assert_eq!(status(&out), 2);
    assert!(out.stdout.is_empty());
}

#[test]
fn unknown_flag_exits_2() {
    let (_dir, file) = file_project("bad-flag", CLEAN);
    let out = isms_command()
        .args(["check", "--no-such-flag"])
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(status(&out), 2);
    assert!(out.stdout.is_empty());
}

#[test]
fn bad_check_format_and_deny_values_exit_2() {
    let (_dir, file) = file_project("bad-values", CLEAN);
    for args in [["--format", "nope"], ["--deny", "everything"]] {
        let out = check(&file, &args);
        assert_eq!(status(&out), 2, "{args:?}");
        assert!(out.stdout.is_empty(), "{args:?}: {}", stdout(&out));
    }
}

#[test]
fn no_subcommand_exits_2() {
    let out = run::<&str>(&[]);
    assert_eq!(status(&out), 2);
}

// ----- the JSON report ----------------------------------------------------------------

fn assert_report_shape(report: &Value) {
    let object = report.as_object().unwrap();
    assert!(object.contains_key("diagnostics") && object.contains_key("summary"));
    let mut errors = 0;
    let mut warnings = 0;
    for d in report["diagnostics"].as_array().unwrap() {
        let code = d["code"].as_str().unwrap();
        assert!(code.contains('/'), "code `{code}`");
        match d["severity"].as_str().unwrap() {
            "error" => errors += 1,
            "warning" => warnings += 1,
            "info" => {}
            other => panic!("severity `{other}`"),
        }
        assert!(!d["message"].as_str().unwrap().is_empty());
        assert!(!d["file"].as_str().unwrap().is_empty());
        for key in ["line", "column", "end_line", "end_column"] {
            assert!(d[key].as_u64().unwrap() >= 1, "{key} in {d}");
        }
        let start = (d["line"].as_u64(), d["column"].as_u64());
        let end = (d["end_line"].as_u64(), d["end_column"].as_u64());
        assert!(start <= end, "range ends before it starts: {d}");
        assert!(d["help"].is_string() || d["help"].is_null(), "help in {d}");
        for label in d["labels"].as_array().unwrap() {
            assert!(label["file"].is_string(), "{label}");
            assert!(label["line"].as_u64().unwrap() >= 1, "{label}");
            assert!(label["column"].as_u64().unwrap() >= 1, "{label}");
            assert!(label["message"].is_string(), "{label}");
        }
    }
    assert_eq!(report["summary"]["errors"].as_u64(), Some(errors));
    assert_eq!(report["summary"]["warnings"].as_u64(), Some(warnings));
}

#[test]
fn json_report_has_the_documented_shape() {
    let (_dir, file) = file_project("error", ERROR);
    let (code, report) = check_json(&file);
    assert_eq!(code, 1);
    assert_report_shape(&report);
    let d = &report["diagnostics"][0];
    assert_eq!(d["code"], "risk/missing-owner");
    assert_eq!(d["severity"], "error");
    assert_eq!(d["file"], "error.isms");
    // `risk R-1 "…" {` on line 41: the diagnostic points at the name `R-1`.
    assert_eq!(
        (d["line"].as_u64(), d["column"].as_u64()),
        (Some(41), Some(6))
    );
    assert_eq!(
        (d["end_line"].as_u64(), d["end_column"].as_u64()),
        (Some(41), Some(9))
    );
    assert!(d["help"].is_string());
    assert!(d["labels"].is_array());
    assert_eq!(report["summary"]["errors"], 1);
    assert_eq!(report["summary"]["warnings"], 0);
}

#[test]
fn json_report_of_a_clean_project_is_empty() {
    let (_dir, file) = file_project("clean-json", CLEAN);
    let (code, report) = check_json(&file);
    assert_eq!(code, 0);
    assert_eq!(report["diagnostics"], serde_json::json!([]));
    assert_eq!(
        report["summary"],
        serde_json::json!({"errors": 0, "warnings": 0})
    );
}

/// A directory project: `sub/risks.isms` redeclares a role of `isms.isms`; the hidden
/// directory and `target/` hold broken files that must not be read.
fn directory_project() -> TempDir {
    let dir = TempDir::new("dir-project");
    dir.write("isms.isms", CLEAN);
    dir.write(
        "sub/risks.isms",
        "role ciso \"Chief Information Security Officer, again\"\n",
    );
    dir.write(".hidden/broken.isms", "risk {{{ \"\n");
    dir.write(".git/broken.isms", "}}}\n");
    dir.write("target/broken.isms", "organization {\n");
    dir.write("sub/notes.txt", "not an isms file {{{\n");
    dir
}

#[test]
fn json_file_is_relative_to_the_project_root() {
    let dir = directory_project();
    let (code, report) = check_json(dir.path());
    assert_eq!(code, 1);
    assert_report_shape(&report);
    assert_eq!(codes(&report), ["ref/duplicate"], "{report:#}");
    let d = &report["diagnostics"][0];
    assert_eq!(d["file"], "sub/risks.isms");
    assert_eq!(
        (d["line"].as_u64(), d["column"].as_u64()),
        (Some(1), Some(6))
    );
    let labels = d["labels"].as_array().unwrap();
    assert_eq!(labels.len(), 1, "{d:#}");
    assert_eq!(labels[0]["file"], "isms.isms");
    assert_eq!(labels[0]["line"], 8);
}

#[test]
fn hidden_directories_and_target_are_skipped() {
    let dir = directory_project();
    let out = check(dir.path(), &[]);
    let text = stdout(&out);
    assert!(!text.contains("broken.isms"), "{text}");
    assert!(!text.contains("syntax/error"), "{text}");
    // Two project files: isms.isms and sub/risks.isms.
    assert_eq!(text.lines().last(), Some("1 error in 2 files"), "{text}");
}

#[test]
fn several_paths_are_one_report() {
    let (_a, clean) = file_project("several-clean", CLEAN);
    let (_b, error) = file_project("several-error", ERROR);
    let out = isms_command()
        .args(["check", "--format", "json", "--today", TODAY])
        .arg(&clean)
        .arg(&error)
        .output()
        .unwrap();
    assert_eq!(status(&out), 1);
    let report: Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_report_shape(&report);
    assert_eq!(codes(&report), ["risk/missing-owner"]);
}

// ----- explain ------------------------------------------------------------------------

#[test]
fn explain_prints_the_rule_doc() {
    let out = run(&["explain", "risk/missing-owner"]);
    assert_eq!(status(&out), 0);
    let text = stdout(&out);
    assert!(text.starts_with("# risk/missing-owner"), "{text}");
    assert!(text.lines().count() > 2, "{text}");
}

#[test]
fn explain_lists_every_code() {
    let out = run(&["explain"]);
    assert_eq!(status(&out), 0);
    let text = stdout(&out);
    let listed: Vec<&str> = text
        .lines()
        .filter_map(|l| l.split_whitespace().next())
        .collect();
    for code in isms::diagnostics::Code::ALL {
        assert!(
            listed.contains(&code.as_str()),
            "`{}` missing from:\n{text}",
            code.as_str()
        );
        // Every listed code has its own page.
        let page = run(&["explain", code.as_str()]);
        assert_eq!(status(&page), 0, "{}", code.as_str());
        assert!(stdout(&page).starts_with(&format!("# {}", code.as_str())));
    }
    for code in [
        "syntax/error",
        "risk/missing-owner",
        "soa/unaddressed",
        "role/unassigned",
    ] {
        assert!(listed.contains(&code), "`{code}` missing from:\n{text}");
    }
}

#[test]
fn explain_unknown_code_exits_2() {
    let out = run(&["explain", "no/such-code"]);
    assert_eq!(status(&out), 2);
    assert!(out.stdout.is_empty());
    assert!(stderr(&out).contains("no/such-code"), "{}", stderr(&out));
}

// ----- human output -------------------------------------------------------------------

fn assert_no_ansi(text: &str) {
    assert!(!text.contains('\u{1b}'), "ANSI escape in:\n{text}");
}

#[test]
fn human_output_ends_with_the_summary_line() {
    let (_dir, file) = file_project("human", ERROR);
    let out = check(&file, &[]);
    let text = stdout(&out);
    assert!(text.ends_with('\n'));
    assert_eq!(text.lines().last(), Some("1 error in 1 file"), "{text}");
    assert!(text.contains("error[risk/missing-owner]"), "{text}");
    assert!(text.contains("human.isms:41:6"), "{text}");
}

#[test]
fn human_output_has_no_ansi_escapes_off_a_terminal() {
    let (_dir, file) = file_project("no-ansi", ERROR);
    let piped = check(&file, &[]);
    assert_no_ansi(&stdout(&piped));
    assert_no_ansi(&stderr(&piped));
    let mut cmd = isms_command();
    cmd.env("NO_COLOR", "1")
        .args(["check", "--today", TODAY])
        .arg(&file);
    let no_color = cmd.output().unwrap();
    assert_no_ansi(&stdout(&no_color));
    assert_no_ansi(&stderr(&no_color));
    assert_eq!(stdout(&piped), stdout(&no_color));
}

#[test]
fn human_summary_counts_errors_and_warnings() {
    let dir = TempDir::new("mixed");
    dir.write("a.isms", WARNINGS);
    dir.write("b.isms", "asset orphan \"Orphan\" {\n  kind software\n}\n");
    let out = check(dir.path(), &[]);
    assert_eq!(status(&out), 1);
    let text = stdout(&out);
    let last = text.lines().last().unwrap_or_default();
    assert!(last.ends_with("in 2 files"), "{text}");
    assert!(last.contains("error") && last.contains("warning"), "{text}");
}

// ----- build --------------------------------------------------------------------------

fn build(project: &Path, out: &Path, extra: &[&str]) -> Output {
    let mut cmd = isms_command();
    cmd.args(["build", "--today", TODAY, "--out"])
        .arg(out)
        .args(extra)
        .arg(project);
    cmd.output().unwrap()
}

#[test]
fn build_writes_soa_json_with_every_catalog_control() {
    let (dir, file) = file_project("build", EXCLUDED_ALL);
    let out_dir = dir.path().join("docs");
    let out = build(&file, &out_dir, &["--format", "json"]);
    assert_eq!(status(&out), 0, "{}{}", stdout(&out), stderr(&out));
    let soa: Value = serde_json::from_slice(&fs::read(out_dir.join("soa.json")).unwrap()).unwrap();
    assert_eq!(soa["framework"], "iso27001:2022");
    assert_eq!(soa["organization"], "Acme Cloud GmbH");
    assert_eq!(soa["date"], TODAY);
    let controls = soa["controls"].as_array().unwrap();
    assert_eq!(controls.len(), 93);
    assert_eq!(controls[0]["id"], "A.5.1");
    assert_eq!(controls[92]["id"], "A.8.34");
    let mut ids: Vec<&str> = controls.iter().map(|c| c["id"].as_str().unwrap()).collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), 93, "a control is listed twice");
    for c in controls {
        assert_eq!(c["applicable"], false, "{c}");
        assert_eq!(
            c["exclusion_reason"], "Outside the scope of this test",
            "{c}"
        );
        assert!(
            c["status"].is_null(),
            "an excluded control has no status: {c}"
        );
        assert!(c["title"].as_str().is_some_and(|t| !t.is_empty()), "{c}");
        assert!(c["risks"].is_array() && c["requirements"].is_array(), "{c}");
    }
    // The custom control `mfa` is in the additional controls, justified by R-1.
    let extra = soa["additional_controls"].as_array().unwrap();
    assert_eq!(extra.len(), 1, "{soa:#}");
    assert_eq!(extra[0]["id"], "mfa");
    assert_eq!(extra[0]["risks"], serde_json::json!(["R-1"]));
}

#[test]
fn build_is_deterministic() {
    let (dir, file) = file_project("determinism", EXCLUDED_ALL);
    let first = dir.path().join("one");
    let second = dir.path().join("two");
    assert_eq!(status(&build(&file, &first, &["--format", "json"])), 0);
    assert_eq!(status(&build(&file, &second, &["--format", "json"])), 0);
    let a = fs::read(first.join("soa.json")).unwrap();
    let b = fs::read(second.join("soa.json")).unwrap();
    assert!(a == b, "two builds of the same input differ");
    // Rebuilding into the same directory overwrites with the same bytes.
    assert_eq!(status(&build(&file, &first, &["--format", "json"])), 0);
    assert!(fs::read(first.join("soa.json")).unwrap() == a);
}

#[test]
fn build_refuses_a_model_with_errors() {
    let (dir, file) = file_project("build-error", ERROR);
    let out_dir = dir.path().join("docs");
    fs::create_dir_all(&out_dir).unwrap();
    let out = build(&file, &out_dir, &["--format", "json"]);
    assert_eq!(status(&out), 1, "{}{}", stdout(&out), stderr(&out));
    assert!(!out_dir.join("soa.json").exists());
    let left: Vec<_> = fs::read_dir(&out_dir).unwrap().collect();
    assert!(left.is_empty(), "build with errors left {left:?}");
    assert!(stdout(&out).contains("risk/missing-owner"));
}

#[test]
fn build_refusal_does_not_create_the_output_directory_contents() {
    let (dir, file) = file_project("build-error-new", ERROR);
    let out_dir = dir.path().join("fresh");
    let out = build(&file, &out_dir, &["--format", "json"]);
    assert_eq!(status(&out), 1);
    assert!(!out_dir.join("soa.json").exists());
}

#[test]
fn build_leaves_unrelated_files_alone() {
    let (dir, file) = file_project("build-foreign", EXCLUDED_ALL);
    let out_dir = dir.path().join("docs");
    fs::create_dir_all(out_dir.join("keep")).unwrap();
    fs::write(out_dir.join("README.md"), "hand-written, keep me\n").unwrap();
    fs::write(out_dir.join("keep/notes.txt"), "also mine\n").unwrap();
    let out = build(&file, &out_dir, &["--format", "json"]);
    assert_eq!(status(&out), 0, "{}{}", stdout(&out), stderr(&out));
    assert!(out_dir.join("soa.json").exists());
    assert_eq!(
        fs::read_to_string(out_dir.join("README.md")).unwrap(),
        "hand-written, keep me\n"
    );
    assert_eq!(
        fs::read_to_string(out_dir.join("keep/notes.txt")).unwrap(),
        "also mine\n"
    );
    // No staging leftovers (build may write more documents than soa.json).
    let names: Vec<String> = fs::read_dir(&out_dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(
        names.iter().all(|n| !n.starts_with('.')),
        "hidden leftovers: {names:?}"
    );
}

#[test]
fn build_unknown_format_exits_2() {
    let (dir, file) = file_project("build-nope", EXCLUDED_ALL);
    let out_dir = dir.path().join("docs");
    let out = build(&file, &out_dir, &["--format", "nope"]);
    assert_eq!(status(&out), 2);
    assert!(!out_dir.join("soa.json").exists());
}

#[test]
fn build_without_out_exits_2() {
    let (_dir, file) = file_project("build-no-out", EXCLUDED_ALL);
    let out = isms_command().arg("build").arg(&file).output().unwrap();
    assert_eq!(status(&out), 2);
}
