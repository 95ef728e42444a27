//! `isms diff`: what changed in the ISMS between two git revisions, compared as models.
//!
//! One concept per file: [`git`] runs git's read-only plumbing, [`revision`] picks the
//! commits and reads the project's files at one, [`compile`] compiles them in memory,
//! [`snapshot`] reduces a compilation to the facts a report compares, [`compare`] compares
//! two snapshots into [`Changes`], and [`render`] prints them for a terminal or a pull
//! request. Nothing is checked out: the working tree is read by the CLI as `isms check`
//! reads it.

pub mod changes;
pub mod compare;
pub mod compile;
pub mod error;
pub mod git;
pub mod render;
pub mod revision;
pub mod snapshot;

pub use changes::Changes;
pub use compare::compare;
pub use error::DiffError;
pub use revision::{Repository, Side};
pub use snapshot::Snapshot;

use chrono::NaiveDate;

/// The snapshot of the project at a commit of `repo`.
pub fn snapshot_at(
    repo: &Repository,
    side: &Side,
    today: NaiveDate,
) -> Result<Snapshot, DiffError> {
    let Some(commit) = &side.commit else {
        return Err(DiffError::Git {
            command: "cat-file".to_string(),
            message: "the working tree is read from disk, not from git".to_string(),
        });
    };
    let files = repo.files(commit)?;
    let c = compile::compile_revision(files, side, today)?;
    Ok(Snapshot::of(&c))
}

#[cfg(test)]
mod tests;
