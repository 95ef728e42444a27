//! `soa.json` (the contract in docs/cli.md "`soa.json`", plus `summary` and per-row `owner_name`
//! and `justification`), `risk-register.json`, `readiness.json` and, when the project
//! records its lifecycle, `lifecycle.json`.

use serde::Serialize;

use super::{Derived, Document, Error};

pub fn documents(d: &Derived) -> Result<Vec<Document>, Error> {
    let mut docs = vec![
        Document::new("soa.json", pretty(&d.soa)?),
        Document::new("risk-register.json", pretty(&d.register)?),
        Document::new("readiness.json", pretty(&d.lifecycle.readiness)?),
    ];
    if d.lifecycle.any() {
        docs.push(Document::new("lifecycle.json", pretty(&d.lifecycle)?));
    }
    Ok(docs)
}

fn pretty(value: &impl Serialize) -> Result<Vec<u8>, Error> {
    let mut bytes = serde_json::to_vec_pretty(value)?;
    bytes.push(b'\n');
    Ok(bytes)
}
