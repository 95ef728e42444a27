//! `asset-inventory`: the inventory of information and other associated assets (control
//! A.5.9): every asset with its kind, owner, classification, location and what it
//! depends on, in model order.

use super::register_parts::{code, codes, paragraph, table, text, who};
use crate::emit::tree::Document;
use crate::model::Keyword;
use crate::Compilation;

pub fn build(c: &Compilation) -> Document {
    let m = &c.model;
    let rows: Vec<_> = m
        .assets
        .iter()
        .map(|a| {
            vec![
                code(&a.id.text),
                text(a.name.as_deref()),
                text(a.kind.map(|k| k.as_str())),
                who(m, a.owner.as_ref()),
                text(a.classification.as_deref()),
                text(a.location.as_deref()),
                codes(a.depends_on.iter().map(|r| r.name.as_str())),
            ]
        })
        .collect();
    let body = if rows.is_empty() {
        vec![paragraph("No asset is declared.")]
    } else {
        vec![table(
            "asset-inventory",
            None,
            &[
                ("ID", 16.0),
                ("Asset", 28.0),
                ("Kind", 12.0),
                ("Owner", 20.0),
                ("Classification", 14.0),
                ("Location", 30.0),
                ("Depends on", 20.0),
            ],
            rows,
        )]
    };
    super::ASSET_INVENTORY.document(c, body)
}
