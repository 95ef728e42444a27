//! The git reader on real temporary repositories: commits with fixed dates and names.

use std::collections::BTreeSet;
use std::path::Path;
use std::process::Command;

use super::{git, FilesHistory, ProjectHistory, MAX_REVISIONS};

/// Run git in `dir` with a fixed identity and dates, as a test's setup.
fn sh(dir: &Path, args: &[&str]) {
    let status = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_AUTHOR_NAME", "Ann Example")
        .env("GIT_AUTHOR_EMAIL", "ann@example.com")
        .env("GIT_COMMITTER_NAME", "Ann Example")
        .env("GIT_COMMITTER_EMAIL", "ann@example.com")
        .env("GIT_AUTHOR_DATE", "2026-03-01T10:00:00+00:00")
        .env("GIT_COMMITTER_DATE", "2026-03-01T10:00:00+00:00")
        .status()
        .unwrap();
    assert!(status.success(), "git {args:?}");
}

fn commit_on(dir: &Path, date: &str, subject: &str) {
    let status = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(["commit", "-q", "--allow-empty-message", "-m", subject])
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_AUTHOR_NAME", "Ann Example")
        .env("GIT_AUTHOR_EMAIL", "ann@example.com")
        .env("GIT_COMMITTER_NAME", "Ann Example")
        .env("GIT_COMMITTER_EMAIL", "ann@example.com")
        .env("GIT_AUTHOR_DATE", format!("{date}T10:00:00+00:00"))
        .env("GIT_COMMITTER_DATE", format!("{date}T10:00:00+00:00"))
        .status()
        .unwrap();
    assert!(status.success());
}

fn write(dir: &Path, name: &str, text: &str) {
    std::fs::write(dir.join(name), text).unwrap();
}

fn files<'a>(names: &[&'a str]) -> BTreeSet<&'a str> {
    names.iter().copied().collect()
}

/// A repository whose project lives in `isms/`, beside a file that is not the project's.
fn repo() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    sh(root, &["init", "-q", "-b", "main"]);
    std::fs::create_dir(root.join("isms")).unwrap();
    write(root, "isms/risks.isms", "risk r \"R\" {}\n");
    write(root, "isms/soa.isms", "control c \"C\" {}\n");
    write(root, "README.md", "outside\n");
    sh(root, &["add", "."]);
    commit_on(root, "2026-01-10", "first");
    write(root, "isms/risks.isms", "risk r \"R2\" {}\n");
    sh(root, &["add", "."]);
    commit_on(
        root,
        "2026-02-20",
        "risks: \"quoted\" <b>&amp; ünïcode\ttab",
    );
    write(root, "README.md", "outside, changed\n");
    sh(root, &["add", "."]);
    commit_on(root, "2026-03-05", "outside the project");
    dir
}

fn read(root: &Path) -> ProjectHistory {
    ProjectHistory::read(root)
}

#[test]
fn commits_that_touched_the_files_newest_first() {
    let dir = repo();
    let h = read(&dir.path().join("isms"));
    let FilesHistory::Known {
        commits,
        uncommitted,
    } = h.of_files(&files(&["risks.isms"]))
    else {
        panic!("{h:?}");
    };
    assert!(!uncommitted);
    let seen: Vec<_> = commits
        .iter()
        .map(|c| {
            (
                c.date.to_string(),
                c.author.as_str(),
                c.subject.as_str(),
                c.hash.len(),
            )
        })
        .collect();
    assert_eq!(
        seen,
        [
            (
                "2026-02-20".to_string(),
                "Ann Example",
                "risks: \"quoted\" <b>&amp; ünïcode\ttab",
                10
            ),
            ("2026-01-10".to_string(), "Ann Example", "first", 10),
        ]
    );
    // The commit outside the project directory is nobody's revision.
    let FilesHistory::Known { commits, .. } = h.of_files(&files(&["soa.isms"])) else {
        panic!("{h:?}");
    };
    assert_eq!(
        commits
            .iter()
            .map(|c| c.subject.as_str())
            .collect::<Vec<_>>(),
        ["first"]
    );
}

#[test]
fn reading_twice_gives_the_same_history() {
    let dir = repo();
    let root = dir.path().join("isms");
    assert_eq!(read(&root), read(&root));
}

#[test]
fn uncommitted_and_untracked_files_are_noted() {
    let dir = repo();
    let root = dir.path().join("isms");
    write(&root, "risks.isms", "risk r \"edited\" {}\n");
    write(&root, "new.isms", "asset a \"A\" {}\n");
    let h = read(&root);
    let FilesHistory::Known { uncommitted, .. } = h.of_files(&files(&["risks.isms"])) else {
        panic!("{h:?}");
    };
    assert!(uncommitted);
    let FilesHistory::Known { uncommitted, .. } = h.of_files(&files(&["soa.isms"])) else {
        panic!("{h:?}");
    };
    assert!(!uncommitted);
    assert_eq!(
        h.of_files(&files(&["new.isms"])),
        FilesHistory::Unavailable("its source files are not committed to git yet".into())
    );
}

#[test]
fn no_git_no_commits_and_no_program_say_why() {
    let plain = tempfile::tempdir().unwrap();
    assert_eq!(
        read(plain.path()),
        ProjectHistory::Unavailable("the project is not in a git work tree".into())
    );
    sh(plain.path(), &["init", "-q"]);
    assert_eq!(
        read(plain.path()),
        ProjectHistory::Unavailable("the git repository has no commits yet".into())
    );
    assert_eq!(
        git::read_with("isms-test-no-such-git", plain.path()),
        Err("git is not installed".to_string())
    );
    assert_eq!(
        ProjectHistory::NotRead.of_files(&files(&["a.isms"])),
        FilesHistory::Unavailable("the revision history was not read".into())
    );
}

#[test]
fn a_shallow_clone_lists_what_it_has() {
    let dir = repo();
    let clone = tempfile::tempdir().unwrap();
    let source = format!("file://{}", dir.path().display());
    let target = clone.path().join("c");
    let status = Command::new("git")
        .args(["clone", "-q", "--depth", "1", &source])
        .arg(&target)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .status()
        .unwrap();
    assert!(status.success());
    let h = read(&target.join("isms"));
    let FilesHistory::Known {
        commits,
        uncommitted,
    } = h.of_files(&files(&["risks.isms"]))
    else {
        panic!("{h:?}");
    };
    assert!(!uncommitted);
    // The one commit the clone has touched every file (it is the root of its history).
    assert_eq!(commits.len(), 1);
    assert_eq!(commits[0].subject, "outside the project");
}

#[test]
fn the_list_is_capped() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    sh(root, &["init", "-q"]);
    for i in 0..MAX_REVISIONS + 5 {
        write(root, "a.isms", &format!("# {i}\n"));
        sh(root, &["add", "."]);
        commit_on(root, "2026-01-01", &format!("change {i}"));
    }
    let h = read(root);
    let FilesHistory::Known { commits, .. } = h.of_files(&files(&["a.isms"])) else {
        panic!("{h:?}");
    };
    assert_eq!(commits.len(), MAX_REVISIONS);
    assert_eq!(commits[0].subject, format!("change {}", MAX_REVISIONS + 4));
}
