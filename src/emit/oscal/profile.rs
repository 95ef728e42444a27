//! The Statement of Applicability as an OSCAL profile: it imports the SoA's catalog and
//! selects its applicable controls; the excluded ones and their reasons are its remarks.

use serde_json::{json, Value};

use super::ids::Ids;
use super::{file_name, metadata};
use crate::emit::Derived;
use crate::Compilation;

pub fn build(c: &Compilation, d: &Derived, ids: &Ids) -> Option<Value> {
    let m = &c.model;
    let catalog = m.catalogs.get(m.soa_catalog?)?;
    let applicable: Vec<&str> = d
        .soa
        .controls
        .iter()
        .filter(|r| r.applicable)
        .map(|r| r.id.as_str())
        .collect();
    let excluded: Vec<String> = d
        .soa
        .controls
        .iter()
        .filter(|r| !r.applicable)
        .filter_map(|r| {
            Some(format!(
                "- {} excluded: {}",
                r.id,
                r.exclusion_reason.as_ref()?
            ))
        })
        .collect();
    let href = format!("catalog-{}.json", file_name(&catalog.id.text));
    // A project without applicable controls has no SoA to export.
    if applicable.is_empty() {
        return None;
    }
    let import = json!({ "href": href, "include-controls": [{ "with-ids": applicable }] });
    let mut meta = metadata(c, "Statement of Applicability");
    if !excluded.is_empty() {
        meta["remarks"] = Value::String(format!(
            "Controls excluded from the Statement of Applicability, with the reasons:\n\n{}",
            excluded.join("\n")
        ));
    }
    Some(json!({
        "profile": {
            "uuid": ids.of_name("profile", &catalog.id.text),
            "metadata": meta,
            "imports": [import],
        }
    }))
}
