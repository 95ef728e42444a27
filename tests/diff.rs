//! `isms diff` on the real binary, in git repositories made by the test (fixed names and
//! dates, so commit IDs are the same on every run): each kind of change is reported once,
//! the default comparison, a revision that does not exist, a shallow clone, the working
//! tree against HEAD, the output formats.

// clippy.toml allows these in #[test] functions only; the helpers here are test code too.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::fs;
use std::path::Path;
use std::process::{Command, Output};

use serde_json::Value;

const BEFORE: &str = include_str!("fixtures/diff/before.isms");
const AFTER: &str = include_str!("fixtures/diff/after.isms");
const TODAY: &str = "2026-11-23";

/// `git ARGS` in `dir`, isolated from the user's configuration, with a fixed identity
/// and date; panics when git fails.
fn git(dir: &Path, args: &[&str]) -> String {
    let out = Command::new("git")
        .current_dir(dir)
        .args(args)
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_AUTHOR_NAME", "Test")
        .env("GIT_AUTHOR_EMAIL", "test@example.com")
        .env("GIT_COMMITTER_NAME", "Test")
        .env("GIT_COMMITTER_EMAIL", "test@example.com")
        .env("GIT_AUTHOR_DATE", "2026-11-01T12:00:00Z")
        .env("GIT_COMMITTER_DATE", "2026-11-01T12:00:00Z")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).trim().to_string()
}

fn commit(dir: &Path, file: &str, text: &str, message: &str) {
    let path = dir.join(file);
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, text).unwrap();
    git(dir, &["add", "-A"]);
    git(dir, &["commit", "-q", "-m", message]);
}

/// A repository whose `main` holds the project in `compliance/` as `BEFORE`, and whose
/// branch `feature` changes it to `AFTER`; `main` then moves on (a change outside the
/// project), and `feature` is checked out.
fn repository() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    git(root, &["init", "-q", "-b", "main"]);
    commit(root, "compliance/isms.isms", BEFORE, "the ISMS as audited");
    git(root, &["checkout", "-q", "-b", "feature"]);
    commit(root, "compliance/isms.isms", AFTER, "a year of changes");
    git(root, &["checkout", "-q", "main"]);
    commit(root, "README.md", "readme\n", "unrelated");
    git(root, &["checkout", "-q", "feature"]);
    dir
}

fn isms(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_isms"))
        .current_dir(dir)
        .args(args)
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("NO_COLOR", "1")
        .output()
        .unwrap()
}

fn stdout(out: &Output) -> String {
    assert_eq!(
        out.status.code(),
        Some(0),
        "stderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout.clone()).unwrap()
}

fn json(dir: &Path, args: &[&str]) -> Value {
    let mut all = args.to_vec();
    all.extend(["--format", "json", "--today", TODAY]);
    serde_json::from_str(&stdout(&isms(dir, &all))).unwrap()
}

/// The error on stderr as one line: miette wraps it at the terminal's width, behind `│`,
/// and may break a word at a hyphen.
fn error(out: &Output) -> String {
    let text = String::from_utf8_lossy(&out.stderr).replace('│', " ");
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace("- ", "-")
}

fn len(v: &Value, key: &str) -> usize {
    v[key].as_array().map_or(usize::MAX, Vec::len)
}

#[test]
fn each_kind_of_change_is_reported_once() {
    let repo = repository();
    let v = json(
        repo.path(),
        &["diff", "HEAD~1", "HEAD", "--path", "compliance"],
    );
    assert_eq!(v["applicability"][0]["control"], "A.7.4");
    assert_eq!(v["applicability"][0]["after"]["state"], "excluded");
    assert_eq!(
        v["applicability"][0]["after"]["why"],
        "No premises to monitor"
    );
    assert_eq!(v["statuses"][0]["control"], "A.8.5");
    assert_eq!(v["statuses"][0]["before"], "implemented");
    assert_eq!(v["statuses"][0]["after"], "partial");
    let risks: Vec<(String, String)> = v["risks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| (r["change"].to_string(), r["risk"].to_string()))
        .collect();
    assert_eq!(
        risks,
        [
            ("\"rerated\"".to_string(), "\"R-1\"".to_string()),
            ("\"new\"".to_string(), "\"R-2\"".to_string()),
            ("\"removed\"".to_string(), "\"R-3\"".to_string()),
        ]
    );
    assert_eq!(v["risks"][0]["level_before"], "high");
    assert_eq!(v["risks"][0]["level_after"], "medium");
    assert_eq!(v["treatments"][0]["after"]["due"], "2027-03-31");
    assert_eq!(v["acceptances"][0]["change"], "given");
    assert_eq!(v["acceptances"][0]["risk"], "R-2");
    assert_eq!(v["policies"][0]["change"], "reapproved");
    assert_eq!(v["policies"][0]["on_after"], "2026-06-01");
    assert_eq!(v["owners"][0]["id"], "A.8.5");
    assert_eq!(v["owners"][0]["after"], "Bob Schmidt (bob)");
    assert_eq!(v["nonconformities"][0]["id"], "NC-1");
    assert_eq!(v["incidents"][0]["id"], "INC-1");
    // Two risks were not reviewed after the incident; one control fewer is unaddressed,
    // a new count in the one `soa/unaddressed` diagnostic.
    let codes = |key: &str| -> Vec<String> {
        v["diagnostics"][key]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| d["code"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(
        codes("appeared"),
        [
            "incident/risks-not-reviewed",
            "incident/risks-not-reviewed",
            "soa/unaddressed"
        ]
    );
    assert_eq!(codes("disappeared"), ["soa/unaddressed"]);
    assert!(v["diagnostics"]["disappeared"][0]["message"]
        .as_str()
        .unwrap()
        .starts_with("92 controls"));
    // Each change once, and nothing else.
    for (key, n) in [
        ("applicability", 1),
        ("statuses", 1),
        ("risks", 3),
        ("treatments", 1),
        ("acceptances", 1),
        ("policies", 1),
        ("owners", 1),
        ("nonconformities", 1),
        ("incidents", 1),
    ] {
        assert_eq!(len(&v, key), n, "{key}: {}", v[key]);
    }
}

#[test]
fn the_json_names_both_sides() {
    let repo = repository();
    let head = git(repo.path(), &["rev-parse", "HEAD"]);
    let v = json(
        repo.path(),
        &["diff", "HEAD~1", "HEAD", "--path", "compliance"],
    );
    assert_eq!(v["from"]["label"], "HEAD~1");
    assert_eq!(v["to"]["label"], "HEAD");
    assert_eq!(v["to"]["commit"], head.as_str());
    let keys: Vec<&String> = v.as_object().unwrap().keys().collect();
    assert_eq!(
        keys,
        [
            "acceptances",
            "applicability",
            "diagnostics",
            "from",
            "incidents",
            "nonconformities",
            "owners",
            "policies",
            "risks",
            "statuses",
            "to",
            "treatments"
        ]
    );
}

#[test]
fn human_and_markdown_output() {
    let repo = repository();
    let args = [
        "diff",
        "HEAD~1",
        "HEAD",
        "--path",
        "compliance",
        "--today",
        TODAY,
    ];
    let human = stdout(&isms(repo.path(), &args));
    insta::assert_snapshot!("diff-human", human);
    let mut md = args.to_vec();
    md.extend(["--format", "markdown"]);
    let markdown = stdout(&isms(repo.path(), &md));
    assert!(markdown.starts_with("<!-- isms-diff -->\n"));
    insta::assert_snapshot!("diff-markdown", markdown);
    // The same input gives the same bytes.
    assert_eq!(stdout(&isms(repo.path(), &args)), human);
}

#[test]
fn the_default_is_the_merge_base_with_main_against_the_working_tree() {
    let repo = repository();
    let project = repo.path().join("compliance");
    // An uncommitted change on top of the branch.
    let edited = AFTER.replace("status partial", "status implemented");
    fs::write(project.join("isms.isms"), &edited).unwrap();
    let base = git(repo.path(), &["merge-base", "HEAD", "main"]);
    let v = json(&project, &["diff"]);
    assert_eq!(v["from"]["label"], "merge base with main");
    assert_eq!(v["from"]["commit"], base.as_str());
    assert_eq!(v["to"]["label"], "working tree");
    assert_eq!(v["to"]["commit"], Value::Null);
    assert_eq!(
        len(&v, "statuses"),
        0,
        "implemented again: no status change"
    );
    assert_eq!(len(&v, "risks"), 3);
}

#[test]
fn the_working_tree_against_head() {
    let repo = repository();
    let project = repo.path().join("compliance");
    let edited = AFTER.replace("status partial", "status planned");
    fs::write(project.join("isms.isms"), &edited).unwrap();
    let v = json(&project, &["diff", "HEAD"]);
    assert_eq!(len(&v, "statuses"), 1);
    assert_eq!(v["statuses"][0]["before"], "partial");
    assert_eq!(v["statuses"][0]["after"], "planned");
    assert_eq!(len(&v, "risks"), 0);
}

#[test]
fn a_revision_that_does_not_exist_is_a_clear_error() {
    let repo = repository();
    for rev in ["no-such-branch", "--output=x"] {
        let out = isms(repo.path(), &["diff", "--path", "compliance", "--", rev]);
        assert_eq!(out.status.code(), Some(2), "{rev}");
        let err = error(&out);
        assert!(
            err.contains(&format!("revision `{rev}` does not exist")),
            "{err}"
        );
        assert!(out.stdout.is_empty());
    }
    assert!(!repo.path().join("x").exists());
}

#[test]
fn outside_a_repository_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("isms.isms"), BEFORE).unwrap();
    let out = isms(dir.path(), &["diff", "HEAD"]);
    assert_eq!(out.status.code(), Some(2));
    let err = error(&out);
    assert!(err.contains("is not inside a git repository"), "{err}");
}

#[test]
fn a_shallow_clone_says_how_to_get_the_merge_base() {
    let repo = repository();
    let clones = tempfile::tempdir().unwrap();
    let url = format!("file://{}", repo.path().display());
    git(
        clones.path(),
        &[
            "clone",
            "-q",
            "--depth",
            "1",
            "--no-single-branch",
            "--branch",
            "feature",
            &url,
            "clone",
        ],
    );
    let clone = clones.path().join("clone");
    let out = isms(&clone, &["diff", "--path", "compliance"]);
    assert_eq!(out.status.code(), Some(2));
    let err = error(&out);
    assert!(err.contains("have no merge base"), "{err}");
    assert!(err.contains("fetch-depth: 0"), "{err}");
    // HEAD~1 is cut off too, and the message says why.
    let out = isms(&clone, &["diff", "HEAD~1", "--path", "compliance"]);
    assert_eq!(out.status.code(), Some(2));
    let err = error(&out);
    assert!(err.contains("this clone is shallow"), "{err}");
    // Naming both revisions works on a shallow clone.
    let v = json(
        &clone,
        &["diff", "origin/main", "HEAD", "--path", "compliance"],
    );
    assert_eq!(len(&v, "statuses"), 1);
}

#[test]
fn a_project_that_did_not_exist_yet_is_all_new() {
    let dir = tempfile::tempdir().unwrap();
    git(dir.path(), &["init", "-q", "-b", "main"]);
    commit(dir.path(), "README.md", "readme\n", "first");
    commit(dir.path(), "compliance/isms.isms", BEFORE, "the ISMS");
    let v = json(
        dir.path(),
        &["diff", "HEAD~1", "HEAD", "--path", "compliance"],
    );
    assert_eq!(len(&v, "risks"), 2);
    assert_eq!(v["risks"][0]["change"], "new");
}

#[test]
fn build_since_writes_the_same_changes_as_diff() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let clean = include_str!("fixtures/cli/clean.isms");
    git(root, &["init", "-q", "-b", "main"]);
    commit(root, "isms.isms", clean, "audited");
    let changed = clean.replace("status implemented", "status partial\n  due 2027-01-31");
    commit(
        root,
        "isms.isms",
        &changed,
        "MFA only for some administrators",
    );
    let out = isms(
        root,
        &[
            "build", "--out", "dist", "--format", "json", "--today", TODAY, "--since", "HEAD~1",
        ],
    );
    stdout(&out);
    let built: Value =
        serde_json::from_slice(&fs::read(root.join("dist/changes.json")).unwrap()).unwrap();
    assert_eq!(built["statuses"][0]["after"], "partial");
    assert_eq!(built, json(root, &["diff", "HEAD~1"]));
    // Without JSON, and without `--since`, there is no changes.json.
    let out = isms(
        root,
        &[
            "build", "--out", "md", "--format", "md", "--today", TODAY, "--since", "HEAD~1",
        ],
    );
    stdout(&out);
    assert!(!root.join("md/changes.json").exists());
    // The "Changes since" document is rendered like every other document.
    let md = fs::read_to_string(root.join("md/changes.md")).unwrap();
    assert!(md.contains("partial"), "{md}");
    let out = isms(
        root,
        &[
            "build", "--out", "html", "--format", "html", "--today", TODAY, "--since", "HEAD~1",
        ],
    );
    stdout(&out);
    let index = fs::read_to_string(root.join("html/index.html")).unwrap();
    assert!(index.contains("changes.html"), "{index}");
    assert!(root.join("html/changes.html").exists());
    // A revision that does not exist writes nothing.
    let out = isms(
        root,
        &[
            "build", "--out", "none", "--today", TODAY, "--since", "nope",
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(
        error(&out).contains("revision `nope` does not exist"),
        "{}",
        error(&out)
    );
    assert!(!root.join("none").exists());
}
