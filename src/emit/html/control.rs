//! Document control in HTML (ISO/IEC 27001 7.5.2, 7.5.3): the control block under the
//! title, the revision history, the draft notice, and the running head and foot that
//! print the document's identity on every page.

use chrono::NaiveDate;

use super::writer::Html;
use crate::emit::tree::{DocumentControl, History};

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

/// The draft notice: why this document may not be relied on yet.
pub fn draft_notice(h: &mut Html, c: &DocumentControl) {
    if !c.is_draft() {
        return;
    }
    h.raw("<div class=\"banner tone-draft\" role=\"note\"><strong>DRAFT</strong>: this document is not yet in force.\n<ul>\n");
    for reason in &c.draft {
        h.el("<li>", &reason.describe(), "</li>\n");
    }
    h.raw("</ul>\n</div>\n");
}

/// The control block and the revision history.
pub fn block(h: &mut Html, c: &DocumentControl) {
    h.raw("<section class=\"doc-control\" aria-label=\"Document control\">\n<table class=\"control\">\n<tbody>\n");
    row(h, "Organisation", Some(&c.organization));
    row(h, "Document ID", Some(&c.id));
    row(h, "Version", c.version.as_deref());
    h.raw("<tr><th scope=\"row\">Owner</th><td>");
    super::party(h, c.owner.as_ref());
    h.raw("</td></tr>\n<tr><th scope=\"row\">Approved by</th><td>");
    super::party(h, c.approver.as_ref());
    if let Some(role) = &c.approver_role {
        h.raw(", ").text(role);
    }
    h.raw("</td></tr>\n");
    date_row(h, "Approved on", c.approved);
    row(h, "Classification", Some(&c.classification));
    date_row(h, "Next review", c.next_review);
    date_row(h, "Built on", Some(c.built));
    h.raw("</tbody>\n</table>\n");
    history(h, &c.history);
    h.raw("</section>\n");
}

fn history(h: &mut Html, history: &History) {
    match history {
        History::Revisions(revisions) if revisions.is_empty() => {
            h.raw("<p class=\"history muted\">Revision history: no revisions recorded.</p>\n");
        }
        History::Revisions(revisions) => {
            h.raw("<table class=\"history\">\n<caption>Revision history</caption>\n<thead><tr><th scope=\"col\">Date</th><th scope=\"col\">Commit</th><th scope=\"col\">Author</th><th scope=\"col\">Change</th></tr></thead>\n<tbody>\n");
            for r in revisions {
                h.raw("<tr><td class=\"nowrap\">")
                    .text(&ymd(r.date))
                    .raw("</td><td><code>")
                    .text(&r.commit)
                    .raw("</code></td><td>")
                    .text(&r.author)
                    .raw("</td><td>")
                    .text(&r.subject)
                    .raw("</td></tr>\n");
            }
            h.raw("</tbody>\n</table>\n");
        }
        History::Unavailable(reason) => {
            h.raw("<p class=\"history muted\">Revision history: ")
                .text(reason)
                .raw("</p>\n");
        }
    }
}

fn row(h: &mut Html, label: &'static str, value: Option<&str>) {
    h.raw("<tr><th scope=\"row\">").raw(label).raw("</th><td>");
    match value {
        Some(v) if !v.is_empty() => {
            h.text(v);
        }
        _ => {
            h.raw("<span class=\"muted\">—</span>");
        }
    }
    h.raw("</td></tr>\n");
}

fn date_row(h: &mut Html, label: &'static str, date: Option<NaiveDate>) {
    row(h, label, date.map(ymd).as_deref());
}

pub fn ymd(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}
