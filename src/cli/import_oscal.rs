//! `isms import --oscal-catalog FILE [--out FILE]`: an OSCAL catalog as a `.isms` catalog
//! (`isms::import_oscal`), printed or written to a new file.

use std::path::Path;

use miette::{miette, Result};

use super::output::print;
use super::Outcome;

/// Reached from `isms import --oscal-catalog FILE [--out FILE]` (`cli/import.rs`).
pub fn run(path: &Path, out: Option<&Path>) -> Result<Outcome> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| miette!("cannot read `{}`: {e}", path.display()))?;
    let isms = isms::import_oscal::catalog(&text)
        .map_err(|e| miette!("cannot import `{}`: {e}", path.display()))?;
    match out {
        None => print(&isms)?,
        Some(out) => {
            // A new file only: an import never overwrites the project's own files.
            let mut file = std::fs::OpenOptions::new()
                .write(true)
                .create_new(true)
                .open(out)
                .map_err(|e| miette!("cannot create `{}`: {e}", out.display()))?;
            std::io::Write::write_all(&mut file, isms.as_bytes())
                .map_err(|e| miette!("cannot write `{}`: {e}", out.display()))?;
        }
    }
    Ok(Outcome::Clean)
}
