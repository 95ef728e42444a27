//! `policies/<name>.html`: the document-control table, the sections (Markdown, with raw
//! HTML escaped), the numbered statements and the controls the policy implements.

use super::markdown;
use super::writer::Html;
use super::{or_dash, party, status_pill};
use crate::emit::file_names::PolicyFiles;
use crate::emit::names::Named;
use crate::emit::policy::PolicyDoc;
use crate::model::PolicyKind;

/// The line under the title: what kind of document this is.
pub fn subtitle(p: &PolicyDoc) -> &'static str {
    match p.kind {
        Some(PolicyKind::Policy) => "Information security policy (ISO/IEC 27001:2022 clause 5.2)",
        Some(PolicyKind::Topic) => "Topic-specific policy (ISO/IEC 27001:2022 control A.5.1)",
        Some(PolicyKind::Procedure) => "Procedure",
        Some(PolicyKind::Standard) => "Standard",
        None => "Policy document",
    }
}
use crate::model::Keyword as _;

pub fn body(p: &PolicyDoc, files: &PolicyFiles) -> Html {
    let mut h = Html::new();
    h.raw(
        "<h2 id=\"document-control\">Document control</h2>\n<table class=\"control\">\n<tbody>\n",
    );
    h.raw("<tr><th>Document ID</th><td>")
        .text(&p.id)
        .raw("</td></tr>\n");
    h.raw("<tr><th>Version</th><td>");
    or_dash(&mut h, p.version.as_deref());
    h.raw("</td></tr>\n<tr><th>Kind</th><td>");
    or_dash(&mut h, p.kind.map(|k| k.as_str()));
    h.raw("</td></tr>\n<tr><th>Owner</th><td>");
    party(&mut h, p.owner.as_ref());
    h.raw("</td></tr>\n<tr><th>Approved by</th><td>");
    party(&mut h, p.approver.as_ref());
    h.raw("</td></tr>\n<tr><th>Approval date</th><td>");
    or_dash(&mut h, p.approved_on.as_deref());
    h.raw("</td></tr>\n<tr><th>Review period</th><td>");
    or_dash(&mut h, p.review.as_deref());
    h.raw("</td></tr>\n<tr><th>Next review</th><td>");
    or_dash(&mut h, p.next_review.as_deref());
    h.raw("</td></tr>\n<tr><th>Parent policy</th><td>");
    match &p.parent {
        Some(parent) => policy_link(&mut h, parent, files),
        None => {
            h.raw("<span class=\"muted\">—</span>");
        }
    }
    h.raw("</td></tr>\n");
    if !p.children.is_empty() {
        h.raw("<tr><th>Subordinate policies</th><td>");
        for (i, c) in p.children.iter().enumerate() {
            if i > 0 {
                h.raw("<br>");
            }
            policy_link(&mut h, c, files);
        }
        h.raw("</td></tr>\n");
    }
    h.raw("</tbody>\n</table>\n");
    if let Some(doc) = &p.doc {
        h.el("<p class=\"lead\">", doc, "</p>\n");
    }
    for s in &p.sections {
        h.el("<h2>", &s.heading, "</h2>\n<div class=\"prose\">\n")
            .trusted(&markdown::render(&s.body))
            .raw("</div>\n");
    }
    if !p.statements.is_empty() {
        h.raw("<h2 id=\"statements\">Policy statements</h2>\n<table class=\"statements\">\n<thead><tr><th>No.</th><th>Statement</th></tr></thead>\n<tbody>\n");
        for s in &p.statements {
            h.raw("<tr id=\"st-")
                .text(&s.id)
                .raw("\"><td class=\"id\">")
                .text(&s.id)
                .raw("</td>")
                .el("<td>", &s.text, "</td></tr>\n");
        }
        h.raw("</tbody>\n</table>\n");
    }
    h.raw("<h2 id=\"controls\">Controls implemented</h2>\n");
    if p.implements.is_empty() {
        h.raw("<p class=\"muted\">This policy names no control.</p>\n");
        return h;
    }
    h.raw("<table>\n<thead><tr><th>Control</th><th>Title</th><th>Status</th><th>Control owner</th></tr></thead>\n<tbody>\n");
    for c in &p.implements {
        h.raw("<tr><td class=\"id\"><a href=\"../soa.html#ctl-")
            .text(&c.id)
            .raw("\">")
            .text(&c.id)
            .raw("</a></td>")
            .el("<td>", &c.title, "</td>")
            .raw("<td>");
        status_pill(&mut h, c.status, false);
        h.raw("</td><td>");
        party(&mut h, c.owner.as_ref());
        h.raw("</td></tr>\n");
    }
    h.raw("</tbody>\n</table>\n");
    h
}

/// A link to a sibling policy page.
fn policy_link(h: &mut Html, p: &Named, files: &PolicyFiles) {
    h.raw("<a href=\"")
        .text(&files.name(&p.id))
        .raw(".html\">")
        .text(&p.name)
        .raw("</a> <span class=\"muted\">(")
        .text(&p.id)
        .raw(")</span>");
}
