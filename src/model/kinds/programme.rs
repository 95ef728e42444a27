//! programme: the internal audit programme (clause 9.2, one per project).

use super::lifecycle::*;
use super::{DeclKind, Declaration};
use crate::diagnostics::Sink;
use crate::model::items::Common;
use crate::model::lower::{common, read};
use crate::model::schema::{optional, required, FieldSpec, Takes, PEOPLE};
use crate::model::values::*;
use crate::syntax::Decl;

/// `programme ID "Title" { … }`: the internal audit programme (clause 9.2.2).
#[derive(Debug, Clone)]
pub struct Programme {
    pub id: Name,
    pub title: Option<String>,
    pub owner: Option<Ref>,
    pub interval: Option<Every>,
    /// The audit cycle: every clause of 4–10 and every applicable control is audited at
    /// least once within it (`audit/coverage-gap`).
    pub cycle: Option<Every>,
    pub common: Common,
}

impl Programme {
    pub const OWNER: FieldSpec = optional("owner", Takes::Names(PEOPLE), OWNER_DOC);
    pub const INTERVAL: FieldSpec = required(
        "interval",
        "interval every 6 months",
        Takes::Period,
        "how often the ISMS is audited",
    );
    pub const CYCLE: FieldSpec = optional(
        "cycle",
        Takes::Period,
        "the audit cycle: within it every clause and applicable control is audited",
    );
    pub const DESCRIPTION: FieldSpec = optional("description", Takes::Free, "string");
}

impl Declaration for Programme {
    const DECL: DeclKind = DeclKind::Programme;
    const KEYWORD: &'static str = "programme";
    const DOC: &'static str = "the internal audit programme (clause 9.2, one per project)";
    const FIELDS: &'static [FieldSpec] =
        &[Self::OWNER, Self::INTERVAL, Self::CYCLE, Self::DESCRIPTION];

    fn lower(decl: &Decl, sink: &mut Sink) -> Option<Self> {
        programme(decl, sink)
    }

    named!(owner => OWNER);
}

fn programme(decl: &Decl, sink: &mut Sink) -> Option<Programme> {
    let Opening { id, title, f } = header(sink, decl, "programme", Programme::FIELDS)?;
    let programme = Programme {
        owner: owner(sink, &f, &Programme::OWNER),
        interval: f
            .get(&Programme::INTERVAL)
            .and_then(|x| read::every(sink, x)),
        cycle: f.get(&Programme::CYCLE).and_then(|x| read::every(sink, x)),
        id,
        title,
        common: common(decl, f.present),
    };
    Some(programme)
}
