//! role/unassigned: a role nobody holds (clause 5.3: roles are assigned).

use crate::check::Context;
use crate::diagnostics::{Code, Diagnostic, Sink};

pub fn check(cx: &Context<'_>, sink: &mut Sink) {
    let m = cx.model;
    for role in &m.roles {
        let held = m
            .persons
            .iter()
            .any(|p| p.roles.iter().any(|r| r.name == role.id.text));
        if held {
            continue;
        }
        sink.push(
            Diagnostic::new(
                Code::RoleUnassigned,
                role.id.span,
                format!("role `{}` is held by nobody", role.id.text),
            )
            .with_label("no person has this role")
            .with_help(format!(
                "add `roles {}` to the person who holds it",
                role.id.text
            )),
        );
    }
}
