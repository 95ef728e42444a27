//! The fixes that need the whole project to compute (which owner, which file, which
//! controls), added to the rules' diagnostics once every rule has run. Fixes that follow
//! from the diagnostic alone (did you mean) are made where the diagnostic is.

use chrono::NaiveDate;
use rustc_hash::FxHashMap as HashMap;

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

/// Add the project-wide fixes to `diagnostics`. Whatever a fix needs from the whole
/// project (owner counts, declarations by name) is computed once, at the first diagnostic
/// that needs it, so a project with thousands of ownerless risks costs no square.
pub fn offer(p: &Project<'_>, diagnostics: &mut [Diagnostic]) {
    let near_owner = misspelt_owners(diagnostics);
    let mut owners: HashMap<Owned, Vec<&str>> = HashMap::default();
    let mut declarations: Option<HashMap<Span, Span>> = None;
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
            Some(kind) => {
                let declarations = declarations.get_or_insert_with(|| by_name(p.model));
                let Some(decl) = declarations.get(&d.span).copied() else {
                    continue;
                };
                if misspelt_owner_in(&near_owner, decl) {
                    continue;
                }
                let offered = owners
                    .entry(kind)
                    .or_insert_with(|| owners::most_used(p.model, kind, add_owner::OFFERED));
                add_owner::fixes(p.sources, offered, d.span, decl)
            }
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

/// Where an unknown field has a fix renaming it to `owner`, in span order.
fn misspelt_owners(diagnostics: &[Diagnostic]) -> Vec<Span> {
    let mut spans: Vec<Span> = diagnostics
        .iter()
        .filter(|d| d.code == Code::FieldUnknown)
        .filter(|d| {
            d.fixes
                .iter()
                .flat_map(|f| &f.edits)
                .any(|e| e.replacement == "owner")
        })
        .map(|d| d.span)
        .collect();
    spans.sort_unstable();
    spans
}

/// Whether one of `near_owner` (sorted) lies inside `decl`.
fn misspelt_owner_in(near_owner: &[Span], decl: Span) -> bool {
    let from = near_owner.partition_point(|s| {
        s.file < decl.file || (s.file == decl.file && s.start() < decl.start())
    });
    near_owner
        .get(from)
        .is_some_and(|s| s.file == decl.file && s.end() <= decl.end())
}

/// The whole declaration of each kind that a `*/missing-owner` rule reports, by the span
/// of its name (where the diagnostic stands).
fn by_name(m: &Model) -> HashMap<Span, Span> {
    let risks = m.risks.iter().map(|x| (x.id.span, x.common.span));
    let assets = m.assets.iter().map(|x| (x.id.span, x.common.span));
    let controls = m.controls.iter().map(|x| (x.id.span, x.common.span));
    let policies = m.policies.iter().map(|x| (x.id.span, x.common.span));
    let objectives = m.objectives.iter().map(|x| (x.id.span, x.common.span));
    risks
        .chain(assets)
        .chain(controls)
        .chain(policies)
        .chain(objectives)
        .collect()
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
