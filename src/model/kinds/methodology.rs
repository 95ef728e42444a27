//! methodology: the risk criteria of clause 6.1.2 a) — scales, levels, acceptance.

use super::{DeclKind, Declaration, Header};
use crate::diagnostics::{Code, Diagnostic, Sink};
use crate::model::items::Common;
use crate::model::lower::fields::Fields;
use crate::model::lower::{common, no_extra_args, read};
use crate::model::schema::{optional, required, FieldSpec, Takes, PEOPLE};
use crate::model::values::*;
use crate::source::Span;
use crate::syntax::{Decl, Field, ValueKind};

/// One value of a likelihood or impact scale.
#[derive(Debug, Clone)]
pub struct ScaleEntry {
    pub value: i64,
    pub label: Option<String>,
    pub span: Span,
}

#[derive(Debug, Clone)]
pub struct Scale {
    /// The `likelihood` or `impact` field name.
    pub span: Span,
    pub entries: Vec<ScaleEntry>,
}

impl Scale {
    pub fn label(&self, value: i64) -> Option<&str> {
        self.entries
            .iter()
            .find(|e| e.value == value)
            .and_then(|e| e.label.as_deref())
    }

    pub fn max(&self) -> i64 {
        self.entries.iter().map(|e| e.value).max().unwrap_or(0)
    }
}

/// `high 10..16`: an inclusive score range.
#[derive(Debug, Clone)]
pub struct Level {
    pub name: Name,
    pub low: i64,
    pub high: i64,
    pub span: Span,
}

/// `accept high by ceo`: the party may accept risks up to that level.
#[derive(Debug, Clone)]
pub struct Authority {
    pub level: Ref,
    pub by: Ref,
    pub span: Span,
}

#[derive(Debug, Clone)]
pub struct Methodology {
    pub keyword: Span,
    pub likelihood: Option<Scale>,
    pub impact: Option<Scale>,
    pub levels: Vec<Level>,
    /// The `levels` field name.
    pub levels_span: Option<Span>,
    /// The plain `accept LEVEL`: the highest level a risk owner may accept alone.
    pub accept: Option<Ref>,
    /// The `accept LEVEL by PARTY` lines: who may accept a risk above `accept`.
    pub authorities: Vec<Authority>,
    pub review: Option<Every>,
    pub common: Common,
}

impl Methodology {
    pub const LIKELIHOOD: FieldSpec = required(
        "likelihood",
        "likelihood { 1 \"Rare\" … }",
        Takes::Free,
        "block of `N \"Label\"` lines",
    );
    pub const IMPACT: FieldSpec = required(
        "impact",
        "impact { 1 \"Negligible\" … }",
        Takes::Free,
        "block of `N \"Label\"` lines",
    );
    pub const LEVELS: FieldSpec = required(
        "levels",
        "levels { low 1..4 … }",
        Takes::Free,
        "block of `name low..high` lines",
    );
    pub const ACCEPT: FieldSpec = FieldSpec {
        repeatable: true,
        ..required(
            "accept",
            "accept <level>",
            Takes::Level,
            "`accept LEVEL`: highest level a risk owner may accept alone; `accept LEVEL by PARTY` (repeatable): who may accept up to that level",
        )
    };
    /// The party of an `accept LEVEL by PARTY` line, for resolution (not a field of its
    /// own: it is written on an `accept` line).
    pub const ACCEPT_BY: FieldSpec = optional(
        "accept",
        Takes::Names(PEOPLE),
        "who may accept risks up to the level",
    );
    pub const REVIEW: FieldSpec = optional(
        "review",
        Takes::Period,
        "how often each risk is re-assessed",
    );
}

impl Declaration for Methodology {
    const DECL: DeclKind = DeclKind::Methodology;
    const HEADER: Header = Header::Unnamed;
    const KEYWORD: &'static str = "methodology";
    const DOC: &'static str = "risk scales, levels and acceptance (one per project)";
    const FIELDS: &'static [FieldSpec] = &[
        Self::LIKELIHOOD,
        Self::IMPACT,
        Self::LEVELS,
        Self::ACCEPT,
        Self::REVIEW,
    ];

    fn lower(decl: &Decl, sink: &mut Sink) -> Option<Self> {
        methodology(decl, sink)
    }

    // `accept` names a level of this methodology, not a declaration: resolution checks
    // it against the levels itself. The party of `accept LEVEL by PARTY` is a person or
    // a role.
    fn references(&self, visit: &mut dyn FnMut(&Ref, &'static FieldSpec)) {
        for a in &self.authorities {
            visit(&a.by, &Self::ACCEPT_BY);
        }
    }
}

fn methodology(decl: &Decl, sink: &mut Sink) -> Option<Methodology> {
    no_extra_args(sink, decl, 0);
    let f = Fields::read(
        sink,
        decl.block.as_ref(),
        Methodology::FIELDS,
        "the methodology",
        decl.keyword.span,
    );
    let likelihood = f.get(&Methodology::LIKELIHOOD).map(|x| scale(sink, x));
    let impact = f.get(&Methodology::IMPACT).map(|x| scale(sink, x));
    let (levels, levels_span) = match f.get(&Methodology::LEVELS) {
        Some(x) => (levels(sink, x), Some(x.name.span)),
        None => (Vec::new(), None),
    };
    let (accept, authorities) = accept_lines(sink, &f, decl.keyword.span);
    let review = f
        .get(&Methodology::REVIEW)
        .and_then(|x| read::every(sink, x));
    Some(Methodology {
        keyword: decl.keyword.span,
        likelihood,
        impact,
        levels,
        levels_span,
        accept,
        authorities,
        review,
        common: common(decl, f.present),
    })
}

/// The `accept` lines: one plain `accept LEVEL`, and any number of `accept LEVEL by
/// PARTY`.
fn accept_lines(sink: &mut Sink, f: &Fields<'_>, anchor: Span) -> (Option<Ref>, Vec<Authority>) {
    let mut plain: Option<(Ref, Span)> = None;
    let mut authorities = Vec::new();
    let mut any = false;
    for field in f.all(&Methodology::ACCEPT) {
        any = true;
        let values: Vec<_> = field.args.iter().flat_map(|a| a.values.iter()).collect();
        match values.as_slice() {
            [_] => {
                let Some(level) = read::reference(sink, field, "a level name") else {
                    continue;
                };
                if let Some((_, first)) = &plain {
                    sink.push(
                        Diagnostic::new(
                            Code::FieldDuplicate,
                            field.name.span,
                            "field `accept LEVEL` is given twice in the methodology",
                        )
                        .with_label("given again here")
                        .with_secondary(*first, "first given here")
                        .with_help("keep one of them; write `accept LEVEL by PARTY` for who may accept higher levels"),
                    );
                    continue;
                }
                plain = Some((level, field.name.span));
            }
            [level, by, party] if matches!(&by.kind, ValueKind::Word(w) if w == "by") => {
                let level = read::value_ref(sink, level, "accept", "a level name");
                let party = read::value_ref(sink, party, "accept", "a person or a role");
                if let (Some(level), Some(by)) = (level, party) {
                    authorities.push(Authority {
                        level,
                        by,
                        span: field.span,
                    });
                }
            }
            _ => sink.push(
                Diagnostic::new(
                    Code::ValueInvalid,
                    field.args.first().map_or(field.name.span, |a| a.span),
                    "`accept` takes a level, and optionally `by` and who may accept it",
                )
                .with_label("expected `accept LEVEL` or `accept LEVEL by PARTY`")
                .with_help("write `accept medium` or `accept high by ceo`"),
            ),
        }
    }
    if any && plain.is_none() && !authorities.is_empty() {
        sink.push(
            Diagnostic::new(
                Code::FieldMissing,
                anchor,
                "the methodology has no plain `accept LEVEL`",
            )
            .with_label("`accept LEVEL` is required")
            .with_help("add `accept <level>`: the highest level a risk owner may accept alone"),
        );
    }
    (plain.map(|(r, _)| r), authorities)
}

fn block_expected(sink: &mut Sink, field: &Field, example: &str) {
    sink.push(
        Diagnostic::new(
            Code::ValueInvalid,
            field.name.span,
            format!("`{}` takes a block", field.name.text),
        )
        .with_label("expected `{ … }`")
        .with_help(format!("write `{} {{ {example} }}`", field.name.text)),
    );
}

/// `likelihood { 1 "Rare" 2 "Unlikely" … }`: the gaps are `methodology/scale-gap`, a
/// rule of its own; here only each line's shape is read.
fn scale(sink: &mut Sink, field: &Field) -> Scale {
    let mut entries = Vec::new();
    let Some(block) = &field.block else {
        block_expected(sink, field, "1 \"Rare\" …");
        return Scale {
            span: field.name.span,
            entries,
        };
    };
    for line in block.fields.iter().filter(|l| !l.broken) {
        let Ok(value) = line.name.text.parse::<i64>() else {
            sink.push(
                Diagnostic::new(
                    Code::ValueInvalid,
                    line.name.span,
                    format!("a `{}` scale value must be a number", field.name.text),
                )
                .with_label("expected a number")
                .with_help("write one value per line: `1 \"Rare\"`"),
            );
            continue;
        };
        let label = match line.args.as_slice() {
            [] => None,
            [arg] => arg
                .single()
                .and_then(|v| read::value_string(sink, v, &line.name.text)),
            _ => {
                sink.push(
                    Diagnostic::new(
                        Code::ValueInvalid,
                        line.span,
                        "a scale value takes one label",
                    )
                    .with_label("expected `N \"Label\"`"),
                );
                None
            }
        };
        entries.push(ScaleEntry {
            value,
            label,
            span: line.name.span,
        });
    }
    Scale {
        span: field.name.span,
        entries,
    }
}

/// `levels { low 1..4  medium 5..9 … }`
fn levels(sink: &mut Sink, field: &Field) -> Vec<Level> {
    let mut levels = Vec::new();
    let Some(block) = &field.block else {
        block_expected(sink, field, "low 1..4 …");
        return levels;
    };
    for line in block.fields.iter().filter(|l| !l.broken) {
        let range = line.args.first().and_then(|a| a.single()).map(|v| &v.kind);
        match (range, line.args.len()) {
            (Some(ValueKind::Range(low, high)), 1) if line.name.text.parse::<i64>().is_err() => {
                levels.push(Level {
                    name: Name {
                        text: line.name.text.clone(),
                        span: line.name.span,
                    },
                    low: *low,
                    high: *high,
                    span: line.span,
                });
            }
            _ => sink.push(
                Diagnostic::new(
                    Code::ValueInvalid,
                    line.span,
                    "a level is a name and a score range",
                )
                .with_label("expected `<name> <low>..<high>`")
                .with_help("write `medium 5..9`"),
            ),
        }
    }
    levels
}
