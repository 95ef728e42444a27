//! Document control (issue #12, item 2): the `document` kind, and the control block of the
//! example's documents with the revision history read from a real git repository.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use chrono::NaiveDate;
use isms::diagnostics::Code;
use isms::emit::control::{document_control, BuiltFrom};
use isms::emit::tree::{DraftReason, History};
use isms::history::ProjectHistory;
use isms::model::{Classification, Kind, DOCUMENTS, KEYWORDS};
use isms::{compile, Compilation, Input, Options};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
}

fn codes(text: &str) -> Vec<(Code, String)> {
    let c = compile(
        vec![Input::new("d.isms", text)],
        &Options { today: today() },
    );
    c.diagnostics
        .iter()
        .filter(|d| d.code != Code::ProjectMissingOrganization)
        .filter(|d| d.code != Code::ProjectMissingScope)
        .filter(|d| d.code != Code::ProjectMissingMethodology)
        .map(|d| (d.code, d.message.clone()))
        .collect()
}

#[test]
fn document_is_a_keyword_and_two_declarations_of_one_document_are_a_duplicate() {
    assert!(KEYWORDS.contains(&"document"));
    let found = codes("document soa { version \"1\" }\ndocument soa { version \"2\" }\n");
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, Code::RefDuplicate);
}

#[test]
fn a_classification_outside_the_set_is_invalid() {
    let found = codes("document soa { classification secret }\n");
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, Code::ValueInvalid);
    assert!(codes("document soa { classification restricted }\n").is_empty());
    let policy = "policy p \"P\" {\n  owner x\n  version \"1\"\n  classification public\n}\n";
    let c = compile(
        vec![Input::new("p.isms", policy)],
        &Options { today: today() },
    );
    assert_eq!(
        c.model.policies[0].classification,
        Some(Classification::Public)
    );
    assert!(c
        .diagnostics
        .iter()
        .all(|d| d.code != Code::FieldUnknown && d.code != Code::ValueInvalid));
}

fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for entry in fs::read_dir(from).unwrap() {
        let path = entry.unwrap().path();
        let target = to.join(path.file_name().unwrap());
        if path.is_dir() {
            copy_dir(&path, &target);
        } else {
            fs::copy(&path, &target).unwrap();
        }
    }
}

fn git(dir: &Path, args: &[&str], date: &str) {
    let status = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_AUTHOR_NAME", "Lena Wagner")
        .env("GIT_AUTHOR_EMAIL", "lena@acme-cloud.example")
        .env("GIT_COMMITTER_NAME", "Lena Wagner")
        .env("GIT_COMMITTER_EMAIL", "lena@acme-cloud.example")
        .env("GIT_AUTHOR_DATE", format!("{date}T09:00:00+01:00"))
        .env("GIT_COMMITTER_DATE", format!("{date}T09:00:00+01:00"))
        .status()
        .unwrap();
    assert!(status.success(), "git {args:?}");
}

fn isms_files(root: &Path, dir: &Path, out: &mut Vec<(String, Vec<u8>)>) {
    let mut paths: Vec<PathBuf> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    paths.sort();
    for path in paths {
        if path.is_dir() {
            isms_files(root, &path, out);
        } else if path.extension().is_some_and(|e| e == "isms") {
            let name = path
                .strip_prefix(root)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            out.push((name, fs::read(&path).unwrap()));
        }
    }
}

/// The project at `root`, compiled, with its git history read as `isms build` reads it.
fn compiled(root: &Path) -> Compilation {
    let mut files = Vec::new();
    isms_files(root, root, &mut files);
    let inputs = files.into_iter().map(|(n, b)| Input::new(n, b)).collect();
    let mut c = compile(inputs, &Options { today: today() });
    c.history = ProjectHistory::read(root);
    c
}

/// The example in a temporary repository: the whole project in one commit, then the
/// document control approved in a second.
fn example_repo() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    copy_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/acme"),
        root,
    );
    let documents = fs::read(root.join("documents.isms")).unwrap();
    fs::remove_file(root.join("documents.isms")).unwrap();
    git(root, &["init", "-q"], "2026-10-01");
    git(root, &["add", "."], "2026-10-01");
    git(
        root,
        &["commit", "-q", "-m", "the ISMS as of the Q3 review"],
        "2026-10-01",
    );
    fs::write(root.join("documents.isms"), documents).unwrap();
    git(root, &["add", "."], "2026-10-30");
    git(
        root,
        &[
            "commit",
            "-q",
            "-m",
            "approve v3.2 of the SoA & co. (board 2026-10-30)",
        ],
        "2026-10-30",
    );
    dir
}

#[test]
fn the_example_documents_are_approved_with_their_git_history() {
    let repo = example_repo();
    let c = compiled(repo.path());
    assert!(c.diagnostics.is_empty(), "{:?}", c.diagnostics);
    for d in DOCUMENTS {
        let control =
            document_control(&c, d.stem, d.default_id, BuiltFrom::Kinds(&[Kind::Control]));
        assert_eq!(control.draft, [], "{}", d.stem);
        assert_eq!(
            control.approver.as_ref().map(|p| p.name.as_str()),
            Some("Jonas Becker")
        );
        assert_eq!(
            control.approver_role.as_deref(),
            Some("Chief Executive Officer")
        );
    }
    let soa = document_control(&c, "soa", "ISMS-SOA", BuiltFrom::Kinds(&[Kind::Control]));
    assert_eq!(soa.classification, "confidential");
    let History::Revisions(revisions) = &soa.history else {
        panic!("{:?}", soa.history);
    };
    let seen: Vec<_> = revisions
        .iter()
        .map(|r| {
            (
                r.commit.len(),
                r.date.to_string(),
                r.author.as_str(),
                r.subject.as_str(),
            )
        })
        .collect();
    assert_eq!(
        seen,
        [
            (
                10,
                "2026-10-30".to_string(),
                "Lena Wagner",
                "approve v3.2 of the SoA & co. (board 2026-10-30)"
            ),
            (
                10,
                "2026-10-01".to_string(),
                "Lena Wagner",
                "the ISMS as of the Q3 review"
            ),
        ]
    );
    // A policy's history is its own file's: the approval of the documents is not in it.
    let infosec = c
        .model
        .policies
        .iter()
        .position(|p| p.id.text == "infosec")
        .unwrap();
    let policy = document_control(
        &c,
        "policies/infosec",
        "POL-INFOSEC",
        BuiltFrom::Decl(Kind::Policy, infosec),
    );
    let History::Revisions(revisions) = &policy.history else {
        panic!("{:?}", policy.history);
    };
    assert_eq!(revisions.len(), 1);
    // The same history and date give the same control block.
    assert_eq!(
        compiled(repo.path()).model.documents.len(),
        c.model.documents.len()
    );
    assert_eq!(
        document_control(
            &compiled(repo.path()),
            "soa",
            "ISMS-SOA",
            BuiltFrom::Kinds(&[Kind::Control])
        ),
        soa
    );
}

#[test]
fn an_edit_not_committed_yet_comes_first() {
    let repo = example_repo();
    let path = repo.path().join("controls.isms");
    let mut text = fs::read_to_string(&path).unwrap();
    text.push_str("\n// an edit in progress\n");
    fs::write(&path, text).unwrap();
    let c = compiled(repo.path());
    let soa = document_control(&c, "soa", "ISMS-SOA", BuiltFrom::Kinds(&[Kind::Control]));
    let History::Revisions(revisions) = &soa.history else {
        panic!("{:?}", soa.history);
    };
    assert!(revisions[0].is_uncommitted());
    assert_eq!(revisions[0].subject, "uncommitted changes");
    assert_eq!(revisions.len(), 3);
}

#[test]
fn outside_git_the_build_works_and_the_history_says_why() {
    let dir = tempfile::tempdir().unwrap();
    let project = dir.path().join("acme");
    copy_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/acme"),
        &project,
    );
    let c = compiled(&project);
    let soa = document_control(&c, "soa", "ISMS-SOA", BuiltFrom::Kinds(&[Kind::Control]));
    assert_eq!(
        soa.history,
        History::Unavailable("the project is not in a git work tree".into())
    );
    assert_eq!(soa.draft, []);
    let out = dir.path().join("out");
    let status = Command::new(env!("CARGO_BIN_EXE_isms"))
        .arg("build")
        .arg(&project)
        .arg("--out")
        .arg(&out)
        .args(["--format", "md,json", "--today", "2026-11-23"])
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .output()
        .unwrap();
    assert!(
        status.status.success(),
        "{}",
        String::from_utf8_lossy(&status.stderr)
    );
    assert!(out.join("soa.md").exists());
}

#[test]
fn inside_git_the_build_writes_the_same_bytes_twice() {
    let repo = example_repo();
    let build = |out: &Path| {
        let output = Command::new(env!("CARGO_BIN_EXE_isms"))
            .arg("build")
            .arg(repo.path())
            .arg("--out")
            .arg(out)
            .args(["--format", "md,json", "--today", "2026-11-23"])
            .output()
            .unwrap();
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        fs::read(out.join("soa.md")).unwrap()
    };
    let outs = tempfile::tempdir().unwrap();
    assert_eq!(build(&outs.path().join("a")), build(&outs.path().join("b")));
}

#[test]
fn a_project_with_warnings_makes_every_document_a_draft() {
    let repo = example_repo();
    let path = repo.path().join("documents.isms");
    let text = fs::read_to_string(&path).unwrap().replacen(
        "next_review 2027-10-30",
        "next_review 2026-11-01",
        1,
    );
    fs::write(&path, text).unwrap();
    let c = compiled(repo.path());
    assert_eq!(c.diagnostics.len(), 1, "{:?}", c.diagnostics);
    let scope = document_control(
        &c,
        "scope",
        "ISMS-SCOPE",
        BuiltFrom::Kinds(&[Kind::Control]),
    );
    assert_eq!(scope.draft, [DraftReason::ProjectWarnings(1)]);
}
