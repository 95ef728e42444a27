//! typst source → PDF bytes: compiled in a [`World`] of its own, exported as PDF/A-2b
//! with a fixed identifier and the build date, so the same document gives the same bytes.

use typst::diag::SourceDiagnostic;
use typst::foundations::Smart;
use typst::layout::PagedDocument;
use typst_pdf::{PdfOptions, PdfStandard, PdfStandards, Timestamp};

use super::markup;
use super::world::{self, World};
use crate::emit::tree::Document;
use crate::emit::Error;

pub fn pdf(doc: &Document) -> Result<Vec<u8>, Error> {
    let world = World::new(markup::source(doc), doc.control.built);
    let compiled = typst::compile::<PagedDocument>(&world)
        .output
        .map_err(|e| Error::Pdf(messages(&e)))?;
    let archival =
        PdfStandards::new(&[PdfStandard::A_2b]).map_err(|e| Error::Pdf(e.to_string()))?;
    let options = |standards| PdfOptions {
        // The stem names the document across builds: the PDF's identifier is its hash.
        ident: Smart::Custom(doc.stem.as_str()),
        timestamp: world::date(doc.control.built).map(Timestamp::new_utc),
        page_ranges: None,
        standards,
        tagged: true,
    };
    // PDF/A-2b refuses text that no embedded font can show (a name in a script the fonts
    // lack, a control picture): such a document is written as a plain PDF instead.
    typst_pdf::pdf(&compiled, &options(archival))
        .or_else(|_| typst_pdf::pdf(&compiled, &options(PdfStandards::default())))
        .map_err(|e| Error::Pdf(messages(&e)))
}

fn messages(diagnostics: &[SourceDiagnostic]) -> String {
    let all: Vec<&str> = diagnostics.iter().map(|d| d.message.as_str()).collect();
    format!("typst: {}", all.join("; "))
}
