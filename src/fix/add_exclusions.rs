//! `soa/unaddressed`: exclude the controls nobody decided, each with an empty reason. The
//! reason is left empty on purpose: only a person can say why a control does not apply,
//! and `soa/exclusion-without-reason` reports each exclusion until someone does. So the
//! fix needs review: it decides the Statement of Applicability.

use super::text::line_end;
use crate::check::Context;
use crate::diagnostics::{Applicability, Diagnostic, Edit, Fix};
use crate::source::{SourceMap, Span};

pub fn fixes(
    cx: &Context<'_>,
    sources: &SourceMap,
    project_files: usize,
    d: &Diagnostic,
) -> Vec<Fix> {
    let m = cx.model;
    let Some(used) = m.uses.iter().find(|u| u.span == d.span) else {
        return Vec::new();
    };
    let Some(catalog) = m.used_catalogs.iter().copied().find(|&c| {
        m.catalogs
            .get(c)
            .is_some_and(|x| x.id.text == used.framework.text)
    }) else {
        return Vec::new();
    };
    let open: Vec<&str> = m
        .slots
        .iter()
        .enumerate()
        .filter(|(_, s)| s.entry.is_some_and(|(c, _)| c == catalog))
        .filter(|(i, s)| !cx.is_applicable(*i) && m.exclusion_of(&s.id).is_none())
        .map(|(_, s)| s.id.as_str())
        .collect();
    if open.is_empty() {
        return Vec::new();
    }
    // Below the project's last exclusion (an `soa-exclusions.isms`), else below `use`.
    let anchor = m
        .exclusions
        .iter()
        .map(|e| e.span)
        .filter(|s| (s.file.0 as usize) < project_files)
        .max_by_key(|s| (s.file, s.end()))
        .unwrap_or(used.span);
    let Some(text) = sources.get(anchor.file).map(|f| f.text.as_str()) else {
        return Vec::new();
    };
    let at = line_end(text, anchor.end());
    let lines: String = open
        .iter()
        .map(|id| format!("\nexclude {id} because \"\""))
        .collect();
    let count = match open.len() {
        1 => "1 exclusion".to_string(),
        n => format!("{n} exclusions"),
    };
    vec![Fix::new(
        format!("Add {count} with a reason to fill in"),
        vec![Edit::replace(Span::new(anchor.file, at, at), lines)],
        Applicability::NeedsReview,
    )]
}
