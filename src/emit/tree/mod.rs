//! The document tree: every document an auditor reads is built once, as a tree of
//! blocks, and every format (Markdown, HTML, PDF, DOCX) renders that tree. A format adds
//! no rows, columns or words of its own, so the formats agree by construction, and a test
//! holds them to it.
//!
//! Invariants:
//! - A [`Document`] is plain data: no format-specific markup anywhere in it. User text is
//!   stored as written; each backend escapes it for its own syntax.
//! - Every [`Table`] row has exactly as many cells as the table has columns.
//! - Links between documents name the target by its [`Document::stem`], never by a file
//!   name: each backend maps a stem to its own extension.
//! - Building is deterministic: no clock but `--today`, no hash order.

pub mod control;

pub use control::{DocumentControl, DraftReason, History, Revision};

use super::heatmap::HeatMap;
use super::names::Party;

/// One document: its place in the output, its document control, and its body.
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    /// Where the document lives in the output directory, without extension and
    /// `/`-separated: `soa`, `risk-register`, `policies/access-control`.
    pub stem: String,
    /// The title as the index and the page both print it.
    pub title: String,
    /// The ISO/IEC 27001 clause or Annex A control the document answers: `6.1.3 d`.
    pub clause: String,
    pub control: DocumentControl,
    pub body: Vec<Block>,
}

/// A block of a document body, in reading order.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// A section heading. Level 2 is a section (level 1 is the document's title),
    /// 3 and 4 are subsections. The anchor is what links within and between documents
    /// point at.
    Heading {
        level: u8,
        text: String,
        anchor: Option<String>,
    },
    Paragraph(Vec<Inline>),
    /// Label–value pairs ("Owner: …", "Scope: …"): a definition list.
    Fields(Vec<Field>),
    Table(Table),
    Bullets(Vec<Vec<Inline>>),
    /// A note, warning or draft notice, set apart from the text around it.
    Banner {
        tone: Tone,
        text: Vec<Inline>,
    },
    /// Markdown the user wrote (a policy's sections). Backends render it through their own
    /// filter: no raw HTML, no images, no top-level headings.
    Prose(String),
    Chart(Chart),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Field {
    pub label: String,
    pub value: Vec<Inline>,
}

/// A table with typed columns. `key` names the table for tests and for the tabular
/// formats (a worksheet, a CSV file); `caption` is what readers see above it.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    pub key: &'static str,
    pub caption: Option<String>,
    pub columns: Vec<Column>,
    pub rows: Vec<Vec<Cell>>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    pub title: String,
    /// Relative width (about a character count), for paged formats and spreadsheets.
    pub width: f64,
}

/// One table cell: a run of inlines. An empty run is an empty cell.
pub type Cell = Vec<Inline>;

#[derive(Debug, Clone, PartialEq)]
pub enum Inline {
    Text(String),
    Strong(String),
    /// An identifier (`A.8.5`, `R-01`), set in a fixed-width face where the format can.
    Code(String),
    Link {
        text: String,
        to: Target,
    },
    /// A status word with a tone: "implemented", "overdue", "DRAFT".
    Badge {
        text: String,
        tone: Tone,
    },
    /// A line break inside a cell or paragraph.
    Break,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// Another document of the same build (or this one), by stem, and an anchor in it.
    Doc {
        stem: String,
        anchor: Option<String>,
    },
    /// An anchor in this document.
    Anchor(String),
    /// A URL the user wrote; backends print it and link it only when it is http(s).
    Url(String),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    Neutral,
    Good,
    Warning,
    Bad,
    Draft,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Chart {
    /// A likelihood × impact grid with the risks in each cell.
    HeatMap { caption: String, map: HeatMap },
}

impl Inline {
    pub fn text(s: impl Into<String>) -> Inline {
        Inline::Text(s.into())
    }

    /// The text a reader sees, without formatting: what CSV cells and tests compare.
    pub fn plain(&self) -> String {
        match self {
            Inline::Text(s) | Inline::Strong(s) | Inline::Code(s) => s.clone(),
            Inline::Link { text, .. } | Inline::Badge { text, .. } => text.clone(),
            Inline::Break => "\n".to_string(),
        }
    }
}

/// The plain text of a run of inlines.
pub fn plain(run: &[Inline]) -> String {
    run.iter().map(Inline::plain).collect()
}

/// A party as documents print it: "Lena Wagner (lena)", or the ID alone when it has no
/// other name.
pub fn party(p: &Party) -> String {
    if p.name == p.id {
        p.id.clone()
    } else {
        format!("{} ({})", p.name, p.id)
    }
}
