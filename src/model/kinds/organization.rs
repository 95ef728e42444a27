//! organization: the organization whose ISMS this is (one per project).

use super::{DeclKind, Declaration};
use crate::diagnostics::Sink;
use crate::model::items::Common;
use crate::model::lower::fields::Fields;
use crate::model::lower::{common, describe, header_name, no_extra_args, read, NameForm};
use crate::model::schema::{optional, FieldSpec, Takes};
use crate::model::values::*;
use crate::syntax::Decl;

#[derive(Debug, Clone)]
pub struct Organization {
    pub id: Name,
    pub name: Option<String>,
    pub description: Option<String>,
    pub common: Common,
}

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
