//! `policies/<name>`: one document per policy (5.2, A.5.1), in declaration order: its
//! record (ID, version, kind, owner, approval, review, parent and subordinate policies),
//! its sections and numbered statements, and the controls it implements.

use super::blocks::{badge, code, fields, heading, or_dash, paragraph, party, table, text};
use super::policy_id;
use crate::emit::control::{document_control, BuiltFrom};
use crate::emit::names::{status_words, Named};
use crate::emit::policy::PolicyDoc;
use crate::emit::tree::{Block, Cell, Document, Inline, Tone};
use crate::emit::Derived;
use crate::model::{Keyword as _, Kind};
use crate::Compilation;

/// The clause every policy answers.
pub const CLAUSE: &str = "5.2, A.5.1";

pub fn build(c: &Compilation, d: &Derived) -> Vec<Document> {
    d.policies
        .iter()
        .enumerate()
        .map(|(at, p)| one(c, at, p))
        .collect()
}

fn one(c: &Compilation, at: usize, p: &PolicyDoc) -> Document {
    let stem = p.stem();
    let named = |n: &Named| format!("{} ({})", n.name, n.id);
    let children: Vec<String> = p.children.iter().map(named).collect();
    let mut body = vec![
        heading(2, "Policy record"),
        fields(vec![
            ("Policy ID", code(p.id.as_str())),
            ("Version", or_dash(p.version.as_deref())),
            ("Kind", or_dash(p.kind.map(|k| k.as_str()))),
            ("Owner", party(p.owner.as_ref())),
            ("Approved by", party(p.approver.as_ref())),
            ("Approval date", or_dash(p.approved_on.as_deref())),
            ("Review period", or_dash(p.review.as_deref())),
            ("Next review", or_dash(p.next_review.as_deref())),
            (
                "Parent policy",
                or_dash(p.parent.as_ref().map(named).as_deref()),
            ),
            (
                "Subordinate policies",
                or_dash(Some(children.join("; ").as_str())),
            ),
        ]),
    ];
    if let Some(doc) = &p.doc {
        body.push(paragraph(doc.as_str()));
    }
    for s in &p.sections {
        body.push(heading(2, s.heading.as_str()));
        body.push(Block::Prose(s.body.clone()));
    }
    if !p.statements.is_empty() {
        body.push(heading(2, "Policy statements"));
        body.push(Block::Bullets(
            p.statements
                .iter()
                .map(|s| {
                    vec![
                        Inline::Strong(s.id.clone()),
                        Inline::text(format!(" {}", s.text)),
                    ]
                })
                .collect(),
        ));
    }
    body.push(heading(2, "Controls implemented"));
    body.push(table(
        "policy-controls",
        &[("Control", 10.0), ("Title", 40.0), ("Status", 15.0)],
        p.implements
            .iter()
            .map(|x| -> Vec<Cell> {
                vec![
                    code(x.id.as_str()),
                    text(x.title.as_str()),
                    match x.status {
                        Some(s) => badge(status_words(s), Tone::Neutral),
                        None => badge("no record", Tone::Warning),
                    },
                ]
            })
            .collect(),
    ));
    Document {
        control: document_control(
            c,
            &stem,
            &policy_id(&p.id),
            BuiltFrom::Decl(Kind::Policy, at),
        ),
        stem,
        title: p.title.clone(),
        clause: CLAUSE.to_string(),
        body,
    }
}
