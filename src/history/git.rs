//! Running git: on the PATH, in the project directory, with no pager, no colour, no
//! system or global configuration and the C locale, so what it prints depends only on
//! the repository.

use std::path::Path;
use std::process::{Command, Stdio};

use super::{parse, GitLog};

/// Read the log and the uncommitted files of the project at `root`, or say in words why
/// they cannot be read.
pub fn read(root: &Path) -> Result<GitLog, String> {
    read_with("git", root)
}

/// [`read`] with the program to run as git (tests name one that does not exist).
pub fn read_with(program: &str, root: &Path) -> Result<GitLog, String> {
    let git = |args: &[&str]| run(program, root, args);
    let inside = git(&["rev-parse", "--is-inside-work-tree"])?;
    if inside.as_deref().map(str::trim) != Some("true") {
        return Err("the project is not in a git work tree".into());
    }
    if git(&["rev-parse", "--verify", "--quiet", "HEAD"])?.is_none() {
        return Err("the git repository has no commits yet".into());
    }
    let log = git(&[
        "log",
        parse::LOG_FORMAT,
        "--date=short",
        "--name-only",
        "-z",
        // Paths relative to the project root, and only the project's files.
        "--relative",
        "--no-renames",
        "--no-decorate",
        "--no-show-signature",
        "--",
        ".",
    ])?
    .ok_or("git could not read the project's log")?;
    // Changes against the last commit, staged or not, then files git does not track.
    let changed = git(&[
        "diff",
        "--name-only",
        "--relative",
        "-z",
        "--no-renames",
        "HEAD",
        "--",
        ".",
    ])?
    .unwrap_or_default();
    let untracked = git(&[
        "ls-files",
        "-z",
        "--others",
        "--exclude-standard",
        "--",
        ".",
    ])?
    .unwrap_or_default();
    let mut uncommitted = parse::paths(&changed);
    uncommitted.extend(parse::paths(&untracked));
    Ok(GitLog {
        commits: parse::log(&log),
        uncommitted,
    })
}

/// Run `git ARGS` in `root`: its standard output when it succeeds, `None` when it exits
/// with a failure, and an error in words when git cannot be run at all.
fn run(program: &str, root: &Path, args: &[&str]) -> Result<Option<String>, String> {
    let null_config = if cfg!(windows) { "NUL" } else { "/dev/null" };
    let output = Command::new(program)
        .arg("-C")
        .arg(root)
        .args([
            "--no-pager",
            "-c",
            "core.quotepath=off",
            "-c",
            "color.ui=false",
            "-c",
            "log.showSignature=false",
            "-c",
            "i18n.logOutputEncoding=UTF-8",
        ])
        .args(args)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_CONFIG_GLOBAL", null_config)
        .env("GIT_PAGER", "cat")
        .env("GIT_TERMINAL_PROMPT", "0")
        // Reading must not take the index lock a concurrent `git commit` needs.
        .env("GIT_OPTIONAL_LOCKS", "0")
        .env("LC_ALL", "C")
        // The repository is the one the project is in, whatever the caller's shell says.
        .env_remove("GIT_DIR")
        .env_remove("GIT_WORK_TREE")
        .env_remove("GIT_INDEX_FILE")
        .stdin(Stdio::null())
        .stderr(Stdio::null())
        .output()
        .map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => "git is not installed".to_string(),
            _ => format!("git could not be run: {e}"),
        })?;
    if !output.status.success() {
        return Ok(None);
    }
    Ok(Some(String::from_utf8_lossy(&output.stdout).into_owned()))
}
