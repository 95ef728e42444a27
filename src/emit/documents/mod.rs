//! Every document an auditor reads, built once as a [`tree::Document`]: one file per
//! document, each a `build` from the compilation and the derived data layer
//! ([`Derived`]). Every backend (Markdown, HTML, PDF, DOCX) renders these trees and adds
//! no rows, columns or words of its own.
//!
//! Each document's stem, title, clause, default document ID and what it is built from
//! are kept here, in one table ([`Meta`]), so the index, the pages and the document
//! control agree.

mod asset_inventory;
mod audit_coverage;
mod blocks;
pub mod changes;
mod context;
pub mod control_block;
pub mod coverage;
mod legal_register;
mod lifecycle;
mod management_review;
mod methodology;
mod policy;
mod readiness;
mod register;
mod register_parts;
mod roles;
mod scope;
mod soa;
mod treatment_plan;

use crate::emit::control::{document_control, BuiltFrom};
use crate::emit::tree::{Block, Document};
use crate::emit::Derived;
use crate::model::known as document;
use crate::model::Kind;
use crate::model::KnownDocument;
use crate::Compilation;

/// What identifies one document: where it lives, its title and clause, its default
/// document ID (a project may declare another) and the kinds it is built from (whose
/// changes are its revisions).
#[derive(Debug, Clone, Copy)]
pub struct Meta {
    pub stem: &'static str,
    pub title: &'static str,
    pub clause: &'static str,
    pub id: &'static str,
    pub from: &'static [Kind],
}

impl Meta {
    /// A known document (`model::document`: its stem, title, clause and default ID, the
    /// one table `document` declarations are checked against) and what it is built from.
    pub const fn of(d: KnownDocument, from: &'static [Kind]) -> Meta {
        Meta {
            stem: d.stem,
            title: d.title,
            clause: d.clause,
            id: d.default_id,
            from,
        }
    }

    /// The document with this identity, its control block and `body`.
    pub fn document(&self, c: &Compilation, body: Vec<Block>) -> Document {
        Document {
            stem: self.stem.to_string(),
            title: self.title.to_string(),
            clause: self.clause.to_string(),
            control: document_control(c, self.stem, self.id, BuiltFrom::Kinds(self.from)),
            body,
        }
    }
}

pub const SOA: Meta = Meta::of(
    document::SOA,
    &[
        Kind::Control,
        Kind::Risk,
        Kind::Requirement,
        Kind::Policy,
        Kind::Nonconformity,
    ],
);

pub const RISK_REGISTER: Meta = Meta::of(
    document::RISK_REGISTER,
    &[Kind::Risk, Kind::Asset, Kind::Control],
);

pub const TREATMENT_PLAN: Meta = Meta::of(document::TREATMENT_PLAN, &[Kind::Risk, Kind::Control]);

pub const SCOPE: Meta = Meta::of(document::SCOPE, &[]);

pub const METHODOLOGY: Meta = Meta::of(document::METHODOLOGY, &[]);

pub const OBJECTIVES: Meta = Meta::of(
    document::OBJECTIVES,
    &[Kind::Objective, Kind::Metric, Kind::Training],
);

pub const AUDIT_PROGRAMME: Meta = Meta::of(document::AUDIT_PROGRAMME, &[Kind::Audit]);

pub const MANAGEMENT_REVIEW: Meta = Meta::of(document::MANAGEMENT_REVIEW, &[Kind::Review]);

pub const CORRECTIVE_ACTIONS: Meta = Meta::of(
    document::CORRECTIVE_ACTIONS,
    &[Kind::Nonconformity, Kind::Incident],
);

pub const READINESS: Meta = Meta::of(document::READINESS, &[]);

pub const CONTEXT: Meta = Meta::of(
    document::CONTEXT,
    &[Kind::Issue, Kind::InterestedParty, Kind::Requirement],
);

pub const LEGAL_REGISTER: Meta = Meta::of(
    document::LEGAL_REGISTER,
    &[Kind::Requirement, Kind::Control],
);

pub const ASSET_INVENTORY: Meta = Meta::of(document::ASSET_INVENTORY, &[Kind::Asset]);

pub const ROLES: Meta = Meta::of(document::ROLES, &[Kind::Role, Kind::Person]);

pub const AUDIT_COVERAGE: Meta = Meta::of(document::AUDIT_COVERAGE, &[Kind::Audit, Kind::Control]);

/// A policy's default document ID: `ISMS-POL-<POLICY ID>`.
pub fn policy_id(id: &str) -> String {
    format!("ISMS-POL-{}", id.to_uppercase())
}

/// Every document, in the order of the index: the SoA and the risk documents, scope and
/// methodology, the lifecycle (when the project records any of it), readiness, then the
/// policies in declaration order.
pub fn all(c: &Compilation, d: &Derived) -> Vec<Document> {
    let mut docs = vec![
        soa::build(c, d),
        register::build(c, d),
        treatment_plan::build(c, d),
        scope::build(c, d),
        context::build(c),
        legal_register::build(c),
        asset_inventory::build(c),
        roles::build(c),
    ];
    docs.extend(methodology::build(c, d));
    if d.lifecycle.any() {
        docs.push(lifecycle::objectives(c, d));
        docs.push(lifecycle::audit_programme(c, d));
        docs.push(audit_coverage::build(c));
        docs.push(management_review::build(c));
        docs.push(lifecycle::corrective_actions(c, d));
    }
    docs.push(readiness::build(c, d));
    docs.extend(coverage::build(c, d));
    docs.extend(policy::build(c, d));
    docs
}
