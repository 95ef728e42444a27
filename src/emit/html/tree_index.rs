//! `index.html` from the documents of the tree: each document's title (the string its
//! page prints), clause, ID, version, draft state, and its files in every format
//! written. A row links only files of its own stem, never another document's.

use super::blocks;
use super::render::{self, is_policy, Nav, INDEX};
use super::writer::Html;
use crate::emit::tree::{Block, Document};

/// The title of the index page.
pub const TITLE: &str = "Information security management system";

/// The index of `docs`; `intro` is what the page says above the list (the organisation,
/// the scope statement).
pub fn render(docs: &[Document], nav: &Nav, intro: &[Block]) -> String {
    let mut h = Html::new();
    render::head(&mut h, TITLE, &nav.organization, false);
    render::bar(&mut h, nav, INDEX);
    h.raw("<div class=\"page\">\n<header class=\"doc\">\n<p class=\"org\">")
        .text(&nav.organization)
        .raw("</p>\n<h1>")
        .raw(TITLE)
        .raw("</h1>\n<p class=\"meta\">Documents for the ISO/IEC 27001:2022 certification audit · As of ")
        .text(&super::control::ymd(nav.built))
        .raw("</p>\n</header>\n<main>\n");
    blocks::body(&mut h, INDEX, intro);
    let (policies, others): (Vec<&Document>, Vec<&Document>) =
        docs.iter().partition(|d| is_policy(&d.stem));
    h.raw("<h2 id=\"documents\">Documents</h2>\n");
    list(&mut h, nav, &others, "Document", "No documents were built.");
    h.raw("<h2 id=\"policies\">Policies</h2>\n");
    list(
        &mut h,
        nav,
        &policies,
        "Policy",
        "No policies are recorded.",
    );
    h.raw("</main>\n<footer class=\"doc\">")
        .text(&nav.organization)
        .raw(" · As of ")
        .text(&super::control::ymd(nav.built))
        .raw(" · Generated from the ISMS source by isms</footer>\n</div>\n</body>\n</html>\n");
    h.finish()
}

fn list(h: &mut Html, nav: &Nav, docs: &[&Document], noun: &'static str, none: &'static str) {
    if docs.is_empty() {
        h.raw("<p class=\"muted\">").raw(none).raw("</p>\n");
        return;
    }
    h.raw("<table class=\"index\">\n<thead><tr><th scope=\"col\">")
        .raw(noun)
        .raw("</th><th scope=\"col\">ISO/IEC 27001</th><th scope=\"col\">ID</th><th scope=\"col\">Version</th><th scope=\"col\">Status</th><th scope=\"col\">Formats</th></tr></thead>\n<tbody>\n");
    for d in docs {
        let formats = nav.formats_of(INDEX, &d.stem);
        let page = formats.iter().find(|(_, label)| *label == "HTML");
        h.raw("<tr><td>");
        match page {
            Some((href, _)) => {
                h.raw("<a href=\"")
                    .text(href)
                    .raw("\">")
                    .text(&d.title)
                    .raw("</a>");
            }
            None => {
                h.text(&d.title);
            }
        }
        h.raw("</td><td>")
            .text(&d.clause)
            .raw("</td><td class=\"nowrap\"><code>")
            .text(&d.control.id)
            .raw("</code></td><td>");
        match &d.control.version {
            Some(v) => {
                h.text(v);
            }
            None => {
                h.raw("<span class=\"muted\">—</span>");
            }
        }
        h.raw("</td><td>");
        if d.control.is_draft() {
            h.raw("<span class=\"pill tone-draft\">DRAFT</span>");
        } else {
            h.raw("<span class=\"pill tone-good\">approved</span>");
        }
        h.raw("</td><td class=\"formats\">");
        for (href, label) in &formats {
            h.raw("<a href=\"")
                .text(href)
                .raw("\">")
                .raw(label)
                .raw("</a>");
        }
        h.raw("</td></tr>\n");
    }
    h.raw("</tbody>\n</table>\n");
}
