//! The typed declarations of an ISMS, as lowered from the syntax tree.
//!
//! Optional fields are `Option`s: a missing required field is reported by the lowering
//! (`field/missing`) or by its own rule (`risk/missing-owner`), never assumed. `present`
//! records every field that was written, readable or not, so a field with a syntax error
//! is not also reported as missing.

use super::kinds::spec::{FieldSet, FieldSpec};
use super::values::*;
use crate::source::Span;

/// What every declaration carries.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Common {
    /// The whole declaration.
    pub span: Span,
    /// The `///` doc comment above it.
    pub doc: Option<String>,
    /// Fields written in its block (by name), including unreadable ones.
    pub present: FieldSet,
    /// A line of the block did not parse, so any field may stand on it.
    pub incomplete: bool,
    /// The header line (`control ID "Title" {`) did not parse completely.
    pub header_broken: bool,
}

impl Common {
    /// Whether the field was written (`risk.common.has(&Risk::OWNER)`).
    pub fn has(&self, field: &FieldSpec) -> bool {
        self.present.contains(field)
    }

    /// Whether the field is surely absent (not written, and no unreadable line).
    pub fn lacks(&self, field: &FieldSpec) -> bool {
        !self.incomplete && !self.present.contains(field)
    }
}

/// `@allow(code, reason = "…", until = DATE)`: silences one rule on one declaration.
#[derive(Debug, Clone)]
pub struct Allow {
    /// `None` when the code was not valid (already reported).
    pub code: Option<crate::diagnostics::Code>,
    pub reason: Option<String>,
    pub until: Option<Dated>,
    /// The attribute.
    pub span: Span,
    /// The declaration it applies to: diagnostics starting inside it are silenced.
    pub scope: Span,
    /// "risk `R-09`", for the list of active suppressions.
    pub declaration: String,
}

#[derive(Debug, Clone)]
pub struct Use {
    pub framework: Name,
    pub span: Span,
}

#[derive(Debug, Clone)]
pub struct Organization {
    pub id: Name,
    pub name: Option<String>,
    pub description: Option<String>,
    pub common: Common,
}

#[derive(Debug, Clone)]
pub struct ScopeExclusion {
    pub what: String,
    pub reason: Option<String>,
}

#[derive(Debug, Clone)]
pub struct Scope {
    pub keyword: Span,
    pub statement: Option<String>,
    pub includes: Vec<String>,
    pub excludes: Vec<ScopeExclusion>,
    pub interfaces: Vec<String>,
    pub common: Common,
}

#[derive(Debug, Clone)]
pub struct Role {
    pub id: Name,
    pub title: Option<String>,
    pub description: Option<String>,
    pub common: Common,
}

#[derive(Debug, Clone)]
pub struct Person {
    pub id: Name,
    pub name: Option<String>,
    pub roles: Vec<Ref>,
    pub email: Option<String>,
    pub common: Common,
}

/// One value of a likelihood or impact scale.
#[derive(Debug, Clone)]
pub struct ScaleEntry {
    pub value: i64,
    pub label: Option<String>,
    pub span: Span,
}

#[derive(Debug, Clone)]
pub struct Scale {
    /// The `likelihood` or `impact` field name.
    pub span: Span,
    pub entries: Vec<ScaleEntry>,
}

impl Scale {
    pub fn label(&self, value: i64) -> Option<&str> {
        self.entries
            .iter()
            .find(|e| e.value == value)
            .and_then(|e| e.label.as_deref())
    }

    pub fn max(&self) -> i64 {
        self.entries.iter().map(|e| e.value).max().unwrap_or(0)
    }
}

/// `high 10..16`: an inclusive score range.
#[derive(Debug, Clone)]
pub struct Level {
    pub name: Name,
    pub low: i64,
    pub high: i64,
    pub span: Span,
}

#[derive(Debug, Clone)]
pub struct Methodology {
    pub keyword: Span,
    pub likelihood: Option<Scale>,
    pub impact: Option<Scale>,
    pub levels: Vec<Level>,
    /// The `levels` field name.
    pub levels_span: Option<Span>,
    pub accept: Option<Ref>,
    pub review: Option<Every>,
    pub common: Common,
}

#[derive(Debug, Clone)]
pub struct Asset {
    pub id: Name,
    pub name: Option<String>,
    pub kind: Option<AssetKind>,
    pub owner: Option<Ref>,
    pub classification: Option<String>,
    pub depends_on: Vec<Ref>,
    pub location: Option<String>,
    pub description: Option<String>,
    pub common: Common,
}

#[derive(Debug, Clone)]
pub struct Residual {
    pub likelihood: Rated,
    pub impact: Rated,
    pub span: Span,
}

#[derive(Debug, Clone)]
pub struct Treatment {
    pub kind: TreatmentKind,
    /// The `mitigate` / `accept` / `transfer` / `avoid` word.
    pub kind_span: Span,
    pub controls: Vec<Ref>,
    pub residual: Option<Residual>,
    pub due: Option<Dated>,
    pub accepted: Option<Signoff>,
    pub rationale: Option<String>,
    pub to: Option<String>,
    pub common: Common,
}

#[derive(Debug, Clone)]
pub struct Risk {
    pub id: Name,
    pub title: Option<String>,
    pub assets: Vec<Ref>,
    pub threat: Option<String>,
    pub vulnerability: Option<String>,
    pub likelihood: Option<Rated>,
    pub impact: Option<Rated>,
    pub owner: Option<Ref>,
    pub reviewed: Option<Dated>,
    pub description: Option<String>,
    pub treatment: Option<Treatment>,
    pub common: Common,
}

#[derive(Debug, Clone)]
pub struct Control {
    pub id: Name,
    /// The title as written; catalog controls take theirs from the catalog.
    pub title: Option<String>,
    pub status: Option<Status>,
    pub status_span: Option<Span>,
    pub owner: Option<Ref>,
    pub evidence: Vec<String>,
    pub description: Option<String>,
    pub due: Option<Dated>,
    pub common: Common,
}

/// `exclude A.7.1, A.7.2 because "…"`
#[derive(Debug, Clone)]
pub struct Exclusion {
    pub keyword: Span,
    pub controls: Vec<Ref>,
    pub reason: Option<String>,
    pub span: Span,
}

#[derive(Debug, Clone)]
pub struct Requirement {
    pub id: Name,
    pub title: Option<String>,
    pub kind: Option<RequirementKind>,
    pub controls: Vec<Ref>,
    pub source: Option<String>,
    pub description: Option<String>,
    pub common: Common,
}

#[derive(Debug, Clone)]
pub struct Section {
    pub heading: String,
    pub body: String,
}

#[derive(Debug, Clone)]
pub struct Statement {
    pub id: Name,
    pub text: String,
}

#[derive(Debug, Clone)]
pub struct Policy {
    pub id: Name,
    pub title: Option<String>,
    pub kind: Option<PolicyKind>,
    pub parent: Option<Ref>,
    pub owner: Option<Ref>,
    pub approved: Option<Signoff>,
    pub version: Option<String>,
    pub review: Option<Every>,
    pub implements: Vec<Ref>,
    pub sections: Vec<Section>,
    pub statements: Vec<Statement>,
    pub common: Common,
}

/// A framework catalog (`catalog iso27001:2022 "…" { … }`), shipped in `stdlib/` or
/// written by users.
#[derive(Debug, Clone)]
pub struct Catalog {
    pub id: Name,
    pub title: Option<String>,
    pub themes: Vec<Theme>,
    pub entries: Vec<CatalogEntry>,
    pub common: Common,
}

#[derive(Debug, Clone)]
pub struct Theme {
    pub id: Name,
    pub title: Option<String>,
}

/// One reference control of a catalog: ID, short title and classification tags.
#[derive(Debug, Clone)]
pub struct CatalogEntry {
    pub id: String,
    pub span: Span,
    pub title: String,
    pub theme: Option<String>,
    pub aliases: Vec<String>,
    pub control_type: Vec<String>,
    pub properties: Vec<String>,
    pub concepts: Vec<String>,
    pub capabilities: Vec<String>,
    pub domains: Vec<String>,
}
