//! `policies/<name>.md`: document control, sections, statements, implemented controls.

use std::fmt::Write as _;

use super::{escape, fields, line, opt_party, table, title};
use crate::emit::names::status_words;
use crate::emit::policy::PolicyDoc;
use crate::model::Keyword as _;

pub fn render(p: &PolicyDoc) -> String {
    let mut out = String::new();
    title(&mut out, &p.title, &p.organization, &p.date);
    out.push_str("## Document control\n\n");
    let named = |n: &crate::emit::names::Named| format!("{} ({})", n.name, n.id);
    let children: Vec<String> = p.children.iter().map(named).collect();
    fields(
        &mut out,
        &[
            ("ID", p.id.clone()),
            ("Version", p.version.clone().unwrap_or_default()),
            (
                "Kind",
                p.kind.map(|k| k.as_str().to_string()).unwrap_or_default(),
            ),
            ("Owner", opt_party(p.owner.as_ref())),
            ("Approved by", opt_party(p.approver.as_ref())),
            ("Approval date", p.approved_on.clone().unwrap_or_default()),
            ("Review period", p.review.clone().unwrap_or_default()),
            ("Next review", p.next_review.clone().unwrap_or_default()),
            (
                "Parent policy",
                p.parent.as_ref().map(named).unwrap_or_default(),
            ),
            ("Subordinate policies", children.join("; ")),
        ],
    );
    if let Some(doc) = &p.doc {
        let _ = write!(out, "{}\n\n", line(doc));
    }
    for s in &p.sections {
        let _ = write!(
            out,
            "## {}\n\n{}\n\n",
            line(&s.heading),
            escape::prose(&s.body)
        );
    }
    if !p.statements.is_empty() {
        out.push_str("## Policy statements\n\n");
        for s in &p.statements {
            let _ = writeln!(out, "- **{}** {}", line(&s.id), line(&s.text));
        }
        out.push('\n');
    }
    out.push_str("## Controls implemented\n\n");
    let rows: Vec<Vec<String>> = p
        .implements
        .iter()
        .map(|c| {
            vec![
                c.id.clone(),
                c.title.clone(),
                c.status.map_or("no record", status_words).to_string(),
            ]
        })
        .collect();
    table(&mut out, &["Control", "Title", "Status"], &rows);
    out
}
