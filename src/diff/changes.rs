//! A comparison's result: what changed between two revisions, in the words of an ISMS.
//! Plain data, serialized as the JSON of `isms diff --format json`; every list is in a
//! fixed order (the newer revision's model order, then what only the older one had).

use serde::Serialize;

use super::revision::Side;
use super::snapshot::{Acceptance, Applicability, DiagnosticFact, RecordFact, Treatment};

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Changes {
    pub from: Side,
    pub to: Side,
    pub applicability: Vec<ApplicabilityChange>,
    pub statuses: Vec<StatusChange>,
    pub risks: Vec<RiskChange>,
    pub treatments: Vec<TreatmentChange>,
    pub acceptances: Vec<AcceptanceChange>,
    pub policies: Vec<PolicyChange>,
    pub owners: Vec<OwnerChange>,
    pub nonconformities: Vec<RecordChange>,
    pub incidents: Vec<RecordChange>,
    pub diagnostics: DiagnosticChanges,
}

/// A control that became applicable, excluded or unaddressed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ApplicabilityChange {
    pub control: String,
    pub before: Option<Applicability>,
    pub after: Option<Applicability>,
}

/// "A.8.8 planned → implemented".
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StatusChange {
    pub control: String,
    pub before: Option<String>,
    pub after: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case", tag = "change")]
pub enum RiskChange {
    New {
        risk: String,
        title: String,
        level: Option<String>,
        residual_level: Option<String>,
    },
    Removed {
        risk: String,
        title: String,
        level: Option<String>,
    },
    /// Its inherent or target level changed.
    Rerated {
        risk: String,
        level_before: Option<String>,
        level_after: Option<String>,
        residual_before: Option<String>,
        residual_after: Option<String>,
    },
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TreatmentChange {
    pub risk: String,
    pub before: Treatment,
    pub after: Treatment,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case", tag = "change")]
pub enum AcceptanceChange {
    /// A new or renewed acceptance that holds.
    Given {
        risk: String,
        acceptance: Acceptance,
    },
    /// An acceptance that held and no longer does.
    Expired {
        risk: String,
        acceptance: Acceptance,
    },
    /// An acceptance that is no longer recorded.
    Withdrawn {
        risk: String,
        acceptance: Acceptance,
    },
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case", tag = "change")]
pub enum PolicyChange {
    New {
        policy: String,
        title: String,
    },
    Removed {
        policy: String,
        title: String,
    },
    /// A new approval date (or a first approval).
    Reapproved {
        policy: String,
        approved_by: Option<String>,
        on_before: Option<String>,
        on_after: Option<String>,
        version_before: Option<String>,
        version_after: Option<String>,
    },
    /// Its review date passed.
    Overdue {
        policy: String,
        since: String,
    },
}

/// The owner of a control, risk, policy or asset.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OwnerChange {
    /// `control`, `risk`, `policy` or `asset`.
    pub kind: &'static str,
    pub id: String,
    pub before: Option<String>,
    pub after: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case", tag = "change")]
pub enum RecordChange {
    New(RecordFact),
    /// A nonconformity that was open and is closed now.
    Closed(RecordFact),
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct DiagnosticChanges {
    pub appeared: Vec<DiagnosticFact>,
    pub disappeared: Vec<DiagnosticFact>,
}

impl Changes {
    /// Nothing an auditor would read changed.
    pub fn is_empty(&self) -> bool {
        self.applicability.is_empty()
            && self.statuses.is_empty()
            && self.risks.is_empty()
            && self.treatments.is_empty()
            && self.acceptances.is_empty()
            && self.policies.is_empty()
            && self.owners.is_empty()
            && self.nonconformities.is_empty()
            && self.incidents.is_empty()
            && self.diagnostics.appeared.is_empty()
            && self.diagnostics.disappeared.is_empty()
    }
}
