//! The ISMS lifecycle: objective, metric, training, programme, audit, review, incident
//! and nonconformity.

use super::spec::{by_rule, optional, repeatable, required, FieldSpec, Takes, PEOPLE};
use super::{DeclKind, Declaration, Kind};
use crate::diagnostics::{Code, Diagnostic, Sink};
use crate::model::lifecycle::*;
use crate::model::lower::fields::Fields;
use crate::model::lower::{common, describe, header_name, no_extra_args, read, NameForm};
use crate::model::values::*;
use crate::source::Span;
use crate::syntax::{Decl, Field, Value};
use crate::words;

/// `name`, `title` and `references` of a lifecycle kind, whose declarations all have an
/// ID and an optional title; the references are listed as `item_field => SPEC` pairs
/// (a `Vec<Ref>` or an `Option<Ref>`).
macro_rules! named {
    ($($field:ident => $spec:ident),* $(,)?) => {
        fn name(&self) -> Option<&Name> {
            Some(&self.id)
        }

        fn title(&self) -> Option<&str> {
            self.title.as_deref()
        }

        fn references(&self, visit: &mut dyn FnMut(&Ref, &'static FieldSpec)) {
            $( for r in self.$field.iter() {
                visit(r, &Self::$spec);
            } )*
        }
    };
}

const NONCONFORMITIES: &[Kind] = &[Kind::Nonconformity];
const OWNER_DOC: &str = "a person or a role";

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

impl Metric {
    pub const OBJECTIVES: FieldSpec = optional(
        "objectives",
        Takes::Names(&[Kind::Objective]),
        "objectives it measures",
    );
    pub const OWNER: FieldSpec = optional("owner", Takes::Names(PEOPLE), OWNER_DOC);
    pub const UNIT: FieldSpec = optional("unit", Takes::Free, "what is counted (string)");
    pub const TARGET: FieldSpec = required(
        "target",
        "target below|above <number>",
        Takes::Free,
        "below N or above N",
    );
    pub const MEASURED: FieldSpec = repeatable("measured", Takes::Free, "DATE N (repeatable)");
    pub const ACTION: FieldSpec = optional(
        "action",
        Takes::Free,
        "what is done while it misses its target",
    );
    pub const DESCRIPTION: FieldSpec = optional("description", Takes::Free, "string");
}

impl Declaration for Metric {
    const DECL: DeclKind = DeclKind::Metric;
    const KEYWORD: &'static str = "metric";
    const DOC: &'static str = "a measurement of performance against a target (clause 9.1)";
    const FIELDS: &'static [FieldSpec] = &[
        Self::OBJECTIVES,
        Self::OWNER,
        Self::UNIT,
        Self::TARGET,
        Self::MEASURED,
        Self::ACTION,
        Self::DESCRIPTION,
    ];

    fn lower(decl: &Decl, sink: &mut Sink) -> Option<Self> {
        metric(decl, sink)
    }

    named!(owner => OWNER, objectives => OBJECTIVES);
}

impl Training {
    pub const OWNER: FieldSpec = optional("owner", Takes::Names(PEOPLE), OWNER_DOC);
    pub const AUDIENCE: FieldSpec = required(
        "audience",
        "audience <role or person>, …",
        Takes::Names(&[Kind::Role, Kind::Person]),
        "roles or persons who take it",
    );
    pub const FREQUENCY: FieldSpec = required(
        "frequency",
        "frequency every 12 months",
        Takes::Period,
        "how often it is repeated",
    );
    pub const COMPLETED: FieldSpec =
        optional("completed", Takes::Date, "date it was last completed");
    pub const COMPLETION: FieldSpec = optional(
        "completion",
        Takes::Free,
        "percentage of the audience that completed it",
    );
    pub const DESCRIPTION: FieldSpec = optional("description", Takes::Free, "string");
}

impl Declaration for Training {
    const DECL: DeclKind = DeclKind::Training;
    const KEYWORD: &'static str = "training";
    const DOC: &'static str = "an awareness or competence training (clauses 7.2, 7.3)";
    const FIELDS: &'static [FieldSpec] = &[
        Self::OWNER,
        Self::AUDIENCE,
        Self::FREQUENCY,
        Self::COMPLETED,
        Self::COMPLETION,
        Self::DESCRIPTION,
    ];

    fn lower(decl: &Decl, sink: &mut Sink) -> Option<Self> {
        training(decl, sink)
    }

    named!(owner => OWNER, audience => AUDIENCE);
}

impl Programme {
    pub const OWNER: FieldSpec = optional("owner", Takes::Names(PEOPLE), OWNER_DOC);
    pub const INTERVAL: FieldSpec = required(
        "interval",
        "interval every 6 months",
        Takes::Period,
        "how often the ISMS is audited",
    );
    pub const DESCRIPTION: FieldSpec = optional("description", Takes::Free, "string");
}

impl Declaration for Programme {
    const DECL: DeclKind = DeclKind::Programme;
    const KEYWORD: &'static str = "programme";
    const DOC: &'static str = "the internal audit programme (clause 9.2, one per project)";
    const FIELDS: &'static [FieldSpec] = &[Self::OWNER, Self::INTERVAL, Self::DESCRIPTION];

    fn lower(decl: &Decl, sink: &mut Sink) -> Option<Self> {
        programme(decl, sink)
    }

    named!(owner => OWNER);
}

impl Audit {
    pub const DATE: FieldSpec =
        required("date", "date YYYY-MM-DD", Takes::Date, "date of the audit");
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

impl Review {
    pub const DATE: FieldSpec =
        required("date", "date YYYY-MM-DD", Takes::Date, "date of the review");
    pub const ATTENDEES: FieldSpec = required(
        "attendees",
        "attendees <person>, …",
        Takes::Names(PEOPLE),
        "persons or roles who attended",
    );
    pub const INPUTS: FieldSpec = required(
        "inputs",
        "inputs previous-actions, issues, interested-parties, performance, feedback, risk-assessment, improvement",
        Takes::Word(words!(ReviewInput)),
        "the inputs of clause 9.3.2 it covered",
    );
    pub const DECISION: FieldSpec =
        repeatable("decision", Takes::Free, "a decision taken (repeatable)");
    pub const ACTION: FieldSpec =
        repeatable("action", Takes::Free, "an action agreed (repeatable)");
}

impl Declaration for Review {
    const DECL: DeclKind = DeclKind::Review;
    const KEYWORD: &'static str = "management_review";
    const DOC: &'static str = "a management review (clause 9.3)";
    const FIELDS: &'static [FieldSpec] = &[
        Self::DATE,
        Self::ATTENDEES,
        Self::INPUTS,
        Self::DECISION,
        Self::ACTION,
    ];

    fn lower(decl: &Decl, sink: &mut Sink) -> Option<Self> {
        review(decl, sink)
    }

    named!(attendees => ATTENDEES);
}

impl Incident {
    pub const DATE: FieldSpec =
        required("date", "date YYYY-MM-DD", Takes::Date, "date it happened");
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
    pub const LESSONS: FieldSpec = optional("lessons", Takes::Free, "lessons learned (string)");
    pub const NONCONFORMITIES: FieldSpec = optional(
        "nonconformities",
        Takes::Names(NONCONFORMITIES),
        "nonconformities it raised",
    );
    pub const DESCRIPTION: FieldSpec = optional("description", Takes::Free, "string");
}

impl Declaration for Incident {
    const DECL: DeclKind = DeclKind::Incident;
    const KEYWORD: &'static str = "incident";
    const ARTICLE: &'static str = "an";
    const DOC: &'static str = "an information security incident (A.5.24–A.5.28)";
    const FIELDS: &'static [FieldSpec] = &[
        Self::DATE,
        Self::SEVERITY,
        Self::ASSETS,
        Self::RISKS,
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
        nonconformities => NONCONFORMITIES,
    );
}

impl Nonconformity {
    pub const RAISED: FieldSpec = optional("raised", Takes::Date, "date it was raised");
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
    pub const CLOSED: FieldSpec = optional("closed", Takes::Date, "date it was closed");
    pub const VERIFIED: FieldSpec = by_rule(
        "verified",
        Takes::Free,
        "how the action was found effective",
    );
    pub const DESCRIPTION: FieldSpec = optional("description", Takes::Free, "string");
}

impl Declaration for Nonconformity {
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
        Self::DESCRIPTION,
    ];

    fn lower(decl: &Decl, sink: &mut Sink) -> Option<Self> {
        nonconformity(decl, sink)
    }

    named!(owner => OWNER);
}

/// The name, the optional title and the fields of a lifecycle declaration.
struct Header<'a> {
    id: Name,
    title: Option<String>,
    f: Fields<'a>,
}

fn header<'a>(
    sink: &mut Sink,
    decl: &'a Decl,
    keyword: &str,
    schema: &'static [FieldSpec],
) -> Option<Header<'a>> {
    let id = header_name(sink, decl, NameForm::Plain)?;
    let title = read::title(sink, &decl.args, 1, keyword);
    no_extra_args(sink, decl, 2);
    let what = describe(keyword, Some(&id));
    let f = Fields::read(sink, decl.block.as_ref(), schema, &what, id.span);
    Some(Header { id, title, f })
}

fn refs(sink: &mut Sink, f: &Fields<'_>, name: &FieldSpec, takes: &str) -> Vec<Ref> {
    f.get(name)
        .map(|x| read::references(sink, x, takes))
        .unwrap_or_default()
}

fn owner(sink: &mut Sink, f: &Fields<'_>, name: &FieldSpec) -> Option<Ref> {
    f.get(name)
        .and_then(|x| read::reference(sink, x, "a person or a role"))
}

fn date(sink: &mut Sink, f: &Fields<'_>, name: &FieldSpec) -> Option<Dated> {
    f.get(name).and_then(|x| read::date(sink, x))
}

fn string(sink: &mut Sink, f: &Fields<'_>, name: &FieldSpec) -> Option<String> {
    f.get(name).and_then(|x| read::string(sink, x))
}

fn objective(decl: &Decl, sink: &mut Sink) -> Option<Objective> {
    let Header { id, title, f } = header(sink, decl, "objective", Objective::FIELDS)?;
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

fn metric(decl: &Decl, sink: &mut Sink) -> Option<Metric> {
    let Header { id, title, f } = header(sink, decl, "metric", Metric::FIELDS)?;
    let mut measurements: Vec<Measurement> = f
        .all(&Metric::MEASURED)
        .filter_map(|x| measurement(sink, x))
        .collect();
    measurements.sort_by_key(|m| m.on.date);
    let metric = Metric {
        objectives: refs(sink, &f, &Metric::OBJECTIVES, "an objective"),
        owner: owner(sink, &f, &Metric::OWNER),
        unit: string(sink, &f, &Metric::UNIT),
        target: f.get(&Metric::TARGET).and_then(|x| target(sink, x)),
        measurements,
        action: string(sink, &f, &Metric::ACTION),
        id,
        title,
        common: common(decl, f.present),
    };
    Some(metric)
}

fn values(field: &Field) -> Vec<&Value> {
    field.args.iter().flat_map(|a| a.values.iter()).collect()
}

fn field_args_span(field: &Field) -> Span {
    field.args.first().map_or(field.name.span, |a| {
        Span::new(a.span.file, a.span.start(), field.span.end())
    })
}

/// `target below 5` / `target above 90`
fn target(sink: &mut Sink, field: &Field) -> Option<Target> {
    if let [dir, n] = values(field).as_slice() {
        let direction = read::value_keyword::<Direction>(sink, dir, "target");
        let value = read::value_quantity(sink, n, "target");
        let (direction, (value, _)) = (direction?.0, value?);
        return Some(Target {
            direction,
            value,
            span: Span::new(dir.span.file, dir.span.start(), n.span.end()),
        });
    }
    sink.push(
        Diagnostic::new(
            Code::ValueInvalid,
            field_args_span(field),
            "`target` takes a direction and a number",
        )
        .with_label("expected `below N` or `above N`")
        .with_help("write `target below 5`"),
    );
    None
}

/// `measured 2026-03-31 12`
fn measurement(sink: &mut Sink, field: &Field) -> Option<Measurement> {
    if let [on, value] = values(field).as_slice() {
        let on = read::value_date(sink, on, "measured");
        let value = read::value_quantity(sink, value, "measured");
        let (value, value_span) = value?;
        return Some(Measurement {
            on: on?,
            value,
            value_span,
            span: field.span,
        });
    }
    sink.push(
        Diagnostic::new(
            Code::ValueInvalid,
            field_args_span(field),
            "`measured` takes a date and a number",
        )
        .with_label("expected `measured YYYY-MM-DD N`")
        .with_help("write `measured 2026-03-31 12`"),
    );
    None
}

fn training(decl: &Decl, sink: &mut Sink) -> Option<Training> {
    let Header { id, title, f } = header(sink, decl, "training", Training::FIELDS)?;
    let completion = f.get(&Training::COMPLETION).and_then(|x| {
        let rated = read::int(sink, x, "95")?;
        if (0..=100).contains(&rated.value) {
            return Some(rated);
        }
        sink.push(
            Diagnostic::new(
                Code::ValueInvalid,
                rated.span,
                format!("a completion rate of {} % is not possible", rated.value),
            )
            .with_label("expected a percentage from 0 to 100")
            .with_help("write the share of the audience that completed it: `completion 95`"),
        );
        None
    });
    let training = Training {
        owner: owner(sink, &f, &Training::OWNER),
        audience: refs(sink, &f, &Training::AUDIENCE, "a role or a person"),
        frequency: f
            .get(&Training::FREQUENCY)
            .and_then(|x| read::every(sink, x)),
        completed: date(sink, &f, &Training::COMPLETED),
        completion,
        id,
        title,
        common: common(decl, f.present),
    };
    Some(training)
}

fn programme(decl: &Decl, sink: &mut Sink) -> Option<Programme> {
    let Header { id, title, f } = header(sink, decl, "programme", Programme::FIELDS)?;
    let programme = Programme {
        owner: owner(sink, &f, &Programme::OWNER),
        interval: f
            .get(&Programme::INTERVAL)
            .and_then(|x| read::every(sink, x)),
        id,
        title,
        common: common(decl, f.present),
    };
    Some(programme)
}

fn audit(decl: &Decl, sink: &mut Sink) -> Option<Audit> {
    let Header { id, title, f } = header(sink, decl, "audit", Audit::FIELDS)?;
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

fn review(decl: &Decl, sink: &mut Sink) -> Option<Review> {
    let Header { id, title, f } = header(sink, decl, "management_review", Review::FIELDS)?;
    let inputs_field = f.get(&Review::INPUTS);
    let inputs = inputs_field
        .map(|x| {
            values(x)
                .into_iter()
                .filter_map(|v| read::value_keyword::<ReviewInput>(sink, v, "inputs"))
                .map(|(input, span)| CoveredInput { input, span })
                .collect()
        })
        .unwrap_or_default();
    let review = Review {
        date: date(sink, &f, &Review::DATE),
        attendees: refs(sink, &f, &Review::ATTENDEES, "a person or a role"),
        inputs,
        inputs_span: inputs_field.map(|x| x.name.span),
        decisions: f
            .all(&Review::DECISION)
            .flat_map(|x| read::strings(sink, x))
            .collect(),
        actions: f
            .all(&Review::ACTION)
            .flat_map(|x| read::strings(sink, x))
            .collect(),
        id,
        title,
        common: common(decl, f.present),
    };
    Some(review)
}

fn incident(decl: &Decl, sink: &mut Sink) -> Option<Incident> {
    let Header { id, title, f } = header(sink, decl, "incident", Incident::FIELDS)?;
    let incident = Incident {
        date: date(sink, &f, &Incident::DATE),
        severity: f
            .get(&Incident::SEVERITY)
            .and_then(|x| read::keyword::<IncidentSeverity>(sink, x))
            .map(|(s, _)| s),
        assets: refs(sink, &f, &Incident::ASSETS, "an asset"),
        risks: refs(sink, &f, &Incident::RISKS, "a risk"),
        lessons: string(sink, &f, &Incident::LESSONS),
        nonconformities: refs(sink, &f, &Incident::NONCONFORMITIES, "a nonconformity"),
        id,
        title,
        common: common(decl, f.present),
    };
    Some(incident)
}

fn nonconformity(decl: &Decl, sink: &mut Sink) -> Option<Nonconformity> {
    let Header { id, title, f } = header(sink, decl, "nonconformity", Nonconformity::FIELDS)?;
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
        id,
        title,
        common: common(decl, f.present),
    };
    Some(nonconformity)
}
