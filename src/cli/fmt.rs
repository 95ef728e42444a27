//! `isms fmt [PATH…] [--check]`: rewrite files in the canonical layout, atomically, or
//! with `--check` list the files that would change.

use std::fs;
use std::path::{Path, PathBuf};

use miette::{miette, Result};

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
        let bytes = fs::read(file).map_err(|e| miette!("cannot read `{}`: {e}", file.display()))?;
        let Ok(text) = String::from_utf8(bytes) else {
            eprintln!(
                "{}: not formatted: the file is not valid UTF-8",
                file.display()
            );
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
                eprintln!("{}: left untouched: {e}{hint}", file.display());
                refused += 1;
                continue;
            }
        };
        if formatted == text {
            continue;
        }
        changed += 1;
        if args.check {
            println!("would reformat {}", file.display());
        } else {
            write_atomically(file, &formatted)?;
            println!("formatted {}", file.display());
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
    eprintln!("{summary}");
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
    let meta = fs::metadata(path).map_err(|e| miette!("cannot read `{}`: {e}", path.display()))?;
    if meta.is_file() {
        return Ok(vec![path.to_path_buf()]);
    }
    let files = isms::project::discover(path)
        .map_err(|e| miette!("cannot walk `{}`: {e}", path.display()))?;
    Ok(files.into_iter().map(|f| f.path).collect())
}

/// Write beside the file, then rename over it: an interrupted run never leaves a
/// half-written source file.
fn write_atomically(file: &Path, text: &str) -> Result<()> {
    let dir = file.parent().unwrap_or(Path::new("."));
    let name = file
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = dir.join(format!(".{name}.isms-fmt-{}", std::process::id()));
    let result = fs::write(&tmp, text).and_then(|()| {
        if let Ok(meta) = fs::metadata(file) {
            fs::set_permissions(&tmp, meta.permissions())?;
        }
        fs::rename(&tmp, file)
    });
    if let Err(e) = result {
        let _ = fs::remove_file(&tmp);
        return Err(miette!("cannot write `{}`: {e}", file.display()));
    }
    Ok(())
}
