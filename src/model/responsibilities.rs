//! Roles and responsibilities (clause 5.3), derived from the model: every owner,
//! approver, auditor and acceptor field, read from the reference walk and resolution
//! (never by matching names), for each role and person.

use super::kinds::*;
use super::values::Ref;
use super::{DeclKind, Kind, Model, Referent};

/// What a party is responsible for on a declaration.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Duty {
    Owns,
    Approves,
    Audits,
    Accepts,
}

impl Duty {
    pub const ALL: [Duty; 4] = [Duty::Owns, Duty::Approves, Duty::Audits, Duty::Accepts];

    pub fn as_str(self) -> &'static str {
        match self {
            Duty::Owns => "owns",
            Duty::Approves => "approves",
            Duty::Audits => "audits",
            Duty::Accepts => "accepts",
        }
    }
}

/// Fields whose party owns the declaration.
const OWNS: &[FieldSpec] = &[
    Asset::OWNER,
    Control::OWNER,
    Risk::OWNER,
    Policy::OWNER,
    Objective::OWNER,
    Metric::OWNER,
    Training::OWNER,
    Programme::OWNER,
    Nonconformity::OWNER,
    Requirement::OWNER,
    Issue::OWNER,
    InterestedParty::OWNER,
    Document::OWNER,
];
/// Fields whose party approves it.
const APPROVES: &[FieldSpec] = &[Policy::APPROVED_BY, Document::APPROVED_BY];
/// Fields whose party audits it.
const AUDITS: &[FieldSpec] = &[Audit::AUDITOR];
/// Fields whose party accepts a risk, or may accept risks (the methodology's authorities).
const ACCEPTS: &[FieldSpec] = &[Treatment::ACCEPTED_BY, Methodology::ACCEPT_BY];
/// Fields that name people without making them responsible for the declaration:
/// attendance, an audience, the roles a person holds, the role a document's approver
/// signs as (the approver approves).
#[cfg(test)]
const NO_DUTY: &[FieldSpec] = &[
    Review::ATTENDEES,
    Training::AUDIENCE,
    Person::ROLES,
    Document::APPROVER_ROLE,
];

/// The duty a field gives the party it names, by its schema entry.
pub fn duty(spec: &FieldSpec) -> Option<Duty> {
    [
        (OWNS, Duty::Owns),
        (APPROVES, Duty::Approves),
        (AUDITS, Duty::Audits),
        (ACCEPTS, Duty::Accepts),
    ]
    .into_iter()
    .find(|(specs, _)| specs.contains(spec))
    .map(|(_, d)| d)
}

/// One responsibility: the duty and the declaration it is on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Responsibility {
    pub duty: Duty,
    pub kind: DeclKind,
    /// The declaration's position in its kind's vector.
    pub position: usize,
}

/// A role or a person, by its index into `Model::roles` or `Model::persons`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Who {
    Role(usize),
    Person(usize),
}

/// A role or a person and everything it is responsible for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Holder {
    pub party: Who,
    /// In registry order of the declarations' kinds, then model order; duties of the
    /// same declaration in field order.
    pub duties: Vec<Responsibility>,
}

/// Every role (in model order), then every person, with their responsibilities. A
/// reference that does not resolve to a role or a person is left out (resolution
/// reported it).
pub fn responsibilities(m: &Model) -> Vec<Holder> {
    let mut roles: Vec<Vec<Responsibility>> = vec![Vec::new(); m.roles.len()];
    let mut persons: Vec<Vec<Responsibility>> = vec![Vec::new(); m.persons.len()];
    m.each_reference_in(&mut |kind, position, r: &Ref, spec| {
        let Some(duty) = duty(spec) else { return };
        let entry = Responsibility {
            duty,
            kind,
            position,
        };
        let list = match m.resolution.target(r) {
            Some(Referent::Decl(Kind::Role, i)) => roles.get_mut(i),
            Some(Referent::Decl(Kind::Person, i)) => persons.get_mut(i),
            _ => None,
        };
        if let Some(list) = list {
            list.push(entry);
        }
    });
    let holders = |who: fn(usize) -> Who, lists: Vec<Vec<Responsibility>>| {
        lists
            .into_iter()
            .enumerate()
            .map(move |(i, duties)| Holder {
                party: who(i),
                duties,
            })
    };
    holders(Who::Role, roles)
        .chain(holders(Who::Person, persons))
        .collect()
}

/// The persons who hold role `role` (an index into `Model::roles`), in model order.
pub fn holders_of(m: &Model, role: usize) -> Vec<usize> {
    m.persons
        .iter()
        .enumerate()
        .filter(|(_, p)| {
            p.roles
                .iter()
                .any(|r| m.resolution.decl(r, Kind::Role) == Some(role))
        })
        .map(|(i, _)| i)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A field added to a kind that names people must be classified here: as a duty, or
    /// explicitly as none.
    #[test]
    fn every_field_that_names_people_is_classified() {
        for kind in DeclKind::ALL {
            for spec in kind.info().fields {
                let names_people = spec
                    .takes
                    .kinds()
                    .iter()
                    .any(|k| matches!(k, Kind::Person | Kind::Role));
                if names_people {
                    assert!(
                        duty(spec).is_some() || NO_DUTY.contains(spec),
                        "`{}` of `{}` is not classified",
                        spec.name,
                        kind.info().keyword
                    );
                }
            }
        }
    }

    #[test]
    fn duties_come_from_the_field_spec() {
        assert_eq!(duty(&Risk::OWNER), Some(Duty::Owns));
        assert_eq!(duty(&Policy::APPROVED_BY), Some(Duty::Approves));
        assert_eq!(duty(&Audit::AUDITOR), Some(Duty::Audits));
        assert_eq!(duty(&Treatment::ACCEPTED_BY), Some(Duty::Accepts));
        assert_eq!(duty(&Review::ATTENDEES), None);
        assert_eq!(duty(&Risk::ASSETS), None);
    }
}
