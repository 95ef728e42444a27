//! Compiling a revision's files in memory with the real compiler, under that revision's
//! own `isms.toml` (its severity overrides are part of what the revision says).

use chrono::NaiveDate;

use super::error::DiffError;
use super::revision::{Files, Side};
use crate::config::{self, Config};
use crate::{compile_lean, Compilation, Options};

/// The compilation of the project as it was at `side`.
pub fn compile_revision(
    files: Files,
    side: &Side,
    today: NaiveDate,
) -> Result<Compilation, DiffError> {
    let config = match &files.config {
        Some(text) => config::parse(text).map_err(|e| DiffError::Config {
            rev: side.label.clone(),
            message: crate::control::one_line(&e.message).into_owned(),
        })?,
        None => Config::default(),
    };
    Ok(compile_lean(
        files.inputs,
        &Options { today },
        &config.settings,
    ))
}
