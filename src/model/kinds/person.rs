//! person: a person, holding roles.

use super::{DeclKind, Declaration, Kind};
use crate::diagnostics::Sink;
use crate::model::items::Common;
use crate::model::lower::fields::Fields;
use crate::model::lower::{common, describe, header_name, no_extra_args, read, NameForm};
use crate::model::schema::{optional, FieldSpec, Takes};
use crate::model::values::*;
use crate::syntax::Decl;

#[derive(Debug, Clone)]
pub struct Person {
    pub id: Name,
    pub name: Option<String>,
    pub roles: Vec<Ref>,
    pub email: Option<String>,
    pub common: Common,
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
