//! `context`: the context of the organization (clauses 4.1 and 4.2): the internal and
//! external issues, then the interested parties with their needs and the requirements
//! that address them.

use super::register_parts::{codes, heading, lines, paragraph, table, text, who};
use crate::emit::tree::{Block, Document};
use crate::model::{IssueKind, Keyword, Kind};
use crate::Compilation;

pub fn build(c: &Compilation) -> Document {
    let m = &c.model;
    let mut body = Vec::new();
    for (_, kind) in IssueKind::ALL {
        let (title, anchor, key, none) = match kind {
            IssueKind::Internal => (
                "Internal issues",
                "internal-issues",
                "internal-issues",
                "No internal issue is declared.",
            ),
            IssueKind::External => (
                "External issues",
                "external-issues",
                "external-issues",
                "No external issue is declared.",
            ),
        };
        body.push(heading(2, title, Some(anchor.to_string())));
        let rows: Vec<_> = m
            .issues
            .iter()
            .filter(|i| i.kind == Some(*kind))
            .map(|i| {
                vec![
                    codes([i.id.text.as_str()]),
                    text(i.title.as_deref()),
                    text(i.description.as_deref()),
                    who(m, i.owner.as_ref()),
                    codes(i.risks.iter().map(|r| r.name.as_str())),
                ]
            })
            .collect();
        body.push(if rows.is_empty() {
            paragraph(none)
        } else {
            table(
                key,
                None,
                &[
                    ("ID", 14.0),
                    ("Issue", 28.0),
                    ("Description", 40.0),
                    ("Owner", 20.0),
                    ("Risks", 14.0),
                ],
                rows,
            )
        });
    }
    body.push(heading(
        2,
        "Interested parties",
        Some("interested-parties".to_string()),
    ));
    body.push(parties(c));
    super::CONTEXT.document(c, body)
}

/// The interested parties, their needs and the requirements that address them (4.2 a–c).
fn parties(c: &Compilation) -> Block {
    let m = &c.model;
    if m.interested_parties.is_empty() {
        return paragraph("No interested party is declared.");
    }
    let rows = m
        .interested_parties
        .iter()
        .map(|p| {
            let requirements: Vec<String> = p
                .requirements
                .iter()
                .map(|r| {
                    let title = m
                        .resolution
                        .decl(r, Kind::Requirement)
                        .and_then(|i| m.requirements.get(i))
                        .and_then(|q| q.title.clone());
                    match title {
                        Some(t) => format!("{}: {t}", r.name),
                        None => r.name.clone(),
                    }
                })
                .collect();
            vec![
                codes([p.id.text.as_str()]),
                text(p.title.as_deref()),
                text(p.needs.as_deref()),
                lines(&requirements),
                who(m, p.owner.as_ref()),
            ]
        })
        .collect();
    table(
        "interested-parties",
        None,
        &[
            ("ID", 14.0),
            ("Party", 22.0),
            ("Needs", 40.0),
            ("Requirements that address them", 40.0),
            ("Owner", 20.0),
        ],
        rows,
    )
}
