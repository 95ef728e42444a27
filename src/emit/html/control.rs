//! Document control in HTML (ISO/IEC 27001 7.5.2, 7.5.3): the running head and foot that
//! print the document's identity on every page. The control block itself is the tree's
//! (`documents::control_block`), rendered like any other block.

use chrono::NaiveDate;

use super::writer::Html;
use crate::emit::tree::DocumentControl;

/// The identity printed at the top of every page: organisation, ID, version and
/// classification; and at the bottom the classification, with DRAFT while a draft.
/// Hidden on screen; `tree.css` fixes them to each printed page.
pub fn running(h: &mut Html, c: &DocumentControl) {
    h.raw("<div class=\"running head\" aria-hidden=\"true\"><span>")
        .text(&c.organization)
        .raw("</span><span>")
        .text(&c.id);
    if let Some(v) = &c.version {
        h.raw(" · version ").text(v);
    }
    h.raw("</span><span>")
        .text(&c.classification)
        .raw("</span></div>\n<div class=\"running foot\" aria-hidden=\"true\"><span>")
        .text(&c.classification)
        .raw("</span>");
    if c.is_draft() {
        h.raw("<span class=\"draft\">DRAFT</span>");
    }
    h.raw("</div>\n");
}

/// Opens the frame that keeps the printed text clear of the running head and foot: its
/// empty header and footer rows repeat on every printed page (as any table's do), making
/// room where the fixed head and foot are drawn. Browsers print nothing in the page
/// margins, so the room has to be inside the page. On screen the frame is plain blocks.
pub fn frame_open(h: &mut Html) {
    h.raw("<table class=\"frame\" role=\"presentation\">\n<thead><tr><td><div class=\"frame-space\"></div></td></tr></thead>\n<tfoot><tr><td><div class=\"frame-space\"></div></td></tr></tfoot>\n<tbody><tr><td>\n");
}

pub fn frame_close(h: &mut Html) {
    h.raw("</td></tr></tbody>\n</table>\n");
}

pub fn ymd(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}
