//! The declarations of the ISMS lifecycle (clauses 6.2, 7.2, 9.1–9.3, 10.2 and controls
//! 5.24–5.28): objectives and their metrics, training, the internal audit programme and
//! its audits, management reviews, incidents and nonconformities.

use super::items::Common;
use super::values::*;
use crate::source::Span;

keyword_enum!(
    /// Which way a metric's target points.
    Direction, "target direction", {
        Below => "below",
        Above => "above",
    }
);

keyword_enum!(
    /// How bad an incident was.
    IncidentSeverity, "incident severity", {
        Low => "low",
        Medium => "medium",
        High => "high",
        Critical => "critical",
    }
);

keyword_enum!(
    /// Whether a nonconformity is still being worked on.
    NcStatus, "nonconformity status", {
        Open => "open",
        Closed => "closed",
    }
);

keyword_enum!(
    /// The inputs a management review must consider (clause 9.3.2 a–g).
    ReviewInput, "management review input", {
        PreviousActions => "previous-actions",
        ExternalInternalIssues => "issues",
        InterestedParties => "interested-parties",
        Performance => "performance",
        Feedback => "feedback",
        RiskAssessment => "risk-assessment",
        Improvement => "improvement",
    }
);

impl ReviewInput {
    /// The letter of clause 9.3.2 and a short description.
    pub fn clause(self) -> (&'static str, &'static str) {
        match self {
            ReviewInput::PreviousActions => ("a", "status of actions from previous reviews"),
            ReviewInput::ExternalInternalIssues => ("b", "changes in external and internal issues"),
            ReviewInput::InterestedParties => ("c", "changes in needs of interested parties"),
            ReviewInput::Performance => ("d", "information security performance"),
            ReviewInput::Feedback => ("e", "feedback from interested parties"),
            ReviewInput::RiskAssessment => ("f", "risk assessment and treatment plan"),
            ReviewInput::Improvement => ("g", "opportunities for continual improvement"),
        }
    }
}

/// `objective ID "Title" { … }` (clause 6.2).
#[derive(Debug, Clone)]
pub struct Objective {
    pub id: Name,
    pub title: Option<String>,
    pub owner: Option<Ref>,
    pub target: Option<String>,
    pub due: Option<Dated>,
    pub risks: Vec<Ref>,
    pub controls: Vec<Ref>,
    pub common: Common,
}

/// `target below 5`
#[derive(Debug, Clone, Copy)]
pub struct Target {
    pub direction: Direction,
    pub value: Quantity,
    pub span: Span,
}

impl Target {
    pub fn met_by(self, value: Quantity) -> bool {
        match self.direction {
            Direction::Below => value < self.value,
            Direction::Above => value > self.value,
        }
    }
}

/// `measured 2026-03-31 12`
#[derive(Debug, Clone, Copy)]
pub struct Measurement {
    pub on: Dated,
    pub value: Quantity,
    /// Where the value is written.
    pub value_span: Span,
    pub span: Span,
}

/// `metric ID "Title" { … }` (clause 9.1).
#[derive(Debug, Clone)]
pub struct Metric {
    pub id: Name,
    pub title: Option<String>,
    pub objectives: Vec<Ref>,
    pub owner: Option<Ref>,
    pub unit: Option<String>,
    pub target: Option<Target>,
    /// In date order.
    pub measurements: Vec<Measurement>,
    pub action: Option<String>,
    pub common: Common,
}

impl Metric {
    pub fn latest(&self) -> Option<&Measurement> {
        self.measurements.last()
    }
}

/// `training ID "Title" { … }` (clauses 7.2, 7.3, control 6.3).
#[derive(Debug, Clone)]
pub struct Training {
    pub id: Name,
    pub title: Option<String>,
    pub owner: Option<Ref>,
    pub audience: Vec<Ref>,
    pub frequency: Option<Every>,
    pub completed: Option<Dated>,
    /// Percent of the audience that completed the last round.
    pub completion: Option<Rated>,
    pub common: Common,
}

/// `programme ID "Title" { … }`: the internal audit programme (clause 9.2.2).
#[derive(Debug, Clone)]
pub struct Programme {
    pub id: Name,
    pub title: Option<String>,
    pub owner: Option<Ref>,
    pub interval: Option<Every>,
    pub common: Common,
}

/// `audit ID "Title" { … }`: one internal audit (clause 9.2).
#[derive(Debug, Clone)]
pub struct Audit {
    pub id: Name,
    pub title: Option<String>,
    pub date: Option<Dated>,
    pub auditor: Option<Ref>,
    pub controls: Vec<Ref>,
    pub policies: Vec<Ref>,
    pub clauses: Vec<String>,
    pub findings: Vec<Ref>,
    pub summary: Option<String>,
    pub common: Common,
}

/// One input of a review, where it was written.
#[derive(Debug, Clone, Copy)]
pub struct CoveredInput {
    pub input: ReviewInput,
    pub span: Span,
}

/// `management_review ID "Title" { … }`: a management review (clause 9.3).
#[derive(Debug, Clone)]
pub struct Review {
    pub id: Name,
    pub title: Option<String>,
    pub date: Option<Dated>,
    pub attendees: Vec<Ref>,
    pub inputs: Vec<CoveredInput>,
    /// The `inputs` field name.
    pub inputs_span: Option<Span>,
    pub decisions: Vec<String>,
    pub actions: Vec<String>,
    pub common: Common,
}

/// `incident ID "Title" { … }` (controls 5.24–5.28).
#[derive(Debug, Clone)]
pub struct Incident {
    pub id: Name,
    pub title: Option<String>,
    pub date: Option<Dated>,
    pub severity: Option<IncidentSeverity>,
    pub assets: Vec<Ref>,
    pub risks: Vec<Ref>,
    pub lessons: Option<String>,
    pub nonconformities: Vec<Ref>,
    pub common: Common,
}

/// `nonconformity ID "Title" { … }` (clause 10.2).
#[derive(Debug, Clone)]
pub struct Nonconformity {
    pub id: Name,
    pub title: Option<String>,
    pub raised: Option<Dated>,
    pub owner: Option<Ref>,
    pub root_cause: Option<String>,
    pub action: Option<String>,
    pub due: Option<Dated>,
    pub status: Option<(NcStatus, Span)>,
    pub closed: Option<Dated>,
    pub verified: Option<String>,
    pub common: Common,
}
