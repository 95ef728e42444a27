//! Fixes beyond "did you mean": the ones computed from the whole project, and applying
//! fixes to a project's files (`isms fix`).
//!
//! A fix is data on its diagnostic ([`crate::diagnostics::Fix`]): the language server
//! and `isms fix` only apply its edits, and never read a help sentence.

mod add_exclusions;
mod add_owner;
mod offer;
pub mod owners;
mod records;
mod text;

pub use offer::{offer, Project};
mod apply;
mod run;
mod sound;

pub use apply::{apply_edits, choose};
pub use run::{fix, Applied, Outcome, Refused, MAX_ROUNDS};
