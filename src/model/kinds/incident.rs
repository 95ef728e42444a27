//! incident: an information security incident (controls 5.24–5.28).

use super::lifecycle::*;
use super::{DeclKind, Declaration, Kind};
use crate::diagnostics::Sink;
use crate::model::items::Common;
use crate::model::lower::{common, read};
use crate::model::schema::{optional, required, FieldSpec, Takes};
use crate::model::values::*;
use crate::syntax::Decl;
use crate::words;

keyword_enum!(
    /// How bad an incident was.
    IncidentSeverity, "incident severity", {
        Low => "low",
        Medium => "medium",
        High => "high",
        Critical => "critical",
    }
);

/// `incident ID "Title" { … }` (controls 5.24–5.28).
#[derive(Debug, Clone)]
pub struct Incident {
    pub id: Name,
    pub title: Option<String>,
    pub date: Option<Dated>,
    pub severity: Option<IncidentSeverity>,
    pub assets: Vec<Ref>,
    pub risks: Vec<Ref>,
    /// The controls that failed or were involved.
    pub controls: Vec<Ref>,
    pub lessons: Option<String>,
    pub nonconformities: Vec<Ref>,
    pub common: Common,
}

impl Incident {
    pub const DATE: FieldSpec =
        required("date", "date YYYY-MM-DD", Takes::Date, "date it happened").past();
    pub const SEVERITY: FieldSpec = required(
        "severity",
        "severity low|medium|high|critical",
        Takes::Word(words!(IncidentSeverity)),
        "how severe it was",
    );
    pub const ASSETS: FieldSpec =
        optional("assets", Takes::Names(&[Kind::Asset]), "assets affected");
    pub const RISKS: FieldSpec =
        optional("risks", Takes::Names(&[Kind::Risk]), "risks it realised");
    pub const CONTROLS: FieldSpec = optional(
        "controls",
        Takes::Names(&[Kind::Control]),
        "controls that failed or were involved",
    );
    pub const LESSONS: FieldSpec = optional("lessons", Takes::Free, "lessons learned (string)");
    pub const NONCONFORMITIES: FieldSpec = optional(
        "nonconformities",
        Takes::Names(NONCONFORMITIES),
        "nonconformities it raised",
    );
    pub const DESCRIPTION: FieldSpec = optional("description", Takes::Free, "string");
}

impl Declaration for Incident {
    fn dates(&self, visit: &mut dyn FnMut(&Dated, &'static FieldSpec)) {
        if let Some(d) = &self.date {
            visit(d, &Self::DATE);
        }
    }

    const DECL: DeclKind = DeclKind::Incident;
    const KEYWORD: &'static str = "incident";
    const ARTICLE: &'static str = "an";
    const DOC: &'static str = "an information security incident (A.5.24–A.5.28)";
    const FIELDS: &'static [FieldSpec] = &[
        Self::DATE,
        Self::SEVERITY,
        Self::ASSETS,
        Self::RISKS,
        Self::CONTROLS,
        Self::LESSONS,
        Self::NONCONFORMITIES,
        Self::DESCRIPTION,
    ];

    fn lower(decl: &Decl, sink: &mut Sink) -> Option<Self> {
        incident(decl, sink)
    }

    named!(
        assets => ASSETS,
        risks => RISKS,
        controls => CONTROLS,
        nonconformities => NONCONFORMITIES,
    );
}

fn incident(decl: &Decl, sink: &mut Sink) -> Option<Incident> {
    let Opening { id, title, f } = header(sink, decl, "incident", Incident::FIELDS)?;
    let incident = Incident {
        date: date(sink, &f, &Incident::DATE),
        severity: f
            .get(&Incident::SEVERITY)
            .and_then(|x| read::keyword::<IncidentSeverity>(sink, x))
            .map(|(s, _)| s),
        assets: refs(sink, &f, &Incident::ASSETS, "an asset"),
        risks: refs(sink, &f, &Incident::RISKS, "a risk"),
        controls: refs(sink, &f, &Incident::CONTROLS, "a control"),
        lessons: string(sink, &f, &Incident::LESSONS),
        nonconformities: refs(sink, &f, &Incident::NONCONFORMITIES, "a nonconformity"),
        id,
        title,
        common: common(decl, f.present),
    };
    Some(incident)
}
