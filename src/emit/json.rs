//! `soa.json` (the contract of LANGUAGE.md §5, plus `summary` and per-row `owner_name`
//! and `justification`) and `risk-register.json`.

use serde::Serialize;

use super::{Derived, Document, Error};

pub fn documents(d: &Derived) -> Result<Vec<Document>, Error> {
    Ok(vec![
        Document::new("soa.json", pretty(&d.soa)?),
        Document::new("risk-register.json", pretty(&d.register)?),
    ])
}

fn pretty(value: &impl Serialize) -> Result<Vec<u8>, Error> {
    let mut bytes = serde_json::to_vec_pretty(value)?;
    bytes.push(b'\n');
    Ok(bytes)
}
