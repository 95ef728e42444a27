//! `soa.json` (the contract in docs/cli.md "`soa.json`", plus `summary` and per-row `owner_name`
//! and `justification`), `risk-register.json`, `readiness.json` and, when the project
//! records its lifecycle, `lifecycle.json`.

use serde::Serialize;

use super::{Derived, Error, Output};

pub fn documents(d: &Derived) -> Result<Vec<Output>, Error> {
    let mut docs = vec![
        Output::new("soa.json", pretty(&d.soa)?),
        Output::new("risk-register.json", pretty(&d.register)?),
        Output::new("readiness.json", pretty(&d.lifecycle.readiness)?),
    ];
    if d.lifecycle.any() {
        docs.push(Output::new("lifecycle.json", pretty(&d.lifecycle)?));
    }
    Ok(docs)
}

fn pretty(value: &impl Serialize) -> Result<Vec<u8>, Error> {
    let mut bytes = serde_json::to_vec_pretty(value)?;
    bytes.push(b'\n');
    Ok(bytes)
}
