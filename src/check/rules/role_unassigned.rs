//! role/unassigned: a role nobody holds (clause 5.3: roles are assigned).

use rustc_hash::FxHashSet as HashSet;

use crate::check::Context;
use crate::diagnostics::{Code, Diagnostic, Sink};

pub fn check(cx: &Context<'_>, sink: &mut Sink) {
    let m = cx.model;
    // One set of every role held: searching every person's roles for each role took
    // quadratic time (160,000 roles held by one person: 21 s).
    let held: HashSet<&str> = m
        .persons
        .iter()
        .flat_map(|p| &p.roles)
        .map(|r| r.name.as_str())
        .collect();
    for role in &m.roles {
        if held.contains(role.id.text.as_str()) {
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
