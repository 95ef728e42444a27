//! The blocks of a document body as HTML. Every block of the tree has its element here;
//! the styles are today's (`style.css`) plus `tree.css`.

use super::heatmap::{self, Show};
use super::inlines::{self, run};
use super::markdown;
use super::writer::Html;
use crate::emit::tree::{Block, Chart, Field, Table};

/// The blocks of a body, as seen from the document `from` (its stem).
pub fn body(h: &mut Html, from: &str, blocks: &[Block]) {
    for b in blocks {
        block(h, from, b);
    }
}

fn block(h: &mut Html, from: &str, b: &Block) {
    match b {
        Block::Heading {
            level,
            text,
            anchor,
        } => heading(h, *level, text, anchor.as_deref()),
        Block::Paragraph(inlines) => {
            h.raw("<p>");
            run(h, from, inlines);
            h.raw("</p>\n");
        }
        Block::Fields(fields) => self::fields(h, from, fields),
        Block::Table(t) => table(h, from, t),
        Block::Bullets(items) => {
            h.raw("<ul>\n");
            for item in items {
                h.raw("<li>");
                run(h, from, item);
                h.raw("</li>\n");
            }
            h.raw("</ul>\n");
        }
        Block::Banner { tone, text } => {
            h.raw("<div class=\"")
                .raw(inlines::banner_class(*tone))
                .raw("\" role=\"note\">");
            run(h, from, text);
            h.raw("</div>\n");
        }
        Block::Prose(markdown) => {
            h.raw("<div class=\"prose\">\n")
                .trusted(&markdown::render(markdown))
                .raw("</div>\n");
        }
        Block::Chart(Chart::HeatMap { caption, map }) => {
            // The tree does not say what the cells show: a map with risks placed shows
            // them (the register), one without shows each cell's level and score (the
            // methodology), so an empty grid still says something.
            let show = if map.cells.iter().any(|c| !c.risks.is_empty()) {
                Show::Risks
            } else {
                Show::Levels
            };
            h.raw("<figure>\n")
                .el("<figcaption>", caption, "</figcaption>\n");
            heatmap::svg(h, map, show, caption);
            h.raw("</figure>\n");
        }
    }
}

/// Level 1 is the page's title, so a body heading is `<h2>` at least.
fn heading(h: &mut Html, level: u8, text: &str, anchor: Option<&str>) {
    let (open, close) = match level {
        0..=2 => ("<h2", "</h2>\n"),
        3 => ("<h3", "</h3>\n"),
        4 => ("<h4", "</h4>\n"),
        5 => ("<h5", "</h5>\n"),
        _ => ("<h6", "</h6>\n"),
    };
    h.raw(open);
    if let Some(a) = anchor {
        h.raw(" id=\"").text(a).raw("\"");
    }
    h.raw(">").text(text).raw(close);
}

fn fields(h: &mut Html, from: &str, fields: &[Field]) {
    h.raw("<dl class=\"facts\">\n");
    for f in fields {
        h.el("<dt>", &f.label, "</dt>").raw("<dd>");
        if f.value.is_empty() {
            h.raw("<span class=\"muted\">—</span>");
        } else {
            run(h, from, &f.value);
        }
        h.raw("</dd>\n");
    }
    h.raw("</dl>\n");
}

/// A table of the tree. `data-key` names it for tests; every row has one cell per column
/// (the tree's invariant), so the header and the rows line up.
fn table(h: &mut Html, from: &str, t: &Table) {
    h.raw("<table data-key=\"").text(t.key).raw("\">\n");
    if let Some(caption) = &t.caption {
        h.el("<caption>", caption, "</caption>\n");
    }
    h.raw("<thead><tr>");
    for c in &t.columns {
        h.el("<th scope=\"col\">", &c.title, "</th>");
    }
    h.raw("</tr></thead>\n<tbody>\n");
    for row in &t.rows {
        h.raw("<tr>");
        for cell in row {
            h.raw("<td>");
            run(h, from, cell);
            h.raw("</td>");
        }
        h.raw("</tr>\n");
    }
    h.raw("</tbody>\n</table>\n");
}
