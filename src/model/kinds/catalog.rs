//! catalog: a framework's reference controls (`stdlib/`, or the user's own).

use super::{DeclKind, Declaration};
use crate::diagnostics::Sink;
use crate::model::items::Common;
use crate::model::lower::fields::Fields;
use crate::model::lower::{common, describe, header_name, no_extra_args, read, NameForm};
use crate::model::schema::{optional, repeatable, FieldSpec, Takes};
use crate::model::values::*;
use crate::source::Span;
use crate::syntax::{Decl, Field, ValueKind};

/// A framework catalog (`catalog iso27001:2022 "…" { … }`), shipped in `stdlib/` or
/// written by users.
#[derive(Debug, Clone)]
pub struct Catalog {
    pub id: Name,
    pub title: Option<String>,
    pub themes: Vec<Theme>,
    pub entries: Vec<CatalogEntry>,
    pub common: Common,
}

#[derive(Debug, Clone)]
pub struct Theme {
    pub id: Name,
    pub title: Option<String>,
}

/// One reference control of a catalog: ID, short title and classification tags.
#[derive(Debug, Clone)]
pub struct CatalogEntry {
    pub id: String,
    pub span: Span,
    pub title: String,
    pub theme: Option<String>,
    pub aliases: Vec<String>,
    pub control_type: Vec<String>,
    pub properties: Vec<String>,
    pub concepts: Vec<String>,
    pub capabilities: Vec<String>,
    pub domains: Vec<String>,
}

impl Catalog {
    pub const THEME: FieldSpec = repeatable("theme", Takes::Free, "ID \"Title\" (repeatable)");
    pub const ENTRY: FieldSpec =
        repeatable("entry", Takes::Free, "ID \"Title\" { … } (repeatable)");
    pub const DESCRIPTION: FieldSpec = optional("description", Takes::Free, "string");
}

impl Declaration for Catalog {
    const DECL: DeclKind = DeclKind::Catalog;
    const KEYWORD: &'static str = "catalog";
    const DOC: &'static str = "a framework catalog of reference controls";
    const FIELDS: &'static [FieldSpec] = &[Self::THEME, Self::ENTRY, Self::DESCRIPTION];

    fn lower(decl: &Decl, sink: &mut Sink) -> Option<Self> {
        catalog(decl, sink)
    }

    fn name(&self) -> Option<&Name> {
        Some(&self.id)
    }

    fn title(&self) -> Option<&str> {
        self.title.as_deref()
    }
}

const ENTRY_THEME: FieldSpec = optional("theme", Takes::Free, "one of the catalog's themes");

const ENTRY_ALIAS: FieldSpec =
    repeatable("alias", Takes::Free, "another common title (repeatable)");

const ENTRY_TYPE: FieldSpec = optional(
    "type",
    Takes::Free,
    "tags: preventive, detective, corrective",
);

const ENTRY_PROPERTIES: FieldSpec = optional(
    "properties",
    Takes::Free,
    "tags: confidentiality, integrity, availability",
);

const ENTRY_CONCEPTS: FieldSpec = optional(
    "concepts",
    Takes::Free,
    "tags: identify, protect, detect, respond, recover",
);

const ENTRY_CAPABILITIES: FieldSpec = optional("capabilities", Takes::Free, "tags");

const ENTRY_DOMAINS: FieldSpec = optional("domains", Takes::Free, "tags");

const ENTRY_DESCRIPTION: FieldSpec = optional("description", Takes::Free, "string");

/// The fields of a catalog's `entry` block.
pub const ENTRY: &[FieldSpec] = &[
    ENTRY_THEME,
    ENTRY_ALIAS,
    ENTRY_TYPE,
    ENTRY_PROPERTIES,
    ENTRY_CONCEPTS,
    ENTRY_CAPABILITIES,
    ENTRY_DOMAINS,
    ENTRY_DESCRIPTION,
];

fn catalog(decl: &Decl, sink: &mut Sink) -> Option<Catalog> {
    let id = header_name(sink, decl, NameForm::Framework)?;
    let title = read::title(sink, &decl.args, 1, "catalog");
    no_extra_args(sink, decl, 2);
    let what = describe("catalog", Some(&id));
    let f = Fields::read(sink, decl.block.as_ref(), Catalog::FIELDS, &what, id.span);
    let themes = f
        .all(&Catalog::THEME)
        .filter_map(|x| {
            let values: Vec<_> = x.args.iter().flat_map(|a| a.values.iter()).collect();
            let (ValueKind::Word(tid), title) = (&values.first()?.kind, values.get(1)) else {
                return None;
            };
            Some(Theme {
                id: Name {
                    text: tid.clone(),
                    span: values.first()?.span,
                },
                title: title.and_then(|t| read::value_string(sink, t, "theme")),
            })
        })
        .collect();
    let entries = f
        .all(&Catalog::ENTRY)
        .filter_map(|x| entry(sink, x))
        .collect();
    Some(Catalog {
        id,
        title,
        themes,
        entries,
        common: common(decl, f.present),
    })
}

fn entry(sink: &mut Sink, field: &Field) -> Option<CatalogEntry> {
    let values: Vec<_> = field.args.iter().flat_map(|a| a.values.iter()).collect();
    let id_value = values.first()?;
    let ValueKind::Word(id) = &id_value.kind else {
        return None;
    };
    let title = values
        .get(1)
        .and_then(|t| read::value_string(sink, t, "entry"))
        .unwrap_or_default();
    let what = format!("catalog entry `{id}`");
    let f = Fields::read(sink, field.block.as_ref(), ENTRY, &what, id_value.span);
    let words = |sink: &mut Sink, name: &FieldSpec| -> Vec<String> {
        f.get(name)
            .map(|x| read::references(sink, x, "a tag"))
            .unwrap_or_default()
            .into_iter()
            .map(|r| r.name)
            .collect()
    };
    Some(CatalogEntry {
        id: id.clone(),
        span: id_value.span,
        title,
        theme: words(sink, &ENTRY_THEME).into_iter().next(),
        aliases: f
            .all(&ENTRY_ALIAS)
            .flat_map(|x| read::strings(sink, x))
            .collect(),
        control_type: words(sink, &ENTRY_TYPE),
        properties: words(sink, &ENTRY_PROPERTIES),
        concepts: words(sink, &ENTRY_CONCEPTS),
        capabilities: words(sink, &ENTRY_CAPABILITIES),
        domains: words(sink, &ENTRY_DOMAINS),
    })
}
