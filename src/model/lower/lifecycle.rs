//! The ISMS lifecycle: objective, metric, training, programme, audit, review, incident
//! and nonconformity.

use super::fields::{by_rule, optional, repeatable, required, Fields, Spec};
use super::{common, describe, header_name, no_extra_args, read, NameForm};
use crate::diagnostics::{Code, Diagnostic, Sink};
use crate::model::lifecycle::*;
use crate::model::values::*;
use crate::model::Model;
use crate::source::Span;
use crate::syntax::{Decl, Field, Value};

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
    schema: &'static [Spec],
) -> Option<Header<'a>> {
    let id = header_name(sink, decl, NameForm::Plain)?;
    let title = read::title(sink, &decl.args, 1, keyword);
    no_extra_args(sink, decl, 2);
    let what = describe(keyword, Some(&id));
    let f = Fields::read(sink, decl.block.as_ref(), schema, &what, id.span);
    Some(Header { id, title, f })
}

fn refs(sink: &mut Sink, f: &Fields<'_>, name: &str, takes: &str) -> Vec<Ref> {
    f.get(name)
        .map(|x| read::references(sink, x, takes))
        .unwrap_or_default()
}

fn owner(sink: &mut Sink, f: &Fields<'_>) -> Option<Ref> {
    f.get("owner")
        .and_then(|x| read::reference(sink, x, "a person or a role"))
}

fn date(sink: &mut Sink, f: &Fields<'_>, name: &str) -> Option<Dated> {
    f.get(name).and_then(|x| read::date(sink, x))
}

fn string(sink: &mut Sink, f: &Fields<'_>, name: &str) -> Option<String> {
    f.get(name).and_then(|x| read::string(sink, x))
}

const OBJECTIVE: &[Spec] = &[
    by_rule("owner"),
    required("target", "target \"what is achieved, measurably\""),
    optional("due"),
    optional("risks"),
    optional("controls"),
    optional("description"),
];

pub fn objective(decl: &Decl, model: &mut Model, sink: &mut Sink) {
    let Some(Header { id, title, f }) = header(sink, decl, "objective", OBJECTIVE) else {
        return;
    };
    let objective = Objective {
        owner: owner(sink, &f),
        target: string(sink, &f, "target"),
        due: date(sink, &f, "due"),
        risks: refs(sink, &f, "risks", "a risk"),
        controls: refs(sink, &f, "controls", "a control"),
        id,
        title,
        common: common(decl, f.present),
    };
    model.objectives.push(objective);
}

const METRIC: &[Spec] = &[
    optional("objectives"),
    optional("owner"),
    optional("unit"),
    required("target", "target below|above <number>"),
    repeatable("measured"),
    optional("action"),
    optional("description"),
];

pub fn metric(decl: &Decl, model: &mut Model, sink: &mut Sink) {
    let Some(Header { id, title, f }) = header(sink, decl, "metric", METRIC) else {
        return;
    };
    let mut measurements: Vec<Measurement> = f
        .all("measured")
        .filter_map(|x| measurement(sink, x))
        .collect();
    measurements.sort_by_key(|m| m.on.date);
    let metric = Metric {
        objectives: refs(sink, &f, "objectives", "an objective"),
        owner: owner(sink, &f),
        unit: string(sink, &f, "unit"),
        target: f.get("target").and_then(|x| target(sink, x)),
        measurements,
        action: string(sink, &f, "action"),
        id,
        title,
        common: common(decl, f.present),
    };
    model.metrics.push(metric);
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

const TRAINING: &[Spec] = &[
    optional("owner"),
    required("audience", "audience <role or person>, …"),
    required("frequency", "frequency every 12 months"),
    optional("completed"),
    optional("completion"),
    optional("description"),
];

pub fn training(decl: &Decl, model: &mut Model, sink: &mut Sink) {
    let Some(Header { id, title, f }) = header(sink, decl, "training", TRAINING) else {
        return;
    };
    let completion = f.get("completion").and_then(|x| {
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
        owner: owner(sink, &f),
        audience: refs(sink, &f, "audience", "a role or a person"),
        frequency: f.get("frequency").and_then(|x| read::every(sink, x)),
        completed: date(sink, &f, "completed"),
        completion,
        id,
        title,
        common: common(decl, f.present),
    };
    model.trainings.push(training);
}

const PROGRAMME: &[Spec] = &[
    optional("owner"),
    required("interval", "interval every 6 months"),
    optional("description"),
];

pub fn programme(decl: &Decl, model: &mut Model, sink: &mut Sink) {
    let Some(Header { id, title, f }) = header(sink, decl, "programme", PROGRAMME) else {
        return;
    };
    let programme = Programme {
        owner: owner(sink, &f),
        interval: f.get("interval").and_then(|x| read::every(sink, x)),
        id,
        title,
        common: common(decl, f.present),
    };
    model.programmes.push(programme);
}

const AUDIT: &[Spec] = &[
    required("date", "date YYYY-MM-DD"),
    required("auditor", "auditor <person>"),
    optional("controls"),
    optional("policies"),
    optional("clauses"),
    optional("findings"),
    optional("summary"),
];

pub fn audit(decl: &Decl, model: &mut Model, sink: &mut Sink) {
    let Some(Header { id, title, f }) = header(sink, decl, "audit", AUDIT) else {
        return;
    };
    let audit = Audit {
        date: date(sink, &f, "date"),
        auditor: f
            .get("auditor")
            .and_then(|x| read::reference(sink, x, "a person")),
        controls: refs(sink, &f, "controls", "a control"),
        policies: refs(sink, &f, "policies", "a policy"),
        clauses: f
            .get("clauses")
            .map(|x| read::strings(sink, x))
            .unwrap_or_default(),
        findings: refs(sink, &f, "findings", "a nonconformity"),
        summary: string(sink, &f, "summary"),
        id,
        title,
        common: common(decl, f.present),
    };
    model.audits.push(audit);
}

const REVIEW: &[Spec] = &[
    required("date", "date YYYY-MM-DD"),
    required("attendees", "attendees <person>, …"),
    required(
        "inputs",
        "inputs previous-actions, issues, interested-parties, performance, feedback, risk-assessment, improvement",
    ),
    repeatable("decision"),
    repeatable("action"),
];

pub fn review(decl: &Decl, model: &mut Model, sink: &mut Sink) {
    let Some(Header { id, title, f }) = header(sink, decl, "management_review", REVIEW) else {
        return;
    };
    let inputs_field = f.get("inputs");
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
        date: date(sink, &f, "date"),
        attendees: refs(sink, &f, "attendees", "a person or a role"),
        inputs,
        inputs_span: inputs_field.map(|x| x.name.span),
        decisions: f
            .all("decision")
            .flat_map(|x| read::strings(sink, x))
            .collect(),
        actions: f
            .all("action")
            .flat_map(|x| read::strings(sink, x))
            .collect(),
        id,
        title,
        common: common(decl, f.present),
    };
    model.reviews.push(review);
}

const INCIDENT: &[Spec] = &[
    required("date", "date YYYY-MM-DD"),
    required("severity", "severity low|medium|high|critical"),
    optional("assets"),
    optional("risks"),
    optional("lessons"),
    optional("nonconformities"),
    optional("description"),
];

pub fn incident(decl: &Decl, model: &mut Model, sink: &mut Sink) {
    let Some(Header { id, title, f }) = header(sink, decl, "incident", INCIDENT) else {
        return;
    };
    let incident = Incident {
        date: date(sink, &f, "date"),
        severity: f
            .get("severity")
            .and_then(|x| read::keyword::<IncidentSeverity>(sink, x))
            .map(|(s, _)| s),
        assets: refs(sink, &f, "assets", "an asset"),
        risks: refs(sink, &f, "risks", "a risk"),
        lessons: string(sink, &f, "lessons"),
        nonconformities: refs(sink, &f, "nonconformities", "a nonconformity"),
        id,
        title,
        common: common(decl, f.present),
    };
    model.incidents.push(incident);
}

const NONCONFORMITY: &[Spec] = &[
    optional("raised"),
    required("owner", "owner <person or role>"),
    by_rule("root_cause"),
    required("action", "action \"the corrective action\""),
    required("due", "due YYYY-MM-DD"),
    required("status", "status open|closed"),
    optional("closed"),
    by_rule("verified"),
    optional("description"),
];

pub fn nonconformity(decl: &Decl, model: &mut Model, sink: &mut Sink) {
    let Some(Header { id, title, f }) = header(sink, decl, "nonconformity", NONCONFORMITY) else {
        return;
    };
    let nonconformity = Nonconformity {
        raised: date(sink, &f, "raised"),
        owner: owner(sink, &f),
        root_cause: string(sink, &f, "root_cause"),
        action: string(sink, &f, "action"),
        due: date(sink, &f, "due"),
        status: f
            .get("status")
            .and_then(|x| read::keyword::<NcStatus>(sink, x)),
        closed: date(sink, &f, "closed"),
        verified: string(sink, &f, "verified"),
        id,
        title,
        common: common(decl, f.present),
    };
    model.nonconformities.push(nonconformity);
}
