//! `isms init [DIR] [--today DATE]`: scaffold a new ISMS project that checks clean.
//!
//! Writes `isms.isms`, `soa.isms`, `.pre-commit-config.yaml` and `README.md`, and never
//! over an existing file: if any of them exists, nothing is written.

mod scaffold;

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use miette::{miette, Result};

use super::output::{println, shown};
use super::{today, Outcome};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The directory to create the project in; created if missing.
    #[arg(default_value = ".")]
    dir: PathBuf,
    /// The approval date written into the policy (YYYY-MM-DD; default: today).
    #[arg(long, value_name = "DATE")]
    today: Option<String>,
}

pub fn run(args: Args) -> Result<Outcome> {
    let today = today(args.today.as_deref())?;
    let files = scaffold::files(today)?;
    let dir = &args.dir;
    // Refuse before touching anything, so a refused init leaves no trace.
    let existing: Vec<String> = files
        .iter()
        .map(|(name, _)| dir.join(name))
        .filter(|path| fs::symlink_metadata(path).is_ok())
        .map(|path| format!("`{}`", shown(path)))
        .collect();
    if !existing.is_empty() {
        let verb = if existing.len() == 1 {
            "exists"
        } else {
            "exist"
        };
        return Err(miette!(
            help = "`isms init` never overwrites a file: move it away, or initialise into a \
                    new directory (`isms init isms`)",
            "{} already {verb}; nothing was written",
            existing.join(", ")
        ));
    }
    fs::create_dir_all(dir)
        .map_err(|e| miette!("cannot create the directory `{}`: {e}", shown(dir)))?;
    let mut written: Vec<PathBuf> = Vec::new();
    for (name, text) in &files {
        let path = dir.join(name);
        if let Err(e) = create_new(&path, text) {
            // A file appeared since the check above, or the disk failed: take back what
            // this run wrote, so the directory is as it was.
            for done in &written {
                let _ = fs::remove_file(done);
            }
            return Err(miette!(
                "cannot write `{}`: {e}; nothing was written",
                shown(path)
            ));
        }
        written.push(path);
    }
    for path in &written {
        println(&format!("wrote {}", shown(path)))?;
    }
    let target = if dir == Path::new(".") {
        String::new()
    } else {
        format!(" {}", shown(dir))
    };
    println(&format!(
        "next: run `isms check{target}`: it lists every placeholder still to replace \
         (`text/placeholder`); decide each control in soa.isms (see README.md)"
    ))?;
    Ok(Outcome::Clean)
}

/// Write a file that must not exist yet (`create_new` fails rather than overwrite).
fn create_new(path: &Path, text: &str) -> std::io::Result<()> {
    let mut file = fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)?;
    file.write_all(text.as_bytes())
}
