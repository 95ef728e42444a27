//! policy: a policy document, its sections and statements.

use super::{DeclKind, Declaration, Kind};
use crate::diagnostics::{Code, Diagnostic, Sink};
use crate::model::items::Common;
use crate::model::lower::fields::Fields;
use crate::model::lower::{common, describe, header_name, no_extra_args, read, NameForm};
use crate::model::schema::{by_rule, optional, repeatable, required, FieldSpec, Takes, PEOPLE};
use crate::model::values::*;
use crate::syntax::{Decl, ValueKind};
use crate::words;

#[derive(Debug, Clone)]
pub struct Section {
    pub heading: String,
    pub body: String,
}

#[derive(Debug, Clone)]
pub struct Statement {
    pub id: Name,
    pub text: String,
}

#[derive(Debug, Clone)]
pub struct Policy {
    pub id: Name,
    pub title: Option<String>,
    pub kind: Option<PolicyKind>,
    pub parent: Option<Ref>,
    pub owner: Option<Ref>,
    pub approved: Option<Signoff>,
    pub version: Option<String>,
    pub review: Option<Every>,
    /// Printed on every page of the policy: `internal` unless declared.
    pub classification: Option<super::Classification>,
    pub implements: Vec<Ref>,
    pub sections: Vec<Section>,
    pub statements: Vec<Statement>,
    pub common: Common,
}

impl Policy {
    pub const OWNER: FieldSpec = by_rule("owner", Takes::Names(PEOPLE), "a person or a role");
    pub const VERSION: FieldSpec = required(
        "version",
        "version \"1.0\"",
        Takes::Free,
        "string, like \"1.2\"",
    );
    pub const KIND: FieldSpec = optional(
        "kind",
        Takes::Word(words!(PolicyKind)),
        "the document's level",
    );
    pub const PARENT: FieldSpec = optional(
        "parent",
        Takes::Names(&[Kind::Policy]),
        "the policy this derives from",
    );
    pub const APPROVED_BY: FieldSpec = optional("approved_by", Takes::Signoff, "P on DATE").past();
    pub const REVIEW: FieldSpec = optional("review", Takes::Period, "how often it is reviewed");
    pub const IMPLEMENTS: FieldSpec = optional(
        "implements",
        Takes::Names(&[Kind::Control]),
        "controls it puts into practice",
    );
    pub const SECTION: FieldSpec = repeatable(
        "section",
        Takes::Free,
        "\"Heading\" \"\"\"text\"\"\" (repeatable)",
    );
    pub const STATEMENT: FieldSpec =
        repeatable("statement", Takes::Free, "ID \"text\" (repeatable)");
    pub const DESCRIPTION: FieldSpec = optional("description", Takes::Free, "string");
    /// The same field, and the same words, as a `document`'s.
    pub const CLASSIFICATION: FieldSpec = super::Document::CLASSIFICATION;
}

impl Declaration for Policy {
    fn dates(&self, visit: &mut dyn FnMut(&Dated, &'static FieldSpec)) {
        if let Some(d) = self.approved.as_ref().and_then(|a| a.on.as_ref()) {
            visit(d, &Self::APPROVED_BY);
        }
    }

    const DECL: DeclKind = DeclKind::Policy;
    const KEYWORD: &'static str = "policy";
    const DOC: &'static str = "a policy document";
    const FIELDS: &'static [FieldSpec] = &[
        Self::OWNER,
        Self::VERSION,
        Self::KIND,
        Self::PARENT,
        Self::APPROVED_BY,
        Self::REVIEW,
        Self::IMPLEMENTS,
        Self::SECTION,
        Self::STATEMENT,
        Self::DESCRIPTION,
        Self::CLASSIFICATION,
    ];

    fn lower(decl: &Decl, sink: &mut Sink) -> Option<Self> {
        policy(decl, sink)
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
        if let Some(s) = &self.approved {
            visit(&s.by, &Self::APPROVED_BY);
        }
        if let Some(r) = &self.parent {
            visit(r, &Self::PARENT);
        }
        for r in &self.implements {
            visit(r, &Self::IMPLEMENTS);
        }
    }
}

fn policy(decl: &Decl, sink: &mut Sink) -> Option<Policy> {
    let id = header_name(sink, decl, NameForm::Plain)?;
    let title = read::title(sink, &decl.args, 1, "policy");
    no_extra_args(sink, decl, 2);
    let what = describe("policy", Some(&id));
    let f = Fields::read(sink, decl.block.as_ref(), Policy::FIELDS, &what, id.span);
    let kind = f
        .get(&Policy::KIND)
        .and_then(|x| read::keyword::<PolicyKind>(sink, x))
        .map(|(k, _)| k);
    let parent = f
        .get(&Policy::PARENT)
        .and_then(|x| read::reference(sink, x, "a policy"));
    let owner = f
        .get(&Policy::OWNER)
        .and_then(|x| read::reference(sink, x, "a person or a role"));
    let approved = f
        .get(&Policy::APPROVED_BY)
        .and_then(|x| read::signoff(sink, x));
    // A version is text ("1.2"); a whole number is accepted as written.
    let version = f.get(&Policy::VERSION).and_then(|x| {
        let v = read::single(sink, x, "a version string", "\"1.0\"")?;
        match &v.kind {
            ValueKind::Int(n) => Some(n.to_string()),
            ValueKind::Decimal(d) => Some(d.clone()),
            _ => read::value_string(sink, v, "version"),
        }
    });
    let review = f.get(&Policy::REVIEW).and_then(|x| read::every(sink, x));
    let classification = f
        .get(&Policy::CLASSIFICATION)
        .and_then(|x| read::keyword::<super::Classification>(sink, x))
        .map(|(c, _)| c);
    let implements = f
        .get(&Policy::IMPLEMENTS)
        .map(|x| read::references(sink, x, "a control"))
        .unwrap_or_default();
    let mut sections = Vec::new();
    for field in f.all(&Policy::SECTION) {
        let strings = read::strings(sink, field);
        match strings.as_slice() {
            [heading, body] => sections.push(Section {
                heading: heading.clone(),
                body: body.clone(),
            }),
            _ => sink.push(
                Diagnostic::new(
                    Code::ValueInvalid,
                    field.span,
                    "`section` takes a heading and a text",
                )
                .with_label("expected `section \"Heading\" \"\"\"…\"\"\"`"),
            ),
        }
    }
    let mut statements = Vec::new();
    for field in f.all(&Policy::STATEMENT) {
        let values: Vec<_> = field.args.iter().flat_map(|a| a.values.iter()).collect();
        match values.as_slice() {
            [id, text] => {
                let (ValueKind::Word(sid), Some(text)) =
                    (&id.kind, read::value_string(sink, text, "statement"))
                else {
                    continue;
                };
                statements.push(Statement {
                    id: Name {
                        text: sid.clone(),
                        span: id.span,
                    },
                    text,
                });
            }
            _ => sink.push(
                Diagnostic::new(
                    Code::ValueInvalid,
                    field.span,
                    "`statement` takes an ID and a text",
                )
                .with_label("expected `statement AC-1 \"…\"`"),
            ),
        }
    }
    Some(Policy {
        id,
        title,
        kind,
        parent,
        owner,
        approved,
        version,
        review,
        classification,
        implements,
        sections,
        statements,
        common: common(decl, f.present),
    })
}
