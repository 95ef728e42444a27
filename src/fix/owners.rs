//! "Most used owner": the owners a missing-owner fix offers, and the owner a new control
//! record gets. A project names few owners many times, so the owners that the same kind of
//! declaration already uses are the likeliest right answer; a human still picks one (the
//! fixes that use this are never safe).

use std::collections::HashMap;

use crate::model::values::Ref;
use crate::model::{Kind, Model};

/// The declarations that a `*/missing-owner` rule reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Owned {
    Risk,
    Asset,
    Control,
    Policy,
    Objective,
}

/// The owners written on declarations of `kind`, most used first (ties by name), at most
/// `at_most`. Only names that resolve to a person or role count. When the kind has fewer
/// owners, the list goes on with the owners of every kind, then the project's roles in
/// name order (roles survive staff changes, so they come before persons).
pub fn most_used(model: &Model, kind: Owned, at_most: usize) -> Vec<&str> {
    let of_kind = ranked(model, owners_of(model, kind));
    let every = [
        Owned::Risk,
        Owned::Asset,
        Owned::Control,
        Owned::Policy,
        Owned::Objective,
    ]
    .into_iter()
    .flat_map(|k| owners_of(model, k))
    .collect::<Vec<_>>();
    let any = ranked(model, every);
    let mut roles: Vec<&str> = model.index.names(Kind::Role).collect();
    roles.sort_unstable();
    let mut out: Vec<&str> = Vec::with_capacity(at_most);
    for name in of_kind.into_iter().chain(any).chain(roles) {
        if out.len() == at_most {
            break;
        }
        if !out.contains(&name) {
            out.push(name);
        }
    }
    out
}

fn owners_of(model: &Model, kind: Owned) -> Vec<&Ref> {
    match kind {
        Owned::Risk => model
            .risks
            .iter()
            .filter_map(|x| x.owner.as_ref())
            .collect(),
        Owned::Asset => model
            .assets
            .iter()
            .filter_map(|x| x.owner.as_ref())
            .collect(),
        Owned::Control => model
            .controls
            .iter()
            .filter_map(|x| x.owner.as_ref())
            .collect(),
        Owned::Policy => model
            .policies
            .iter()
            .filter_map(|x| x.owner.as_ref())
            .collect(),
        Owned::Objective => model
            .objectives
            .iter()
            .filter_map(|x| x.owner.as_ref())
            .collect(),
    }
}

/// Distinct resolvable names, by count descending, then name.
fn ranked<'m>(model: &Model, owners: Vec<&'m Ref>) -> Vec<&'m str> {
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for r in owners {
        let known = [Kind::Person, Kind::Role]
            .iter()
            .any(|k| model.index.get(*k, &r.name).is_some());
        if known {
            *counts.entry(r.name.as_str()).or_default() += 1;
        }
    }
    let mut ranked: Vec<(&str, usize)> = counts.into_iter().collect();
    ranked.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    ranked.into_iter().map(|(name, _)| name).collect()
}

#[cfg(test)]
mod tests {
    use super::{most_used, Owned};
    use crate::{compile, Input, Options};

    fn model(text: &str) -> crate::Compilation {
        let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap_or_default();
        compile(vec![Input::new("a.isms", text)], &Options { today })
    }

    #[test]
    fn the_most_used_owner_of_the_kind_comes_first() {
        let c = model(
            "role ciso \"CISO\"\nrole cto \"CTO\"\nrole aaa \"A\"\n\
             asset a \"A\" { owner ciso }\n\
             risk r1 \"R\" { owner cto }\nrisk r2 \"R\" { owner cto }\n\
             risk r3 \"R\" { owner ciso }\nrisk r4 \"R\" { owner nobody }\n",
        );
        assert_eq!(most_used(&c.model, Owned::Risk, 2), ["cto", "ciso"]);
        assert_eq!(most_used(&c.model, Owned::Risk, 1), ["cto"]);
        // Then the roles nobody owns anything with yet.
        assert_eq!(most_used(&c.model, Owned::Risk, 3), ["cto", "ciso", "aaa"]);
        // No policy has an owner: every kind's owners count (ties by name).
        assert_eq!(most_used(&c.model, Owned::Policy, 2), ["ciso", "cto"]);
    }

    #[test]
    fn without_any_owner_the_roles_are_offered_by_name() {
        let c = model("role cto \"CTO\"\nrole aaa \"A\"\n");
        assert_eq!(most_used(&c.model, Owned::Control, 3), ["aaa", "cto"]);
    }
}
