//! Stage 2a: syntax tree → typed declarations. One small function per declaration kind;
//! the schema of each block is a table beside it.

mod attributes;
mod catalog;
mod controls;
pub mod fields;
mod lifecycle;
mod methodology;
mod people;
pub mod read;
mod risk;

use crate::diagnostics::{closest_suggestion, Code, Diagnostic, Fix, Sink};
use crate::model::items::{Common, Use};
use crate::model::values::Name;
use crate::model::Model;
use crate::syntax::{Ast, Decl, ValueKind};

pub use fields::{list, list_or};

/// The declaration keywords, for the did-you-mean of an unknown one.
pub const KEYWORDS: &[&str] = &[
    "use",
    "organization",
    "scope",
    "role",
    "person",
    "methodology",
    "asset",
    "risk",
    "control",
    "exclude",
    "requirement",
    "policy",
    "catalog",
    "objective",
    "metric",
    "training",
    "programme",
    "audit",
    "management_review",
    "incident",
    "nonconformity",
];

/// Lower every declaration of one file into `model`.
pub fn lower_file(ast: &Ast, model: &mut Model, sink: &mut Sink) {
    for decl in &ast.decls {
        lower_decl(decl, model, sink);
    }
}

pub fn lower_decl(decl: &Decl, model: &mut Model, sink: &mut Sink) {
    attributes::lower(decl, model, sink);
    match decl.keyword.text.as_str() {
        "use" => {
            if let Some(framework) = header_name(sink, decl, NameForm::Framework) {
                no_block(sink, decl);
                let span = crate::source::Span::new(
                    decl.span.file,
                    decl.keyword.span.start(),
                    framework.span.end(),
                );
                model.uses.push(Use { framework, span });
            }
        }
        "organization" => people::organization(decl, model, sink),
        "scope" => people::scope(decl, model, sink),
        "role" => people::role(decl, model, sink),
        "person" => people::person(decl, model, sink),
        "methodology" => methodology::methodology(decl, model, sink),
        "asset" => risk::asset(decl, model, sink),
        "risk" => risk::risk(decl, model, sink),
        "control" => controls::control(decl, model, sink),
        "exclude" => controls::exclude(decl, model, sink),
        "requirement" => controls::requirement(decl, model, sink),
        "policy" => controls::policy(decl, model, sink),
        "catalog" => catalog::catalog(decl, model, sink),
        "objective" => lifecycle::objective(decl, model, sink),
        "metric" => lifecycle::metric(decl, model, sink),
        "training" => lifecycle::training(decl, model, sink),
        "programme" => lifecycle::programme(decl, model, sink),
        "audit" => lifecycle::audit(decl, model, sink),
        "management_review" => lifecycle::review(decl, model, sink),
        "incident" => lifecycle::incident(decl, model, sink),
        "nonconformity" => lifecycle::nonconformity(decl, model, sink),
        other => {
            let mut d = Diagnostic::new(
                Code::SyntaxError,
                decl.keyword.span,
                format!("unknown declaration `{other}`"),
            )
            .with_label("not a declaration keyword");
            d = match closest_suggestion(other, KEYWORDS.iter().copied()) {
                Some(best) => d
                    .with_help(format!("did you mean `{}`?", best.name))
                    .with_fix(Fix::did_you_mean(decl.keyword.span, best.name, best.unique)),
                None => d.with_help(format!(
                    "declarations start with {}",
                    list(KEYWORDS.iter().copied())
                )),
            };
            sink.push(d);
        }
    }
}

/// Which spellings a declared name may take.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameForm {
    /// `customer-db`, `R-001`
    Plain,
    /// `A.5.15`, `acme-pam`
    Control,
    /// `iso27001:2022`
    Framework,
}

/// The name right after the keyword. Reports a missing or malformed one.
pub fn header_name(sink: &mut Sink, decl: &Decl, form: NameForm) -> Option<Name> {
    let keyword = decl.keyword.text.as_str();
    let example = match form {
        NameForm::Plain => "my-name",
        NameForm::Control => "A.5.15",
        NameForm::Framework => "iso27001:2022",
    };
    let Some(value) = decl.args.first().and_then(|a| a.single()) else {
        if !decl.broken {
            let span = decl.args.first().map_or(decl.keyword.span, |a| a.span);
            sink.push(
                Diagnostic::new(Code::SyntaxError, span, format!("`{keyword}` needs a name"))
                    .with_label("expected a name here")
                    .with_help(format!("write `{keyword} {example} …`")),
            );
        }
        return None;
    };
    let ValueKind::Word(text) = &value.kind else {
        sink.push(
            Diagnostic::new(
                Code::SyntaxError,
                value.span,
                format!(
                    "`{keyword}` needs a name, found {}",
                    value.kind.describe()
                ),
            )
            .with_label("expected a name")
            .with_help(format!(
                "names are letters, digits, `-` and `_`, starting with a letter: `{keyword} {example}`"
            )),
        );
        return None;
    };
    let ok = match form {
        NameForm::Plain => !text.contains(['.', ':']),
        NameForm::Control => !text.contains(':'),
        NameForm::Framework => !text.contains('.'),
    };
    if !ok {
        sink.push(
            Diagnostic::new(
                Code::SyntaxError,
                value.span,
                format!("`{text}` is not a valid name for a `{keyword}`"),
            )
            .with_label("`.` and `:` are not allowed here")
            .with_help(format!(
                "use letters, digits, `-` and `_`: `{keyword} {example}`"
            )),
        );
        return None;
    }
    Some(Name {
        text: text.clone(),
        span: value.span,
    })
}

/// Values after the header's expected ones (`role ciso "CISO" extra`).
pub fn no_extra_args(sink: &mut Sink, decl: &Decl, expected: usize) {
    if let Some(extra) = decl.args.get(expected) {
        let last = decl.args.last().map_or(extra.span, |a| a.span);
        sink.push(
            Diagnostic::new(
                Code::SyntaxError,
                crate::source::Span::new(extra.span.file, extra.span.start(), last.end()),
                format!("unexpected value after the `{}` header", decl.keyword.text),
            )
            .with_label("not expected here")
            .with_help("fields go inside the `{ … }` block, one per line"),
        );
    }
}

pub fn no_block(sink: &mut Sink, decl: &Decl) {
    if let Some(block) = &decl.block {
        sink.push(
            Diagnostic::new(
                Code::SyntaxError,
                block.open,
                format!("`{}` takes no block", decl.keyword.text),
            )
            .with_label("unexpected block")
            .with_help("remove the `{ … }`"),
        );
    }
}

pub fn common(decl: &Decl, present: crate::model::items::FieldSet) -> Common {
    Common {
        span: decl.span,
        doc: decl.doc.clone(),
        present,
        incomplete: decl.block.as_ref().is_some_and(|b| b.broken),
        header_broken: decl.broken,
    }
}

/// "risk `R-1`" for messages; the keyword alone when the name is missing.
pub fn describe(keyword: &str, name: Option<&Name>) -> String {
    match name {
        Some(n) => format!("{keyword} `{}`", n.text),
        None => keyword.to_string(),
    }
}
