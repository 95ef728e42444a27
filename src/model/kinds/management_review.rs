//! management_review: a management review and the inputs it covered (clause 9.3).

use super::lifecycle::*;
use super::{DeclKind, Declaration};
use crate::diagnostics::Sink;
use crate::model::items::Common;
use crate::model::lower::{common, read};
use crate::model::schema::{repeatable, required, FieldSpec, Takes, PEOPLE};
use crate::model::values::*;
use crate::source::Span;
use crate::syntax::Decl;
use crate::words;

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

impl Review {
    pub const DATE: FieldSpec =
        required("date", "date YYYY-MM-DD", Takes::Date, "date of the review").past();
    pub const ATTENDEES: FieldSpec = required(
        "attendees",
        "attendees <person>, …",
        Takes::Names(PEOPLE),
        "persons or roles who attended",
    );
    pub const INPUTS: FieldSpec = required(
        "inputs",
        "inputs previous-actions, issues, interested-parties, performance, feedback, risk-assessment, improvement",
        Takes::Word(words!(ReviewInput)),
        "the inputs of clause 9.3.2 it covered",
    );
    pub const DECISION: FieldSpec =
        repeatable("decision", Takes::Free, "a decision taken (repeatable)");
    pub const ACTION: FieldSpec =
        repeatable("action", Takes::Free, "an action agreed (repeatable)");
}

impl Declaration for Review {
    fn dates(&self, visit: &mut dyn FnMut(&Dated, &'static FieldSpec)) {
        if let Some(d) = &self.date {
            visit(d, &Self::DATE);
        }
    }

    const DECL: DeclKind = DeclKind::Review;
    const KEYWORD: &'static str = "management_review";
    const DOC: &'static str = "a management review (clause 9.3)";
    const FIELDS: &'static [FieldSpec] = &[
        Self::DATE,
        Self::ATTENDEES,
        Self::INPUTS,
        Self::DECISION,
        Self::ACTION,
    ];

    fn lower(decl: &Decl, sink: &mut Sink) -> Option<Self> {
        review(decl, sink)
    }

    named!(attendees => ATTENDEES);
}

fn review(decl: &Decl, sink: &mut Sink) -> Option<Review> {
    let Opening { id, title, f } = header(sink, decl, "management_review", Review::FIELDS)?;
    let inputs_field = f.get(&Review::INPUTS);
    let inputs = inputs_field
        .map(|x| {
            values(x)
                .into_iter()
                .filter_map(|v| read::value_keyword::<ReviewInput>(sink, v, "inputs"))
                .map(|(input, span)| CoveredInput { input, span })
                .collect()
        })
        .unwrap_or_default();
    let review = Review {
        date: date(sink, &f, &Review::DATE),
        attendees: refs(sink, &f, &Review::ATTENDEES, "a person or a role"),
        inputs,
        inputs_span: inputs_field.map(|x| x.name.span),
        decisions: f
            .all(&Review::DECISION)
            .flat_map(|x| read::strings(sink, x))
            .collect(),
        actions: f
            .all(&Review::ACTION)
            .flat_map(|x| read::strings(sink, x))
            .collect(),
        id,
        title,
        common: common(decl, f.present),
    };
    Some(review)
}
