//! Why a document could not be produced. The data is always serialisable, so these are
//! limits of the output formats (a spreadsheet cell of more than 32,767 characters is
//! cut, not refused), kept as errors rather than panics.

use std::fmt;

#[derive(Debug)]
pub enum Error {
    Json(serde_json::Error),
    Csv(::csv::Error),
    Xlsx(rust_xlsxwriter::XlsxError),
    /// `--format pdf` from a build without the `pdf` feature.
    PdfUnavailable,
    /// typst refused the markup made from a document (a bug: the markup quotes all user
    /// text), with typst's messages.
    Pdf(String),
    Docx(String),
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Json(e) => write!(f, "cannot write JSON: {e}"),
            Error::Csv(e) => write!(f, "cannot write CSV: {e}"),
            Error::Xlsx(e) => write!(f, "cannot write a spreadsheet: {e}"),
            Error::PdfUnavailable => write!(
                f,
                "this `isms` was built without PDF support; install it with \
                 `cargo install isms --features pdf` (see docs/pdf.md)"
            ),
            Error::Pdf(e) => write!(f, "cannot write a PDF: {e}"),
            Error::Docx(e) => write!(f, "cannot write a DOCX document: {e}"),
        }
    }
}

impl std::error::Error for Error {}

impl From<serde_json::Error> for Error {
    fn from(e: serde_json::Error) -> Self {
        Error::Json(e)
    }
}

impl From<::csv::Error> for Error {
    fn from(e: ::csv::Error) -> Self {
        Error::Csv(e)
    }
}

impl From<rust_xlsxwriter::XlsxError> for Error {
    fn from(e: rust_xlsxwriter::XlsxError) -> Self {
        Error::Xlsx(e)
    }
}
