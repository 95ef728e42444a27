//! `isms fmt [PATH…] [--check]`: rewrite files in the canonical layout, atomically, or
//! with `--check` list the files that would change.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use miette::{miette, Result};

use super::output::{eprintln, println, shown};
use super::Outcome;
use isms::format::{format_text, FormatError};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Project directories or single files (default: the current directory).
    paths: Vec<PathBuf>,
    /// Change nothing; list the files that are not formatted and exit 1 if there are any.
    #[arg(long)]
    check: bool,
}

pub fn run(args: Args) -> Result<Outcome> {
    let paths = if args.paths.is_empty() {
        vec![PathBuf::from(".")]
    } else {
        args.paths
    };
    let mut files = Vec::new();
    for path in &paths {
        files.extend(collect(path)?);
    }
    let mut changed = 0;
    let mut refused = 0;
    for file in &files {
        let bytes = fs::read(file).map_err(|e| miette!("cannot read `{}`: {e}", shown(file)))?;
        let Ok(text) = String::from_utf8(bytes) else {
            eprintln(&format!(
                "{}: not formatted: the file is not valid UTF-8",
                shown(file)
            ));
            refused += 1;
            continue;
        };
        let formatted = match format_text(&text) {
            Ok(f) => f,
            Err(e) => {
                let hint = match e {
                    FormatError::Syntax(_) => " (run `isms check` to see it)",
                    FormatError::Unstable(_) => " (please report this)",
                };
                eprintln(&format!("{}: left untouched: {e}{hint}", shown(file)));
                refused += 1;
                continue;
            }
        };
        if formatted == text {
            continue;
        }
        changed += 1;
        if args.check {
            println(&format!("would reformat {}", shown(file)))?;
        } else {
            write_atomically(file, &formatted)?;
            println(&format!("formatted {}", shown(file)))?;
        }
    }
    let summary = match (args.check, changed) {
        (true, 0) => format!("{} already formatted", files_word(files.len())),
        (true, n) => format!("{} would be reformatted", files_word(n)),
        (false, n) => format!(
            "{} reformatted, {} unchanged",
            files_word(n),
            files.len() - n - refused
        ),
    };
    eprintln(&summary);
    let failed = refused > 0 || (args.check && changed > 0);
    Ok(if failed {
        Outcome::Problems
    } else {
        Outcome::Clean
    })
}

fn files_word(n: usize) -> String {
    if n == 1 {
        "1 file".to_string()
    } else {
        format!("{n} files")
    }
}

fn collect(path: &Path) -> Result<Vec<PathBuf>> {
    let meta = fs::metadata(path).map_err(|e| miette!("cannot read `{}`: {e}", shown(path)))?;
    if meta.is_file() {
        return Ok(vec![path.to_path_buf()]);
    }
    let files = super::project::discover(path)?;
    Ok(files.into_iter().map(|f| f.path).collect())
}

/// Write beside the file, then rename over it (`isms fix` writes the same way): an
/// interrupted run never leaves a half-written source file. The temporary file has a random name and is created with
/// `O_EXCL` (`tempfile`), so a file or symlink planted beside the source is never written
/// through; it gets the original's permissions before it takes its place.
///
/// A symlinked source is formatted where it points: the link stays a link (renaming over
/// the link itself would replace it by a file).
pub(super) fn write_atomically(file: &Path, text: &str) -> Result<()> {
    let fail = |e: std::io::Error| miette!("cannot write `{}`: {e}", shown(file));
    let target = if fs::symlink_metadata(file).map_err(fail)?.is_symlink() {
        fs::canonicalize(file).map_err(fail)?
    } else {
        file.to_path_buf()
    };
    let dir = match target.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut tmp = tempfile::Builder::new()
        .prefix(&format!(".{name}."))
        .suffix(".isms-fmt")
        .tempfile_in(dir)
        .map_err(fail)?;
    tmp.write_all(text.as_bytes()).map_err(fail)?;
    let permissions = fs::metadata(&target).map_err(fail)?.permissions();
    tmp.as_file().set_permissions(permissions).map_err(fail)?;
    // On failure the temporary file is removed when `tmp`'s error is dropped.
    tmp.persist(&target).map_err(|e| fail(e.error))?;
    Ok(())
}
