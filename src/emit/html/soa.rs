//! `soa.html`: key figures, the counts by theme, then every control grouped by theme (in
//! catalog order) and the additional controls.

use super::writer::Html;
use super::{linked_ids, or_dash, party, status_pill};
use crate::emit::file_names::PolicyFiles;
use crate::emit::names::Party;
use crate::emit::soa::{Counts, Soa, SoaRow};

pub fn body(s: &Soa, files: &PolicyFiles) -> Html {
    let mut h = Html::new();
    h.raw("<p class=\"lead\">Every control of ");
    match &s.framework {
        Some(f) => {
            h.raw("<code>").text(f).raw("</code>");
        }
        None => {
            h.raw("the frameworks in use");
        }
    }
    h.raw(
        " is listed once, in catalog order: applicable, with the risks and requirements \
         that need it, or excluded, with the reason. The project's own controls follow \
         as additional controls.</p>\n",
    );
    cards(&mut h, &s.summary.total, s.additional_controls.len());
    h.raw("<h2 id=\"summary\">Summary by theme</h2>\n");
    summary(&mut h, s);
    h.raw("<h2 id=\"controls\" class=\"major\">Controls</h2>\n");
    controls(&mut h, s, &s.controls, true, files);
    if !s.additional_controls.is_empty() {
        h.raw("<h2 id=\"additional\">Additional controls</h2>\n");
        controls(&mut h, s, &s.additional_controls, false, files);
    }
    h
}

fn cards(h: &mut Html, c: &Counts, additional: usize) {
    h.raw("<div class=\"cards\">");
    let controls = if additional > 0 {
        "controls, with the additional ones"
    } else {
        "controls"
    };
    for (n, label) in [
        (c.controls, controls),
        (c.applicable, "applicable"),
        (c.excluded, "excluded"),
        (c.implemented, "implemented"),
        (c.partial, "partially implemented"),
        (c.planned, "planned"),
        (c.not_implemented, "not implemented"),
        (c.not_recorded, "without a record"),
    ] {
        h.raw("<div class=\"card\"><div class=\"n\">")
            .num(i64::try_from(n).unwrap_or(i64::MAX))
            .raw("</div><div class=\"l\">")
            .raw(label)
            .raw("</div></div>");
    }
    h.raw("</div>\n");
}

fn summary(h: &mut Html, s: &Soa) {
    h.raw(
        "<table>\n<thead><tr><th>Theme</th><th class=\"num\">Controls</th>\
         <th class=\"num\">Applicable</th><th class=\"num\">Excluded</th>\
         <th class=\"num\">Implemented</th><th class=\"num\">Partial</th>\
         <th class=\"num\">Planned</th><th class=\"num\">Not implemented</th>\
         <th class=\"num\">Not recorded</th></tr></thead>\n<tbody>\n",
    );
    for t in &s.summary.themes {
        counts_row(h, &t.title, &t.counts, "<tr>");
    }
    counts_row(h, "Total", &s.summary.total, "<tr class=\"total\">");
    h.raw("</tbody>\n</table>\n");
}

fn counts_row(h: &mut Html, name: &str, c: &Counts, open: &'static str) {
    h.raw(open).el("<td>", name, "</td>");
    for n in c.columns() {
        h.raw("<td class=\"num\">")
            .num(i64::try_from(n).unwrap_or(i64::MAX))
            .raw("</td>");
    }
    h.raw("</tr>\n");
}

fn controls(h: &mut Html, s: &Soa, rows: &[SoaRow], by_theme: bool, files: &PolicyFiles) {
    h.raw(
        "<table class=\"soa\">\n<thead><tr><th>ID</th><th>Control</th><th>Applicable</th>\
         <th>Justification</th><th>Status</th><th>Owner</th><th>Policies</th>\
         <th>Evidence</th></tr></thead>\n<tbody>\n",
    );
    let mut theme: Option<&str> = None;
    for r in rows {
        if by_theme && r.theme.as_deref() != theme {
            theme = r.theme.as_deref();
            let title = theme
                .map(|t| s.theme_title(t).unwrap_or(t))
                .unwrap_or("Other");
            h.raw("<tr class=\"group\"><th colspan=\"8\">")
                .text(title)
                .raw("</th></tr>\n");
        }
        row(h, r, files);
    }
    h.raw("</tbody>\n</table>\n");
}

fn row(h: &mut Html, r: &SoaRow, files: &PolicyFiles) {
    h.raw("<tr id=\"ctl-")
        .text(&r.id)
        .raw("\"><td class=\"id\">")
        .text(&r.id)
        .raw("</td>")
        .el("<td>", &r.title, "</td>");
    if r.applicable {
        h.raw("<td><span class=\"yes\">Yes</span></td><td>");
        if !r.risks.is_empty() {
            h.raw("Risks: ");
            linked_ids(h, &r.risks, "risk-register.html#risk-", "");
        }
        if !r.requirements.is_empty() {
            if !r.risks.is_empty() {
                h.raw("<br>");
            }
            h.raw("Requirements: ");
            let ids = r.requirements.join(", ");
            h.text(&ids);
        }
        h.raw("</td>");
    } else {
        h.raw("<td><span class=\"no\">No</span></td><td>");
        or_dash(h, r.exclusion_reason.as_deref());
        h.raw("</td>");
    }
    h.raw("<td>");
    status_pill(h, r.status, r.exclusion_reason.is_some() && !r.applicable);
    if !r.open_nonconformities.is_empty() {
        h.raw("<br>Open nonconformities: ");
        linked_ids(
            h,
            &r.open_nonconformities,
            "corrective-actions.html#nc-",
            "",
        );
    }
    h.raw("</td><td>");
    let owner = r.owner.as_ref().map(|id| Party {
        id: id.clone(),
        name: r.owner_name.clone().unwrap_or_else(|| id.clone()),
    });
    party(h, owner.as_ref());
    h.raw("</td><td>");
    for (i, id) in r.policies.iter().enumerate() {
        if i > 0 {
            h.raw(", ");
        }
        h.raw("<a href=\"")
            .text(&files.stem(id))
            .raw(".html\">")
            .text(id)
            .raw("</a>");
    }
    h.raw("</td><td>");
    match r.evidence.as_slice() {
        [] => {}
        [one] => {
            h.text(one);
        }
        many => {
            h.raw("<ul>");
            for e in many {
                h.el("<li>", e, "</li>");
            }
            h.raw("</ul>");
        }
    }
    h.raw("</td></tr>\n");
}
