//! The Markdown documents: `soa.md`, `risk-register.md`, `scope.md`, `methodology.md` and
//! `policies/<name>.md` (see `file_names`), for reading in a repository browser or pasting into a wiki.
//!
//! All user text goes through [`escape::inline`] (on one line, Markdown's special
//! characters escaped: a `|` would end a table cell, a line break the row, a `#` start a
//! heading); policy sections are Markdown already and go through [`escape::prose`],
//! which keeps their formatting but lets no raw HTML, image or top-level heading through.

mod context;
pub(crate) mod escape;
mod lifecycle;
mod policy;
mod register;
mod soa;

use std::fmt::Write as _;

use super::names::Party;
use super::table::Table;
use super::{Derived, Document};

pub fn documents(d: &Derived) -> Vec<Document> {
    let mut docs = vec![
        Document::new("soa.md", soa::render(&d.soa)),
        Document::new("risk-register.md", register::render(&d.register)),
        Document::new("scope.md", context::scope(&d.scope)),
    ];
    if let Some(m) = &d.methodology {
        docs.push(Document::new("methodology.md", context::methodology(m)));
    }
    for p in &d.policies {
        docs.push(Document::new(format!("{}.md", p.stem()), policy::render(p)));
    }
    let l = &d.lifecycle;
    docs.push(Document::new("readiness.md", lifecycle::readiness(l)));
    if l.any() {
        docs.push(Document::new(
            "audit-programme.md",
            lifecycle::audit_programme(l),
        ));
        docs.push(Document::new("management-review.md", lifecycle::reviews(l)));
        docs.push(Document::new(
            "corrective-actions.md",
            lifecycle::corrective_actions(l),
        ));
        docs.push(Document::new("objectives.md", lifecycle::objectives(l)));
    }
    docs
}

/// The title block every document starts with.
fn title(out: &mut String, title: &str, organization: &str, date: &str) {
    let _ = write!(
        out,
        "# {}\n\n{} · {}\n\n",
        line(title),
        line(organization),
        line(date)
    );
}

/// A heading (`##` or `###`) and a bulleted list under it, or "None.".
fn bullets(out: &mut String, marks: &str, heading: &str, items: &[String]) {
    let _ = write!(out, "{marks} {}\n\n", line(heading));
    if items.is_empty() {
        out.push_str("None.\n\n");
        return;
    }
    for i in items {
        let _ = writeln!(out, "- {}", line(i));
    }
    out.push('\n');
}

/// User text on one line, escaped (see [`escape::inline`]).
fn line(s: &str) -> String {
    escape::inline(s)
}

/// "Lena Wagner (lena)", or just the ID when it has no other name.
fn party(p: &Party) -> String {
    if p.name == p.id {
        p.id.clone()
    } else {
        format!("{} ({})", p.name, p.id)
    }
}

fn opt_party(p: Option<&Party>) -> String {
    p.map(party).unwrap_or_else(|| "—".to_string())
}

fn table(out: &mut String, head: &[&str], rows: &[Vec<String>]) {
    if rows.is_empty() {
        out.push_str("None.\n\n");
        return;
    }
    let _ = writeln!(out, "| {} |", head.join(" | "));
    let _ = writeln!(out, "|{}", "---|".repeat(head.len()));
    for row in rows {
        let cells: Vec<String> = row.iter().map(|c| line(c)).collect();
        let _ = writeln!(out, "| {} |", cells.join(" | "));
    }
    out.push('\n');
}

/// The named columns of a shared table, so Markdown shows the same values as CSV and XLSX.
fn columns(out: &mut String, t: &Table, names: &[&str]) {
    let at: Vec<usize> = names
        .iter()
        .filter_map(|n| t.columns.iter().position(|c| c.title == *n))
        .collect();
    let head: Vec<&str> = at
        .iter()
        .filter_map(|&i| t.columns.get(i).map(|c| c.title))
        .collect();
    let rows: Vec<Vec<String>> = t
        .rows
        .iter()
        .map(|r| {
            at.iter()
                .map(|&i| r.get(i).map(|c| c.to_text()).unwrap_or_default())
                .collect()
        })
        .collect();
    table(out, &head, &rows);
}

/// A two-column table of labelled values (document control, risk details).
fn fields(out: &mut String, rows: &[(&str, String)]) {
    let _ = writeln!(out, "| | |\n|---|---|");
    for (k, v) in rows {
        let v = if v.is_empty() { "—" } else { v.as_str() };
        let _ = writeln!(out, "| **{k}** | {} |", line(v));
    }
    out.push('\n');
}
