//! audit: an internal audit and its findings (clause 9.2).

use super::lifecycle::*;
use super::{DeclKind, Declaration, Kind};
use crate::diagnostics::Sink;
use crate::diagnostics::{closest, Code, Diagnostic};
use crate::model::clauses::{clause, CLAUSES};
use crate::model::items::Common;
use crate::model::lower::{common, read};
use crate::model::schema::{optional, required, FieldSpec, Takes};
use crate::model::values::*;
use crate::syntax::{Decl, Field};

/// `audit ID "Title" { … }`: one internal audit (clause 9.2).
#[derive(Debug, Clone)]
pub struct Audit {
    pub id: Name,
    pub title: Option<String>,
    pub date: Option<Dated>,
    pub auditor: Option<Ref>,
    pub controls: Vec<Ref>,
    pub policies: Vec<Ref>,
    /// The clauses of 4–10 it covered, each a valid ID of [`crate::model::clauses`]
    /// (a misspelt one is reported by the lowering and left out).
    pub clauses: Vec<String>,
    /// Whether `clauses` named something that is no clause: what the audit covered is
    /// then unknown, and `audit/coverage-gap` waits for the misspelling to be fixed.
    pub unknown_clauses: bool,
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
    pub const CLAUSES: FieldSpec = optional(
        "clauses",
        Takes::Free,
        "clauses of 4–10 audited (strings: \"9.2\" covers 9.2.1 and 9.2.2)",
    );
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
    let (clauses, unknown_clauses) = f
        .get(&Audit::CLAUSES)
        .map(|x| audited_clauses(sink, x))
        .unwrap_or_default();
    let audit = Audit {
        date: date(sink, &f, &Audit::DATE),
        auditor: f
            .get(&Audit::AUDITOR)
            .and_then(|x| read::reference(sink, x, "a person")),
        controls: refs(sink, &f, &Audit::CONTROLS, "a control"),
        policies: refs(sink, &f, &Audit::POLICIES, "a policy"),
        clauses,
        unknown_clauses,
        findings: refs(sink, &f, &Audit::FINDINGS, "a nonconformity"),
        summary: string(sink, &f, &Audit::SUMMARY),
        id,
        title,
        common: common(decl, f.present),
    };
    Some(audit)
}

/// The clause IDs of a `clauses` field, and whether one of them is no clause of 4–10 (each
/// such string is one `value/invalid`, with the closest clause as a did-you-mean).
fn audited_clauses(sink: &mut Sink, field: &Field) -> (Vec<String>, bool) {
    let mut valid = Vec::new();
    let mut unknown = false;
    for value in values(field) {
        let Some(text) = read::value_string(sink, value, &field.name.text) else {
            unknown = true;
            continue;
        };
        if clause(text.trim()).is_some() {
            valid.push(text.trim().to_string());
            continue;
        }
        unknown = true;
        let mut d = Diagnostic::new(
            Code::ValueInvalid,
            value.span,
            format!("`{text}` is no clause of ISO/IEC 27001 clauses 4–10"),
        )
        .with_label("expected a clause such as \"9.2\"");
        let annex_a = text.trim_start().starts_with(['A', 'a']);
        match closest(&text, CLAUSES.iter().map(|c| c.id)) {
            Some(near) if !annex_a => d = d.with_help(format!("did you mean `{near}`?")),
            _ => {
                d = d.with_help(
                    "write a clause's number, such as \"6.1.2\"; Annex A controls go in `controls`",
                )
            }
        }
        sink.push(d);
    }
    (valid, unknown)
}
