//! issue: an internal or external issue relevant to the ISMS (clause 4.1).

use super::lifecycle::*;
use super::{DeclKind, Declaration, Kind};
use crate::diagnostics::Sink;
use crate::model::items::Common;
use crate::model::lower::{common, read};
use crate::model::schema::{optional, required, FieldSpec, Takes, PEOPLE};
use crate::model::values::*;
use crate::syntax::Decl;
use crate::words;

keyword_enum!(
    /// Where an issue arises (clause 4.1): inside the organization or outside it.
    IssueKind, "issue kind", {
        Internal => "internal",
        External => "external",
    }
);

/// `issue remote-work "Remote working" { kind internal … }`
#[derive(Debug, Clone)]
pub struct Issue {
    pub id: Name,
    pub title: Option<String>,
    pub kind: Option<IssueKind>,
    pub description: Option<String>,
    pub owner: Option<Ref>,
    /// The risks the issue gives rise to (what 6.1.1 asks the organization to consider).
    pub risks: Vec<Ref>,
    pub common: Common,
}

impl Issue {
    pub const KIND: FieldSpec = required(
        "kind",
        "kind internal|external",
        Takes::Word(words!(IssueKind)),
        "whether it arises inside or outside the organization",
    );
    pub const DESCRIPTION: FieldSpec = optional("description", Takes::Free, "string");
    pub const OWNER: FieldSpec = optional("owner", Takes::Names(PEOPLE), OWNER_DOC);
    pub const RISKS: FieldSpec = optional(
        "risks",
        Takes::Names(&[Kind::Risk]),
        "risks the issue gives rise to",
    );
}

impl Declaration for Issue {
    const DECL: DeclKind = DeclKind::Issue;
    const KEYWORD: &'static str = "issue";
    const ARTICLE: &'static str = "an";
    const DOC: &'static str = "an internal or external issue relevant to the ISMS (clause 4.1)";
    const FIELDS: &'static [FieldSpec] = &[Self::KIND, Self::DESCRIPTION, Self::OWNER, Self::RISKS];

    fn lower(decl: &Decl, sink: &mut Sink) -> Option<Self> {
        let Opening { id, title, f } = header(sink, decl, Self::KEYWORD, Self::FIELDS)?;
        Some(Issue {
            kind: f
                .get(&Self::KIND)
                .and_then(|x| read::keyword::<IssueKind>(sink, x))
                .map(|(k, _)| k),
            description: string(sink, &f, &Self::DESCRIPTION),
            owner: owner(sink, &f, &Self::OWNER),
            risks: refs(sink, &f, &Self::RISKS, "a risk"),
            id,
            title,
            common: common(decl, f.present),
        })
    }

    named!(owner => OWNER, risks => RISKS);
}
