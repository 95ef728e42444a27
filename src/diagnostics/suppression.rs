//! A suppression in force: what an `@allow` silenced in one run, as the reports show it.
//! `check::suppress` makes them; it lives here, with the diagnostics, because the
//! renderers read it (and the renderers must not depend on the checks).

use chrono::NaiveDate;

use crate::diagnostics::Code;
use crate::source::Span;

/// A suppression in force, for the report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActiveSuppression {
    pub code: Code,
    /// The `@allow(…)` attribute.
    pub span: Span,
    pub declaration: String,
    pub reason: String,
    pub until: Option<NaiveDate>,
    /// How many diagnostics it silenced in this run.
    pub silenced: usize,
}
