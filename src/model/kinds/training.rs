//! training: an awareness or competence training (clauses 7.2, 7.3).

use super::lifecycle::*;
use super::{DeclKind, Declaration, Kind};
use crate::diagnostics::{Code, Diagnostic, Sink};
use crate::model::items::Common;
use crate::model::lower::{common, read};
use crate::model::schema::{optional, required, FieldSpec, Takes, PEOPLE};
use crate::model::values::*;
use crate::syntax::Decl;

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

impl Training {
    pub const OWNER: FieldSpec = optional("owner", Takes::Names(PEOPLE), OWNER_DOC);
    pub const AUDIENCE: FieldSpec = required(
        "audience",
        "audience <role or person>, …",
        Takes::Names(&[Kind::Role, Kind::Person]),
        "roles or persons who take it",
    );
    pub const FREQUENCY: FieldSpec = required(
        "frequency",
        "frequency every 12 months",
        Takes::Period,
        "how often it is repeated",
    );
    pub const COMPLETED: FieldSpec =
        optional("completed", Takes::Date, "date it was last completed").past();
    pub const COMPLETION: FieldSpec = optional(
        "completion",
        Takes::Free,
        "percentage of the audience that completed it",
    );
    pub const DESCRIPTION: FieldSpec = optional("description", Takes::Free, "string");
}

impl Declaration for Training {
    fn dates(&self, visit: &mut dyn FnMut(&Dated, &'static FieldSpec)) {
        if let Some(d) = &self.completed {
            visit(d, &Self::COMPLETED);
        }
    }

    const DECL: DeclKind = DeclKind::Training;
    const KEYWORD: &'static str = "training";
    const DOC: &'static str = "an awareness or competence training (clauses 7.2, 7.3)";
    const FIELDS: &'static [FieldSpec] = &[
        Self::OWNER,
        Self::AUDIENCE,
        Self::FREQUENCY,
        Self::COMPLETED,
        Self::COMPLETION,
        Self::DESCRIPTION,
    ];

    fn lower(decl: &Decl, sink: &mut Sink) -> Option<Self> {
        training(decl, sink)
    }

    named!(owner => OWNER, audience => AUDIENCE);
}

fn training(decl: &Decl, sink: &mut Sink) -> Option<Training> {
    let Opening { id, title, f } = header(sink, decl, "training", Training::FIELDS)?;
    let completion = f.get(&Training::COMPLETION).and_then(|x| {
        let rated = read::int(sink, x, "95")?;
        if (0..=100).contains(&rated.value) {
            return Some(rated);
        }
        sink.push(
            Diagnostic::new(
                Code::ValueInvalid,
                rated.span,
                format!("a completion rate of {} % is not possible", rated.value),
            )
            .with_label("expected a percentage from 0 to 100")
            .with_help("write the share of the audience that completed it: `completion 95`"),
        );
        None
    });
    let training = Training {
        owner: owner(sink, &f, &Training::OWNER),
        audience: refs(sink, &f, &Training::AUDIENCE, "a role or a person"),
        frequency: f
            .get(&Training::FREQUENCY)
            .and_then(|x| read::every(sink, x)),
        completed: date(sink, &f, &Training::COMPLETED),
        completion,
        id,
        title,
        common: common(decl, f.present),
    };
    Some(training)
}
