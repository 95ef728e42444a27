//! The Markdown backend: renders any [`tree::Document`] to `<stem>.md`, for reading in a
//! repository browser or pasting into a wiki. One renderer for every document: the
//! title, the document-control block, then the body's blocks. It adds no rows, columns
//! or words of its own.
//!
//! All user text goes through [`escape::inline`] (on one line, Markdown's special
//! characters escaped: a `|` would end a table cell, a line break the row, a `#` start a
//! heading); policy sections are Markdown already and go through [`escape::prose`],
//! which keeps their formatting but lets no raw HTML, image or top-level heading through.

pub(crate) mod escape;
mod render;

use super::tree::Document;
use super::Output;

/// One Markdown file per document.
pub fn documents(docs: &[Document]) -> Vec<Output> {
    docs.iter()
        .map(|d| Output::new(format!("{}.md", d.stem), render::document(d)))
        .collect()
}
