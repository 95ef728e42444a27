//! One decision per control from the SoA rows: a 2013 row is moved to its 2022 control,
//! rows that land on the same control (merged controls, or a row written twice) become one
//! decision, and whatever needs judgement — a split, rows that disagree — is written down
//! as a note for a person to confirm (rendered as a placeholder).

use chrono::NaiveDate;

use super::migrate::ControlId;
use super::parties::PartyCell;
use super::records::SoaRecord;
use super::Place;
use crate::model::{Keyword as _, Status};

#[derive(Debug, Clone)]
pub struct Decision {
    pub id: String,
    /// The project's own control: its title.
    pub custom: Option<Option<String>>,
    pub applicable: bool,
    pub justification: Option<String>,
    pub exclusion_reason: Option<String>,
    pub status: Option<Status>,
    pub owner: Option<PartyCell>,
    pub evidence: Vec<String>,
    pub requirements: Vec<String>,
    pub due: Option<NaiveDate>,
    pub description: Option<String>,
    /// What a person must confirm (a split, rows that disagree).
    pub confirm: Vec<String>,
    /// The IDs of the rows it came from, as the workbook wrote them after normalising.
    pub from: Vec<String>,
}

/// An ID the import changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Migration {
    pub place: Place,
    pub from: String,
    pub to: Vec<String>,
}

pub fn decide(records: &[SoaRecord]) -> (Vec<Decision>, Vec<Migration>) {
    let mut decisions: Vec<Decision> = Vec::new();
    let mut migrations = Vec::new();
    for r in records {
        let (targets, from, split) = match &r.id {
            ControlId::Current(id) => (vec![id.clone()], id.clone(), false),
            ControlId::Custom(id) => (vec![id.clone()], id.clone(), false),
            ControlId::Migrated { from, to } => {
                migrations.push(Migration {
                    place: r.place.clone(),
                    from: from.clone(),
                    to: to.clone(),
                });
                (to.clone(), from.clone(), to.len() > 1)
            }
        };
        for target in &targets {
            let mut incoming = Decision {
                id: target.clone(),
                custom: matches!(r.id, ControlId::Custom(_)).then(|| r.title.clone()),
                applicable: r.applicable,
                justification: r.justification.clone(),
                exclusion_reason: r.exclusion_reason.clone(),
                status: r.status,
                owner: r.owner.clone(),
                evidence: r.evidence.clone(),
                requirements: r.requirements.clone(),
                due: r.due,
                description: r.description.clone(),
                confirm: Vec::new(),
                from: vec![from.clone()],
            };
            if split {
                incoming.confirm.push(format!(
                    "{from} of ISO/IEC 27001:2013 was split into {}; this decision is copied from it",
                    targets.join(" and ")
                ));
            }
            match decisions.iter_mut().find(|d| d.id == *target) {
                Some(existing) => merge(existing, incoming),
                None => decisions.push(incoming),
            }
        }
    }
    (decisions, migrations)
}

/// Fold a second row for the same control into the decision.
fn merge(into: &mut Decision, other: Decision) {
    let sources = format!("{} and {}", into.from.join(", "), other.from.join(", "));
    if into.applicable != other.applicable {
        into.confirm.push(format!(
            "{sources} disagree on applicability; the control is kept applicable"
        ));
        into.applicable = true;
    }
    if into.status != other.status {
        if let (Some(a), Some(b)) = (into.status, other.status) {
            into.confirm.push(format!(
                "{sources} have the statuses {} and {}; the less advanced is kept",
                a.as_str(),
                b.as_str()
            ));
        }
        into.status = match (into.status, other.status) {
            (Some(a), Some(b)) => Some(less_advanced(a, b)),
            (a, b) => a.or(b),
        };
    }
    if let (Some(a), Some(b)) = (&into.owner, &other.owner) {
        if a != b {
            into.confirm.push(format!(
                "{sources} have different owners; the first is kept"
            ));
        }
    }
    into.owner = into.owner.take().or(other.owner);
    into.justification = join(into.justification.take(), other.justification);
    into.exclusion_reason = join(into.exclusion_reason.take(), other.exclusion_reason);
    into.description = join(into.description.take(), other.description);
    for e in other.evidence {
        if !into.evidence.contains(&e) {
            into.evidence.push(e);
        }
    }
    for q in other.requirements {
        if !into.requirements.contains(&q) {
            into.requirements.push(q);
        }
    }
    into.due = match (into.due, other.due) {
        (Some(a), Some(b)) => Some(a.max(b)),
        (a, b) => a.or(b),
    };
    into.confirm.extend(other.confirm);
    into.from.extend(other.from);
}

fn less_advanced(a: Status, b: Status) -> Status {
    let rank = |s: Status| match s {
        Status::NotImplemented => 0,
        Status::Planned => 1,
        Status::Partial => 2,
        Status::Implemented => 3,
    };
    if rank(a) <= rank(b) {
        a
    } else {
        b
    }
}

/// Two texts as one, each once.
fn join(a: Option<String>, b: Option<String>) -> Option<String> {
    match (a, b) {
        (Some(a), Some(b)) if a == b => Some(a),
        (Some(a), Some(b)) => Some(format!("{a}; {b}")),
        (a, b) => a.or(b),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(id: ControlId, applicable: bool, status: Option<Status>) -> SoaRecord {
        SoaRecord {
            place: Place {
                file: "soa.csv".into(),
                sheet: "soa".into(),
                row: 2,
                column: None,
            },
            id,
            title: None,
            applicable,
            justification: Some("legal".into()),
            exclusion_reason: None,
            status,
            owner: None,
            evidence: vec!["e".into()],
            requirements: vec![],
            risks: vec![],
            due: None,
            description: None,
        }
    }

    fn migrated(from: &str, to: &[&str]) -> ControlId {
        ControlId::Migrated {
            from: from.into(),
            to: to.iter().map(|s| s.to_string()).collect(),
        }
    }

    #[test]
    fn merged_controls_become_one_decision() {
        let (d, m) = decide(&[
            record(
                migrated("A.8.1.1", &["A.5.9"]),
                true,
                Some(Status::Implemented),
            ),
            record(
                migrated("A.8.1.2", &["A.5.9"]),
                true,
                Some(Status::Implemented),
            ),
        ]);
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].from, ["A.8.1.1", "A.8.1.2"]);
        assert!(d[0].confirm.is_empty(), "{:?}", d[0].confirm);
        assert_eq!(d[0].evidence, ["e"]);
        assert_eq!(m.len(), 2);
    }

    #[test]
    fn disagreement_and_splits_need_confirmation() {
        let (d, _) = decide(&[
            record(
                migrated("A.8.1.1", &["A.5.9"]),
                true,
                Some(Status::Implemented),
            ),
            record(
                migrated("A.8.1.2", &["A.5.9"]),
                false,
                Some(Status::Planned),
            ),
            record(migrated("A.18.2.3", &["A.5.36", "A.8.8"]), true, None),
        ]);
        assert_eq!(d.len(), 3);
        assert!(d[0].applicable);
        assert_eq!(d[0].status, Some(Status::Planned));
        assert_eq!(d[0].confirm.len(), 2);
        assert!(d[1].confirm[0].contains("split into A.5.36 and A.8.8"));
        assert_eq!(d[2].id, "A.8.8");
    }
}
