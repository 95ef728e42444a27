//! Stage 4: documents for auditors, from a model that checks without errors.
//!
//! One derived data layer ([`Derived`]: the SoA, the risk register, the policies, the
//! scope, the methodology and the lifecycle) feeds everything. Each document a person reads
//! is built from it once, as a [`tree::Document`] ([`documents`]), and the Markdown backend
//! renders those trees; the tabular formats (CSV, JSON, XLSX) share [`table`] on top of
//! the same data. (The HTML pages still read [`Derived`] directly until they render the
//! tree too.) The output is
//! deterministic (no clocks but `--today`, no hash order): the same input and `--today`
//! give byte-identical files.

pub mod control;
pub mod coverage;
mod csv;
pub mod documents;
pub mod docx;
pub mod error;
pub mod file_names;
pub mod heatmap;
pub mod html;
mod json;
pub mod lifecycle;
pub(crate) mod markdown;
pub mod methodology;
pub mod names;
pub mod oscal;
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
    /// OSCAL 1.2.1 JSON (`oscal/`): written only when asked for.
    Oscal,
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
        ("oscal", Format::Oscal),
        ("pdf", Format::Pdf),
        ("docx", Format::Docx),
    ];

    /// What `isms build` writes without `--format`: the documents for people in the
    /// formats every build has. OSCAL is an export for other tools, and the paged formats
    /// are slower and (PDF) not in every build: each is written when asked for.
    pub fn is_default(self) -> bool {
        match self {
            Format::Markdown | Format::Html | Format::Csv | Format::Json | Format::Xlsx => true,
            Format::Oscal | Format::Pdf | Format::Docx => false,
        }
    }

    /// The formats `isms build` writes without `--format`.
    pub fn defaults() -> Vec<Format> {
        Format::ALL
            .iter()
            .map(|(_, f)| *f)
            .filter(|f| f.is_default())
            .collect()
    }

    pub fn parse(text: &str) -> Option<Format> {
        Format::ALL
            .iter()
            .find(|(t, _)| *t == text)
            .map(|(_, f)| *f)
    }
}

/// A file `isms build` writes: its path in the output directory (`/`-separated) and its
/// bytes. (A document as readers see it is a [`tree::Document`]; each format renders it
/// to one `Output`.)
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Output {
    pub path: String,
    pub bytes: Vec<u8>,
}

impl Output {
    pub fn new(path: impl Into<String>, bytes: impl Into<Vec<u8>>) -> Output {
        Output {
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
pub fn documents(c: &Compilation, formats: &[Format]) -> Result<Vec<Output>, Error> {
    documents_with(c, formats, Vec::new())
}

/// Every document, plus `extra` documents built outside the compilation (the changes
/// since a git revision, which need git), rendered and indexed like the others.
pub fn documents_with(
    c: &Compilation,
    formats: &[Format],
    extra: Vec<tree::Document>,
) -> Result<Vec<Output>, Error> {
    let d = Derived::build(c);
    let mut trees = documents::all(c, &d);
    trees.extend(extra);
    let mut docs = Vec::new();
    let wants = |f: Format| formats.contains(&f);
    if wants(Format::Markdown) {
        docs.extend(markdown::documents(&trees));
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
    if wants(Format::Oscal) {
        docs.extend(oscal::documents(c, &d)?);
    }
    if wants(Format::Pdf) || wants(Format::Docx) {
        docs.extend(paged_documents(&trees, formats)?);
    }
    if wants(Format::Html) {
        // Last, so the pages and the index can link every file of the other formats.
        let mut written: Vec<String> = docs.iter().map(|d| d.path.clone()).collect();
        written.extend(trees.iter().map(|t| format!("{}.html", t.stem)));
        written.push("index.html".to_string());
        let nav = html::Nav::new(&organization_name(c), c.today, &trees, written);
        for t in &trees {
            docs.push(Output::new(
                format!("{}.html", t.stem),
                html::render(t, &nav),
            ));
        }
        docs.push(Output::new(
            "index.html",
            html::index(&trees, &nav, &index_intro(&d)),
        ));
    }
    docs.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(docs)
}

/// What the index says above its list: the organisation and the scope statement.
fn index_intro(d: &Derived) -> Vec<tree::Block> {
    use tree::{Block, Inline};
    let mut lead = vec![Inline::Strong(d.scope.organization.clone())];
    if let Some(desc) = &d.scope.organization_description {
        lead.push(Inline::text(format!(": {desc}")));
    }
    vec![
        Block::Paragraph(lead),
        Block::Paragraph(vec![Inline::text(format!("Scope: {}", d.scope.statement))]),
    ]
}

/// The PDF and DOCX files of `trees`, for the formats asked for: `soa.pdf`,
/// `policies/access-control.docx`. (Here, not in `paged`, which both backends use.)
fn paged_documents(trees: &[tree::Document], formats: &[Format]) -> Result<Vec<Output>, Error> {
    let mut out = Vec::new();
    for tree in trees {
        if formats.contains(&Format::Pdf) {
            out.push(Output::new(format!("{}.pdf", tree.stem), pdf::pdf(tree)?));
        }
        if formats.contains(&Format::Docx) {
            out.push(Output::new(
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
