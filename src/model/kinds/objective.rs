//! objective: an information security objective (clause 6.2).

use super::lifecycle::*;
use super::{DeclKind, Declaration, Kind};
use crate::diagnostics::Sink;
use crate::model::items::Common;
use crate::model::lower::common;
use crate::model::schema::{by_rule, optional, required, FieldSpec, Takes, PEOPLE};
use crate::model::values::*;
use crate::syntax::Decl;

/// `objective ID "Title" { … }` (clause 6.2).
#[derive(Debug, Clone)]
pub struct Objective {
    pub id: Name,
    pub title: Option<String>,
    pub owner: Option<Ref>,
    pub target: Option<String>,
    pub due: Option<Dated>,
    pub risks: Vec<Ref>,
    pub controls: Vec<Ref>,
    pub common: Common,
}

impl Objective {
    pub const OWNER: FieldSpec = by_rule("owner", Takes::Names(PEOPLE), OWNER_DOC);
    pub const TARGET: FieldSpec = required(
        "target",
        "target \"what is achieved, measurably\"",
        Takes::Free,
        "what is achieved, measurably",
    );
    pub const DUE: FieldSpec = optional("due", Takes::Date, "date it is to be achieved");
    pub const RISKS: FieldSpec =
        optional("risks", Takes::Names(&[Kind::Risk]), "risks it addresses");
    pub const CONTROLS: FieldSpec = optional(
        "controls",
        Takes::Names(&[Kind::Control]),
        "controls that serve it",
    );
    pub const DESCRIPTION: FieldSpec = optional("description", Takes::Free, "string");
}

impl Declaration for Objective {
    fn dates(&self, visit: &mut dyn FnMut(&Dated, &'static FieldSpec)) {
        if let Some(d) = &self.due {
            visit(d, &Self::DUE);
        }
    }

    const DECL: DeclKind = DeclKind::Objective;
    const KEYWORD: &'static str = "objective";
    const ARTICLE: &'static str = "an";
    const DOC: &'static str = "an information security objective (clause 6.2)";
    const FIELDS: &'static [FieldSpec] = &[
        Self::OWNER,
        Self::TARGET,
        Self::DUE,
        Self::RISKS,
        Self::CONTROLS,
        Self::DESCRIPTION,
    ];

    fn lower(decl: &Decl, sink: &mut Sink) -> Option<Self> {
        objective(decl, sink)
    }

    named!(owner => OWNER, risks => RISKS, controls => CONTROLS);
}

fn objective(decl: &Decl, sink: &mut Sink) -> Option<Objective> {
    let Opening { id, title, f } = header(sink, decl, "objective", Objective::FIELDS)?;
    let objective = Objective {
        owner: owner(sink, &f, &Objective::OWNER),
        target: string(sink, &f, &Objective::TARGET),
        due: date(sink, &f, &Objective::DUE),
        risks: refs(sink, &f, &Objective::RISKS, "a risk"),
        controls: refs(sink, &f, &Objective::CONTROLS, "a control"),
        id,
        title,
        common: common(decl, f.present),
    };
    Some(objective)
}
