//! Coverage of another framework by the ISMS: for each requirement of a catalog in `use`
//! besides the SoA's, the ISO/IEC 27001 controls and clauses that the mappings in use
//! relate to it, their applicability and status (from the SoA), and the result. The one
//! definition: `isms check --framework` and the coverage document both read it.

use crate::model::crosswalk::{self, clause_number};
use crate::model::{Relationship, Status};
use crate::Compilation;

use super::soa::{Soa, SoaRow};

/// What the ISMS does for one requirement of the other framework.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Coverage {
    Covered,
    Partial,
    NotCovered,
    Excluded,
}

impl Coverage {
    pub fn words(self) -> &'static str {
        match self {
            Coverage::Covered => "covered",
            Coverage::Partial => "partial",
            Coverage::NotCovered => "not covered",
            Coverage::Excluded => "excluded",
        }
    }
}

/// One ISO/IEC 27001 control or clause related to a requirement.
#[derive(Debug, Clone, PartialEq)]
pub struct Related {
    /// `A.5.15`, or `clause:6.1.2`.
    pub id: String,
    /// The requirement's relationship to it ("requirement REL control"), if stated.
    pub relationship: Option<Relationship>,
    pub state: State,
}

/// Where a related control stands in the SoA.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum State {
    /// A clause of 4–10: required of every ISMS.
    Clause,
    Applicable(Option<Status>),
    Excluded,
    /// Neither applicable nor excluded (`soa/unaddressed` reports it).
    Undecided,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Requirement {
    pub id: String,
    pub title: String,
    pub related: Vec<Related>,
    pub coverage: Coverage,
}

#[derive(Debug, Clone, PartialEq)]
pub struct FrameworkCoverage {
    /// The framework's catalog ID (`nist-csf:2.0`).
    pub framework: String,
    pub title: Option<String>,
    /// The SoA's catalog (`iso27001:2022`).
    pub soa: String,
    pub requirements: Vec<Requirement>,
}

/// The coverage of every catalog in `use` that a mapping in use relates to the SoA's
/// catalog, in `use` order.
pub fn all(c: &Compilation, soa: &Soa) -> Vec<FrameworkCoverage> {
    let m = &c.model;
    m.used_catalogs
        .iter()
        .filter(|&&i| crosswalk::mapped_to_soa(m, i))
        .filter_map(|&i| of(c, soa, i))
        .collect()
}

/// The coverage of catalog `framework` (an index into `Model::catalogs`).
pub fn of(c: &Compilation, soa: &Soa, framework: usize) -> Option<FrameworkCoverage> {
    let m = &c.model;
    let soa_index = m.soa_catalog?;
    let catalog = m.catalogs.get(framework)?;
    let rows: rustc_hash::FxHashMap<&str, &SoaRow> =
        soa.controls.iter().map(|r| (r.id.as_str(), r)).collect();
    // Requirement ID → related (ISO ID, requirement's relationship), in mapping order.
    let mut related: rustc_hash::FxHashMap<&str, Vec<(&str, Option<Relationship>)>> =
        rustc_hash::FxHashMap::default();
    for mapping in &m.mappings {
        let Some((from, to)) = crosswalk::in_use(m, mapping) else {
            continue;
        };
        for row in &mapping.rows {
            for target in &row.targets {
                let (requirement, iso, relationship) = if (from, to) == (framework, soa_index) {
                    (
                        row.source.text.as_str(),
                        target.text.as_str(),
                        row.relationship,
                    )
                } else if (from, to) == (soa_index, framework) {
                    let reversed = row.relationship.map(Relationship::reversed);
                    (target.text.as_str(), row.source.text.as_str(), reversed)
                } else {
                    continue;
                };
                let list = related.entry(requirement).or_default();
                if !list.iter().any(|(id, _)| *id == iso) {
                    list.push((iso, relationship));
                }
            }
        }
    }
    let requirements = catalog
        .entries
        .iter()
        .map(|entry| {
            let related: Vec<Related> = related
                .get(entry.id.as_str())
                .map(|list| {
                    list.iter()
                        .map(|&(id, relationship)| Related {
                            id: id.to_string(),
                            relationship,
                            state: state(&rows, id),
                        })
                        .collect()
                })
                .unwrap_or_default();
            Requirement {
                id: entry.id.clone(),
                title: entry.title.clone(),
                coverage: coverage(&related),
                related,
            }
        })
        .collect();
    Some(FrameworkCoverage {
        framework: catalog.id.text.clone(),
        title: catalog.title.clone(),
        soa: m.catalogs.get(soa_index)?.id.text.clone(),
        requirements,
    })
}

fn state(rows: &rustc_hash::FxHashMap<&str, &SoaRow>, id: &str) -> State {
    if clause_number(id).is_some() {
        return State::Clause;
    }
    match rows.get(id) {
        Some(row) if row.applicable => State::Applicable(row.status),
        Some(row) if row.exclusion_reason.is_some() => State::Excluded,
        Some(_) | None => State::Undecided,
    }
}

/// Whether the relationship lets the control answer the whole requirement: the
/// requirement is equivalent to it or part of it, or the source states no extent.
fn answers_whole(relationship: Option<Relationship>) -> bool {
    match relationship {
        None | Some(Relationship::EquivalentTo) | Some(Relationship::SubsetOf) => true,
        Some(Relationship::SupersetOf) | Some(Relationship::IntersectsWith) => false,
    }
}

/// The rule the document states:
/// - **excluded**: every related item is an excluded control;
/// - **covered**: every related item that is not excluded is implemented (a clause counts
///   as implemented), and at least one of them answers the whole requirement;
/// - **partial**: some related item is implemented, partly implemented or planned;
/// - **not covered**: nothing is related, or nothing related is under way.
pub fn coverage(related: &[Related]) -> Coverage {
    if related.is_empty() {
        return Coverage::NotCovered;
    }
    let open: Vec<&Related> = related
        .iter()
        .filter(|r| r.state != State::Excluded)
        .collect();
    if open.is_empty() {
        return Coverage::Excluded;
    }
    let done = |r: &&Related| {
        matches!(
            r.state,
            State::Clause | State::Applicable(Some(Status::Implemented))
        )
    };
    let started = |r: &&Related| {
        done(r)
            || matches!(
                r.state,
                State::Applicable(Some(Status::Partial | Status::Planned))
            )
    };
    if open.iter().all(done) && open.iter().any(|r| answers_whole(r.relationship)) {
        Coverage::Covered
    } else if open.iter().any(started) {
        Coverage::Partial
    } else {
        Coverage::NotCovered
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn r(state: State, relationship: Option<Relationship>) -> Related {
        Related {
            id: "A.5.1".into(),
            relationship,
            state,
        }
    }

    const DONE: State = State::Applicable(Some(Status::Implemented));

    #[test]
    fn the_rule_of_the_page() {
        assert_eq!(coverage(&[]), Coverage::NotCovered);
        assert_eq!(coverage(&[r(State::Excluded, None)]), Coverage::Excluded);
        assert_eq!(
            coverage(&[r(State::Excluded, None), r(DONE, None)]),
            Coverage::Covered
        );
        assert_eq!(coverage(&[r(State::Clause, None)]), Coverage::Covered);
        assert_eq!(
            coverage(&[r(DONE, Some(Relationship::IntersectsWith))]),
            Coverage::Partial
        );
        assert_eq!(
            coverage(&[
                r(DONE, Some(Relationship::IntersectsWith)),
                r(DONE, Some(Relationship::SubsetOf))
            ]),
            Coverage::Covered
        );
        assert_eq!(
            coverage(&[
                r(DONE, None),
                r(State::Applicable(Some(Status::Planned)), None)
            ]),
            Coverage::Partial
        );
        assert_eq!(
            coverage(&[r(State::Applicable(Some(Status::Planned)), None)]),
            Coverage::Partial
        );
        assert_eq!(
            coverage(&[r(State::Undecided, None), r(State::Applicable(None), None)]),
            Coverage::NotCovered
        );
    }
}
