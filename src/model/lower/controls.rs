//! control, exclude, requirement, policy.

use super::fields::{by_rule, optional, repeatable, required, Fields, Spec};
use super::{common, describe, header_name, no_block, no_extra_args, read, NameForm};
use crate::diagnostics::{Code, Diagnostic, Sink};
use crate::model::items::*;
use crate::model::values::*;
use crate::model::Model;
use crate::source::Span;
use crate::syntax::{Decl, ValueKind};

const CONTROL: &[Spec] = &[
    by_rule("status"),
    by_rule("owner"),
    repeatable("evidence"),
    optional("description"),
    optional("due"),
];

pub fn control(decl: &Decl, model: &mut Model, sink: &mut Sink) {
    let Some(id) = header_name(sink, decl, NameForm::Control) else {
        return;
    };
    // Whether a title is required depends on the catalogs in use: checked at resolution.
    let title = read::title(sink, &decl.args, 1, "control");
    no_extra_args(sink, decl, 2);
    let what = describe("control", Some(&id));
    let f = Fields::read(sink, decl.block.as_ref(), CONTROL, &what, id.span);
    let status = f
        .get("status")
        .and_then(|x| read::keyword::<Status>(sink, x));
    let owner = f
        .get("owner")
        .and_then(|x| read::reference(sink, x, "a person or a role"));
    let evidence = f
        .all("evidence")
        .flat_map(|x| read::strings(sink, x))
        .collect();
    let description = f.get("description").and_then(|x| read::string(sink, x));
    let due = f.get("due").and_then(|x| read::date(sink, x));
    model.controls.push(Control {
        id,
        title,
        status: status.map(|(s, _)| s),
        status_span: status.map(|(_, span)| span),
        owner,
        evidence,
        description,
        due,
        common: common(decl, f.present),
    });
}

/// `exclude A.7.1, A.7.2 because "reason"`
pub fn exclude(decl: &Decl, model: &mut Model, sink: &mut Sink) {
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
        return;
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
            return;
        }
    };
    model.exclusions.push(Exclusion {
        keyword: decl.keyword.span,
        controls,
        reason,
        span: decl.span,
    });
}

fn is_word(arg: &crate::syntax::Arg, word: &str) -> bool {
    matches!(arg.single().map(|v| &v.kind), Some(ValueKind::Word(w)) if w == word)
}

const REQUIREMENT: &[Spec] = &[
    required("kind", "kind legal|regulatory|contractual|business"),
    required("controls", "controls <control>, …"),
    optional("source"),
    optional("description"),
];

pub fn requirement(decl: &Decl, model: &mut Model, sink: &mut Sink) {
    let Some(id) = header_name(sink, decl, NameForm::Plain) else {
        return;
    };
    let title = read::title(sink, &decl.args, 1, "requirement");
    no_extra_args(sink, decl, 2);
    let what = describe("requirement", Some(&id));
    let f = Fields::read(sink, decl.block.as_ref(), REQUIREMENT, &what, id.span);
    let kind = f
        .get("kind")
        .and_then(|x| read::keyword::<RequirementKind>(sink, x))
        .map(|(k, _)| k);
    let controls = f
        .get("controls")
        .map(|x| read::references(sink, x, "a control"))
        .unwrap_or_default();
    let source = f.get("source").and_then(|x| read::string(sink, x));
    let description = f.get("description").and_then(|x| read::string(sink, x));
    model.requirements.push(Requirement {
        id,
        title,
        kind,
        controls,
        source,
        description,
        common: common(decl, f.present),
    });
}

const POLICY: &[Spec] = &[
    by_rule("owner"),
    required("version", "version \"1.0\""),
    optional("kind"),
    optional("parent"),
    optional("approved_by"),
    optional("review"),
    optional("implements"),
    repeatable("section"),
    repeatable("statement"),
    optional("description"),
];

pub fn policy(decl: &Decl, model: &mut Model, sink: &mut Sink) {
    let Some(id) = header_name(sink, decl, NameForm::Plain) else {
        return;
    };
    let title = read::title(sink, &decl.args, 1, "policy");
    no_extra_args(sink, decl, 2);
    let what = describe("policy", Some(&id));
    let f = Fields::read(sink, decl.block.as_ref(), POLICY, &what, id.span);
    let kind = f
        .get("kind")
        .and_then(|x| read::keyword::<PolicyKind>(sink, x))
        .map(|(k, _)| k);
    let parent = f
        .get("parent")
        .and_then(|x| read::reference(sink, x, "a policy"));
    let owner = f
        .get("owner")
        .and_then(|x| read::reference(sink, x, "a person or a role"));
    let approved = f.get("approved_by").and_then(|x| read::signoff(sink, x));
    // A version is text ("1.2"); a whole number is accepted as written.
    let version = f.get("version").and_then(|x| {
        let v = read::single(sink, x, "a version string", "\"1.0\"")?;
        match &v.kind {
            ValueKind::Int(n) => Some(n.to_string()),
            ValueKind::Decimal(d) => Some(d.clone()),
            _ => read::value_string(sink, v, "version"),
        }
    });
    let review = f.get("review").and_then(|x| read::every(sink, x));
    let implements = f
        .get("implements")
        .map(|x| read::references(sink, x, "a control"))
        .unwrap_or_default();
    let mut sections = Vec::new();
    for field in f.all("section") {
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
    for field in f.all("statement") {
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
    model.policies.push(Policy {
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
    });
}
