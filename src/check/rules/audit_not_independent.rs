//! audit/not-independent: an auditor audits a control or policy they own themselves
//! (clause 9.2.2 c: auditors are selected to ensure objectivity and impartiality).

use crate::check::Context;
use crate::diagnostics::{Code, Diagnostic, Sink};
use crate::model::{Kind, Model, Person, Ref, Referent};

/// Whether `owner` resolves to the person (at `at`), or to a role the person holds.
fn owns(m: &Model, at: usize, person: &Person, owner: &Ref) -> bool {
    let names = &m.resolution;
    match names.target(owner) {
        Some(Referent::Decl(Kind::Person, p)) => p == at,
        Some(Referent::Decl(Kind::Role, role)) => person
            .roles
            .iter()
            .any(|r| names.decl(r, Kind::Role) == Some(role)),
        _ => false,
    }
}

fn owner_of<'m>(m: &'m Model, scope: &Ref, control: bool) -> Option<&'m Ref> {
    if control {
        m.resolution
            .decl(scope, Kind::Control)
            .and_then(|i| m.slots.get(i))
            .and_then(|s| m.control_decl(s))
            .and_then(|c| c.owner.as_ref())
    } else {
        m.resolution
            .decl(scope, Kind::Policy)
            .and_then(|i| m.policies.get(i))
            .and_then(|p| p.owner.as_ref())
    }
}

pub fn check(cx: &Context<'_>, sink: &mut Sink) {
    let m = cx.model;
    for audit in &m.audits {
        let Some(auditor) = &audit.auditor else {
            continue;
        };
        let Some(at) = m.resolution.decl(auditor, Kind::Person) else {
            continue;
        };
        let Some(person) = m.persons.get(at) else {
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
            if !owns(m, at, person, owner) {
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
