//! `legal-register`: the legal, regulatory, contractual and business requirements
//! (clause 4.2, control A.5.31), each with its kind, source, owner and the controls that
//! meet it with their status, in model order.

use super::register_parts::{code, controls, paragraph, table, text, who};
use crate::emit::tree::Document;
use crate::model::Keyword;
use crate::Compilation;

pub fn build(c: &Compilation) -> Document {
    let m = &c.model;
    let rows: Vec<_> = m
        .requirements
        .iter()
        .map(|q| {
            vec![
                code(&q.id.text),
                text(q.title.as_deref()),
                text(q.kind.map(|k| k.as_str())),
                text(q.source.as_deref()),
                who(m, q.owner.as_ref()),
                controls(m, &q.controls),
            ]
        })
        .collect();
    let body = if rows.is_empty() {
        vec![paragraph("No requirement is declared.")]
    } else {
        vec![table(
            "legal-register",
            None,
            &[
                ("ID", 14.0),
                ("Requirement", 30.0),
                ("Kind", 12.0),
                ("Source", 34.0),
                ("Owner", 20.0),
                ("Controls that meet it", 44.0),
            ],
            rows,
        )]
    };
    super::LEGAL_REGISTER.document(c, body)
}
