//! The documents as trees (see [`super::tree`]), one builder per file.
//!
//! On the `paged` branch this holds only a stand-in SoA, so the PDF and DOCX backends
//! have a real document to render before the document builders are merged.

mod soa;

use super::tree::Document;
use super::Derived;
use crate::Compilation;

/// Every document of the project, as trees.
pub fn all(c: &Compilation, d: &Derived) -> Vec<Document> {
    vec![soa::document(c, d)]
}
