//! Comparing two snapshots: models, not text. A declaration moved to another file or
//! reformatted compares equal; a diagnostic is the same finding wherever it now sits.

use std::collections::HashMap;

use super::changes::{
    AcceptanceChange, ApplicabilityChange, Changes, DiagnosticChanges, OwnerChange, PolicyChange,
    RecordChange, RiskChange, StatusChange, TreatmentChange,
};
use super::revision::Side;
use super::snapshot::{DiagnosticFact, RecordFact, Snapshot};

/// What changed from `before` to `after`.
pub fn compare(from: Side, before: &Snapshot, to: Side, after: &Snapshot) -> Changes {
    let mut changes = Changes {
        from,
        to,
        applicability: Vec::new(),
        statuses: Vec::new(),
        risks: Vec::new(),
        treatments: Vec::new(),
        acceptances: Vec::new(),
        policies: Vec::new(),
        owners: Vec::new(),
        nonconformities: records(&before.nonconformities, &after.nonconformities),
        incidents: records(&before.incidents, &after.incidents),
        diagnostics: diagnostics(&before.diagnostics, &after.diagnostics),
    };
    for (a, b) in pairs(&before.controls, &after.controls, |c| &c.id) {
        let id = a.or(b).map(|c| c.id.clone()).unwrap_or_default();
        let (applicability_a, applicability_b) = (
            a.map(|c| c.applicability.clone()),
            b.map(|c| c.applicability.clone()),
        );
        if applicability_a != applicability_b {
            changes.applicability.push(ApplicabilityChange {
                control: id.clone(),
                before: applicability_a,
                after: applicability_b,
            });
        }
        let (status_a, status_b) = (
            a.and_then(|c| c.status.clone()),
            b.and_then(|c| c.status.clone()),
        );
        if status_a != status_b {
            changes.statuses.push(StatusChange {
                control: id.clone(),
                before: status_a,
                after: status_b,
            });
        }
        if let (Some(a), Some(b)) = (a, b) {
            owner(&mut changes.owners, "control", &id, &a.owner, &b.owner);
        }
    }
    for (a, b) in pairs(&before.risks, &after.risks, |r| &r.id) {
        match (a, b) {
            (None, Some(b)) => {
                changes.risks.push(RiskChange::New {
                    risk: b.id.clone(),
                    title: b.title.clone(),
                    level: b.level.clone(),
                    residual_level: b.residual_level.clone(),
                });
                if let Some(acceptance) = b.acceptance.clone().filter(|x| x.lapsed.is_none()) {
                    changes.acceptances.push(AcceptanceChange::Given {
                        risk: b.id.clone(),
                        acceptance,
                    });
                }
            }
            (Some(a), None) => changes.risks.push(RiskChange::Removed {
                risk: a.id.clone(),
                title: a.title.clone(),
                level: a.level.clone(),
            }),
            (Some(a), Some(b)) => {
                if a.level != b.level || a.residual_level != b.residual_level {
                    changes.risks.push(RiskChange::Rerated {
                        risk: b.id.clone(),
                        level_before: a.level.clone(),
                        level_after: b.level.clone(),
                        residual_before: a.residual_level.clone(),
                        residual_after: b.residual_level.clone(),
                    });
                }
                if a.treatment != b.treatment {
                    changes.treatments.push(TreatmentChange {
                        risk: b.id.clone(),
                        before: a.treatment.clone(),
                        after: b.treatment.clone(),
                    });
                }
                if let Some(change) =
                    acceptance(&b.id, a.acceptance.as_ref(), b.acceptance.as_ref())
                {
                    changes.acceptances.push(change);
                }
                owner(&mut changes.owners, "risk", &b.id, &a.owner, &b.owner);
            }
            (None, None) => {}
        }
    }
    for (a, b) in pairs(&before.policies, &after.policies, |p| &p.id) {
        match (a, b) {
            (None, Some(b)) => changes.policies.push(PolicyChange::New {
                policy: b.id.clone(),
                title: b.title.clone(),
            }),
            (Some(a), None) => changes.policies.push(PolicyChange::Removed {
                policy: a.id.clone(),
                title: a.title.clone(),
            }),
            (Some(a), Some(b)) => {
                if b.approved_on.is_some() && a.approved_on != b.approved_on {
                    changes.policies.push(PolicyChange::Reapproved {
                        policy: b.id.clone(),
                        approved_by: b.approved_by.clone(),
                        on_before: a.approved_on.clone(),
                        on_after: b.approved_on.clone(),
                        version_before: a.version.clone(),
                        version_after: b.version.clone(),
                    });
                }
                if let (None, Some(since)) = (&a.overdue_since, &b.overdue_since) {
                    changes.policies.push(PolicyChange::Overdue {
                        policy: b.id.clone(),
                        since: since.clone(),
                    });
                }
                owner(&mut changes.owners, "policy", &b.id, &a.owner, &b.owner);
            }
            (None, None) => {}
        }
    }
    for (a, b) in pairs(&before.assets, &after.assets, |a| &a.id) {
        if let (Some(a), Some(b)) = (a, b) {
            owner(&mut changes.owners, "asset", &b.id, &a.owner, &b.owner);
        }
    }
    changes
}

/// The two revisions' items matched by ID: the newer revision's in order, then those only
/// the older one has, in its order. The first of a duplicated ID is the one compared (a
/// duplicate is an error the diagnostics report).
fn pairs<'s, T>(
    before: &'s [T],
    after: &'s [T],
    id: impl Fn(&T) -> &String,
) -> Vec<(Option<&'s T>, Option<&'s T>)> {
    let mut by_id: HashMap<&String, &T> = HashMap::new();
    for x in before.iter().rev() {
        by_id.insert(id(x), x);
    }
    let mut seen: HashMap<&String, ()> = HashMap::new();
    let mut out = Vec::new();
    for x in after {
        if seen.insert(id(x), ()).is_none() {
            out.push((by_id.get(id(x)).copied(), Some(x)));
        }
    }
    for x in before {
        if seen.insert(id(x), ()).is_none() {
            out.push((Some(x), None));
        }
    }
    out
}

fn owner(
    out: &mut Vec<OwnerChange>,
    kind: &'static str,
    id: &str,
    before: &Option<String>,
    after: &Option<String>,
) {
    if before != after {
        out.push(OwnerChange {
            kind,
            id: id.to_string(),
            before: before.clone(),
            after: after.clone(),
        });
    }
}

fn acceptance(
    risk: &str,
    before: Option<&super::snapshot::Acceptance>,
    after: Option<&super::snapshot::Acceptance>,
) -> Option<AcceptanceChange> {
    let risk = risk.to_string();
    match (before, after) {
        (None, Some(b)) if b.lapsed.is_none() => Some(AcceptanceChange::Given {
            risk,
            acceptance: b.clone(),
        }),
        (Some(a), Some(b))
            if b.lapsed.is_none() && (a.by != b.by || a.on != b.on || a.lapsed.is_some()) =>
        {
            Some(AcceptanceChange::Given {
                risk,
                acceptance: b.clone(),
            })
        }
        (Some(a), Some(b)) if a.lapsed.is_none() && b.lapsed.is_some() => {
            Some(AcceptanceChange::Expired {
                risk,
                acceptance: b.clone(),
            })
        }
        (Some(a), None) => Some(AcceptanceChange::Withdrawn {
            risk,
            acceptance: a.clone(),
        }),
        _ => None,
    }
}

/// New records, and nonconformities that were open and are closed now.
fn records(before: &[RecordFact], after: &[RecordFact]) -> Vec<RecordChange> {
    let closed = |r: &RecordFact| r.state.as_deref() == Some("closed");
    pairs(before, after, |r| &r.id)
        .into_iter()
        .filter_map(|pair| match pair {
            (None, Some(b)) => Some(RecordChange::New(b.clone())),
            (Some(a), Some(b)) if !closed(a) && closed(b) => Some(RecordChange::Closed(b.clone())),
            _ => None,
        })
        .collect()
}

/// The diagnostics of one revision that the other lacks, counted: two equal findings
/// before and one after is one that disappeared. Both inputs are sorted.
fn diagnostics(before: &[DiagnosticFact], after: &[DiagnosticFact]) -> DiagnosticChanges {
    let mut out = DiagnosticChanges::default();
    let (mut i, mut j) = (0, 0);
    loop {
        match (before.get(i), after.get(j)) {
            (Some(a), Some(b)) if a == b => {
                i += 1;
                j += 1;
            }
            (Some(a), Some(b)) if a < b => {
                out.disappeared.push(a.clone());
                i += 1;
            }
            (Some(_), Some(b)) | (None, Some(b)) => {
                out.appeared.push(b.clone());
                j += 1;
            }
            (Some(a), None) => {
                out.disappeared.push(a.clone());
                i += 1;
            }
            (None, None) => break,
        }
    }
    out
}
