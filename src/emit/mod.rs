//! Stage 4: documents for auditors, from a model that checks without errors.
//!
//! Every document is rendered from one derived data layer ([`Derived`]: the SoA, the risk
//! register, the policies, the scope and the methodology), so the formats agree with each
//! other by construction; the tabular formats share [`table`] on top of it. The output is
//! deterministic (no clocks but `--today`, no hash order): the same input and `--today`
//! give byte-identical files.

pub mod control;
mod csv;
pub mod documents;
pub mod docx;
pub mod error;
pub mod file_names;
pub mod heatmap;
mod html;
mod json;
pub mod lifecycle;
mod markdown;
pub mod methodology;
pub mod names;
pub mod paged;
pub mod pdf;
pub mod policy;
pub mod register;
pub mod scope;
pub mod soa;
pub mod table;
pub mod tree;
pub mod writer;
mod xlsx;

pub use error::Error;

use crate::Compilation;

/// The formats `isms build` can write.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Format {
    Markdown,
    Html,
    Csv,
    Json,
    Xlsx,
    /// Paged, through typst: only in a build with the `pdf` feature.
    Pdf,
    Docx,
}

impl Format {
    pub const ALL: &'static [(&'static str, Format)] = &[
        ("md", Format::Markdown),
        ("html", Format::Html),
        ("csv", Format::Csv),
        ("json", Format::Json),
        ("xlsx", Format::Xlsx),
        ("pdf", Format::Pdf),
        ("docx", Format::Docx),
    ];

    /// What `isms build` writes when no `--format` is given: everything but the paged
    /// formats, which are slower and (PDF) not in every build.
    pub fn is_default(self) -> bool {
        match self {
            Format::Markdown | Format::Html | Format::Csv | Format::Json | Format::Xlsx => true,
            Format::Pdf | Format::Docx => false,
        }
    }

    pub fn parse(text: &str) -> Option<Format> {
        Format::ALL
            .iter()
            .find(|(t, _)| *t == text)
            .map(|(_, f)| *f)
    }
}

/// A document: its path in the output directory (`/`-separated) and its bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    pub path: String,
    pub bytes: Vec<u8>,
}

impl Document {
    pub fn new(path: impl Into<String>, bytes: impl Into<Vec<u8>>) -> Document {
        Document {
            path: path.into(),
            bytes: bytes.into(),
        }
    }
}

/// What every format renders: the derived data of one compilation.
#[derive(Debug, Clone)]
pub struct Derived {
    pub soa: soa::Soa,
    pub register: register::Register,
    pub scope: scope::ScopeDoc,
    pub methodology: Option<methodology::MethodologyDoc>,
    pub policies: Vec<policy::PolicyDoc>,
    /// The file name of each policy's documents, for the documents and the links to them.
    pub policy_files: file_names::PolicyFiles,
    pub lifecycle: lifecycle::LifecycleDoc,
}

impl Derived {
    pub fn build(c: &Compilation) -> Derived {
        let policy_files =
            file_names::PolicyFiles::of(c.model.policies.iter().map(|p| p.id.text.as_str()));
        Derived {
            soa: soa::Soa::build(c),
            register: register::Register::build(c),
            scope: scope::ScopeDoc::build(c),
            methodology: methodology::MethodologyDoc::build(c),
            policies: policy::PolicyDoc::build_all(c, &policy_files),
            policy_files,
            lifecycle: lifecycle::LifecycleDoc::build(c),
        }
    }
}

/// Every document of the requested formats, sorted by path.
pub fn documents(c: &Compilation, formats: &[Format]) -> Result<Vec<Document>, Error> {
    let d = Derived::build(c);
    let mut docs = Vec::new();
    let wants = |f: Format| formats.contains(&f);
    if wants(Format::Markdown) {
        docs.extend(markdown::documents(&d));
    }
    if wants(Format::Csv) {
        docs.extend(csv::documents(&d)?);
    }
    if wants(Format::Json) {
        docs.extend(json::documents(&d)?);
    }
    if wants(Format::Xlsx) {
        docs.extend(xlsx::documents(&d)?);
    }
    if wants(Format::Pdf) || wants(Format::Docx) {
        docs.extend(paged_documents(&documents::all(c, &d), formats)?);
    }
    if wants(Format::Html) {
        // Last, so the index can also link the files of the other formats.
        let others: Vec<String> = docs.iter().map(|d| d.path.clone()).collect();
        docs.extend(html::documents(&d, &others));
    }
    docs.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(docs)
}

/// The PDF and DOCX files of `trees`, for the formats asked for: `soa.pdf`,
/// `policies/access-control.docx`. (Here, not in `paged`, which both backends use.)
fn paged_documents(trees: &[tree::Document], formats: &[Format]) -> Result<Vec<Document>, Error> {
    let mut out = Vec::new();
    for tree in trees {
        if formats.contains(&Format::Pdf) {
            out.push(Document::new(format!("{}.pdf", tree.stem), pdf::pdf(tree)?));
        }
        if formats.contains(&Format::Docx) {
            out.push(Document::new(
                format!("{}.docx", tree.stem),
                docx::docx(tree)?,
            ));
        }
    }
    Ok(out)
}

/// The organization's name as documents print it.
fn organization_name(c: &Compilation) -> String {
    c.model
        .organization()
        .map(|o| o.name.clone().unwrap_or_else(|| o.id.text.clone()))
        .unwrap_or_default()
}
