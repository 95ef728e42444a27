//! The document control of each document: identity, approval, classification, draft
//! state and revision history, from the project (see [`tree::DocumentControl`]).
//!
//! Every document builder asks [`document_control`] for its block, naming what the
//! document is built from, so one function decides what makes a document a draft.
//!
//! [`tree::DocumentControl`]: crate::emit::tree::DocumentControl

use std::collections::BTreeSet;

use chrono::NaiveDate;

use crate::diagnostics::Severity;
use crate::emit::names::Party;
use crate::emit::tree::{DocumentControl, DraftReason, History, Revision};
use crate::history::FilesHistory;
use crate::model::{overdue, Classification, Keyword as _, Kind, Model, Ref, Referent, Signoff};
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
/// project declares another. A policy (`BuiltFrom::Decl(Kind::Policy, i)`) takes its
/// control from its own fields; any other document from the `document` declaration
/// naming its stem, if there is one.
pub fn document_control(
    c: &Compilation,
    stem: &str,
    default_id: &str,
    from: BuiltFrom,
) -> DocumentControl {
    let m = &c.model;
    let declared = declared(m, stem, from);
    let approver = declared.approved.map(|s| Party::of(m, &s.by));
    let approver_role = declared
        .approved
        .and_then(|s| approver_role(m, &s.by, declared.approver_role));
    let draft = draft_reasons(c, &declared);
    DocumentControl {
        organization: super::organization_name(c),
        id: declared.id.unwrap_or(default_id).to_string(),
        version: declared.version.map(str::to_string),
        owner: declared.owner.map(|o| Party::of(m, o)),
        approver,
        approver_role,
        approved: declared.approved.and_then(|s| s.on).map(|d| d.date),
        classification: declared
            .classification
            .unwrap_or(Classification::Internal)
            .as_str()
            .to_string(),
        next_review: declared.next_review,
        built: c.today,
        draft,
        history: history(c, stem, from),
    }
}

/// The fields a document's control is declared with, from a `document` or a policy.
#[derive(Debug, Default)]
struct Declared<'m> {
    id: Option<&'m str>,
    version: Option<&'m str>,
    owner: Option<&'m Ref>,
    approved: Option<&'m Signoff>,
    approver_role: Option<&'m Ref>,
    classification: Option<Classification>,
    next_review: Option<NaiveDate>,
}

fn declared<'m>(m: &'m Model, stem: &str, from: BuiltFrom) -> Declared<'m> {
    if let BuiltFrom::Decl(Kind::Policy, i) = from {
        return m
            .policies
            .get(i)
            .map_or_else(Declared::default, |p| Declared {
                id: None,
                version: p.version.as_deref(),
                owner: p.owner.as_ref(),
                approved: p.approved.as_ref(),
                approver_role: None,
                classification: p.classification,
                next_review: p.next_review(),
            });
    }
    m.documents
        .iter()
        .find(|d| d.id.text == stem)
        .map_or_else(Declared::default, |d| Declared {
            id: d.document_id.as_deref(),
            version: d.version.as_deref(),
            owner: d.owner.as_ref(),
            approved: d.approved.as_ref(),
            approver_role: d.approver_role.as_ref(),
            classification: d.classification,
            next_review: d.next_review.map(|n| n.date),
        })
}

/// The role the approver signed in: the role itself when a role signed; else the role
/// written in `approver_role`; else the person's first role. Its title, or its ID.
fn approver_role(m: &Model, by: &Ref, written: Option<&Ref>) -> Option<String> {
    let role = match m.resolution.target(by) {
        Some(Referent::Decl(Kind::Role, _)) => Some(by),
        Some(Referent::Decl(Kind::Person, i)) => {
            written.or_else(|| m.persons.get(i).and_then(|p| p.roles.first()))
        }
        _ => written,
    }?;
    Some(Party::of(m, role).name)
}

/// Why the document is a draft, in a fixed order; empty when it is not.
fn draft_reasons(c: &Compilation, declared: &Declared<'_>) -> Vec<DraftReason> {
    let mut draft = Vec::new();
    match declared.approved {
        Some(s) if s.on.is_some() => {
            if c.context().signed_by_placeholder(&s.by) {
                draft.push(DraftReason::PlaceholderApprover);
            }
        }
        Some(_) | None => draft.push(DraftReason::Unapproved),
    }
    if let Some(next) = declared.next_review {
        if overdue::passed(next, c.today) {
            draft.push(DraftReason::ReviewOverdue(next));
        }
    }
    // Suppressed diagnostics are not in the compilation's list, so they do not count.
    let warnings = c
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Warning)
        .count();
    if warnings > 0 {
        draft.push(DraftReason::ProjectWarnings(warnings));
    }
    draft
}

/// The commits that touched the project files holding what the document is built from,
/// and its `document` declaration.
fn history(c: &Compilation, stem: &str, from: BuiltFrom) -> History {
    let files = source_files(c, stem, from);
    match c.history.of_files(&files) {
        FilesHistory::Unavailable(reason) => History::Unavailable(reason),
        FilesHistory::Known {
            commits,
            uncommitted,
        } => {
            let mut revisions: Vec<Revision> = Vec::with_capacity(commits.len() + 1);
            if uncommitted {
                revisions.push(Revision::uncommitted(c.today));
            }
            revisions.extend(commits.into_iter().map(|commit| Revision {
                commit: commit.hash.clone(),
                date: commit.date,
                author: commit.author.clone(),
                subject: commit.subject.clone(),
            }));
            History::Revisions(revisions)
        }
    }
}

/// The names of the project files (not the shipped catalogs) that declare what the
/// document is built from.
fn source_files<'c>(c: &'c Compilation, stem: &str, from: BuiltFrom) -> BTreeSet<&'c str> {
    let m = &c.model;
    let mut spans = Vec::new();
    match from {
        BuiltFrom::Kinds(kinds) => {
            for kind in kinds {
                spans.extend(m.declared_names(kind.decl()).iter().map(|(_, n)| n.span));
            }
            spans.extend(
                m.documents
                    .iter()
                    .filter(|d| d.id.text == stem)
                    .map(|d| d.id.span),
            );
        }
        BuiltFrom::Decl(kind, i) => spans.extend(
            m.declared_names(kind.decl())
                .iter()
                .filter(|(at, _)| *at == i)
                .map(|(_, n)| n.span),
        ),
    }
    spans
        .into_iter()
        .filter(|s| (s.file.0 as usize) < c.project_files)
        .map(|s| c.sources.name(s.file))
        .collect()
}

#[cfg(test)]
mod tests;
