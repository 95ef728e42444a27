//! `index.html`: the organization, the build date, and a link to every document written,
//! in each format it was written in.

use rustc_hash::FxHashSet as HashSet;

use super::writer::Html;
use super::{or_dash, party};
use crate::emit::Derived;
use crate::model::Keyword as _;

/// (title, clauses, HTML target, stem of the other formats' files)
const DOCUMENTS: &[(&str, &str, &str, &str)] = &[
    ("Statement of Applicability", "6.1.3 d", "soa.html", "soa"),
    (
        "Risk register",
        "6.1.2, 8.2",
        "risk-register.html",
        "risk-register",
    ),
    (
        "Risk treatment plan",
        "6.1.3, 8.3",
        "risk-register.html#treatment-plan",
        "treatment-plan",
    ),
    ("ISMS scope", "4.3", "scope.html", "scope"),
    (
        "Risk assessment methodology",
        "6.1.2 a",
        "methodology.html",
        "methodology",
    ),
    (
        "Information security objectives and metrics",
        "6.2, 7.2, 9.1",
        "objectives.html",
        "objectives",
    ),
    (
        "Internal audit programme",
        "9.2",
        "audit-programme.html",
        "audit-programme",
    ),
    (
        "Management review minutes",
        "9.3",
        "management-review.html",
        "management-review",
    ),
    (
        "Nonconformities and corrective actions",
        "10.2",
        "corrective-actions.html",
        "corrective-actions",
    ),
    (
        "Stage 1 audit readiness",
        "4–10",
        "readiness.html",
        "readiness",
    ),
];

const OTHER_FORMATS: &[(&str, &str)] = &[
    ("md", "Markdown"),
    ("csv", "CSV"),
    ("json", "JSON"),
    ("xlsx", "Excel"),
];

pub fn body(d: &Derived, paths: &[String]) -> Html {
    // A set, not a scan of `paths` per link: the index links every policy, so scanning
    // took quadratic time (20,000 policies: 12 s to build).
    let written: HashSet<&str> = paths.iter().map(String::as_str).collect();
    let has = |p: &str| written.contains(p);
    let mut h = Html::new();
    h.raw("<p class=\"lead\"><strong>")
        .text(&d.scope.organization)
        .raw("</strong>");
    if let Some(desc) = &d.scope.organization_description {
        h.raw(": ").text(desc);
    }
    h.raw("</p>\n<p>Scope: ")
        .text(&d.scope.statement)
        .raw("</p>\n<p class=\"muted\">Built from the ISMS source on ")
        .text(&d.register.date)
        .raw(". Every document below comes from the same model, so they agree with each other.</p>\n");
    h.raw("<h2 id=\"documents\">Documents</h2>\n<table>\n<thead><tr><th>Document</th><th>ISO/IEC 27001 clause</th><th>Other formats</th></tr></thead>\n<tbody>\n");
    for (title, clause, target, stem) in DOCUMENTS {
        let page = target.split('#').next().unwrap_or_default();
        if !has(page) {
            continue;
        }
        h.raw("<tr><td><a href=\"")
            .raw(target)
            .raw("\">")
            .raw(title)
            .raw("</a></td><td>")
            .raw(clause)
            .raw("</td><td class=\"formats\">");
        formats(&mut h, stem, &has);
        // The register's workbook holds the plan on its second sheet.
        if *stem == "treatment-plan" && has("risk-register.xlsx") {
            h.raw("<a href=\"risk-register.xlsx\">Excel</a>");
        }
        h.raw("</td></tr>\n");
    }
    h.raw("</tbody>\n</table>\n");
    h.raw("<h2 id=\"policies\">Policies</h2>\n");
    if d.policies.is_empty() {
        h.raw("<p class=\"muted\">No policies are recorded.</p>\n");
        return h;
    }
    h.raw("<table>\n<thead><tr><th>Policy</th><th>Kind</th><th>Version</th><th>Owner</th><th>Approved</th><th>Next review</th><th>Other formats</th></tr></thead>\n<tbody>\n");
    for p in &d.policies {
        let stem = p.stem();
        h.raw("<tr><td><a href=\"")
            .text(&stem)
            .raw(".html\">")
            .text(&p.title)
            .raw("</a> <span class=\"muted\">(")
            .text(&p.id)
            .raw(")</span></td><td>");
        or_dash(&mut h, p.kind.map(|k| k.as_str()));
        h.raw("</td><td>");
        or_dash(&mut h, p.version.as_deref());
        h.raw("</td><td>");
        party(&mut h, p.owner.as_ref());
        h.raw("</td><td class=\"nowrap\">");
        or_dash(&mut h, p.approved_on.as_deref());
        h.raw("</td><td class=\"nowrap\">");
        or_dash(&mut h, p.next_review.as_deref());
        h.raw("</td><td class=\"formats\">");
        formats(&mut h, &stem, &has);
        h.raw("</td></tr>\n");
    }
    h.raw("</tbody>\n</table>\n");
    h
}

/// Links to `stem.md`, `stem.csv`, … for the files that were written.
fn formats(h: &mut Html, stem: &str, has: &dyn Fn(&str) -> bool) {
    for (ext, label) in OTHER_FORMATS {
        let path = format!("{stem}.{ext}");
        if has(&path) {
            h.raw("<a href=\"")
                .text(&path)
                .raw("\">")
                .raw(label)
                .raw("</a>");
        }
    }
}
