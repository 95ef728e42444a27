//! One OSCAL mapping collection per mapping in use: each `map` row becomes one map entry
//! per target, with its relationship (`related-to` when the mapping states none, as
//! NIST's informative references do).

use serde_json::{json, Value};

use super::ids::Ids;
use super::{file_name, metadata};
use crate::model::crosswalk;
use crate::model::Keyword as _;
use crate::Compilation;

pub fn all(c: &Compilation, ids: &Ids) -> Vec<(String, Value)> {
    let m = &c.model;
    m.mappings
        .iter()
        .filter_map(|mapping| {
            let (from, to) = crosswalk::in_use(m, mapping)?;
            let (from, to) = (m.catalogs.get(from)?, m.catalogs.get(to)?);
            let mut maps = Vec::new();
            for row in &mapping.rows {
                for target in &row.targets {
                    let relationship = row.relationship.map_or("related-to", |r| r.as_str());
                    let key = format!("{}/{}>{}", mapping.id.text, row.source.text, target.text);
                    maps.push(json!({
                        "uuid": ids.of_name("map", &key),
                        "relationship": relationship,
                        "sources": [item(&row.source.text)],
                        "targets": [item(&target.text)],
                    }));
                }
            }
            if maps.is_empty() {
                return None;
            }
            let title = mapping
                .title
                .clone()
                .unwrap_or_else(|| mapping.id.text.clone());
            let resource = |catalog: &crate::model::kinds::Catalog| {
                json!({ "type": "catalog", "href": format!("catalog-{}.json", file_name(&catalog.id.text)) })
            };
            let value = json!({
                "mapping-collection": {
                    "uuid": ids.of_name("mapping-collection", &mapping.id.text),
                    "metadata": metadata(c, &title),
                    "provenance": {
                        "method": "human",
                        "matching-rationale": "semantic",
                        "status": "complete",
                        "mapping-description": format!("`{}`: {title}", mapping.id.text),
                    },
                    "mappings": [{
                        "uuid": ids.of_name("mapping", &mapping.id.text),
                        "source-resource": resource(from),
                        "target-resource": resource(to),
                        "maps": maps,
                    }],
                }
            });
            Some((file_name(&mapping.id.text), value))
        })
        .collect()
}

/// A mapping item: a control, or a clause of ISO/IEC 27001 (`clause:6.1.2`), which is
/// not a control of the catalog and is exported as a statement.
fn item(id: &str) -> Value {
    match crosswalk::clause_number(id) {
        Some(number) => json!({ "type": "statement", "id-ref": format!("clause-{number}") }),
        None => json!({ "type": "control", "id-ref": id }),
    }
}
