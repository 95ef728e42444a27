//! What every declaration carries (`Common`) and the `@allow` attributes; each kind's
//! own item type is in its file in `model/kinds/`.
//!
//! Optional fields are `Option`s: a missing required field is reported by the lowering
//! (`field/missing`) or by its own rule (`risk/missing-owner`), never assumed. `present`
//! records every field that was written, readable or not, so a field with a syntax error
//! is not also reported as missing.

use super::schema::{FieldSet, FieldSpec};
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
