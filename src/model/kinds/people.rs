//! organization, scope, role, person.

use super::spec::{optional, repeatable, FieldSpec, Takes};
use super::{DeclKind, Declaration, Header, Kind};
use crate::diagnostics::{Code, Diagnostic, Sink};
use crate::model::items::*;
use crate::model::lower::fields::Fields;
use crate::model::lower::{common, describe, header_name, no_extra_args, read, NameForm};
use crate::model::values::{Name, Ref};
use crate::syntax::{Decl, ValueKind};

impl Organization {
    pub const DESCRIPTION: FieldSpec = optional("description", Takes::Free, "string");
}

impl Declaration for Organization {
    const DECL: DeclKind = DeclKind::Organization;
    const KEYWORD: &'static str = "organization";
    const ARTICLE: &'static str = "an";
    const DOC: &'static str = "the organization (one per project)";
    const FIELDS: &'static [FieldSpec] = &[Self::DESCRIPTION];

    fn lower(decl: &Decl, sink: &mut Sink) -> Option<Self> {
        let id = header_name(sink, decl, NameForm::Plain)?;
        let name = read::title(sink, &decl.args, 1, "organization");
        no_extra_args(sink, decl, 2);
        let what = describe("organization", Some(&id));
        let f = Fields::read(sink, decl.block.as_ref(), Self::FIELDS, &what, id.span);
        let description = f
            .get(&Self::DESCRIPTION)
            .and_then(|x| read::string(sink, x));
        Some(Organization {
            id,
            name,
            description,
            common: common(decl, f.present),
        })
    }

    fn name(&self) -> Option<&Name> {
        Some(&self.id)
    }

    fn title(&self) -> Option<&str> {
        self.name.as_deref()
    }
}

impl Scope {
    pub const INCLUDES: FieldSpec =
        repeatable("includes", Takes::Free, "what the ISMS covers (strings)");
    pub const EXCLUDES: FieldSpec =
        repeatable("excludes", Takes::Free, "\"what\" because \"reason\"");
    pub const INTERFACES: FieldSpec = repeatable(
        "interfaces",
        Takes::Free,
        "interfaces and dependencies (strings)",
    );
}

impl Declaration for Scope {
    const DECL: DeclKind = DeclKind::Scope;
    const HEADER: Header = Header::Unnamed;
    const KEYWORD: &'static str = "scope";
    const DOC: &'static str = "the ISMS scope statement (one per project)";
    const FIELDS: &'static [FieldSpec] = &[Self::INCLUDES, Self::EXCLUDES, Self::INTERFACES];

    fn lower(decl: &Decl, sink: &mut Sink) -> Option<Self> {
        let statement = read::title(sink, &decl.args, 0, "scope");
        no_extra_args(sink, decl, 1);
        let f = Fields::read(
            sink,
            decl.block.as_ref(),
            Self::FIELDS,
            "the scope",
            decl.keyword.span,
        );
        let includes = f
            .all(&Self::INCLUDES)
            .flat_map(|x| read::strings(sink, x))
            .collect();
        let interfaces = f
            .all(&Self::INTERFACES)
            .flat_map(|x| read::strings(sink, x))
            .collect();
        let mut excludes = Vec::new();
        for field in f.all(&Self::EXCLUDES) {
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
                        .with_help(
                            "write `excludes \"Retail stores\" because \"Run by franchisees\"`",
                        ),
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
        Some(Scope {
            keyword: decl.keyword.span,
            statement,
            includes,
            excludes,
            interfaces,
            common: common(decl, f.present),
        })
    }

    fn title(&self) -> Option<&str> {
        self.statement.as_deref()
    }
}

impl Role {
    pub const DESCRIPTION: FieldSpec = optional("description", Takes::Free, "string");
}

impl Declaration for Role {
    const DECL: DeclKind = DeclKind::Role;
    const KEYWORD: &'static str = "role";
    const DOC: &'static str = "a role that can own things";
    const FIELDS: &'static [FieldSpec] = &[Self::DESCRIPTION];

    fn lower(decl: &Decl, sink: &mut Sink) -> Option<Self> {
        let id = header_name(sink, decl, NameForm::Plain)?;
        let title = read::title(sink, &decl.args, 1, "role");
        no_extra_args(sink, decl, 2);
        let what = describe("role", Some(&id));
        let f = Fields::read(sink, decl.block.as_ref(), Self::FIELDS, &what, id.span);
        let description = f
            .get(&Self::DESCRIPTION)
            .and_then(|x| read::string(sink, x));
        Some(Role {
            id,
            title,
            description,
            common: common(decl, f.present),
        })
    }

    fn name(&self) -> Option<&Name> {
        Some(&self.id)
    }

    fn title(&self) -> Option<&str> {
        self.title.as_deref()
    }
}

impl Person {
    pub const ROLES: FieldSpec = optional(
        "roles",
        Takes::Names(&[Kind::Role]),
        "roles this person holds",
    );
    pub const EMAIL: FieldSpec = optional("email", Takes::Free, "string");
}

impl Declaration for Person {
    const DECL: DeclKind = DeclKind::Person;
    const KEYWORD: &'static str = "person";
    const DOC: &'static str = "a person, holding roles";
    const FIELDS: &'static [FieldSpec] = &[Self::ROLES, Self::EMAIL];

    fn lower(decl: &Decl, sink: &mut Sink) -> Option<Self> {
        let id = header_name(sink, decl, NameForm::Plain)?;
        let name = read::title(sink, &decl.args, 1, "person");
        no_extra_args(sink, decl, 2);
        let what = describe("person", Some(&id));
        let f = Fields::read(sink, decl.block.as_ref(), Self::FIELDS, &what, id.span);
        let roles = f
            .get(&Self::ROLES)
            .map(|x| read::references(sink, x, "a role"))
            .unwrap_or_default();
        let email = f.get(&Self::EMAIL).and_then(|x| read::string(sink, x));
        Some(Person {
            id,
            name,
            roles,
            email,
            common: common(decl, f.present),
        })
    }

    fn name(&self) -> Option<&Name> {
        Some(&self.id)
    }

    fn title(&self) -> Option<&str> {
        self.name.as_deref()
    }

    fn references(&self, visit: &mut dyn FnMut(&Ref, &'static FieldSpec)) {
        for r in &self.roles {
            visit(r, &Self::ROLES);
        }
    }
}
