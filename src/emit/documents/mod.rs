//! The builders of the documents, one per file, each returning an `emit::tree::Document`
//! that every format renders.

pub mod changes;
