//! PDF: the document tree as typst markup ([`markup`]), compiled by typst as a library
//! (behind the `pdf` feature: typst adds minutes to a release build).
//!
//! The markup is generated in every build, so it is tested without typst; only
//! [`pdf`] needs the feature, and without it says how to get it.

mod block;
mod chart;
mod inline;
mod literal;
pub mod markup;
mod prose;
#[cfg(feature = "pdf")]
mod render;

#[cfg(feature = "pdf")]
mod world;

use super::tree::Document;
use super::Error;

/// `doc` as a PDF/A-2b file.
#[cfg(feature = "pdf")]
pub fn pdf(doc: &Document) -> Result<Vec<u8>, Error> {
    render::pdf(doc)
}

/// Without the `pdf` feature there is no PDF, and the error says how to install it.
#[cfg(not(feature = "pdf"))]
pub fn pdf(_doc: &Document) -> Result<Vec<u8>, Error> {
    Err(Error::PdfUnavailable)
}

/// Whether this build can write PDF.
pub const AVAILABLE: bool = cfg!(feature = "pdf");

#[cfg(all(test, feature = "pdf"))]
mod tests;
