//! Issue #16, finding 10: `isms build` is all-or-nothing. Tested on the real binary with
//! injected failures (`ISMS_TEST_FAULT`, read by test builds only), real kills at random
//! moments, and `[build] out` values a cloned repository must not be able to use.

#![cfg(target_os = "linux")]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

fn acme() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/acme")
}

fn build(project: &Path, out: &Path, today: &str) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_isms"));
    cmd.arg("build")
        .arg(project)
        .arg("--out")
        .arg(out)
        .args(["--today", today])
        .env_remove("ISMS_TEST_FAULT");
    cmd
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// The build date the text documents of `dir` carry, if they all carry the same one (and
/// there are `count` files): `None` for a mixed or incomplete tree.
fn build_date(dir: &Path, dates: &[String], count: usize) -> Option<String> {
    let mut files = Vec::new();
    collect(dir, &mut files);
    if files.len() != count {
        return None;
    }
    let mut found: Option<&String> = None;
    for file in files.iter().filter(|f| {
        f.extension()
            .is_some_and(|x| x == "md" || x == "html" || x == "json")
    }) {
        let text = fs::read_to_string(file).unwrap();
        let mut here = dates.iter().filter(|d| text.contains(d.as_str()));
        let date = here.next()?;
        if here.next().is_some() || found.is_some_and(|f| f != date) {
            return None;
        }
        found = Some(date);
    }
    found.cloned()
}

fn collect(dir: &Path, files: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            collect(&path, files);
        } else {
            files.push(path);
        }
    }
}

fn staging_leftovers(parent: &Path) -> Vec<String> {
    fs::read_dir(parent)
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".isms-"))
        .collect()
}

/// A first, complete build with a foreign file in it; returns the file count.
fn first_build(out: &Path, date: &str) -> usize {
    let done = build(&acme(), out, date).output().unwrap();
    assert_eq!(done.status.code(), Some(0), "{}", stderr(&done));
    fs::write(out.join("mine.txt"), "user file").unwrap();
    let mut files = Vec::new();
    collect(out, &mut files);
    files.len()
}

#[test]
fn a_build_killed_at_any_moment_leaves_old_or_new_never_a_mix() {
    let parent = tempfile::tempdir().unwrap();
    let out = parent.path().join("out");
    let dates: Vec<String> = (1..=31).map(|d| format!("2031-01-{d:02}")).collect();
    let count = first_build(&out, &dates[0]);
    // Kill moments spread over a whole build, measured now on this machine.
    let started = std::time::Instant::now();
    let whole = build(&acme(), &out, &dates[0]).output().unwrap();
    assert_eq!(whole.status.code(), Some(0), "{}", stderr(&whole));
    let span = started.elapsed().as_micros() as u64 * 6 / 5 + 1;
    let seed = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .subsec_nanos() as u64
        | 1;
    let mut rng = seed;
    let mut committed = dates[0].clone();
    let mut outcomes = [0usize; 3]; // killed old, killed new, killed between renames
    for next in &dates[1..] {
        rng ^= rng << 13;
        rng ^= rng >> 7;
        rng ^= rng << 17;
        let delay = Duration::from_micros(rng % span);
        let mut child = build(&acme(), &out, next)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(delay);
        let _ = child.kill();
        child.wait().unwrap();
        let context = format!("seed {seed}, build of {next} killed after {delay:?}");
        if out.exists() {
            let date = build_date(&out, &dates, count)
                .unwrap_or_else(|| panic!("{context}: the output is a mix"));
            assert!(date == committed || &date == next, "{context}: {date}");
            outcomes[usize::from(&date == next)] += 1;
            committed = date;
        } else {
            // Killed between the two renames: the old tree waits beside it, whole.
            let old = parent.path().join(".out.isms-old");
            assert_eq!(
                build_date(&old, &dates, count).as_ref(),
                Some(&committed),
                "{context}"
            );
            outcomes[2] += 1;
        }
    }
    // The next build repairs and cleans up whatever the last kill left.
    let last = build(&acme(), &out, &dates[0]).output().unwrap();
    assert_eq!(last.status.code(), Some(0), "{}", stderr(&last));
    assert_eq!(build_date(&out, &dates, count), Some(dates[0].clone()));
    assert_eq!(
        fs::read_to_string(out.join("mine.txt")).unwrap(),
        "user file"
    );
    assert_eq!(staging_leftovers(parent.path()), Vec::<String>::new());
    eprintln!(
        "seed {seed}: kept old {}, new {}, between renames {}",
        outcomes[0], outcomes[1], outcomes[2]
    );
}

#[test]
fn a_failure_before_the_swap_leaves_the_old_output() {
    let parent = tempfile::tempdir().unwrap();
    let out = parent.path().join("out");
    let dates = ["2031-02-01".to_string(), "2031-02-02".to_string()];
    let count = first_build(&out, &dates[0]);
    let failed = build(&acme(), &out, &dates[1])
        .env("ISMS_TEST_FAULT", "swap")
        .output()
        .unwrap();
    assert_eq!(failed.status.code(), Some(2), "{}", stderr(&failed));
    assert!(
        stderr(&failed).contains("injected failure"),
        "{}",
        stderr(&failed)
    );
    assert_eq!(build_date(&out, &dates, count), Some(dates[0].clone()));
    assert_eq!(staging_leftovers(parent.path()), Vec::<String>::new());
}

#[test]
fn a_document_that_cannot_be_written_changes_nothing() {
    let parent = tempfile::tempdir().unwrap();
    let out = parent.path().join("out");
    let dates = ["2031-03-01".to_string(), "2031-03-02".to_string()];
    let count = first_build(&out, &dates[0]);
    // The last document in the way: a directory where it goes.
    fs::remove_file(out.join("soa.xlsx")).unwrap();
    fs::create_dir(out.join("soa.xlsx")).unwrap();
    fs::write(out.join("soa.xlsx/x"), "").unwrap();
    let failed = build(&acme(), &out, &dates[1]).output().unwrap();
    assert_eq!(failed.status.code(), Some(2), "{}", stderr(&failed));
    assert_eq!(build_date(&out, &dates, count), Some(dates[0].clone()));
    assert_eq!(staging_leftovers(parent.path()), Vec::<String>::new());
}

#[test]
fn a_crash_between_the_renames_is_repaired_by_the_next_build() {
    let parent = tempfile::tempdir().unwrap();
    let out = parent.path().join("out");
    let dates = ["2031-04-01".to_string(), "2031-04-02".to_string()];
    let count = first_build(&out, &dates[0]);
    let crashed = build(&acme(), &out, &dates[1])
        .env("ISMS_TEST_FAULT", "between-renames")
        .output()
        .unwrap();
    assert_eq!(crashed.status.code(), None, "ended by a signal");
    assert!(!out.exists());
    let next = build(&acme(), &out, &dates[1]).output().unwrap();
    assert_eq!(next.status.code(), Some(0), "{}", stderr(&next));
    assert_eq!(build_date(&out, &dates, count), Some(dates[1].clone()));
    assert_eq!(
        fs::read_to_string(out.join("mine.txt")).unwrap(),
        "user file"
    );
    assert_eq!(staging_leftovers(parent.path()), Vec::<String>::new());
}

/// A clean project with `isms.toml` saying `[build] out = OUT`.
fn configured(out: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let project = dir.path().join("project");
    fs::create_dir(&project).unwrap();
    fs::write(
        project.join("isms.isms"),
        include_str!("fixtures/cli/clean.isms"),
    )
    .unwrap();
    fs::write(
        project.join("isms.toml"),
        format!("[build]\nout = {out:?}\n"),
    )
    .unwrap();
    dir
}

fn build_configured(dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_isms"))
        .arg("build")
        .arg(dir.join("project"))
        .args(["--today", "2031-05-01"])
        .output()
        .unwrap()
}

#[test]
fn isms_toml_cannot_send_the_build_outside_the_project() {
    let outside = tempfile::tempdir().unwrap();
    let absolute = outside.path().join("docs").display().to_string();
    // A dangling link: its target could be created anywhere after the check.
    let later = outside.path().join("later");
    for out in [
        "../docs",
        "docs/../../docs",
        absolute.as_str(),
        ".",
        "linked/docs",
        "dangling/docs",
    ] {
        let dir = configured(out);
        std::os::unix::fs::symlink(outside.path(), dir.path().join("project/linked")).unwrap();
        std::os::unix::fs::symlink(&later, dir.path().join("project/dangling")).unwrap();
        let done = build_configured(dir.path());
        let err = stderr(&done);
        assert_eq!(done.status.code(), Some(2), "{out}: {err}");
        assert!(err.contains("`[build] out` in isms.toml"), "{out}: {err}");
        assert!(!dir.path().join("docs").exists(), "{out}");
        assert_eq!(fs::read_dir(outside.path()).unwrap().count(), 0, "{out}");
    }
    // Inside the project it is allowed, and `--out` may still go anywhere.
    let dir = configured("build/isms");
    let done = build_configured(dir.path());
    assert_eq!(done.status.code(), Some(0), "{}", stderr(&done));
    assert!(dir.path().join("project/build/isms/soa.md").exists());
}

#[test]
fn an_empty_out_is_an_error() {
    let dir = configured("");
    let done = build_configured(dir.path());
    assert_eq!(done.status.code(), Some(2), "{}", stderr(&done));
    assert!(
        stderr(&done).contains("`out` is empty"),
        "{}",
        stderr(&done)
    );
}
