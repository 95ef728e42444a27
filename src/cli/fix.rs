//! `isms fix [PATH…] [--unsafe] [--diff] [--today DATE]`: apply the fixes that the
//! diagnostics carry, round after round, and write each changed file atomically.

use std::path::PathBuf;

use miette::Result;

use super::output::{eprintln, print, println};
use super::{project, today, Outcome};
use isms::control::one_line;
use isms::diagnostics::render::summary_line;
use isms::diagnostics::Summary;
use isms::fix::{fix, MAX_ROUNDS};
use isms::Options;

#[derive(Debug, clap::Args)]
#[command(
    after_help = "Safe fixes repair only what is unambiguous (a misspelling with one close \
candidate). Fixes that need review assert something a person must decide (an owner, a control \
record, an exclusion) and are applied only with --unsafe. After the fixes, the exit status is \
that of `isms check`: 0 when no error is left, 1 when errors are left, 2 when the project cannot \
be read or written."
)]
pub struct Args {
    /// Project directories or single files (default: the current directory).
    paths: Vec<PathBuf>,
    /// Also apply the fixes that need review (owners, control records, exclusions).
    #[arg(long = "unsafe")]
    unsafe_fixes: bool,
    /// Print the change as a unified diff and write nothing.
    #[arg(long)]
    diff: bool,
    /// The date to check review and due dates against (YYYY-MM-DD; default: today).
    #[arg(long, value_name = "DATE")]
    today: Option<String>,
}

pub fn run(args: Args) -> Result<Outcome> {
    let paths = if args.paths.is_empty() {
        vec![PathBuf::from(".")]
    } else {
        args.paths
    };
    // Load everything first: an unreadable path stops the command before any change.
    let mut projects = Vec::new();
    for path in &paths {
        projects.push(project::load(path, None)?);
    }
    let mut summary = Summary::default();
    let mut files = 0;
    let mut fixes = 0;
    let mut changed_files = 0;
    for p in projects {
        let today = match (&args.today, p.config.today) {
            (None, Some(fixed)) => fixed,
            _ => today(args.today.as_deref())?,
        };
        let names: Vec<String> = p.inputs.iter().map(|i| i.name.clone()).collect();
        let originals: Vec<Vec<u8>> = p.inputs.iter().map(|i| i.bytes.clone()).collect();
        let outcome = fix(
            p.inputs,
            &Options { today },
            &p.config.settings,
            args.unsafe_fixes,
        );
        let verb = if args.diff { "would fix" } else { "fixed" };
        for a in &outcome.applied {
            let line = format!("{verb} {}:{}: {}", a.file, a.line, a.title);
            println(&one_line(&line))?;
        }
        for r in &outcome.refused {
            eprintln(&one_line(&format!(
                "{}: fixes left out, the file is kept as it was: {}",
                r.file, r.reason
            )));
        }
        if outcome.bound_hit {
            eprintln(&format!(
                "stopped after {MAX_ROUNDS} rounds with fixes still to apply: run `isms fix` again"
            ));
        }
        for &i in &outcome.changed {
            let (Some(Some(after)), Some(name)) = (outcome.texts.get(i), names.get(i)) else {
                continue;
            };
            if args.diff {
                let before = originals
                    .get(i)
                    .map(|b| String::from_utf8_lossy(b).into_owned())
                    .unwrap_or_default();
                let diff = similar::TextDiff::from_lines(&before, after);
                let text = diff
                    .unified_diff()
                    .header(&format!("a/{name}"), &format!("b/{name}"))
                    .to_string();
                print(&isms::control::visible(&text))?;
            } else if let Some(path) = p.paths.get(i) {
                super::fmt::write_atomically(path, after)?;
            }
        }
        let s = Summary::of(&outcome.compilation.diagnostics);
        summary.errors += s.errors;
        summary.warnings += s.warnings;
        files += outcome.compilation.project_files;
        fixes += outcome.applied.len();
        changed_files += outcome.changed.len();
    }
    let fix_word = if fixes == 1 { "fix" } else { "fixes" };
    let file_word = if changed_files == 1 { "file" } else { "files" };
    let applied = if args.diff {
        format!("{fixes} {fix_word} would change {changed_files} {file_word}")
    } else {
        format!("{fixes} {fix_word} applied to {changed_files} {file_word}")
    };
    println(&format!(
        "{applied}; left: {}",
        summary_line(summary, files)
    ))?;
    Ok(if summary.errors > 0 {
        Outcome::Problems
    } else {
        Outcome::Clean
    })
}
