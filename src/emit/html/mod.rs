//! The HTML documents: `index.html`, `soa.html`, `risk-register.html`, `scope.html`,
//! `methodology.html` and `policies/<name>.html` (see `file_names`). Each is one
//! self-contained file (the stylesheet embedded, no scripts, no external resources) that
//! prints cleanly to PDF.
//!
//! All user text goes through [`writer::Html::text`], which escapes it.

mod context;
mod heatmap;
mod index;
mod lifecycle;
mod markdown;
mod page;
pub(super) mod palette; // also the PDF heat map's colours
mod policy;
mod register;
mod soa;
mod writer;

use super::names::Party;
use super::{Derived, Document};
use crate::model::Status;
use page::{Here, Page};
use writer::Html;

/// Every HTML document; `others` are the paths of the other formats' files, for the index.
pub fn documents(d: &Derived, others: &[String]) -> Vec<Document> {
    let org = d.register.organization.as_str();
    let date = d.register.date.as_str();
    let methodology = d.methodology.is_some();
    let page = |here, title: &str, subtitle, body| {
        page::render(
            &Page {
                here,
                title,
                organization: org,
                date,
                subtitle,
                methodology,
            },
            body,
        )
    };
    let levels = d.methodology.as_ref().map_or(0, |m| m.levels.len());
    let mut docs = vec![
        Document::new(
            "soa.html",
            page(
                Here::Soa,
                "Statement of Applicability",
                "ISO/IEC 27001:2022 clause 6.1.3 d",
                soa::body(&d.soa, &d.policy_files),
            ),
        ),
        Document::new(
            "risk-register.html",
            page(
                Here::Register,
                "Risk register and treatment plan",
                "ISO/IEC 27001:2022 clauses 6.1.2, 6.1.3, 8.2 and 8.3",
                register::body(&d.register, levels),
            ),
        ),
        Document::new(
            "scope.html",
            page(
                Here::Scope,
                "ISMS scope",
                "ISO/IEC 27001:2022 clause 4.3",
                context::scope(&d.scope),
            ),
        ),
    ];
    if let Some(m) = &d.methodology {
        docs.push(Document::new(
            "methodology.html",
            page(
                Here::Methodology,
                "Risk assessment methodology",
                "ISO/IEC 27001:2022 clause 6.1.2",
                context::methodology(m),
            ),
        ));
    }
    for p in &d.policies {
        docs.push(Document::new(
            format!("{}.html", p.stem()),
            page(
                Here::Policy,
                &p.title,
                policy::subtitle(p),
                policy::body(p, &d.policy_files),
            ),
        ));
    }
    let l = &d.lifecycle;
    docs.push(Document::new(
        "readiness.html",
        page(
            Here::Lifecycle,
            "Stage 1 audit readiness",
            "ISO/IEC 27001:2022 clauses 4 to 10: required documented information",
            lifecycle::readiness(l),
        ),
    ));
    if l.any() {
        let pages: [(&str, &str, &'static str, Html); 4] = [
            (
                "audit-programme.html",
                "Internal audit programme",
                "ISO/IEC 27001:2022 clause 9.2",
                lifecycle::audit_programme(l),
            ),
            (
                "management-review.html",
                "Management review minutes",
                "ISO/IEC 27001:2022 clause 9.3",
                lifecycle::reviews(l),
            ),
            (
                "corrective-actions.html",
                "Nonconformities and corrective actions",
                "ISO/IEC 27001:2022 clause 10.2 and controls 5.24 to 5.28",
                lifecycle::corrective_actions(l),
            ),
            (
                "objectives.html",
                "Information security objectives",
                "ISO/IEC 27001:2022 clauses 6.2, 7.2 and 9.1",
                lifecycle::objectives(l),
            ),
        ];
        for (path, title, subtitle, body) in pages {
            docs.push(Document::new(
                path,
                page(Here::Lifecycle, title, subtitle, body),
            ));
        }
    }
    let mut paths: Vec<String> = docs.iter().map(|d| d.path.clone()).collect();
    paths.extend(others.iter().cloned());
    docs.push(Document::new(
        "index.html",
        page(
            Here::Index,
            "Information security management system",
            "Documents for the ISO/IEC 27001:2022 certification audit",
            index::body(d, &paths),
        ),
    ));
    docs
}

/// A person's or role's name, with the ID in grey when it differs.
/// A bulleted list of user text, or "None." when there is nothing to list.
fn items(h: &mut Html, items: &[String]) {
    if items.is_empty() {
        h.raw("<p class=\"muted\">None.</p>\n");
        return;
    }
    h.raw("<ul>\n");
    for i in items {
        h.el("<li>", i, "</li>\n");
    }
    h.raw("</ul>\n");
}

fn party(h: &mut Html, p: Option<&Party>) {
    match p {
        None => {
            h.raw("<span class=\"muted\">—</span>");
        }
        Some(p) => {
            h.text(&p.name);
            if p.name != p.id {
                h.raw(" <span class=\"muted\">(")
                    .text(&p.id)
                    .raw(")</span>");
            }
        }
    }
}

/// The status of a control; `excluded` wins, no record is shown as such.
fn status_pill(h: &mut Html, status: Option<Status>, excluded: bool) {
    if excluded {
        h.raw("<span class=\"pill st-excluded\">excluded</span>");
        return;
    }
    let words = status.map_or("not recorded", super::names::status_words);
    h.raw("<span class=\"")
        .raw(palette::status_class(status))
        .raw("\">")
        .raw(words)
        .raw("</span>");
}

/// A risk level as a coloured tag, with its score.
fn level_pill(
    h: &mut Html,
    level: Option<&str>,
    score: Option<i64>,
    rank: Option<usize>,
    levels: usize,
) {
    let Some(level) = level else {
        h.raw("<span class=\"muted\">—</span>");
        return;
    };
    h.raw("<span class=\"")
        .raw(palette::level_class(rank, levels))
        .raw("\">")
        .text(level);
    if let Some(s) = score {
        h.raw(" ").num(s);
    }
    h.raw("</span>");
}

/// IDs as links to `prefix` + ID + `suffix` (anchors or files), comma-separated.
fn linked_ids(h: &mut Html, ids: &[String], prefix: &'static str, suffix: &'static str) {
    for (i, id) in ids.iter().enumerate() {
        if i > 0 {
            h.raw(", ");
        }
        h.raw("<a href=\"")
            .raw(prefix)
            .text(id)
            .raw(suffix)
            .raw("\">")
            .text(id)
            .raw("</a>");
    }
}

/// `value` or a grey dash.
fn or_dash(h: &mut Html, value: Option<&str>) {
    match value {
        Some(v) if !v.is_empty() => {
            h.text(v);
        }
        _ => {
            h.raw("<span class=\"muted\">—</span>");
        }
    }
}
