//! `scope.html` (clause 4.3) and `methodology.html` (clause 6.1.2 a).

use super::heatmap::{self, Show};
use super::writer::Html;
use super::{or_dash, palette};
use crate::emit::heatmap::Rating;
use crate::emit::methodology::MethodologyDoc;
use crate::emit::scope::ScopeDoc;

pub fn scope(s: &ScopeDoc) -> Html {
    let mut h = Html::new();
    if let Some(d) = &s.organization_description {
        h.raw("<p class=\"lead\"><strong>")
            .text(&s.organization)
            .raw("</strong>: ")
            .text(d)
            .raw("</p>\n");
    }
    h.raw("<h2 id=\"statement\">Scope statement</h2>\n").el(
        "<div class=\"callout\">",
        &s.statement,
        "</div>\n",
    );
    if let Some(doc) = &s.doc {
        h.el("<p class=\"muted\">", doc, "</p>\n");
    }
    list(&mut h, "Included", "included", &s.includes);
    h.raw("<h2 id=\"excluded\">Excluded</h2>\n");
    if s.excludes.is_empty() {
        h.raw("<p class=\"muted\">Nothing is excluded.</p>\n");
    } else {
        h.raw("<table>\n<thead><tr><th>Excluded</th><th>Reason</th></tr></thead>\n<tbody>\n");
        for e in &s.excludes {
            h.el("<tr><td>", &e.what, "</td><td>");
            or_dash(&mut h, e.reason.as_deref());
            h.raw("</td></tr>\n");
        }
        h.raw("</tbody>\n</table>\n");
    }
    list(
        &mut h,
        "Interfaces and dependencies",
        "interfaces",
        &s.interfaces,
    );
    h
}

fn list(h: &mut Html, heading: &'static str, id: &'static str, items: &[String]) {
    h.raw("<h2 id=\"")
        .raw(id)
        .raw("\">")
        .raw(heading)
        .raw("</h2>\n");
    super::items(h, items);
}

pub fn methodology(m: &MethodologyDoc) -> Html {
    let mut h = Html::new();
    if let Some(doc) = &m.doc {
        h.el("<p class=\"lead\">", doc, "</p>\n");
    }
    h.raw(
        "<p>Each risk is rated for likelihood and impact on the scales below. Its score is \
         likelihood × impact, and its level is the level whose score range holds the \
         score.</p>\n",
    );
    h.raw("<h2 id=\"scales\">Scales</h2>\n");
    scale(&mut h, "Likelihood", &m.likelihood);
    scale(&mut h, "Impact", &m.impact);
    h.raw("<h2 id=\"levels\">Risk levels</h2>\n<table class=\"narrow\">\n<thead><tr><th>Level</th><th>Scores</th><th>Acceptance</th></tr></thead>\n<tbody>\n");
    let count = m.levels.len();
    for (rank, l) in m.levels.iter().enumerate() {
        h.raw("<tr><td><span class=\"")
            .raw(palette::level_class(Some(rank), count))
            .raw("\">")
            .text(&l.name)
            .raw("</span></td><td>")
            .num(l.low)
            .raw("–")
            .num(l.high)
            .raw("</td><td>")
            .raw(if l.above_acceptance {
                "Above the threshold: acceptance must be recorded (<code>accepted_by</code>, with a date)"
            } else {
                "The risk owner may accept"
            })
            .raw("</td></tr>\n");
    }
    h.raw("</tbody>\n</table>\n<dl class=\"facts\">\n<dt>Acceptance threshold</dt><dd>");
    match &m.accept {
        Some(a) => {
            h.raw("<strong>").text(a).raw(
                "</strong>: the highest level a risk owner may accept alone. Above it, \
                     an accepted risk (or the residual risk of a mitigated or transferred \
                     one) needs a named acceptor and a date.",
            );
        }
        None => {
            h.raw("<span class=\"muted\">—</span>");
        }
    }
    h.raw("</dd>\n<dt>Review</dt><dd>");
    match &m.review {
        Some(r) => {
            h.raw("Every risk is re-assessed every ").text(r).raw(".");
        }
        None => {
            h.raw("<span class=\"muted\">No review period is set.</span>");
        }
    }
    h.raw("</dd>\n</dl>\n<h2 id=\"matrix\">Risk matrix</h2>\n<figure>\n");
    heatmap::svg(
        &mut h,
        &m.matrix,
        Show::Levels,
        "Risk level of each likelihood × impact",
    );
    h.raw("</figure>\n");
    h
}

fn scale(h: &mut Html, name: &'static str, values: &[Rating]) {
    h.raw("<h3>")
        .raw(name)
        .raw("</h3>\n<table class=\"narrow\">\n<thead><tr><th class=\"num\">Value</th><th>Meaning</th></tr></thead>\n<tbody>\n");
    for r in values {
        h.raw("<tr><td class=\"num\">")
            .num(r.value)
            .raw("</td>")
            .el("<td>", &r.label, "</td></tr>\n");
    }
    h.raw("</tbody>\n</table>\n");
}
