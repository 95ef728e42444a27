//! audit: an internal audit and its findings (clause 9.2).

use super::lifecycle::*;
use super::{DeclKind, Declaration, Kind};
use crate::diagnostics::Sink;
use crate::model::items::Common;
use crate::model::lower::{common, read};
use crate::model::schema::{optional, required, FieldSpec, Takes};
use crate::model::values::*;
use crate::syntax::Decl;

/// `audit ID "Title" { … }`: one internal audit (clause 9.2).
#[derive(Debug, Clone)]
pub struct Audit {
    pub id: Name,
    pub title: Option<String>,
    pub date: Option<Dated>,
    pub auditor: Option<Ref>,
    pub controls: Vec<Ref>,
    pub policies: Vec<Ref>,
    pub clauses: Vec<String>,
    pub findings: Vec<Ref>,
    pub summary: Option<String>,
    pub common: Common,
}

impl Audit {
    pub const DATE: FieldSpec =
        required("date", "date YYYY-MM-DD", Takes::Date, "date of the audit").past();
    pub const AUDITOR: FieldSpec = required(
        "auditor",
        "auditor <person>",
        Takes::Names(&[Kind::Person]),
        "the person who audited",
    );
    pub const CONTROLS: FieldSpec = optional(
        "controls",
        Takes::Names(&[Kind::Control]),
        "controls audited",
    );
    pub const POLICIES: FieldSpec = optional(
        "policies",
        Takes::Names(&[Kind::Policy]),
        "policies audited",
    );
    pub const CLAUSES: FieldSpec = optional("clauses", Takes::Free, "clauses audited (strings)");
    pub const FINDINGS: FieldSpec = optional(
        "findings",
        Takes::Names(NONCONFORMITIES),
        "nonconformities it found",
    );
    pub const SUMMARY: FieldSpec = optional("summary", Takes::Free, "string");
}

impl Declaration for Audit {
    fn dates(&self, visit: &mut dyn FnMut(&Dated, &'static FieldSpec)) {
        if let Some(d) = &self.date {
            visit(d, &Self::DATE);
        }
    }

    const DECL: DeclKind = DeclKind::Audit;
    const KEYWORD: &'static str = "audit";
    const ARTICLE: &'static str = "an";
    const DOC: &'static str = "an internal audit and its findings (clause 9.2)";
    const FIELDS: &'static [FieldSpec] = &[
        Self::DATE,
        Self::AUDITOR,
        Self::CONTROLS,
        Self::POLICIES,
        Self::CLAUSES,
        Self::FINDINGS,
        Self::SUMMARY,
    ];

    fn lower(decl: &Decl, sink: &mut Sink) -> Option<Self> {
        audit(decl, sink)
    }

    named!(
        auditor => AUDITOR,
        controls => CONTROLS,
        policies => POLICIES,
        findings => FINDINGS,
    );
}

fn audit(decl: &Decl, sink: &mut Sink) -> Option<Audit> {
    let Opening { id, title, f } = header(sink, decl, "audit", Audit::FIELDS)?;
    let audit = Audit {
        date: date(sink, &f, &Audit::DATE),
        auditor: f
            .get(&Audit::AUDITOR)
            .and_then(|x| read::reference(sink, x, "a person")),
        controls: refs(sink, &f, &Audit::CONTROLS, "a control"),
        policies: refs(sink, &f, &Audit::POLICIES, "a policy"),
        clauses: f
            .get(&Audit::CLAUSES)
            .map(|x| read::strings(sink, x))
            .unwrap_or_default(),
        findings: refs(sink, &f, &Audit::FINDINGS, "a nonconformity"),
        summary: string(sink, &f, &Audit::SUMMARY),
        id,
        title,
        common: common(decl, f.present),
    };
    Some(audit)
}
