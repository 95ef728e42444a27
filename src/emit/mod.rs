//! Stage 4: documents for auditors, from a model that checks without errors.
//!
//! Every document is built from the same derived data ([`soa::Soa`], …), so the formats
//! agree with each other by construction; the output is deterministic (no clocks, no hash
//! order): the same input and `--today` give byte-identical files.

pub mod soa;
pub mod writer;

use crate::Compilation;

/// The formats `isms build` can write.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Format {
    Json,
}

impl Format {
    pub const ALL: &'static [(&'static str, Format)] = &[("json", Format::Json)];

    pub fn parse(text: &str) -> Option<Format> {
        Format::ALL
            .iter()
            .find(|(t, _)| *t == text)
            .map(|(_, f)| *f)
    }
}

/// A document: its file name in the output directory and its bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    pub path: String,
    pub bytes: Vec<u8>,
}

/// Every document of the requested formats.
pub fn documents(c: &Compilation, formats: &[Format]) -> Vec<Document> {
    let soa = soa::Soa::build(c);
    let mut docs = Vec::new();
    for format in formats {
        match format {
            Format::Json => docs.push(Document {
                path: "soa.json".to_string(),
                bytes: soa.to_json().into_bytes(),
            }),
        }
    }
    docs
}
