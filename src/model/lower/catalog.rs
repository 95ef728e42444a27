//! catalog: a framework's reference controls (`stdlib/`, or the user's own).

use super::fields::{optional, repeatable, Fields, Spec};
use super::{common, describe, header_name, no_extra_args, read, NameForm};
use crate::diagnostics::Sink;
use crate::model::items::*;
use crate::model::values::Name;
use crate::model::Model;
use crate::syntax::{Decl, Field, ValueKind};

const CATALOG: &[Spec] = &[
    repeatable("theme"),
    repeatable("entry"),
    optional("description"),
];

const ENTRY: &[Spec] = &[
    optional("theme"),
    repeatable("alias"),
    optional("type"),
    optional("properties"),
    optional("concepts"),
    optional("capabilities"),
    optional("domains"),
    optional("description"),
];

pub fn catalog(decl: &Decl, model: &mut Model, sink: &mut Sink) {
    let Some(id) = header_name(sink, decl, NameForm::Framework) else {
        return;
    };
    let title = read::title(sink, &decl.args, 1, "catalog");
    no_extra_args(sink, decl, 2);
    let what = describe("catalog", Some(&id));
    let f = Fields::read(sink, decl.block.as_ref(), CATALOG, &what, id.span);
    let themes = f
        .all("theme")
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
    let entries = f.all("entry").filter_map(|x| entry(sink, x)).collect();
    model.catalogs.push(Catalog {
        id,
        title,
        themes,
        entries,
        common: common(decl, f.present),
    });
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
    let words = |sink: &mut Sink, name: &str| -> Vec<String> {
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
        theme: words(sink, "theme").into_iter().next(),
        aliases: f
            .all("alias")
            .flat_map(|x| read::strings(sink, x))
            .collect(),
        control_type: words(sink, "type"),
        properties: words(sink, "properties"),
        concepts: words(sink, "concepts"),
        capabilities: words(sink, "capabilities"),
        domains: words(sink, "domains"),
    })
}
