//! Issue #16, findings 4 and 9: symbolic links in a project are followed or reported,
//! never skipped silently, and `isms fmt` never writes through a planted link.

#![cfg(target_os = "linux")]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::fs;
use std::os::unix::fs::{symlink, PermissionsExt};
use std::path::Path;
use std::process::{Command, Output};

const CLEAN: &str = include_str!("fixtures/cli/clean.isms");
const TODAY: &str = "2026-11-23";

fn isms(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_isms"))
        .args(args)
        .output()
        .unwrap()
}

fn unformatted() -> String {
    CLEAN.replace("\n  ", "\n      ")
}

fn formatted() -> String {
    isms::format::format_text(&unformatted()).unwrap()
}

fn text(path: &Path) -> String {
    path.display().to_string()
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// A project whose files are partly symlinks: `isms.isms` is real, `shared.isms` links to
/// a file elsewhere and `linked/` to a directory elsewhere.
fn linked_project() -> (tempfile::TempDir, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let elsewhere = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("isms.isms"), CLEAN).unwrap();
    fs::write(elsewhere.path().join("shared.isms"), "// shared\n").unwrap();
    fs::create_dir(elsewhere.path().join("more")).unwrap();
    fs::write(elsewhere.path().join("more/assets.isms"), "// more\n").unwrap();
    symlink(
        elsewhere.path().join("shared.isms"),
        dir.path().join("shared.isms"),
    )
    .unwrap();
    symlink(elsewhere.path().join("more"), dir.path().join("linked")).unwrap();
    (dir, elsewhere)
}

#[test]
fn check_reads_symlinked_files_and_directories() {
    let (dir, _elsewhere) = linked_project();
    let out = isms(&["check", &text(dir.path()), "--today", TODAY]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stdout(&out).contains("in 3 files"), "{}", stdout(&out));
}

#[test]
fn a_symlinked_file_declares_what_the_documents_show() {
    // The risk lives only in the linked file: the register must show it.
    let dir = tempfile::tempdir().unwrap();
    let elsewhere = tempfile::tempdir().unwrap();
    let (head, risks) = CLEAN.split_at(CLEAN.find("\nrisk ").unwrap());
    fs::write(dir.path().join("isms.isms"), head).unwrap();
    fs::write(elsewhere.path().join("risks.isms"), risks).unwrap();
    symlink(
        elsewhere.path().join("risks.isms"),
        dir.path().join("risks.isms"),
    )
    .unwrap();
    let out_dir = dir.path().join("out");
    let out = isms(&[
        "build",
        &text(dir.path()),
        "--out",
        &text(&out_dir),
        "--today",
        TODAY,
        "--format",
        "json",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let register = fs::read_to_string(out_dir.join("risk-register.json")).unwrap();
    let id = risks.split_whitespace().nth(1).unwrap();
    assert!(register.contains(&format!("\"{id}\"")), "{register}");
}

#[test]
fn a_symlink_loop_is_an_error_naming_the_link() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("isms.isms"), CLEAN).unwrap();
    fs::create_dir(dir.path().join("sub")).unwrap();
    symlink("..", dir.path().join("sub/up")).unwrap();
    let out_dir = dir.path().join(".out");
    for args in [
        vec!["check", "--today", TODAY],
        vec!["fmt", "--check"],
        vec!["build", "--today", TODAY, "--out", &text(&out_dir)],
    ] {
        let root = text(dir.path());
        let mut args = args.clone();
        args.insert(1, &root);
        let out = isms(&args);
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert!(
            err.contains("sub/up") && err.contains("loop"),
            "{args:?}: {err}"
        );
        assert_eq!(err.matches("loop").count(), 1, "one message: {err}");
    }
    assert!(!out_dir.exists(), "a refused build writes nothing");
}

#[test]
fn a_dangling_isms_link_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("isms.isms"), CLEAN).unwrap();
    symlink("deleted.isms", dir.path().join("risks.isms")).unwrap();
    let out = isms(&["check", &text(dir.path()), "--today", TODAY]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("risks.isms"), "{}", stderr(&out));
}

#[test]
fn fmt_never_writes_through_a_planted_temporary_name() {
    let dir = tempfile::tempdir().unwrap();
    let victim = dir.path().join("victim.txt");
    fs::write(&victim, "precious").unwrap();
    fs::set_permissions(&victim, fs::Permissions::from_mode(0o600)).unwrap();
    let file = dir.path().join("a.isms");
    fs::write(&file, unformatted()).unwrap();
    fs::set_permissions(&file, fs::Permissions::from_mode(0o640)).unwrap();
    // The old name was `.a.isms.isms-fmt-PID`: plant it for every PID the next process
    // can plausibly get.
    let mut next = Command::new("true").spawn().unwrap();
    let first = next.id();
    next.wait().unwrap();
    for pid in first..first + 3000 {
        symlink(&victim, dir.path().join(format!(".a.isms.isms-fmt-{pid}"))).unwrap();
    }
    let out = isms(&["fmt", &text(&file)]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(fs::read_to_string(&victim).unwrap(), "precious");
    let victim_mode = fs::metadata(&victim).unwrap().permissions().mode() & 0o777;
    assert_eq!(victim_mode, 0o600);
    assert_eq!(fs::read_to_string(&file).unwrap(), formatted());
    let mode = fs::metadata(&file).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o640, "the formatted file keeps its mode");
    let strays = fs::read_dir(dir.path())
        .unwrap()
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().ends_with(".isms-fmt"))
        .count();
    assert_eq!(strays, 0, "no temporary file is left behind");
}

#[test]
fn fmt_formats_the_target_of_a_symlinked_file_and_keeps_the_link() {
    let dir = tempfile::tempdir().unwrap();
    let real = dir.path().join("real");
    fs::create_dir(&real).unwrap();
    fs::write(real.join("a.isms"), unformatted()).unwrap();
    let project = dir.path().join("project");
    fs::create_dir(&project).unwrap();
    symlink(real.join("a.isms"), project.join("a.isms")).unwrap();
    let out = isms(&["fmt", &text(&project)]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let link = project.join("a.isms");
    assert!(
        fs::symlink_metadata(&link).unwrap().is_symlink(),
        "still a link"
    );
    assert_eq!(
        fs::read_to_string(real.join("a.isms")).unwrap(),
        formatted()
    );
}
