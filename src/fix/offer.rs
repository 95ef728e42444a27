//! The fixes that need the whole project to compute (which owner, which file, which
//! controls), added to the rules' diagnostics once every rule has run. Fixes that follow
//! from the diagnostic alone (did you mean) are made where the diagnostic is.

use chrono::NaiveDate;

use super::owners::Owned;
use super::records::{record, Records};
use super::{add_exclusions, add_owner, owners};
use crate::check::Context;
use crate::diagnostics::{Applicability, Code, Diagnostic, Edit, Fix};
use crate::model::graph::Trace;
use crate::model::Model;
use crate::source::{SourceMap, Span};

/// What the fixes are computed from.
pub struct Project<'a> {
    pub model: &'a Model,
    pub trace: &'a Trace,
    pub today: NaiveDate,
    pub sources: &'a SourceMap,
    pub project_files: usize,
}

/// Add the project-wide fixes to `diagnostics`.
pub fn offer(p: &Project<'_>, diagnostics: &mut [Diagnostic]) {
    let near_owner = misspelt_owners(diagnostics);
    let first_undocumented = diagnostics
        .iter()
        .filter(|d| d.code == Code::ControlUndocumented)
        .map(|d| (d.span.file, d.span.start()))
        .min();
    let records = first_undocumented.map(|(file, _)| Records::of(p.model, p.project_files, file));
    let record_owner = records.as_ref().and_then(|_| {
        owners::most_used(p.model, Owned::Control, 1)
            .first()
            .copied()
    });
    let mut context = None;
    for d in diagnostics.iter_mut() {
        let fixes = match owned(d.code) {
            Some(kind) => missing_owner(p, kind, d.span, &near_owner),
            None => match d.code {
                Code::ControlUndocumented => records
                    .as_ref()
                    .and_then(|r| undocumented(p, r, d, record_owner))
                    .into_iter()
                    .collect(),
                Code::SoaUnaddressed => {
                    let cx = context.get_or_insert_with(|| Context::new(p.model, p.trace, p.today));
                    add_exclusions::fixes(cx, p.sources, p.project_files, d)
                }
                _ => continue,
            },
        };
        d.fixes.extend(fixes);
    }
}

/// The kind of declaration a `*/missing-owner` code is about.
fn owned(code: Code) -> Option<Owned> {
    match code {
        Code::RiskMissingOwner => Some(Owned::Risk),
        Code::AssetMissingOwner => Some(Owned::Asset),
        Code::ControlMissingOwner => Some(Owned::Control),
        Code::PolicyMissingOwner => Some(Owned::Policy),
        Code::ObjectiveMissingOwner => Some(Owned::Objective),
        _ => None,
    }
}

/// Where an unknown field has a fix renaming it to `owner`.
fn misspelt_owners(diagnostics: &[Diagnostic]) -> Vec<Span> {
    diagnostics
        .iter()
        .filter(|d| d.code == Code::FieldUnknown)
        .filter(|d| {
            d.fixes
                .iter()
                .flat_map(|f| &f.edits)
                .any(|e| e.replacement == "owner")
        })
        .map(|d| d.span)
        .collect()
}

fn missing_owner(p: &Project<'_>, kind: Owned, name: Span, near_owner: &[Span]) -> Vec<Fix> {
    let Some(decl) = declaration(p.model, kind, name) else {
        return Vec::new();
    };
    let inside =
        |s: &Span| s.file == decl.file && decl.start() <= s.start() && s.end() <= decl.end();
    if near_owner.iter().any(inside) {
        return Vec::new();
    }
    add_owner::fixes(p.model, p.sources, kind, name, decl)
}

/// The whole declaration of `kind` whose name is at `name`.
fn declaration(m: &Model, kind: Owned, name: Span) -> Option<Span> {
    match kind {
        Owned::Risk => m
            .risks
            .iter()
            .find(|x| x.id.span == name)
            .map(|x| x.common.span),
        Owned::Asset => m
            .assets
            .iter()
            .find(|x| x.id.span == name)
            .map(|x| x.common.span),
        Owned::Control => m
            .controls
            .iter()
            .find(|x| x.id.span == name)
            .map(|x| x.common.span),
        Owned::Policy => m
            .policies
            .iter()
            .find(|x| x.id.span == name)
            .map(|x| x.common.span),
        Owned::Objective => m
            .objectives
            .iter()
            .find(|x| x.id.span == name)
            .map(|x| x.common.span),
    }
}

/// A record for the control that `d` reports, in the records file, in catalog order.
fn undocumented(
    p: &Project<'_>,
    records: &Records,
    d: &Diagnostic,
    owner: Option<&str>,
) -> Option<Fix> {
    // The diagnostic stands on a reference to the control: its text is the ID.
    let id = p.sources.slice(d.span);
    let entry = p.model.slot(id)?.entry?;
    let (span, text) = records.insertion(p.sources, entry, &record(id, owner))?;
    Some(Fix::new(
        format!("Add a `control {id}` record (status to fill in)"),
        vec![Edit::replace(span, text)],
        Applicability::NeedsReview,
    ))
}
