//! mapping: relates the controls of one catalog to those of another (a crosswalk), with
//! an optional OSCAL relationship per row.

use super::{DeclKind, Declaration};
use crate::diagnostics::{Code, Diagnostic, Sink};
use crate::model::items::Common;
use crate::model::lower::fields::Fields;
use crate::model::lower::{common, describe, header_name, no_extra_args, read, NameForm};
use crate::model::schema::{repeatable, required, FieldSpec, Takes};
use crate::model::values::*;
use crate::source::Span;
use crate::syntax::{Decl, Field, Value, ValueKind};

/// `mapping csf-to-iso "…" { from nist-csf:2.0  to iso27001:2022  map GV.PO-01 A.5.1 }`
#[derive(Debug, Clone)]
pub struct Mapping {
    pub id: Name,
    pub title: Option<String>,
    /// The catalog whose IDs are the rows' sources.
    pub from: Option<Name>,
    /// The catalog whose IDs are the rows' targets.
    pub to: Option<Name>,
    pub rows: Vec<MapRow>,
    pub common: Common,
}

/// `map SOURCE TARGET, TARGET… [RELATIONSHIP]`: the source relates to each target.
#[derive(Debug, Clone)]
pub struct MapRow {
    pub source: Name,
    pub targets: Vec<Name>,
    pub relationship: Option<Relationship>,
}

keyword_enum!(
    /// How a source control relates to a target control (OSCAL's mapping vocabulary,
    /// read as "source RELATIONSHIP target").
    Relationship, "mapping relationship", {
        EquivalentTo => "equivalent-to",
        SubsetOf => "subset-of",
        SupersetOf => "superset-of",
        IntersectsWith => "intersects-with",
    }
);

impl Relationship {
    /// The same relation read from the target's side.
    pub fn reversed(self) -> Relationship {
        match self {
            Relationship::EquivalentTo => Relationship::EquivalentTo,
            Relationship::SubsetOf => Relationship::SupersetOf,
            Relationship::SupersetOf => Relationship::SubsetOf,
            Relationship::IntersectsWith => Relationship::IntersectsWith,
        }
    }
}

/// The prefix of an ISO/IEC 27001 clause in a mapping (`clause:6.1.2`): clauses 4–10 are
/// requirements of every ISMS, not controls of the catalog.
pub const CLAUSE_PREFIX: &str = "clause:";

impl Mapping {
    pub const FROM: FieldSpec = required(
        "from",
        "from iso27001:2022",
        Takes::Free,
        "the catalog of the sources",
    );
    pub const TO: FieldSpec = required(
        "to",
        "to nist-csf:2.0",
        Takes::Free,
        "the catalog of the targets",
    );
    pub const MAP: FieldSpec = repeatable(
        "map",
        Takes::Free,
        "SOURCE TARGET, … [equivalent-to|subset-of|superset-of|intersects-with] (repeatable)",
    );
}

impl Declaration for Mapping {
    const DECL: DeclKind = DeclKind::Mapping;
    const KEYWORD: &'static str = "mapping";
    const DOC: &'static str = "relates the controls of one catalog to another's (a crosswalk)";
    const FIELDS: &'static [FieldSpec] = &[Self::FROM, Self::TO, Self::MAP];

    fn lower(decl: &Decl, sink: &mut Sink) -> Option<Self> {
        let id = header_name(sink, decl, NameForm::Plain)?;
        let title = read::title(sink, &decl.args, 1, Self::KEYWORD);
        no_extra_args(sink, decl, 2);
        let what = describe(Self::KEYWORD, Some(&id));
        let f = Fields::read(sink, decl.block.as_ref(), Self::FIELDS, &what, id.span);
        let catalog = |sink: &mut Sink, spec: &FieldSpec| {
            f.get(spec)
                .and_then(|x| read::reference(sink, x, "a catalog"))
                .map(|r| Name {
                    text: r.name,
                    span: r.span,
                })
        };
        let from = catalog(sink, &Self::FROM);
        let to = catalog(sink, &Self::TO);
        let rows = f.all(&Self::MAP).filter_map(|x| row(sink, x)).collect();
        Some(Mapping {
            id,
            title,
            from,
            to,
            rows,
            common: common(decl, f.present),
        })
    }

    fn name(&self) -> Option<&Name> {
        Some(&self.id)
    }

    fn title(&self) -> Option<&str> {
        self.title.as_deref()
    }
}

/// One `map` line: a source, a comma-separated list of targets, then an optional
/// relationship. Anything else is one `value/invalid` and the row is dropped.
fn row(sink: &mut Sink, field: &Field) -> Option<MapRow> {
    let word = |v: &Value| match &v.kind {
        ValueKind::Word(w) => Some(Name {
            text: w.clone(),
            span: v.span,
        }),
        _ => None,
    };
    let (source, targets, relationship) = match field.args.as_slice() {
        [s, t] => (s, t, None),
        [s, t, r] => (s, t, Some(r)),
        _ => return shape(sink, field.span),
    };
    let source = source.single().and_then(word)?;
    let targets: Option<Vec<Name>> = targets.values.iter().map(word).collect();
    let Some(targets) = targets else {
        return shape(sink, field.span);
    };
    let relationship = match relationship.map(|r| r.single()) {
        None => None,
        Some(Some(value)) => Some(read::value_keyword::<Relationship>(sink, value, "map")?.0),
        Some(None) => return shape(sink, field.span),
    };
    Some(MapRow {
        source,
        targets,
        relationship,
    })
}

fn shape(sink: &mut Sink, span: Span) -> Option<MapRow> {
    sink.push(
        Diagnostic::new(
            Code::ValueInvalid,
            span,
            "`map` takes a source ID, target IDs and an optional relationship",
        )
        .with_label("expected `map SOURCE TARGET, … [RELATIONSHIP]`")
        .with_help("write `map GV.PO-01 A.5.1, A.5.37 subset-of`"),
    );
    None
}
