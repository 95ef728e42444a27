//! requirement: a legal, regulatory, contractual or business requirement.

use super::{DeclKind, Declaration, Kind};
use crate::diagnostics::Sink;
use crate::model::items::Common;
use crate::model::lower::fields::Fields;
use crate::model::lower::{common, describe, header_name, no_extra_args, read, NameForm};
use crate::model::schema::{optional, required, FieldSpec, Takes, PEOPLE};
use crate::model::values::*;
use crate::syntax::Decl;
use crate::words;

#[derive(Debug, Clone)]
pub struct Requirement {
    pub id: Name,
    pub title: Option<String>,
    pub kind: Option<RequirementKind>,
    pub controls: Vec<Ref>,
    pub source: Option<String>,
    pub description: Option<String>,
    /// Who keeps track of the requirement and of changes to it (the legal register's owner).
    pub owner: Option<Ref>,
    pub common: Common,
}

impl Requirement {
    pub const KIND: FieldSpec = required(
        "kind",
        "kind legal|regulatory|contractual|business",
        Takes::Word(words!(RequirementKind)),
        "where it comes from",
    );
    pub const CONTROLS: FieldSpec = required(
        "controls",
        "controls <control>, …",
        Takes::Names(&[Kind::Control]),
        "controls it demands",
    );
    pub const SOURCE: FieldSpec = optional("source", Takes::Free, "string");
    pub const DESCRIPTION: FieldSpec = optional("description", Takes::Free, "string");
    pub const OWNER: FieldSpec = optional(
        "owner",
        Takes::Names(PEOPLE),
        "a person or a role who keeps track of it",
    );
}

impl Declaration for Requirement {
    const DECL: DeclKind = DeclKind::Requirement;
    const KEYWORD: &'static str = "requirement";
    const DOC: &'static str = "a legal, regulatory, contractual or business requirement";
    const FIELDS: &'static [FieldSpec] = &[
        Self::KIND,
        Self::CONTROLS,
        Self::SOURCE,
        Self::DESCRIPTION,
        Self::OWNER,
    ];

    fn lower(decl: &Decl, sink: &mut Sink) -> Option<Self> {
        requirement(decl, sink)
    }

    fn name(&self) -> Option<&Name> {
        Some(&self.id)
    }

    fn title(&self) -> Option<&str> {
        self.title.as_deref()
    }

    fn references(&self, visit: &mut dyn FnMut(&Ref, &'static FieldSpec)) {
        for r in &self.controls {
            visit(r, &Self::CONTROLS);
        }
        if let Some(r) = &self.owner {
            visit(r, &Self::OWNER);
        }
    }
}

fn requirement(decl: &Decl, sink: &mut Sink) -> Option<Requirement> {
    let id = header_name(sink, decl, NameForm::Plain)?;
    let title = read::title(sink, &decl.args, 1, "requirement");
    no_extra_args(sink, decl, 2);
    let what = describe("requirement", Some(&id));
    let f = Fields::read(
        sink,
        decl.block.as_ref(),
        Requirement::FIELDS,
        &what,
        id.span,
    );
    let kind = f
        .get(&Requirement::KIND)
        .and_then(|x| read::keyword::<RequirementKind>(sink, x))
        .map(|(k, _)| k);
    let controls = f
        .get(&Requirement::CONTROLS)
        .map(|x| read::references(sink, x, "a control"))
        .unwrap_or_default();
    let source = f
        .get(&Requirement::SOURCE)
        .and_then(|x| read::string(sink, x));
    let description = f
        .get(&Requirement::DESCRIPTION)
        .and_then(|x| read::string(sink, x));
    let owner = f
        .get(&Requirement::OWNER)
        .and_then(|x| read::reference(sink, x, "a person or a role"));
    Some(Requirement {
        owner,
        id,
        title,
        kind,
        controls,
        source,
        description,
        common: common(decl, f.present),
    })
}
