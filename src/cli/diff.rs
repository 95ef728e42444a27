//! `isms diff [REV_A] [REV_B] [--path DIR] [--format human|markdown|json] [--today DATE]`
//!
//! Without revisions: the merge base of `HEAD` with the main branch against the working
//! tree; with one: that revision against the working tree; with two: one against the
//! other. The working tree is read from disk as `isms check` reads it; a revision from
//! git's object store.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use miette::{miette, Result};

use super::output::print;
use super::{project, today, Outcome};
use isms::diff::{self, render, Changes, Repository, Side, Snapshot};
use isms::{compile_lean, Compilation, Options};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The older revision (default: the merge base of HEAD with `main`, `master` or the
    /// remote's HEAD).
    rev_a: Option<String>,
    /// The newer revision (default: the working tree).
    rev_b: Option<String>,
    /// The project directory (default: the current directory).
    #[arg(long, value_name = "DIR")]
    path: Option<PathBuf>,
    /// How to print the changes: human, markdown (for a pull-request comment) or json.
    #[arg(long, value_enum, default_value = "human")]
    format: DiffFormat,
    /// The date overdue reviews are measured against, on both sides (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    today: Option<String>,
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
enum DiffFormat {
    Human,
    Markdown,
    Json,
}

pub fn run(args: Args) -> Result<Outcome> {
    let path = args.path.unwrap_or_else(|| PathBuf::from("."));
    let changes = changes(
        &path,
        args.rev_a.as_deref(),
        args.rev_b.as_deref(),
        args.today.as_deref(),
    )?;
    let text = match args.format {
        DiffFormat::Human => render::human::render(&changes),
        DiffFormat::Markdown => render::markdown::render(&changes),
        DiffFormat::Json => {
            render::json(&changes).map_err(|e| miette!("cannot write the JSON: {e}"))?
        }
    };
    print(&text)?;
    Ok(Outcome::Clean)
}

/// The changes of the project at `path` from `rev_a` (default: the merge base with the
/// main branch) to `rev_b` (default: the working tree). `isms build --since` asks too.
pub fn changes(
    path: &Path,
    rev_a: Option<&str>,
    rev_b: Option<&str>,
    today_arg: Option<&str>,
) -> Result<Changes> {
    if !path.is_dir() {
        return Err(miette!(
            help = "pass the project's directory with `--path DIR`",
            "`{}` is not a directory",
            super::output::shown(path)
        ));
    }
    let repo = Repository::open(path).map_err(|e| miette!("{e}"))?;
    let from = match rev_a {
        Some(rev) => repo.resolve(rev),
        None => repo.merge_base_with_main(),
    }
    .map_err(|e| miette!("{e}"))?;
    let to = match rev_b {
        Some(rev) => Some(repo.resolve(rev).map_err(|e| miette!("{e}"))?),
        None => None,
    };
    // The working tree's project is read first: its isms.toml may fix "today".
    let (after, to, today) = match to {
        Some(to) => {
            let today = today(today_arg)?;
            (snapshot(&repo, &to, today)?, to, today)
        }
        None => {
            let p = project::load(path, None)?;
            let today = match (today_arg, p.config.today) {
                (None, Some(fixed)) => fixed,
                _ => today(today_arg)?,
            };
            let c = compile_lean(p.inputs, &Options { today }, &p.config.settings);
            (Snapshot::of(&c), Side::working_tree(), today)
        }
    };
    let before = snapshot(&repo, &from, today)?;
    Ok(diff::compare(from, &before, to, &after))
}

/// The changes of the project at `root` from `rev` to the compilation `after` of its
/// working tree (`isms build --since REV`), checked on the same date.
pub fn since(root: &Path, rev: &str, after: &Compilation) -> Result<Changes> {
    let dir = if root.as_os_str().is_empty() {
        Path::new(".")
    } else {
        root
    };
    let repo = Repository::open(dir).map_err(|e| miette!("{e}"))?;
    let from = repo.resolve(rev).map_err(|e| miette!("{e}"))?;
    let before = snapshot(&repo, &from, after.today)?;
    Ok(diff::compare(
        from,
        &before,
        Side::working_tree(),
        &Snapshot::of(after),
    ))
}

fn snapshot(repo: &Repository, side: &Side, today: NaiveDate) -> Result<Snapshot> {
    diff::snapshot_at(repo, side, today).map_err(|e| miette!("{e}"))
}
