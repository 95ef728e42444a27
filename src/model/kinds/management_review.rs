//! management_review: a management review and the inputs it covered (clause 9.3).

use super::lifecycle::*;
use super::{DeclKind, Declaration};
use crate::diagnostics::Sink;
use crate::diagnostics::{Code, Diagnostic};
use crate::model::items::Common;
use crate::model::lower::{common, read};
use crate::model::schema::{optional, repeatable, required, FieldSpec, Takes, PEOPLE};
use crate::model::values::*;
use crate::source::Span;
use crate::syntax::Decl;
use crate::syntax::{Field, ValueKind};
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

keyword_enum!(
    /// The trends in information security performance a review considers (clause 9.3.2 d).
    Trend, "performance trend", {
        Nonconformities => "nonconformities",
        Monitoring => "monitoring",
        Audits => "audits",
        Objectives => "objectives",
    }
);

impl Trend {
    /// The item of clause 9.3.2 d and a short description.
    pub fn clause(self) -> (&'static str, &'static str) {
        match self {
            Trend::Nonconformities => ("d 1", "nonconformities and corrective actions"),
            Trend::Monitoring => ("d 2", "monitoring and measurement results"),
            Trend::Audits => ("d 3", "audit results"),
            Trend::Objectives => ("d 4", "fulfilment of information security objectives"),
        }
    }
}

keyword_enum!(
    /// What a decision of a review is about (clause 9.3.3): continual improvement, changes
    /// to the ISMS, or resources.
    DecisionAbout, "management review decision", {
        Improvement => "improvement",
        Changes => "changes",
        Resources => "resources",
    }
);

impl DecisionAbout {
    pub fn title(self) -> &'static str {
        match self {
            DecisionAbout::Improvement => "Continual improvement opportunities",
            DecisionAbout::Changes => "Changes to the ISMS",
            DecisionAbout::Resources => "Resource needs",
        }
    }
}

/// What was presented for one input (`input issues "…"`).
#[derive(Debug, Clone)]
pub struct PresentedInput {
    pub input: ReviewInput,
    pub text: String,
    pub span: Span,
}

/// A recorded trend (`trend audits "…"`).
#[derive(Debug, Clone)]
pub struct TrendRecord {
    pub trend: Trend,
    pub text: String,
}

/// A decision (`decision "…"`, or `decision resources "…"` with what it is about).
#[derive(Debug, Clone)]
pub struct Decision {
    pub about: Option<DecisionAbout>,
    pub text: String,
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
    /// The inputs the `inputs` list names.
    pub inputs: Vec<CoveredInput>,
    /// The `inputs` field name.
    pub inputs_span: Option<Span>,
    /// What was presented for each input, in source order.
    pub presented: Vec<PresentedInput>,
    /// The trends of 9.3.2 d recorded, in source order.
    pub trends: Vec<TrendRecord>,
    pub decisions: Vec<Decision>,
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
    pub const INPUTS: FieldSpec = optional(
        "inputs",
        Takes::Word(words!(ReviewInput)),
        "the inputs of clause 9.3.2 it covered",
    );
    pub const INPUT: FieldSpec = repeatable(
        "input",
        Takes::Word(words!(ReviewInput)),
        "an input of 9.3.2 and what was presented for it: `input issues \"…\"` (repeatable)",
    );
    pub const TREND: FieldSpec = repeatable(
        "trend",
        Takes::Word(words!(Trend)),
        "a performance trend of 9.3.2 d and what it showed: `trend audits \"…\"` (repeatable)",
    );
    pub const DECISION: FieldSpec = repeatable(
        "decision",
        Takes::Free,
        "a decision taken, optionally on `improvement`, `changes` or `resources` (repeatable)",
    );
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
        Self::INPUT,
        Self::TREND,
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
        presented: f
            .all(&Review::INPUT)
            .filter_map(|x| {
                let (input, text) = keyed::<ReviewInput>(sink, x, "input issues \"…\"")?;
                let (input, span) = input?;
                Some(PresentedInput { input, text, span })
            })
            .collect(),
        trends: f
            .all(&Review::TREND)
            .filter_map(|x| {
                let (trend, text) = keyed::<Trend>(sink, x, "trend audits \"…\"")?;
                Some(TrendRecord {
                    trend: trend?.0,
                    text,
                })
            })
            .collect(),
        decisions: f
            .all(&Review::DECISION)
            .filter_map(|x| decision(sink, x))
            .flatten()
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

impl Review {
    /// Whether the review covered `input`: the `inputs` list names it, an `input` line
    /// presents it, or (for performance, 9.3.2 d) all four trends are recorded. The one
    /// definition, for `review/inputs-missing`, readiness and the document alike.
    pub fn covers(&self, input: ReviewInput) -> bool {
        self.inputs.iter().any(|c| c.input == input)
            || self.presented.iter().any(|p| p.input == input)
            || (input == ReviewInput::Performance
                && Trend::ALL
                    .iter()
                    .all(|(_, t)| self.trends.iter().any(|r| r.trend == *t)))
    }

    /// Each input of clause 9.3.2, in its order, with whether the review covered it.
    pub fn input_coverage(&self) -> Vec<(ReviewInput, bool)> {
        ReviewInput::ALL
            .iter()
            .map(|(_, i)| (*i, self.covers(*i)))
            .collect()
    }

    /// What was presented for `input`, in source order.
    pub fn presented(&self, input: ReviewInput) -> impl Iterator<Item = &str> + '_ {
        self.presented
            .iter()
            .filter(move |p| p.input == input)
            .map(|p| p.text.as_str())
    }

    /// What the review recorded for `trend`, in source order.
    pub fn trend(&self, trend: Trend) -> impl Iterator<Item = &str> + '_ {
        self.trends
            .iter()
            .filter(move |r| r.trend == trend)
            .map(|r| r.text.as_str())
    }
}

/// `FIELD WORD "text"`: the keyword (`None` when the line has only a string, or the word
/// was reported) and the string. Anything else is one `value/invalid`.
fn keyed<K: Keyword>(
    sink: &mut Sink,
    field: &Field,
    example: &str,
) -> Option<(Option<(K, Span)>, String)> {
    let vals = values(field);
    match vals.as_slice() {
        [word, text] if matches!(word.kind, ValueKind::Word(_)) => {
            let text = read::value_string(sink, text, &field.name.text)?;
            Some((read::value_keyword::<K>(sink, word, &field.name.text), text))
        }
        _ => {
            sink.push(
                Diagnostic::new(
                    Code::ValueInvalid,
                    field_args_span(field),
                    format!("`{}` takes a {} and a string", field.name.text, K::WHAT),
                )
                .with_label(format!("expected one of {}", K::names().join(", ")))
                .with_help(format!("write `{example}`")),
            );
            None
        }
    }
}

/// `decision "…"` (as before: one or more strings) or `decision changes "…"`.
fn decision(sink: &mut Sink, field: &Field) -> Option<Vec<Decision>> {
    let first_is_word = values(field)
        .first()
        .is_some_and(|v| matches!(v.kind, ValueKind::Word(_)));
    if !first_is_word {
        return Some(
            read::strings(sink, field)
                .into_iter()
                .map(|text| Decision { about: None, text })
                .collect(),
        );
    }
    let (about, text) = keyed::<DecisionAbout>(sink, field, "decision resources \"…\"")?;
    Some(vec![Decision {
        about: about.map(|(a, _)| a),
        text,
    }])
}
