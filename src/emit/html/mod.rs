//! The HTML documents: `index.html`, `soa.html`, `risk-register.html`, `scope.html`,
//! `methodology.html` and `policies/<name>.html` (see `file_names`). Each is one
//! self-contained file (the stylesheet embedded, no scripts, no external resources) that
//! prints cleanly to PDF.
//!
//! All user text goes through [`writer::Html::text`], which escapes it.
//!
//! [`render`] renders any document of the tree ([`crate::emit::tree::Document`]) as a
//! page, with its document control and a running head and foot on every printed page;
//! [`index`] writes `index.html` from the list of tree documents. No page is written by
//! hand: a new document needs no HTML code.

mod blocks;
mod control;
mod heatmap;
mod inlines;
mod links;
mod markdown;
mod page;
pub(super) mod palette; // also the PDF and DOCX heat maps' colours
mod render;
mod tree_index;
mod writer;

pub use render::{is_policy, render, Nav, NavLink, FORMATS};
pub use tree_index::render as index;
