//! `roles`: organizational roles, responsibilities and authorities (clause 5.3): each
//! role with who holds it, then for each role and person what they own, approve, audit
//! and accept, derived from the model (`model::responsibilities`).

use super::register_parts::{code, heading, paragraph, table, text};
use crate::emit::names::Party;
use crate::emit::tree::{party, Cell, Document};
use crate::model::responsibilities::{holders_of, responsibilities, Holder, Who};
use crate::model::{DeclKind, Model};
use crate::Compilation;

pub fn build(c: &Compilation) -> Document {
    let m = &c.model;
    let mut body = vec![heading(2, "Roles", Some("roles".to_string()))];
    let rows: Vec<Vec<Cell>> = m
        .roles
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let held: Vec<String> = holders_of(m, i)
                .into_iter()
                .filter_map(|p| m.persons.get(p))
                .map(|p| person_name(p.name.as_deref(), &p.id.text))
                .collect();
            vec![
                code(&r.id.text),
                text(r.title.as_deref()),
                text(Some(&held.join(", "))),
                text(r.description.as_deref()),
            ]
        })
        .collect();
    body.push(if rows.is_empty() {
        paragraph("No role is declared.")
    } else {
        table(
            "roles",
            None,
            &[
                ("ID", 14.0),
                ("Role", 28.0),
                ("Held by", 28.0),
                ("Description", 40.0),
            ],
            rows,
        )
    });
    body.push(heading(
        2,
        "Responsibilities and authorities",
        Some("responsibilities".to_string()),
    ));
    let holders: Vec<Holder> = responsibilities(m)
        .into_iter()
        .filter(|h| !h.duties.is_empty())
        .collect();
    if holders.is_empty() {
        body.push(paragraph(
            "No owner, approver, auditor or acceptor is named.",
        ));
    }
    for h in holders {
        let (title, anchor) = holder_title(m, h.party);
        body.push(heading(3, title, Some(anchor)));
        let rows = h
            .duties
            .iter()
            .map(|d| {
                let info = d.kind.info();
                let id = m.declared_name(d.kind, d.position).map(|n| n.text.as_str());
                vec![
                    text(Some(d.duty.as_str())),
                    text(Some(&info.noun.replace('_', " "))),
                    id.map_or_else(|| text(None), code),
                    text(Some(&title_of(m, d.kind, d.position, id))),
                ]
            })
            .collect();
        body.push(table(
            "responsibilities",
            None,
            &[
                ("Responsibility", 14.0),
                ("Of", 16.0),
                ("ID", 16.0),
                ("Title", 50.0),
            ],
            rows,
        ));
    }
    super::ROLES.document(c, body)
}

/// The declaration's title; a control's is its catalog entry's, and a declaration with
/// neither name nor title (the methodology) is described by its kind.
fn title_of(m: &Model, kind: DeclKind, position: usize, id: Option<&str>) -> String {
    if let Some(t) = m.declared_title(kind, position) {
        return t.to_string();
    }
    // The one unnamed declaration with people in it: its `accept LEVEL by PARTY` lines.
    if kind == DeclKind::Methodology {
        return "Authorised to accept risks up to a level of the methodology".to_string();
    }
    let entry = id
        .filter(|_| kind == DeclKind::Control)
        .and_then(|id| m.slot(id))
        .and_then(|s| m.catalog_entry(s))
        .map(|(_, e)| e.title.clone());
    entry.unwrap_or_else(|| kind.info().doc.to_string())
}

fn person_name(name: Option<&str>, id: &str) -> String {
    party(&Party {
        id: id.to_string(),
        name: name.unwrap_or(id).to_string(),
    })
}

/// "Role: Chief Information Security Officer (ciso)", and its anchor.
fn holder_title(m: &Model, who: Who) -> (String, String) {
    match who {
        Who::Role(i) => {
            let r = m.roles.get(i);
            let id = r.map_or("", |r| r.id.text.as_str());
            let name = r.and_then(|r| r.title.as_deref()).unwrap_or(id);
            (
                format!("Role: {}", person_name(Some(name), id)),
                format!("role-{id}"),
            )
        }
        Who::Person(i) => {
            let p = m.persons.get(i);
            let id = p.map_or("", |p| p.id.text.as_str());
            (
                format!(
                    "Person: {}",
                    person_name(p.and_then(|p| p.name.as_deref()), id)
                ),
                format!("person-{id}"),
            )
        }
    }
}
