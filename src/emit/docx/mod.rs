//! DOCX: the document tree as a Word document, through docx-rs. Every page has a header
//! (organisation, ID, version, classification, DRAFT) and a footer ("Page x of y" from
//! Word's PAGE and NUMPAGES fields); page 1 has the control block. Tables repeat their
//! header row. The bytes are deterministic: fixed dates from the build date, zip entries
//! without clock times, and paragraph IDs renumbered per document (see [`normalise`]).

mod block;
mod normalise;
mod prose;
mod run;
mod style;

use std::io::Cursor;

use docx_rs::{
    Docx, Footer, Header, NumPages, PageMargin, PageNum, PageOrientationType, Paragraph, Run, Table,
};

use super::paged;
use super::tree::Document;
use super::Error;
use run::text;

/// A paragraph or a table: what a block becomes. (A paragraph is large in docx-rs;
/// boxed, a list of parts stays small.)
pub enum Part {
    Paragraph(Box<Paragraph>),
    Table(Box<Table>),
}

impl Part {
    fn paragraph(p: Paragraph) -> Part {
        Part::Paragraph(Box::new(p))
    }

    fn table(t: Table) -> Part {
        Part::Table(Box::new(t))
    }
}

/// A4 in twips, and the side margins (1.8 cm).
const A4_SHORT: u32 = 11906;
const A4_LONG: u32 = 16838;
const MARGIN: i32 = 1020;
const MARGIN_TWIPS: usize = 1020;

/// `doc` as a DOCX file.
pub fn docx(doc: &Document) -> Result<Vec<u8>, Error> {
    let c = &doc.control;
    let wide = paged::is_wide(doc);
    let (page_w, page_h) = if wide {
        (A4_LONG, A4_SHORT)
    } else {
        (A4_SHORT, A4_LONG)
    };
    let width = (page_w as usize).saturating_sub(2 * MARGIN_TWIPS);
    let built = format!("{}T00:00:00Z", c.built.format("%Y-%m-%d"));
    let mut docx = style::declare(Docx::new())
        .page_size(page_w, page_h)
        .page_orient(if wide {
            PageOrientationType::Landscape
        } else {
            PageOrientationType::Portrait
        })
        .page_margin(
            PageMargin::new()
                .top(1300)
                .bottom(1200)
                .left(MARGIN)
                .right(MARGIN)
                .header(600)
                .footer(600),
        )
        .created_at(&built)
        .updated_at(&built)
        .header(header(doc))
        .footer(footer(doc))
        .add_paragraph(
            Paragraph::new()
                .style(style::heading_style(1))
                .add_run(text(&doc.title)),
        );
    for b in paged::front_matter(doc).iter().chain(&doc.body) {
        for part in block::block(b, width) {
            docx = match part {
                Part::Paragraph(p) => docx.add_paragraph(*p),
                Part::Table(t) => docx.add_table(*t),
            };
        }
    }
    let mut xml = docx.build();
    xml.document = normalise::header_rows(&xml.document);
    let mut next_id = 1;
    xml.document = normalise::paragraph_ids(&xml.document, &mut next_id);
    for part in xml.headers.iter_mut().chain(xml.footers.iter_mut()) {
        *part = normalise::paragraph_ids(part, &mut next_id);
    }
    let mut out = Cursor::new(Vec::new());
    xml.pack(&mut out).map_err(|e| Error::Docx(e.to_string()))?;
    Ok(out.into_inner())
}

/// "Acme GmbH · ISMS-SOA · Version 1.2 · Classification: internal · DRAFT".
fn header(doc: &Document) -> Header {
    let c = &doc.control;
    let mut p = Paragraph::new()
        .add_run(text(&paged::header_identity(c)).size(16).color("464646"))
        .add_run(
            text(&format!(" · {}", paged::classification(c)))
                .size(16)
                .color("464646"),
        );
    if c.is_draft() {
        let (fill, ink) = paged::tone::colours(super::tree::Tone::Draft);
        p = p.add_run(Run::new().add_text(" ")).add_run(
            text("DRAFT")
                .bold()
                .size(16)
                .color(ink.trim_start_matches('#'))
                .shading(docx_rs::Shading::new().fill(fill.trim_start_matches('#'))),
        );
    }
    Header::new().add_paragraph(p)
}

/// "Classification: internal · Page 3 of 7".
fn footer(doc: &Document) -> Footer {
    let small = |s: &str| text(s).size(16).color("464646");
    Footer::new().add_paragraph(
        Paragraph::new()
            .add_run(small(&format!(
                "{} · Page ",
                paged::classification(&doc.control)
            )))
            .add_page_num(PageNum::new())
            .add_run(small(" of "))
            .add_num_pages(NumPages::new()),
    )
}

#[cfg(test)]
mod tests;
