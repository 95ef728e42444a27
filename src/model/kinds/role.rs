//! role: a role that can own things.

use super::{DeclKind, Declaration};
use crate::diagnostics::Sink;
use crate::model::items::Common;
use crate::model::lower::fields::Fields;
use crate::model::lower::{common, describe, header_name, no_extra_args, read, NameForm};
use crate::model::schema::{optional, FieldSpec, Takes};
use crate::model::values::*;
use crate::syntax::Decl;

#[derive(Debug, Clone)]
pub struct Role {
    pub id: Name,
    pub title: Option<String>,
    pub description: Option<String>,
    pub common: Common,
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
