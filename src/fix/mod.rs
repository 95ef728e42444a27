//! Fixes beyond "did you mean": the ones computed from the whole project, and applying
//! fixes to a project's files (`isms fix`).
//!
//! A fix is data on its diagnostic ([`crate::diagnostics::Fix`]): the language server
//! and `isms fix` only apply its edits, and never read a help sentence.

mod add_exclusions;
mod add_owner;
mod apply;
mod offer;
pub mod owners;
mod records;
mod run;
mod sound;
mod text;

pub use apply::{apply_edits, choose};
pub use offer::{offer, Project};
pub use run::{fix, Applied, Outcome, Refused, MAX_ROUNDS};
