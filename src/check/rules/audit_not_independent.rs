//! audit/not-independent: an auditor audits a control or policy they own themselves
//! (clause 9.2.2 c: auditors are selected to ensure objectivity and impartiality).

use crate::check::Context;
use crate::diagnostics::{Code, Diagnostic, Sink};
use crate::model::{Model, Person, Ref};

/// Whether `owner` is the person, or a role the person holds.
fn owns(person: &Person, owner: &Ref) -> bool {
    person.id.text == owner.name || person.roles.iter().any(|r| r.name == owner.name)
}

fn owner_of<'m>(m: &'m Model, scope: &Ref, control: bool) -> Option<&'m Ref> {
    if control {
        m.slot(&scope.name)
            .and_then(|s| m.control_decl(s))
            .and_then(|c| c.owner.as_ref())
    } else {
        m.policy(&scope.name).and_then(|p| p.owner.as_ref())
    }
}

pub fn check(cx: &Context<'_>, sink: &mut Sink) {
    let m = cx.model;
    for audit in &m.audits {
        let Some(auditor) = &audit.auditor else {
            continue;
        };
        let Some(person) = m.person(&auditor.name) else {
            continue;
        };
        let scope = audit
            .controls
            .iter()
            .map(|r| (r, true))
            .chain(audit.policies.iter().map(|r| (r, false)));
        for (item, control) in scope {
            let Some(owner) = owner_of(m, item, control) else {
                continue;
            };
            if !owns(person, owner) {
                continue;
            }
            let noun = if control { "control" } else { "policy" };
            let via = if owner.name == person.id.text {
                String::new()
            } else {
                format!(" as `{}`", owner.name)
            };
            sink.push(
                Diagnostic::new(
                    Code::AuditNotIndependent,
                    item.span,
                    format!(
                        "auditor `{}` audits {noun} `{}`, which they own{via}",
                        person.id.text, item.name
                    ),
                )
                .with_label("the auditor's own area")
                .with_secondary(owner.span, "owned here")
                .with_secondary(auditor.span, "auditor of this audit")
                .with_help(format!(
                    "have someone independent of `{}` audit it, or take it out of this audit's scope",
                    item.name
                )),
            );
        }
    }
}
