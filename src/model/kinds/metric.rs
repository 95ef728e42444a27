//! metric: a measurement of performance against a target (clause 9.1).

use super::lifecycle::*;
use super::{DeclKind, Declaration, Kind};
use crate::diagnostics::{Code, Diagnostic, Sink};
use crate::model::items::Common;
use crate::model::lower::{common, read};
use crate::model::schema::{optional, repeatable, required, FieldSpec, Takes, PEOPLE};
use crate::model::values::*;
use crate::source::Span;
use crate::syntax::{Decl, Field};

keyword_enum!(
    /// Which way a metric's target points.
    Direction, "target direction", {
        Below => "below",
        Above => "above",
    }
);

/// `target below 5`
#[derive(Debug, Clone, Copy)]
pub struct Target {
    pub direction: Direction,
    pub value: Quantity,
    pub span: Span,
}

impl Target {
    pub fn met_by(self, value: Quantity) -> bool {
        match self.direction {
            Direction::Below => value < self.value,
            Direction::Above => value > self.value,
        }
    }
}

/// `measured 2026-03-31 12`
#[derive(Debug, Clone, Copy)]
pub struct Measurement {
    pub on: Dated,
    pub value: Quantity,
    /// Where the value is written.
    pub value_span: Span,
    pub span: Span,
}

/// `metric ID "Title" { … }` (clause 9.1).
#[derive(Debug, Clone)]
pub struct Metric {
    pub id: Name,
    pub title: Option<String>,
    pub objectives: Vec<Ref>,
    pub owner: Option<Ref>,
    pub unit: Option<String>,
    pub target: Option<Target>,
    /// In date order.
    pub measurements: Vec<Measurement>,
    pub action: Option<String>,
    pub common: Common,
}

impl Metric {
    pub fn latest(&self) -> Option<&Measurement> {
        self.measurements.last()
    }
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
    pub const MEASURED: FieldSpec =
        repeatable("measured", Takes::Free, "DATE N (repeatable)").past();
    pub const ACTION: FieldSpec = optional(
        "action",
        Takes::Free,
        "what is done while it misses its target",
    );
    pub const DESCRIPTION: FieldSpec = optional("description", Takes::Free, "string");
}

impl Declaration for Metric {
    fn dates(&self, visit: &mut dyn FnMut(&Dated, &'static FieldSpec)) {
        for m in &self.measurements {
            visit(&m.on, &Self::MEASURED);
        }
    }

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

fn metric(decl: &Decl, sink: &mut Sink) -> Option<Metric> {
    let Opening { id, title, f } = header(sink, decl, "metric", Metric::FIELDS)?;
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
