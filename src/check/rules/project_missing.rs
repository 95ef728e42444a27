//! project/missing-organization, project/missing-scope, project/missing-methodology.

use crate::check::Context;
use crate::diagnostics::{Code, Diagnostic, Sink};

pub fn check(cx: &Context<'_>, sink: &mut Sink) {
    let m = cx.model;
    if m.organizations.is_empty() {
        sink.push(
            Diagnostic::new(
                Code::ProjectMissingOrganization,
                cx.project_start,
                "the project has no `organization`",
            )
            .with_help("add `organization <id> \"Legal name\"` to one of the files"),
        );
    }
    if m.scopes.is_empty() {
        sink.push(
            Diagnostic::new(
                Code::ProjectMissingScope,
                cx.project_start,
                "the project has no `scope` (ISO 27001 clause 4.3)",
            )
            .with_help("add `scope \"What the ISMS covers\" { includes \"…\" }`"),
        );
    }
    if m.methodologies.is_empty() && !m.risks.is_empty() {
        sink.push(
            Diagnostic::new(
                Code::ProjectMissingMethodology,
                cx.project_start,
                "the project has risks but no `methodology` to rate them",
            )
            .with_help(
                "add `methodology { likelihood { … } impact { … } levels { … } accept <level> }`",
            ),
        );
    }
}
