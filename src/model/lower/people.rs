//! organization, scope, role, person.

use super::fields::{optional, repeatable, Fields, Spec};
use super::{common, describe, header_name, no_extra_args, read, NameForm};
use crate::diagnostics::{Code, Diagnostic, Sink};
use crate::model::items::*;
use crate::model::Model;
use crate::syntax::{Decl, ValueKind};

const ORGANIZATION: &[Spec] = &[optional("description")];

pub fn organization(decl: &Decl, model: &mut Model, sink: &mut Sink) {
    let Some(id) = header_name(sink, decl, NameForm::Plain) else {
        return;
    };
    let name = read::title(sink, &decl.args, 1, "organization");
    no_extra_args(sink, decl, 2);
    let what = describe("organization", Some(&id));
    let f = Fields::read(sink, decl.block.as_ref(), ORGANIZATION, &what, id.span);
    let description = f.get("description").and_then(|x| read::string(sink, x));
    model.organizations.push(Organization {
        id,
        name,
        description,
        common: common(decl, f.present),
    });
}

const SCOPE: &[Spec] = &[
    repeatable("includes"),
    repeatable("excludes"),
    repeatable("interfaces"),
];

pub fn scope(decl: &Decl, model: &mut Model, sink: &mut Sink) {
    let statement = read::title(sink, &decl.args, 0, "scope");
    no_extra_args(sink, decl, 1);
    let f = Fields::read(
        sink,
        decl.block.as_ref(),
        SCOPE,
        "the scope",
        decl.keyword.span,
    );
    let includes = f
        .all("includes")
        .flat_map(|x| read::strings(sink, x))
        .collect();
    let interfaces = f
        .all("interfaces")
        .flat_map(|x| read::strings(sink, x))
        .collect();
    let mut excludes = Vec::new();
    for field in f.all("excludes") {
        // `excludes "A", "B" because "reason"`
        let Some(first) = field.args.first() else {
            continue;
        };
        let reason = match field.args.get(1..) {
            Some([kw, reason]) if matches!(kw.single().map(|v| &v.kind), Some(ValueKind::Word(w)) if w == "because") => {
                reason
                    .single()
                    .and_then(|v| read::value_string(sink, v, "excludes"))
            }
            Some([]) => None,
            _ => {
                sink.push(
                    Diagnostic::new(
                        Code::ValueInvalid,
                        field.span,
                        "`excludes` takes what is excluded and a reason",
                    )
                    .with_label("expected `excludes \"…\" because \"…\"`")
                    .with_help("write `excludes \"Retail stores\" because \"Run by franchisees\"`"),
                );
                None
            }
        };
        for value in &first.values {
            if let Some(what) = read::value_string(sink, value, "excludes") {
                excludes.push(ScopeExclusion {
                    what,
                    reason: reason.clone(),
                });
            }
        }
    }
    model.scopes.push(Scope {
        keyword: decl.keyword.span,
        statement,
        includes,
        excludes,
        interfaces,
        common: common(decl, f.present),
    });
}

const ROLE: &[Spec] = &[optional("description")];

pub fn role(decl: &Decl, model: &mut Model, sink: &mut Sink) {
    let Some(id) = header_name(sink, decl, NameForm::Plain) else {
        return;
    };
    let title = read::title(sink, &decl.args, 1, "role");
    no_extra_args(sink, decl, 2);
    let what = describe("role", Some(&id));
    let f = Fields::read(sink, decl.block.as_ref(), ROLE, &what, id.span);
    let description = f.get("description").and_then(|x| read::string(sink, x));
    model.roles.push(Role {
        id,
        title,
        description,
        common: common(decl, f.present),
    });
}

const PERSON: &[Spec] = &[optional("roles"), optional("email")];

pub fn person(decl: &Decl, model: &mut Model, sink: &mut Sink) {
    let Some(id) = header_name(sink, decl, NameForm::Plain) else {
        return;
    };
    let name = read::title(sink, &decl.args, 1, "person");
    no_extra_args(sink, decl, 2);
    let what = describe("person", Some(&id));
    let f = Fields::read(sink, decl.block.as_ref(), PERSON, &what, id.span);
    let roles = f
        .get("roles")
        .map(|x| read::references(sink, x, "a role"))
        .unwrap_or_default();
    let email = f.get("email").and_then(|x| read::string(sink, x));
    model.persons.push(Person {
        id,
        name,
        roles,
        email,
        common: common(decl, f.present),
    });
}
