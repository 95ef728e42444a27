//! Applying `@allow` suppressions and project severity overrides to the diagnostics, and
//! reporting suppressions that lack a reason, have expired, or silence nothing.
//!
//! Suppressions are meant to be read by auditors: each names one rule, one declaration, a
//! reason, and optionally a date after which it stops applying.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use super::allow_index::AllowIndex;
use crate::diagnostics::{Code, Diagnostic, Severity};
use crate::model::Model;
use crate::source::Span;

/// How a project configuration changes a code's severity (`isms.toml`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Override {
    /// Never report it.
    Allow,
    /// Report it as a warning.
    Warn,
    /// Report it as an error.
    Deny,
}

// Defined beside the diagnostics, which report it (`diagnostics::render`).
pub use crate::diagnostics::ActiveSuppression;

/// Filter `diagnostics` through the suppressions and overrides; returns what remains and
/// the suppressions in force.
pub fn apply(
    model: &Model,
    today: NaiveDate,
    overrides: &BTreeMap<Code, Override>,
    diagnostics: Vec<Diagnostic>,
) -> (Vec<Diagnostic>, Vec<ActiveSuppression>) {
    let mut notes = Vec::new();
    // Each suppression in force with the declaration it covers.
    let mut active: Vec<(Span, ActiveSuppression)> = Vec::new();
    for allow in &model.allows {
        let Some(code) = allow.code else {
            continue;
        };
        let reason = allow.reason.as_deref().map(str::trim).unwrap_or("");
        if reason.is_empty() {
            notes.push(
                Diagnostic::new(
                    Code::SuppressionMissingReason,
                    allow.span,
                    format!(
                        "suppression of `{code}` on {} gives no reason",
                        allow.declaration
                    ),
                )
                .with_label("no `reason`, so it does not apply")
                .with_help("add `reason = \"…\"`: auditors read suppressions as decisions"),
            );
            continue;
        }
        if let Some(until) = allow.until.filter(|u| u.date < today) {
            notes.push(
                Diagnostic::new(
                    Code::SuppressionExpired,
                    until.span,
                    format!(
                        "suppression of `{code}` on {} expired on {}",
                        allow.declaration, until.date
                    ),
                )
                .with_label("past this date the rule applies again")
                .with_help("fix what the rule reports, or renew the suppression with a new date and reason"),
            );
            continue;
        }
        active.push((
            allow.scope,
            ActiveSuppression {
                code,
                span: allow.span,
                declaration: allow.declaration.clone(),
                reason: reason.to_string(),
                until: allow.until.map(|u| u.date),
                silenced: 0,
            },
        ));
    }
    let index = AllowIndex::new(active.iter().map(|(scope, a)| (a.code, *scope)));
    let mut kept = Vec::with_capacity(diagnostics.len());
    for mut d in diagnostics {
        let silencer = index
            .silencer(d.code, d.span)
            .and_then(|at| active.get_mut(at));
        if let Some((_, a)) = silencer {
            a.silenced += 1;
            continue;
        }
        match overrides.get(&d.code) {
            Some(Override::Allow) => continue,
            Some(Override::Warn) => d.severity = Severity::Warning,
            Some(Override::Deny) => d.severity = Severity::Error,
            None => {}
        }
        kept.push(d);
    }
    for (_, a) in active.iter().filter(|(_, a)| a.silenced == 0) {
        notes.push(
            Diagnostic::new(
                Code::SuppressionUnused,
                a.span,
                format!(
                    "suppression of `{}` on {} silences nothing",
                    a.code, a.declaration
                ),
            )
            .with_label("nothing to suppress here")
            .with_help("remove it: the rule no longer reports anything on this declaration"),
        );
    }
    for mut n in notes {
        match overrides.get(&n.code) {
            Some(Override::Allow) => continue,
            Some(Override::Warn) => n.severity = Severity::Warning,
            Some(Override::Deny) => n.severity = Severity::Error,
            None => {}
        }
        kept.push(n);
    }
    let active = active
        .into_iter()
        .map(|(_, a)| a)
        .filter(|a| a.silenced > 0)
        .collect();
    (kept, active)
}
