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
mod context;
pub mod control_block;
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
use crate::model::Kind;
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

pub const SOA: Meta = Meta {
    stem: "soa",
    title: "Statement of Applicability",
    clause: "6.1.3 d",
    id: "ISMS-SOA",
    from: &[
        Kind::Control,
        Kind::Risk,
        Kind::Requirement,
        Kind::Policy,
        Kind::Nonconformity,
    ],
};

pub const RISK_REGISTER: Meta = Meta {
    stem: "risk-register",
    title: "Risk register",
    clause: "6.1.2, 8.2",
    id: "ISMS-RR",
    from: &[Kind::Risk, Kind::Asset, Kind::Control],
};

pub const TREATMENT_PLAN: Meta = Meta {
    stem: "treatment-plan",
    title: "Risk treatment plan",
    clause: "6.1.3 e, 8.3",
    id: "ISMS-TP",
    from: &[Kind::Risk, Kind::Control],
};

pub const SCOPE: Meta = Meta {
    stem: "scope",
    title: "ISMS scope",
    clause: "4.3",
    id: "ISMS-SCOPE",
    from: &[],
};

pub const METHODOLOGY: Meta = Meta {
    stem: "methodology",
    title: "Risk assessment methodology",
    clause: "6.1.2 a",
    id: "ISMS-RAM",
    from: &[],
};

pub const OBJECTIVES: Meta = Meta {
    stem: "objectives",
    title: "Information security objectives",
    clause: "6.2, 7.2, 9.1",
    id: "ISMS-OBJ",
    from: &[Kind::Objective, Kind::Metric, Kind::Training],
};

pub const AUDIT_PROGRAMME: Meta = Meta {
    stem: "audit-programme",
    title: "Internal audit programme",
    clause: "9.2",
    id: "ISMS-AP",
    from: &[Kind::Audit],
};

pub const MANAGEMENT_REVIEW: Meta = Meta {
    stem: "management-review",
    title: "Management review minutes",
    clause: "9.3",
    id: "ISMS-MR",
    from: &[Kind::Review],
};

pub const CORRECTIVE_ACTIONS: Meta = Meta {
    stem: "corrective-actions",
    title: "Nonconformities and corrective actions",
    clause: "10.2",
    id: "ISMS-CA",
    from: &[Kind::Nonconformity, Kind::Incident],
};

pub const READINESS: Meta = Meta {
    stem: "readiness",
    title: "Stage 1 audit readiness",
    clause: "4–10",
    id: "ISMS-READY",
    from: &[],
};

pub const CONTEXT: Meta = Meta {
    stem: "context",
    title: "Context of the organization",
    clause: "4.1, 4.2",
    id: "ISMS-CONTEXT",
    from: &[Kind::Issue, Kind::InterestedParty, Kind::Requirement],
};

pub const LEGAL_REGISTER: Meta = Meta {
    stem: "legal-register",
    title: "Register of legal, regulatory and contractual requirements",
    clause: "4.2, A.5.31",
    id: "ISMS-LEGAL",
    from: &[Kind::Requirement, Kind::Control],
};

pub const ASSET_INVENTORY: Meta = Meta {
    stem: "asset-inventory",
    title: "Inventory of information and other associated assets",
    clause: "A.5.9",
    id: "ISMS-ASSETS",
    from: &[Kind::Asset],
};

pub const ROLES: Meta = Meta {
    stem: "roles",
    title: "Roles, responsibilities and authorities",
    clause: "5.3",
    id: "ISMS-ROLES",
    from: &[Kind::Role, Kind::Person],
};

pub const AUDIT_COVERAGE: Meta = Meta {
    stem: "audit-coverage",
    title: "Audit programme coverage",
    clause: "9.2",
    id: "ISMS-AUDIT-COVERAGE",
    from: &[Kind::Audit, Kind::Control],
};

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
    docs.extend(policy::build(c, d));
    docs
}
