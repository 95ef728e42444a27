//! The builders of documents, one per file, each returning `emit::tree::Document`s.

pub mod coverage;

use super::tree::Document;
use super::Derived;
use crate::Compilation;

/// Every document these builders make, in a stable order.
pub fn all(c: &Compilation, d: &Derived) -> Vec<Document> {
    coverage::build(c, d)
}
