//! The documents built as trees ([`crate::emit::tree::Document`]), one builder a file,
//! named after the document. Every backend renders each of them.

mod asset_inventory;
mod audit_coverage;
mod context;
mod legal_register;
mod management_review;
mod register_parts;
mod roles;

use super::tree::Document;
use super::Derived;
use crate::Compilation;

/// Every document of the project, in index order.
pub fn all(c: &Compilation, _d: &Derived) -> Vec<Document> {
    vec![
        context::build(c),
        legal_register::build(c),
        asset_inventory::build(c),
        roles::build(c),
        audit_coverage::build(c),
        management_review::build(c),
    ]
}
