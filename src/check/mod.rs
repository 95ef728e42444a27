//! Stage 3: the rules an auditor would apply, over the resolved model.
//!
//! One rule per file in `rules/`, named after the code it reports; its documentation is
//! `docs/rules/<code>.md` (`isms explain`). Rules only read the model: they never
//! re-report what lowering and resolution already reported (an unresolved name is skipped,
//! not flagged again).

pub mod acceptance;
mod allow_index;
mod cycle;
pub mod readiness;
mod rules;
pub mod suppress;

use chrono::NaiveDate;

use crate::diagnostics::Sink;
use crate::model::graph::{EdgeKind, Node, Trace};
use crate::model::methodology::{assess_in, Assessment};
use crate::model::values::Ref;
use crate::model::{Kind, Model};
use crate::source::{FileId, Span};

/// What every rule can look at.
pub struct Context<'a> {
    pub model: &'a Model,
    pub trace: &'a Trace,
    pub today: NaiveDate,
    /// Score and levels of each risk (by index), when the methodology allows them.
    pub assessments: Vec<Option<Assessment>>,
    /// Where diagnostics about the project as a whole point: the start of its first file.
    pub project_start: Span,
}

impl<'a> Context<'a> {
    pub fn new(model: &'a Model, trace: &'a Trace, today: NaiveDate) -> Self {
        let assessments = model
            .risks
            .iter()
            .map(|r| model.methodology().and_then(|m| assess_in(model, r, m)))
            .collect();
        Context {
            model,
            trace,
            today,
            assessments,
            project_start: Span::new(FileId(0), 0, 0),
        }
    }

    /// Whether a risk, one of its treatments or a requirement has a block that did not
    /// parse. What such a block names is unknown, so the rules that report what nothing
    /// names (an unjustified control, an unaddressed one, an unassessed asset) stay silent
    /// until the syntax error, the one message, is fixed.
    pub fn names_unknown(&self) -> bool {
        let m = self.model;
        m.risks.iter().any(|r| {
            r.common.incomplete || r.treatment.as_ref().is_some_and(|t| t.common.incomplete)
        }) || m.requirements.iter().any(|q| q.common.incomplete)
    }

    /// Whether `signer` is a person whose name is a placeholder (`"TODO: Full Name"`): an
    /// approval or acceptance signed by such a person does not count as one. The name
    /// itself is `text/placeholder`; the rule that needs the sign-off reports it missing.
    pub fn signed_by_placeholder(&self, signer: &Ref) -> bool {
        let m = self.model;
        m.resolution
            .decl(signer, Kind::Person)
            .and_then(|i| m.persons.get(i))
            .is_some_and(|p| {
                p.name
                    .as_deref()
                    .is_some_and(crate::placeholder::is_placeholder)
            })
    }

    /// Whether a control slot is applicable: a risk treatment or a requirement names it.
    pub fn is_applicable(&self, slot: usize) -> bool {
        !self
            .trace
            .sources(Node::Control(slot), EdgeKind::TreatedBy)
            .is_empty()
            || !self
                .trace
                .sources(Node::Control(slot), EdgeKind::Requires)
                .is_empty()
    }
}

/// The rules over the source text rather than the model (`text/control-character`,
/// `text/placeholder`), on one project file: it reads nothing else, so its result is kept with the file's parse.
pub fn run_on_text(file: crate::source::FileId, text: &str, sink: &mut Sink) {
    rules::text_control_character::check(file, text, sink);
    rules::text_placeholder::check(file, text, sink);
}

/// Run every rule.
pub fn run(cx: &Context<'_>, sink: &mut Sink) {
    for rule in rules::ALL {
        rule(cx, sink);
    }
}
