//! The document control of each document: identity, approval, classification, draft
//! state and revision history, from the project (see [`tree::DocumentControl`]).
//!
//! Every document builder asks [`document_control`] for its block, naming what the
//! document is built from, so one function decides what makes a document a draft.

use crate::emit::tree::{DocumentControl, DraftReason, History};
use crate::model::Kind;
use crate::Compilation;

/// What a document is built from: the declarations whose changes are its revisions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BuiltFrom {
    /// Declarations of these kinds (the SoA: controls, exclusions, risks, requirements…).
    Kinds(&'static [Kind]),
    /// One declaration (a policy is its own document).
    Decl(Kind, usize),
}

/// The document control block of the document `stem`, whose ID is `default_id` unless the
/// project declares another.
pub fn document_control(
    c: &Compilation,
    _stem: &str,
    default_id: &str,
    _from: BuiltFrom,
) -> DocumentControl {
    let warnings = c.diagnostics.iter().filter(|d| !d.is_error()).count();
    let mut draft = vec![DraftReason::Unapproved];
    if warnings > 0 {
        draft.push(DraftReason::ProjectWarnings(warnings));
    }
    DocumentControl {
        organization: super::organization_name(c),
        id: default_id.to_string(),
        version: None,
        owner: None,
        approver: None,
        approver_role: None,
        approved: None,
        classification: "internal".to_string(),
        next_review: None,
        built: c.today,
        draft,
        history: History::Unavailable("the revision history is not read yet".to_string()),
    }
}
