//! control: the implementation of a control, or a custom control.

use super::{DeclKind, Declaration};
use crate::diagnostics::Sink;
use crate::model::items::Common;
use crate::model::lower::fields::Fields;
use crate::model::lower::{common, describe, header_name, no_extra_args, read, NameForm};
use crate::model::schema::{by_rule, optional, repeatable, FieldSpec, Takes, PEOPLE};
use crate::model::values::*;
use crate::source::Span;
use crate::syntax::Decl;
use crate::words;

#[derive(Debug, Clone)]
pub struct Control {
    pub id: Name,
    /// The title as written; catalog controls take theirs from the catalog.
    pub title: Option<String>,
    pub status: Option<Status>,
    pub status_span: Option<Span>,
    pub owner: Option<Ref>,
    pub evidence: Vec<String>,
    pub description: Option<String>,
    pub due: Option<Dated>,
    pub common: Common,
}

impl Control {
    pub const STATUS: FieldSpec = by_rule(
        "status",
        Takes::Word(words!(Status)),
        "how far it is implemented",
    );
    pub const OWNER: FieldSpec = by_rule("owner", Takes::Names(PEOPLE), "a person or a role");
    pub const EVIDENCE: FieldSpec =
        repeatable("evidence", Takes::Free, "where the proof is (repeatable)");
    pub const DESCRIPTION: FieldSpec = optional("description", Takes::Free, "string");
    pub const DUE: FieldSpec = optional("due", Takes::Date, "date it is to be in place");
}

impl Declaration for Control {
    fn dates(&self, visit: &mut dyn FnMut(&Dated, &'static FieldSpec)) {
        if let Some(d) = &self.due {
            visit(d, &Self::DUE);
        }
    }

    const DECL: DeclKind = DeclKind::Control;
    const KEYWORD: &'static str = "control";
    const DOC: &'static str = "the implementation of a control, or a custom control";
    const FIELDS: &'static [FieldSpec] = &[
        Self::STATUS,
        Self::OWNER,
        Self::EVIDENCE,
        Self::DESCRIPTION,
        Self::DUE,
    ];

    fn lower(decl: &Decl, sink: &mut Sink) -> Option<Self> {
        control(decl, sink)
    }

    fn name(&self) -> Option<&Name> {
        Some(&self.id)
    }

    fn title(&self) -> Option<&str> {
        self.title.as_deref()
    }

    fn references(&self, visit: &mut dyn FnMut(&Ref, &'static FieldSpec)) {
        if let Some(r) = &self.owner {
            visit(r, &Self::OWNER);
        }
    }
}

fn control(decl: &Decl, sink: &mut Sink) -> Option<Control> {
    let id = header_name(sink, decl, NameForm::Control)?;
    // Whether a title is required depends on the catalogs in use: checked at resolution.
    let title = read::title(sink, &decl.args, 1, "control");
    no_extra_args(sink, decl, 2);
    let what = describe("control", Some(&id));
    let f = Fields::read(sink, decl.block.as_ref(), Control::FIELDS, &what, id.span);
    let status = f
        .get(&Control::STATUS)
        .and_then(|x| read::keyword::<Status>(sink, x));
    let owner = f
        .get(&Control::OWNER)
        .and_then(|x| read::reference(sink, x, "a person or a role"));
    let evidence = f
        .all(&Control::EVIDENCE)
        .flat_map(|x| read::strings(sink, x))
        .collect();
    let description = f
        .get(&Control::DESCRIPTION)
        .and_then(|x| read::string(sink, x));
    let due = f.get(&Control::DUE).and_then(|x| read::date(sink, x));
    Some(Control {
        id,
        title,
        status: status.map(|(s, _)| s),
        status_span: status.map(|(_, span)| span),
        owner,
        evidence,
        description,
        due,
        common: common(decl, f.present),
    })
}
