//! Stage 2a: syntax tree → typed declarations. The dispatch on the keyword and what every
//! kind's lowering shares (header names, field reading, typed values); each kind's own
//! lowering and schema are in `model/kinds/`.

mod attributes;
pub mod fields;
pub mod read;

use crate::diagnostics::{closest_suggestion, Code, Diagnostic, Fix, Sink};
use crate::model::items::Common;
use crate::model::values::Name;
use crate::model::Model;
use crate::model::{DeclKind, KEYWORDS};
use crate::syntax::{Ast, Decl, ValueKind};

pub use fields::{list, list_or};

/// Lower every declaration of one file into `model`.
pub fn lower_file(ast: &Ast, model: &mut Model, sink: &mut Sink) {
    for decl in &ast.decls {
        lower_decl(decl, model, sink);
    }
}

pub fn lower_decl(decl: &Decl, model: &mut Model, sink: &mut Sink) {
    attributes::lower(decl, &mut model.allows, sink);
    let keyword = decl.keyword.text.as_str();
    let Some(kind) = DeclKind::from_keyword(keyword) else {
        let mut d = Diagnostic::new(
            Code::SyntaxError,
            decl.keyword.span,
            format!("unknown declaration `{keyword}`"),
        )
        .with_label("not a declaration keyword");
        d = match closest_suggestion(keyword, KEYWORDS.iter().copied()) {
            Some(best) => d
                .with_help(format!("did you mean `{}`?", best.name))
                .with_fix(Fix::did_you_mean(decl.keyword.span, best.name, best.unique)),
            None => d.with_help(format!(
                "declarations start with {}",
                list(KEYWORDS.iter().copied())
            )),
        };
        sink.push(d);
        return;
    };
    model.lower_declaration(kind, decl, sink);
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
        // A version may have dots (`nist-csf:2.0`); the framework's name may not.
        NameForm::Framework => !text.split(':').next().unwrap_or_default().contains('.'),
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

pub fn common(decl: &Decl, present: crate::model::schema::FieldSet) -> Common {
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
