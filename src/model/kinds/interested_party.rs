//! interested_party: a party interested in the ISMS and what it needs from it (clause 4.2).

use super::{DeclKind, Declaration, Kind};
use crate::diagnostics::Sink;
use crate::model::items::Common;
use crate::model::lower::fields::Fields;
use crate::model::lower::{common, describe, header_name, no_extra_args, read, NameForm};
use crate::model::schema::{optional, required, FieldSpec, Takes, PEOPLE};
use crate::model::values::{Name, Ref};
use crate::syntax::Decl;

/// `interested_party regulator "Data protection authority" { needs "…" }`
#[derive(Debug, Clone)]
pub struct InterestedParty {
    pub id: Name,
    pub title: Option<String>,
    /// What the party needs from the ISMS (its requirements in the words of 4.2 b).
    pub needs: Option<String>,
    /// The requirements that address those needs (4.2 c).
    pub requirements: Vec<Ref>,
    pub owner: Option<Ref>,
    pub common: Common,
}

impl InterestedParty {
    pub const NEEDS: FieldSpec = required(
        "needs",
        "needs \"what the party needs from the ISMS\"",
        Takes::Free,
        "what the party needs from the ISMS (string)",
    );
    pub const REQUIREMENTS: FieldSpec = optional(
        "requirements",
        Takes::Names(&[Kind::Requirement]),
        "requirements that address its needs",
    );
    pub const OWNER: FieldSpec = optional(
        "owner",
        Takes::Names(PEOPLE),
        "a person or a role who keeps in touch with it",
    );
}

impl Declaration for InterestedParty {
    const DECL: DeclKind = DeclKind::InterestedParty;
    const KEYWORD: &'static str = "interested_party";
    const ARTICLE: &'static str = "an";
    const DOC: &'static str = "an interested party and what it needs (clause 4.2)";
    const FIELDS: &'static [FieldSpec] = &[Self::NEEDS, Self::REQUIREMENTS, Self::OWNER];

    fn lower(decl: &Decl, sink: &mut Sink) -> Option<Self> {
        let id = header_name(sink, decl, NameForm::Plain)?;
        let title = read::title(sink, &decl.args, 1, Self::KEYWORD);
        no_extra_args(sink, decl, 2);
        let what = describe(Self::KEYWORD, Some(&id));
        let f = Fields::read(sink, decl.block.as_ref(), Self::FIELDS, &what, id.span);
        Some(InterestedParty {
            needs: f.get(&Self::NEEDS).and_then(|x| read::string(sink, x)),
            requirements: f
                .get(&Self::REQUIREMENTS)
                .map(|x| read::references(sink, x, "a requirement"))
                .unwrap_or_default(),
            owner: f
                .get(&Self::OWNER)
                .and_then(|x| read::reference(sink, x, "a person or a role")),
            id,
            title,
            common: common(decl, f.present),
        })
    }

    fn name(&self) -> Option<&Name> {
        Some(&self.id)
    }

    fn title(&self) -> Option<&str> {
        self.title.as_deref()
    }

    fn references(&self, visit: &mut dyn FnMut(&Ref, &'static FieldSpec)) {
        for r in &self.requirements {
            visit(r, &Self::REQUIREMENTS);
        }
        if let Some(r) = &self.owner {
            visit(r, &Self::OWNER);
        }
    }
}
