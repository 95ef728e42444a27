//! One OSCAL catalog per catalog in `use`: IDs in their themes, with titles only where the
//! catalog's licence allows (see [`titles_allowed`]); otherwise the ID stands as the title,
//! which OSCAL requires.

use serde_json::{json, Value};

use super::ids::Ids;
use super::{file_name, metadata};
use crate::model::kinds::Catalog;
use crate::model::resolve::is_iso27001;
use crate::Compilation;

/// (file name, document) of every catalog in `use`, in `use` order.
pub fn all(c: &Compilation, ids: &Ids) -> Vec<(String, Value)> {
    let m = &c.model;
    m.used_catalogs
        .iter()
        .filter_map(|&i| m.catalogs.get(i))
        .map(|catalog| (file_name(&catalog.id.text), one(c, ids, catalog)))
        .collect()
}

/// Whether the catalog's entry titles may be exported: not ISO's (its titles are ISO's
/// text) nor BSI's (CC BY-SA: an export would have to carry that licence).
pub fn titles_allowed(catalog_id: &str) -> bool {
    !is_iso27001(catalog_id) && !catalog_id.starts_with("bsi-")
}

fn one(c: &Compilation, ids: &Ids, catalog: &Catalog) -> Value {
    let titles = titles_allowed(&catalog.id.text);
    let control = |e: &crate::model::kinds::CatalogEntry| {
        let title = if titles && !e.title.is_empty() {
            e.title.clone()
        } else {
            e.id.clone()
        };
        json!({ "id": e.id, "title": title })
    };
    let mut groups: Vec<Value> = catalog
        .themes
        .iter()
        .map(|theme| {
            let controls: Vec<Value> = catalog
                .entries
                .iter()
                .filter(|e| e.theme.as_deref() == Some(theme.id.text.as_str()))
                .map(control)
                .collect();
            let title = theme.title.clone().unwrap_or_else(|| theme.id.text.clone());
            let mut group = json!({ "id": theme.id.text, "title": title });
            if !controls.is_empty() {
                group["controls"] = Value::Array(controls);
            }
            group
        })
        .collect();
    let themed = |e: &&crate::model::kinds::CatalogEntry| {
        e.theme
            .as_deref()
            .is_some_and(|t| catalog.themes.iter().any(|x| x.id.text == t))
    };
    let loose: Vec<Value> = catalog
        .entries
        .iter()
        .filter(|e| !themed(e))
        .map(control)
        .collect();
    let title = catalog
        .title
        .clone()
        .unwrap_or_else(|| catalog.id.text.clone());
    let mut doc = json!({
        "uuid": ids.of_name("catalog", &catalog.id.text),
        "metadata": metadata(c, &title),
    });
    doc["metadata"]["props"] =
        json!([{ "name": "catalog-id", "ns": "urn:isms", "value": catalog.id.text }]);
    groups.retain(|g| g.get("controls").is_some());
    if !groups.is_empty() {
        doc["groups"] = Value::Array(groups);
    }
    if !loose.is_empty() {
        doc["controls"] = Value::Array(loose);
    }
    json!({ "catalog": doc })
}
