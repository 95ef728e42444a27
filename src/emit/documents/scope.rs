//! `scope`: the ISMS scope (4.3): the statement, what is included and excluded, and the
//! interfaces and dependencies.

use super::blocks::{bullets, heading, or_dash, paragraph, table, text};
use super::SCOPE as META;
use crate::emit::tree::Document;
use crate::emit::Derived;
use crate::Compilation;

pub fn build(c: &Compilation, d: &Derived) -> Document {
    let s = &d.scope;
    let mut body = Vec::new();
    if let Some(desc) = &s.organization_description {
        body.push(paragraph(format!("{}: {desc}", s.organization)));
    }
    body.push(heading(2, "Scope statement"));
    body.push(paragraph(s.statement.as_str()));
    if let Some(doc) = &s.doc {
        body.push(paragraph(doc.as_str()));
    }
    body.push(heading(2, "Included"));
    body.push(bullets(&s.includes));
    body.push(heading(2, "Excluded"));
    body.push(table(
        "scope-excluded",
        &[("Excluded", 30.0), ("Reason", 50.0)],
        s.excludes
            .iter()
            .map(|e| vec![text(e.what.as_str()), or_dash(e.reason.as_deref())])
            .collect(),
    ));
    body.push(heading(2, "Interfaces and dependencies"));
    body.push(bullets(&s.interfaces));
    META.document(c, body)
}
