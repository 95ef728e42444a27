//! `isms build --format oscal`: the project as OSCAL 1.2.1 JSON, for GRC tools. No ISO
//! text: catalogs carry IDs, with titles only where their licence allows; the rest comes
//! from the project itself.
//!
//! - `oscal/catalog-<catalog>.json`: one per catalog in `use`;
//! - `oscal/profile.json`: the applicable controls of the SoA's catalog (the SoA as a
//!   profile), exclusions and their reasons in its remarks;
//! - `oscal/ssp.json`: the system security plan: each control's implementation status,
//!   responsible role, justification and implementing policies;
//! - `oscal/mapping-<mapping>.json`: one mapping collection per mapping in use.
//!
//! Every UUID is a UUIDv5 of the project's names ([`ids`]): two exports of the same
//! project are byte-identical, so their diff shows what changed.

mod catalog;
mod ids;
mod mapping;
mod profile;
mod ssp;

use serde_json::{json, Value};

use super::{Derived, Error, Output as Document};
use crate::Compilation;

/// The OSCAL version every document declares and is validated against.
pub const OSCAL_VERSION: &str = "1.2.1";

pub fn documents(c: &Compilation, d: &Derived) -> Result<Vec<Document>, Error> {
    let ids = ids::Ids::of(c);
    let mut out = Vec::new();
    for (name, value) in catalog::all(c, &ids) {
        out.push(write(&format!("oscal/catalog-{name}.json"), &value)?);
    }
    if let Some(profile) = profile::build(c, d, &ids) {
        out.push(write("oscal/profile.json", &profile)?);
    }
    out.push(write("oscal/ssp.json", &ssp::build(c, d, &ids))?);
    for (name, value) in mapping::all(c, &ids) {
        out.push(write(&format!("oscal/mapping-{name}.json"), &value)?);
    }
    Ok(out)
}

/// A file name for a catalog or mapping ID: `nist-csf:2.0` → `nist-csf-2.0`.
pub fn file_name(id: &str) -> String {
    id.replace(':', "-")
}

fn write(path: &str, value: &Value) -> Result<Document, Error> {
    let mut text = serde_json::to_string_pretty(value).map_err(Error::Json)?;
    text.push('\n');
    Ok(Document::new(path, text))
}

/// The metadata every document starts with. `last-modified` is `--today`: the clock is
/// never read.
fn metadata(c: &Compilation, title: &str) -> Value {
    json!({
        "title": title,
        "last-modified": format!("{}T00:00:00Z", c.today.format("%Y-%m-%d")),
        "version": c.today.format("%Y-%m-%d").to_string(),
        "oscal-version": OSCAL_VERSION,
    })
}
