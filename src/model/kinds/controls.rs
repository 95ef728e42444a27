//! control, exclude, requirement, policy.

use super::spec::{by_rule, optional, repeatable, required, FieldSpec, Takes, PEOPLE};
use super::{DeclKind, Declaration, Header, Kind};
use crate::diagnostics::{Code, Diagnostic, Sink};
use crate::model::items::*;
use crate::model::lower::fields::Fields;
use crate::model::lower::{common, describe, header_name, no_block, no_extra_args, read, NameForm};
use crate::model::values::*;
use crate::source::Span;
use crate::syntax::{Decl, ValueKind};
use crate::words;

const CONTROLS: &[Kind] = &[Kind::Control];

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

impl Declaration for Exclusion {
    const DECL: DeclKind = DeclKind::Exclusion;
    const HEADER: Header = Header::List;
    const KEYWORD: &'static str = "exclude";
    const ARTICLE: &'static str = "an";
    const DOC: &'static str = "exclude catalog controls from the SoA, with a reason";
    const FIELDS: &'static [FieldSpec] = &[];

    fn lower(decl: &Decl, sink: &mut Sink) -> Option<Self> {
        exclude(decl, sink)
    }
    // Its control IDs name catalog entries, not declarations: resolution checks them
    // against the used catalogs itself.
}

impl Requirement {
    pub const KIND: FieldSpec = required(
        "kind",
        "kind legal|regulatory|contractual|business",
        Takes::Word(words!(RequirementKind)),
        "where it comes from",
    );
    pub const CONTROLS: FieldSpec = required(
        "controls",
        "controls <control>, …",
        Takes::Names(CONTROLS),
        "controls it demands",
    );
    pub const SOURCE: FieldSpec = optional("source", Takes::Free, "string");
    pub const DESCRIPTION: FieldSpec = optional("description", Takes::Free, "string");
}

impl Declaration for Requirement {
    const DECL: DeclKind = DeclKind::Requirement;
    const KEYWORD: &'static str = "requirement";
    const DOC: &'static str = "a legal, regulatory, contractual or business requirement";
    const FIELDS: &'static [FieldSpec] =
        &[Self::KIND, Self::CONTROLS, Self::SOURCE, Self::DESCRIPTION];

    fn lower(decl: &Decl, sink: &mut Sink) -> Option<Self> {
        requirement(decl, sink)
    }

    fn name(&self) -> Option<&Name> {
        Some(&self.id)
    }

    fn title(&self) -> Option<&str> {
        self.title.as_deref()
    }

    fn references(&self, visit: &mut dyn FnMut(&Ref, &'static FieldSpec)) {
        for r in &self.controls {
            visit(r, &Self::CONTROLS);
        }
    }
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
    pub const APPROVED_BY: FieldSpec = optional("approved_by", Takes::Signoff, "P on DATE");
    pub const REVIEW: FieldSpec = optional("review", Takes::Period, "how often it is reviewed");
    pub const IMPLEMENTS: FieldSpec = optional(
        "implements",
        Takes::Names(CONTROLS),
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
}

impl Declaration for Policy {
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

/// `exclude A.7.1, A.7.2 because "reason"`
fn exclude(decl: &Decl, sink: &mut Sink) -> Option<Exclusion> {
    no_block(sink, decl);
    let Some(first) = decl.args.first() else {
        if !decl.broken {
            sink.push(
                Diagnostic::new(
                    Code::SyntaxError,
                    decl.keyword.span,
                    "`exclude` needs the controls it excludes",
                )
                .with_label("expected control IDs")
                .with_help("write `exclude A.7.4 because \"No premises in scope\"`"),
            );
        }
        return None;
    };
    let controls: Vec<Ref> = first
        .values
        .iter()
        .filter_map(|v| read::value_ref(sink, v, "exclude", "a control ID"))
        .collect();
    let rest = &decl.args[1..];
    let reason = match rest {
        [] => None,
        [kw, reason] if is_word(kw, "because") => reason
            .single()
            .and_then(|v| read::value_string(sink, v, "because")),
        _ => {
            let span = Span::new(
                rest[0].span.file,
                rest[0].span.start(),
                rest.last().map_or(rest[0].span.end(), |a| a.span.end()),
            );
            sink.push(
                Diagnostic::new(
                    Code::SyntaxError,
                    span,
                    "expected `because \"reason\"` after the excluded controls",
                )
                .with_label("not a reason")
                .with_help("separate control IDs with commas and end with `because \"…\"`"),
            );
            return None;
        }
    };
    Some(Exclusion {
        keyword: decl.keyword.span,
        controls,
        reason,
        span: decl.span,
    })
}

fn is_word(arg: &crate::syntax::Arg, word: &str) -> bool {
    matches!(arg.single().map(|v| &v.kind), Some(ValueKind::Word(w)) if w == word)
}

fn requirement(decl: &Decl, sink: &mut Sink) -> Option<Requirement> {
    let id = header_name(sink, decl, NameForm::Plain)?;
    let title = read::title(sink, &decl.args, 1, "requirement");
    no_extra_args(sink, decl, 2);
    let what = describe("requirement", Some(&id));
    let f = Fields::read(
        sink,
        decl.block.as_ref(),
        Requirement::FIELDS,
        &what,
        id.span,
    );
    let kind = f
        .get(&Requirement::KIND)
        .and_then(|x| read::keyword::<RequirementKind>(sink, x))
        .map(|(k, _)| k);
    let controls = f
        .get(&Requirement::CONTROLS)
        .map(|x| read::references(sink, x, "a control"))
        .unwrap_or_default();
    let source = f
        .get(&Requirement::SOURCE)
        .and_then(|x| read::string(sink, x));
    let description = f
        .get(&Requirement::DESCRIPTION)
        .and_then(|x| read::string(sink, x));
    Some(Requirement {
        id,
        title,
        kind,
        controls,
        source,
        description,
        common: common(decl, f.present),
    })
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
        implements,
        sections,
        statements,
        common: common(decl, f.present),
    })
}
