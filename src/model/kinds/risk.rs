//! risk: a risk with its assessment and its treatment.

use super::{DeclKind, Declaration, Kind};
use crate::diagnostics::{Code, Diagnostic, Sink};
use crate::model::items::Common;
use crate::model::lower::fields::Fields;
use crate::model::lower::{common, describe, header_name, no_extra_args, read, NameForm};
use crate::model::schema::{by_rule, optional, required, FieldSpec, Need, Takes, PEOPLE};
use crate::model::values::*;
use crate::source::Span;
use crate::syntax::{Decl, Field, ValueKind};

#[derive(Debug, Clone)]
pub struct Residual {
    pub likelihood: Rated,
    pub impact: Rated,
    pub span: Span,
}

#[derive(Debug, Clone)]
pub struct Treatment {
    pub kind: TreatmentKind,
    /// The `mitigate` / `accept` / `transfer` / `avoid` word.
    pub kind_span: Span,
    pub controls: Vec<Ref>,
    pub residual: Option<Residual>,
    pub due: Option<Dated>,
    /// When the action of an `avoid` or of a `transfer` was completed.
    pub done: Option<Dated>,
    pub accepted: Option<Signoff>,
    pub rationale: Option<String>,
    pub to: Option<String>,
    pub common: Common,
}

#[derive(Debug, Clone)]
pub struct Risk {
    pub id: Name,
    pub title: Option<String>,
    pub assets: Vec<Ref>,
    pub threat: Option<String>,
    pub vulnerability: Option<String>,
    pub likelihood: Option<Rated>,
    pub impact: Option<Rated>,
    pub owner: Option<Ref>,
    pub reviewed: Option<Dated>,
    pub description: Option<String>,
    pub treatment: Option<Treatment>,
    pub common: Common,
}

impl Risk {
    pub const OWNER: FieldSpec = by_rule("owner", Takes::Names(PEOPLE), "a person or a role");
    pub const LIKELIHOOD: FieldSpec = required(
        "likelihood",
        "likelihood <1..N>",
        Takes::Free,
        "on the methodology's likelihood scale",
    );
    pub const IMPACT: FieldSpec = required(
        "impact",
        "impact <1..N>",
        Takes::Free,
        "on the methodology's impact scale",
    );
    pub const TREATMENT: FieldSpec = by_rule(
        "treatment",
        Takes::Treatment,
        "mitigate, accept, transfer or avoid",
    );
    pub const ASSETS: FieldSpec =
        optional("assets", Takes::Names(&[Kind::Asset]), "assets at risk");
    pub const THREAT: FieldSpec = optional("threat", Takes::Free, "string");
    pub const VULNERABILITY: FieldSpec = optional("vulnerability", Takes::Free, "string");
    pub const REVIEWED: FieldSpec =
        optional("reviewed", Takes::Date, "date of the last assessment").past();
    pub const DESCRIPTION: FieldSpec = optional("description", Takes::Free, "string");
}

impl Declaration for Risk {
    fn dates(&self, visit: &mut dyn FnMut(&Dated, &'static FieldSpec)) {
        if let Some(d) = &self.reviewed {
            visit(d, &Self::REVIEWED);
        }
        if let Some(t) = &self.treatment {
            if let Some(d) = &t.due {
                visit(d, &Treatment::DUE);
            }
            if let Some(d) = t.accepted.as_ref().and_then(|a| a.on.as_ref()) {
                visit(d, &Treatment::ACCEPTED_BY);
            }
            if let Some(d) = &t.done {
                visit(d, &Treatment::DONE);
            }
        }
    }

    const DECL: DeclKind = DeclKind::Risk;
    const KEYWORD: &'static str = "risk";
    const DOC: &'static str = "a risk with its assessment and treatment";
    const FIELDS: &'static [FieldSpec] = &[
        Self::OWNER,
        Self::LIKELIHOOD,
        Self::IMPACT,
        Self::TREATMENT,
        Self::ASSETS,
        Self::THREAT,
        Self::VULNERABILITY,
        Self::REVIEWED,
        Self::DESCRIPTION,
    ];

    fn lower(decl: &Decl, sink: &mut Sink) -> Option<Self> {
        risk(decl, sink)
    }

    fn name(&self) -> Option<&Name> {
        Some(&self.id)
    }

    fn title(&self) -> Option<&str> {
        self.title.as_deref()
    }

    fn references(&self, visit: &mut dyn FnMut(&Ref, &'static FieldSpec)) {
        if let Some(r) = &self.owner {
            visit(r, &Self::OWNER);
        }
        for r in &self.assets {
            visit(r, &Self::ASSETS);
        }
        if let Some(t) = &self.treatment {
            for r in &t.controls {
                visit(r, &Treatment::CONTROLS);
            }
            if let Some(s) = &t.accepted {
                visit(&s.by, &Treatment::ACCEPTED_BY);
            }
        }
    }
}

fn risk(decl: &Decl, sink: &mut Sink) -> Option<Risk> {
    let id = header_name(sink, decl, NameForm::Plain)?;
    let title = read::title(sink, &decl.args, 1, "risk");
    no_extra_args(sink, decl, 2);
    let what = describe("risk", Some(&id));
    let f = Fields::read(sink, decl.block.as_ref(), Risk::FIELDS, &what, id.span);
    let assets = f
        .get(&Risk::ASSETS)
        .map(|x| read::references(sink, x, "an asset"))
        .unwrap_or_default();
    let threat = f.get(&Risk::THREAT).and_then(|x| read::string(sink, x));
    let vulnerability = f
        .get(&Risk::VULNERABILITY)
        .and_then(|x| read::string(sink, x));
    let likelihood = f
        .get(&Risk::LIKELIHOOD)
        .and_then(|x| read::int(sink, x, "3"));
    let impact = f.get(&Risk::IMPACT).and_then(|x| read::int(sink, x, "3"));
    let owner = f
        .get(&Risk::OWNER)
        .and_then(|x| read::reference(sink, x, "a person or a role"));
    let reviewed = f.get(&Risk::REVIEWED).and_then(|x| read::date(sink, x));
    let description = f
        .get(&Risk::DESCRIPTION)
        .and_then(|x| read::string(sink, x));
    let treatment = f
        .get(&Risk::TREATMENT)
        .and_then(|x| treatment(sink, x, &what));
    Some(Risk {
        id,
        title,
        assets,
        threat,
        vulnerability,
        likelihood,
        impact,
        owner,
        reviewed,
        description,
        treatment,
        common: common(decl, f.present),
    })
}

impl Treatment {
    pub const CONTROLS: FieldSpec = by_rule(
        "controls",
        Takes::Names(&[Kind::Control]),
        "controls that reduce the risk",
    );
    pub const RESIDUAL: FieldSpec = optional(
        "residual",
        Takes::Residual,
        "likelihood N impact N after treatment",
    );
    pub const DUE: FieldSpec = optional("due", Takes::Date, "date the treatment is complete");
    pub const DONE: FieldSpec = optional(
        "done",
        Takes::Date,
        "date the action (stopping the activity, the transfer) was completed",
    )
    .past();
    pub const ACCEPTED_BY: FieldSpec = by_rule(
        "accepted_by",
        Takes::Signoff,
        "P on DATE: the risk owner's (or an authorised party's) approval and acceptance",
    )
    .past();
    pub const RATIONALE: FieldSpec = required(
        "rationale",
        "rationale \"why the risk is acceptable\"",
        Takes::Free,
        "why the risk is acceptable",
    );
    pub const TO: FieldSpec = required(
        "to",
        "to \"insurer, contract or supplier\"",
        Takes::Free,
        "insurer, contract or supplier",
    );
}

const MITIGATE: &[FieldSpec] = &[
    Treatment::CONTROLS,
    Treatment::RESIDUAL,
    Treatment::DUE,
    Treatment::ACCEPTED_BY,
];

const ACCEPT: &[FieldSpec] = &[Treatment::RATIONALE, Treatment::ACCEPTED_BY];

const TRANSFER: &[FieldSpec] = &[
    Treatment::TO,
    FieldSpec {
        need: Need::Optional,
        doc: "controls that stay in place",
        ..Treatment::CONTROLS
    },
    Treatment::RESIDUAL,
    Treatment::ACCEPTED_BY,
    FieldSpec {
        doc: "date",
        ..Treatment::DUE
    },
    Treatment::DONE,
];

const AVOID: &[FieldSpec] = &[
    FieldSpec {
        hint: "rationale \"how the activity is stopped\"",
        doc: "how the activity is stopped",
        ..Treatment::RATIONALE
    },
    FieldSpec {
        doc: "date",
        ..Treatment::DUE
    },
    Treatment::DONE,
    Treatment::ACCEPTED_BY,
];

/// The fields of a treatment's block, which depend on its kind.
pub fn treatment_fields(kind: TreatmentKind) -> &'static [FieldSpec] {
    match kind {
        TreatmentKind::Mitigate => MITIGATE,
        TreatmentKind::Accept => ACCEPT,
        TreatmentKind::Transfer => TRANSFER,
        TreatmentKind::Avoid => AVOID,
    }
}

fn treatment(sink: &mut Sink, field: &Field, risk: &str) -> Option<Treatment> {
    let value = read::single(sink, field, "a treatment", "mitigate { … }")?;
    let (kind, kind_span) = read::value_keyword::<TreatmentKind>(sink, value, "treatment")?;
    let schema = treatment_fields(kind);
    let what = format!("the `{kind}` treatment of {risk}");
    let f = Fields::read(sink, field.block.as_ref(), schema, &what, kind_span);
    let controls = f
        .get(&Treatment::CONTROLS)
        .map(|x| read::references(sink, x, "a control"))
        .unwrap_or_default();
    let residual = f.get(&Treatment::RESIDUAL).and_then(|x| residual(sink, x));
    let due = f.get(&Treatment::DUE).and_then(|x| read::date(sink, x));
    let done = f.get(&Treatment::DONE).and_then(|x| read::date(sink, x));
    let accepted = f
        .get(&Treatment::ACCEPTED_BY)
        .and_then(|x| read::signoff(sink, x));
    let rationale = f
        .get(&Treatment::RATIONALE)
        .and_then(|x| read::string(sink, x));
    let to = f.get(&Treatment::TO).and_then(|x| read::string(sink, x));
    Some(Treatment {
        kind,
        kind_span,
        controls,
        residual,
        due,
        done,
        accepted,
        rationale,
        to,
        common: crate::model::items::Common {
            span: field.span,
            doc: None,
            present: f.present,
            incomplete: f.incomplete,
            header_broken: field.broken,
        },
    })
}

/// `residual likelihood N impact N`
fn residual(sink: &mut Sink, field: &Field) -> Option<Residual> {
    let values: Vec<_> = field.args.iter().flat_map(|a| a.values.iter()).collect();
    if let [l, lv, i, iv] = values.as_slice() {
        let words = (&l.kind, &i.kind);
        if let (ValueKind::Word(l), ValueKind::Word(i)) = words {
            if l == "likelihood" && i == "impact" {
                let likelihood = read::value_int(sink, lv, "residual likelihood");
                let impact = read::value_int(sink, iv, "residual impact");
                return Some(Residual {
                    likelihood: likelihood?,
                    impact: impact?,
                    span: field.span,
                });
            }
        }
    }
    sink.push(
        Diagnostic::new(
            Code::ValueInvalid,
            field.args.first().map_or(field.name.span, |a| a.span),
            "`residual` takes a likelihood and an impact",
        )
        .with_label("expected `residual likelihood N impact N`")
        .with_help("write `residual likelihood 1 impact 3`"),
    );
    None
}
