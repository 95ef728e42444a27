//! One document of the tree as an HTML page: the shared page (CSP, embedded stylesheet,
//! navigation), the title, the document control, the body, and the running head and foot
//! that print the document's identity on every page.

use std::collections::BTreeSet;

use chrono::NaiveDate;

use super::control::{self, ymd};
use super::page::{CSP, STYLE};
use super::writer::Html;
use super::{blocks, links};
use crate::emit::documents::control_block;
use crate::emit::tree::{Block, Document};

/// Added to `style.css` for the tree's pages: document control, banners, badges' tones
/// and the printed page's running head and foot.
const TREE_STYLE: &str = include_str!("tree.css");

/// What a page knows of the rest of the build: the organisation, the build date, the
/// navigation bar and the files written (for the links to a document's other formats).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Nav {
    pub organization: String,
    pub built: NaiveDate,
    pub bar: Vec<NavLink>,
    /// Every path the build writes, `/`-separated (`soa.md`, `policies/access.pdf`).
    pub written: BTreeSet<String>,
}

/// A link of the navigation bar: a document (by stem) or an anchor in one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NavLink {
    pub stem: String,
    pub anchor: Option<String>,
    pub label: String,
}

/// The bar of today's pages, in order: (stem, label). Documents not on it are reached
/// from the index.
const BAR: &[(&str, &str)] = &[
    ("soa", "Statement of Applicability"),
    ("risk-register", "Risk register"),
    ("scope", "Scope"),
    ("methodology", "Methodology"),
];

/// The stem of the index page.
pub const INDEX: &str = "index";

/// The formats a document may be written in, in the order the index and the pages list
/// them: (extension, label).
pub const FORMATS: &[(&str, &str)] = &[
    ("md", "Markdown"),
    ("html", "HTML"),
    ("pdf", "PDF"),
    ("docx", "Word"),
    ("csv", "CSV"),
    ("xlsx", "Excel"),
    ("json", "JSON"),
];

impl Nav {
    /// The navigation of a build of `docs` that writes the files `written`: the overview,
    /// today's bar of the documents that exist, and the policies when there are any.
    pub fn new(
        organization: &str,
        built: NaiveDate,
        docs: &[Document],
        written: impl IntoIterator<Item = String>,
    ) -> Nav {
        let link = |stem: &str, anchor: Option<&str>, label: &str| NavLink {
            stem: stem.to_string(),
            anchor: anchor.map(str::to_string),
            label: label.to_string(),
        };
        let mut bar = vec![link(INDEX, None, "Overview")];
        for (stem, label) in BAR {
            if docs.iter().any(|d| d.stem == *stem) {
                bar.push(link(stem, None, label));
            }
        }
        if docs.iter().any(|d| is_policy(&d.stem)) {
            bar.push(link(INDEX, Some("policies"), "Policies"));
        }
        Nav {
            organization: organization.to_string(),
            built,
            bar,
            written: written.into_iter().collect(),
        }
    }

    /// The files written for `stem`, as (relative path from `from`, label).
    pub fn formats_of(&self, from: &str, stem: &str) -> Vec<(String, &'static str)> {
        FORMATS
            .iter()
            .filter(|(ext, _)| self.written.contains(&format!("{stem}.{ext}")))
            .map(|(ext, label)| (links::file(from, stem, ext), *label))
            .collect()
    }
}

/// Policies are written under `policies/`, and listed apart on the index.
pub fn is_policy(stem: &str) -> bool {
    stem.starts_with("policies/")
}

/// The page of `doc`.
pub fn render(doc: &Document, nav: &Nav) -> String {
    let c = &doc.control;
    let mut h = Html::new();
    head(&mut h, &doc.title, &c.organization, wide(&doc.body));
    bar(&mut h, nav, &doc.stem);
    control::running(&mut h, c);
    control::frame_open(&mut h);
    h.raw("<div class=\"page\">\n<header class=\"doc\">\n<p class=\"org\">")
        .text(&c.organization)
        .raw("</p>\n<h1>")
        .text(&doc.title);
    if c.is_draft() {
        h.raw(" <span class=\"pill tone-draft\">DRAFT</span>");
    }
    h.raw("</h1>\n<p class=\"meta\">");
    if !doc.clause.is_empty() {
        // "6.1.3 d" is a clause, "A.5.15" an Annex A control.
        h.raw(if doc.clause.starts_with("A.") {
            "ISO/IEC 27001:2022 control "
        } else {
            "ISO/IEC 27001:2022 clause "
        })
        .text(&doc.clause)
        .raw(" · ");
    }
    h.raw("As of ").text(&ymd(c.built)).raw("</p>\n");
    other_formats(&mut h, nav, &doc.stem);
    h.raw("</header>\n");
    // The control block is the tree's (`control_block`), as every format prints it.
    h.raw(
        "<section class=\"doc-control\" aria-label=\"Document control\">\n<p class=\"identity\">",
    )
    .text(&control_block::identity(c))
    .raw("</p>\n");
    blocks::body(&mut h, &doc.stem, &control_block::blocks(c));
    h.raw("</section>\n");
    h.raw("<main>\n");
    blocks::body(&mut h, &doc.stem, &doc.body);
    h.raw("</main>\n<footer class=\"doc\">")
        .text(&c.organization)
        .raw(" · ")
        .text(&doc.title)
        .raw(" · ")
        .text(&c.id);
    if let Some(v) = &c.version {
        h.raw(" version ").text(v);
    }
    h.raw(" · ")
        .text(&c.classification)
        .raw(" · As of ")
        .text(&ymd(c.built))
        .raw(" · Generated from the ISMS source by isms</footer>\n</div>\n");
    control::frame_close(&mut h);
    h.raw("</body>\n</html>\n");
    h.finish()
}

/// `<!DOCTYPE>` to `<body>`: the policy that lets the page load nothing, and the style.
pub(super) fn head(h: &mut Html, title: &str, organization: &str, wide: bool) {
    h.raw("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .raw(CSP)
        .raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .raw("<title>")
        .text(title)
        .raw(" — ")
        .text(organization)
        .raw("</title>\n<style>\n")
        .raw(STYLE)
        .raw(TREE_STYLE)
        .raw("</style>\n</head>\n")
        .raw(if wide {
            "<body class=\"wide\">\n"
        } else {
            "<body>\n"
        });
}

/// The navigation bar, links relative to the document `from`.
pub(super) fn bar(h: &mut Html, nav: &Nav, from: &str) {
    h.raw("<nav class=\"top\">");
    for l in &nav.bar {
        let mut href = links::file(from, &l.stem, "html");
        if let Some(a) = &l.anchor {
            href.push('#');
            href.push_str(a);
        }
        h.raw("<a href=\"").text(&href).raw("\"");
        if l.stem == from && l.anchor.is_none() {
            h.raw(" class=\"here\" aria-current=\"page\"");
        }
        h.raw(">").text(&l.label).raw("</a>");
    }
    h.raw("</nav>\n");
}

/// "Also as: Markdown · PDF": the document's own files in the other formats (screen only).
fn other_formats(h: &mut Html, nav: &Nav, stem: &str) {
    let formats: Vec<_> = nav
        .formats_of(stem, stem)
        .into_iter()
        .filter(|(_, label)| *label != "HTML")
        .collect();
    if formats.is_empty() {
        return;
    }
    h.raw("<p class=\"formats screen\">Also as:");
    for (href, label) in formats {
        h.raw(" <a href=\"")
            .text(&href)
            .raw("\">")
            .raw(label)
            .raw("</a>");
    }
    h.raw("</p>\n");
}

/// A body with a table wider than a portrait page can hold (about 110 characters of
/// columns: the SoA, the register) prints on landscape pages.
fn wide(body: &[Block]) -> bool {
    body.iter().any(|b| match b {
        Block::Table(t) => t.columns.iter().map(|c| c.width).sum::<f64>() > 110.0,
        Block::Heading { .. }
        | Block::Paragraph(_)
        | Block::Fields(_)
        | Block::Bullets(_)
        | Block::Banner { .. }
        | Block::Prose(_)
        | Block::Chart(_) => false,
    })
}
