//! nonconformity: a nonconformity and its corrective action (clause 10.2).

use super::lifecycle::*;
use super::{DeclKind, Declaration, Kind};
use crate::diagnostics::Sink;
use crate::model::items::Common;
use crate::model::lower::{common, read};
use crate::model::schema::{by_rule, optional, required, FieldSpec, Takes, PEOPLE};
use crate::model::values::*;
use crate::source::Span;
use crate::syntax::Decl;
use crate::words;

keyword_enum!(
    /// Whether a nonconformity is still being worked on.
    NcStatus, "nonconformity status", {
        Open => "open",
        Closed => "closed",
    }
);

/// `nonconformity ID "Title" { … }` (clause 10.2).
#[derive(Debug, Clone)]
pub struct Nonconformity {
    pub id: Name,
    pub title: Option<String>,
    pub raised: Option<Dated>,
    pub owner: Option<Ref>,
    pub root_cause: Option<String>,
    pub action: Option<String>,
    pub due: Option<Dated>,
    pub status: Option<(NcStatus, Span)>,
    pub closed: Option<Dated>,
    pub verified: Option<String>,
    /// The controls it found wanting.
    pub controls: Vec<Ref>,
    /// The risks it bears on.
    pub risks: Vec<Ref>,
    pub common: Common,
}

impl Nonconformity {
    pub const RAISED: FieldSpec = optional("raised", Takes::Date, "date it was raised").past();
    pub const OWNER: FieldSpec = required(
        "owner",
        "owner <person or role>",
        Takes::Names(PEOPLE),
        OWNER_DOC,
    );
    pub const ROOT_CAUSE: FieldSpec = by_rule("root_cause", Takes::Free, "why it happened");
    pub const ACTION: FieldSpec = required(
        "action",
        "action \"the corrective action\"",
        Takes::Free,
        "the corrective action",
    );
    pub const DUE: FieldSpec = required(
        "due",
        "due YYYY-MM-DD",
        Takes::Date,
        "date the action is due",
    );
    pub const STATUS: FieldSpec = required(
        "status",
        "status open|closed",
        Takes::Word(words!(NcStatus)),
        "open or closed",
    );
    pub const CLOSED: FieldSpec = optional("closed", Takes::Date, "date it was closed").past();
    pub const VERIFIED: FieldSpec = by_rule(
        "verified",
        Takes::Free,
        "how the action was found effective",
    );
    pub const CONTROLS: FieldSpec = optional(
        "controls",
        Takes::Names(&[Kind::Control]),
        "controls it found wanting",
    );
    pub const RISKS: FieldSpec =
        optional("risks", Takes::Names(&[Kind::Risk]), "risks it bears on");
    pub const DESCRIPTION: FieldSpec = optional("description", Takes::Free, "string");
}

impl Nonconformity {
    /// Whether it is still being worked on (`status open`).
    pub fn is_open(&self) -> bool {
        matches!(self.status, Some((NcStatus::Open, _)))
    }
}

impl Declaration for Nonconformity {
    fn dates(&self, visit: &mut dyn FnMut(&Dated, &'static FieldSpec)) {
        if let Some(d) = &self.raised {
            visit(d, &Self::RAISED);
        }
        if let Some(d) = &self.due {
            visit(d, &Self::DUE);
        }
        if let Some(d) = &self.closed {
            visit(d, &Self::CLOSED);
        }
    }

    const DECL: DeclKind = DeclKind::Nonconformity;
    const KEYWORD: &'static str = "nonconformity";
    const DOC: &'static str = "a nonconformity and its corrective action (clause 10.2)";
    const FIELDS: &'static [FieldSpec] = &[
        Self::RAISED,
        Self::OWNER,
        Self::ROOT_CAUSE,
        Self::ACTION,
        Self::DUE,
        Self::STATUS,
        Self::CLOSED,
        Self::VERIFIED,
        Self::CONTROLS,
        Self::RISKS,
        Self::DESCRIPTION,
    ];

    fn lower(decl: &Decl, sink: &mut Sink) -> Option<Self> {
        nonconformity(decl, sink)
    }

    named!(owner => OWNER, controls => CONTROLS, risks => RISKS);
}

fn nonconformity(decl: &Decl, sink: &mut Sink) -> Option<Nonconformity> {
    let Opening { id, title, f } = header(sink, decl, "nonconformity", Nonconformity::FIELDS)?;
    let nonconformity = Nonconformity {
        raised: date(sink, &f, &Nonconformity::RAISED),
        owner: owner(sink, &f, &Nonconformity::OWNER),
        root_cause: string(sink, &f, &Nonconformity::ROOT_CAUSE),
        action: string(sink, &f, &Nonconformity::ACTION),
        due: date(sink, &f, &Nonconformity::DUE),
        status: f
            .get(&Nonconformity::STATUS)
            .and_then(|x| read::keyword::<NcStatus>(sink, x)),
        closed: date(sink, &f, &Nonconformity::CLOSED),
        verified: string(sink, &f, &Nonconformity::VERIFIED),
        controls: refs(sink, &f, &Nonconformity::CONTROLS, "a control"),
        risks: refs(sink, &f, &Nonconformity::RISKS, "a risk"),
        id,
        title,
        common: common(decl, f.present),
    };
    Some(nonconformity)
}
