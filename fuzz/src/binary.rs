//! The real binary on a sample of inputs: `isms check`, `isms fmt` and `isms build` must
//! end with exit code 0, 1 or 2 (never a signal, never a panic's 101), within a time limit.

use std::fs;
use std::path::Path;
use std::process::{Command, Stdio};
use std::thread;
use std::time::{Duration, Instant};

use crate::oracle::Failure;

/// A command that runs longer than this is reported as hung and killed.
const LIMIT: Duration = Duration::from_secs(10);

/// Run the commands on `bytes` written as a one-file project; the failures found.
pub fn judge(isms: &Path, bytes: &[u8], today: &str) -> Vec<Failure> {
    let mut failures = Vec::new();
    let Ok(dir) = tempfile::tempdir() else {
        return failures;
    };
    let file = dir.path().join("fuzz.isms");
    if fs::write(&file, bytes).is_err() {
        return failures;
    }
    let project = dir.path().to_string_lossy().to_string();
    let file_arg = file.to_string_lossy().to_string();
    let out = dir.path().join("out").to_string_lossy().to_string();
    let runs: [(&'static str, Vec<&str>); 4] = [
        ("check", vec!["check", &project, "--today", today]),
        (
            "check --format sarif",
            vec!["check", &project, "--format", "sarif", "--today", today],
        ),
        (
            "build",
            vec!["build", &project, "--out", &out, "--today", today],
        ),
        // Last: it rewrites the file.
        ("fmt", vec!["fmt", &file_arg]),
    ];
    for (command, args) in runs {
        if let Some(status) = run(isms, &args) {
            failures.push(Failure::ExitCode { command, status });
        }
    }
    failures
}

/// `None` when the command ended with 0, 1 or 2; otherwise how it ended.
fn run(isms: &Path, args: &[&str]) -> Option<String> {
    let mut child = match Command::new(isms)
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
    {
        Ok(child) => child,
        Err(e) => return Some(format!("could not start: {e}")),
    };
    let started = Instant::now();
    loop {
        match child.try_wait() {
            Ok(Some(status)) => {
                return match status.code() {
                    Some(0..=2) => None,
                    Some(code) => Some(format!("exit code {code}")),
                    None => Some(format!("a signal ({status})")),
                }
            }
            Ok(None) if started.elapsed() > LIMIT => {
                let _ = child.kill();
                let _ = child.wait();
                return Some(format!("no end after {} s", LIMIT.as_secs()));
            }
            Ok(None) => thread::sleep(Duration::from_millis(5)),
            Err(e) => return Some(format!("wait failed: {e}")),
        }
    }
}
