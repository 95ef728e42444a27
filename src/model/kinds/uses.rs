//! `use`: brings a framework catalog into the project.

use super::{DeclKind, Declaration, Header};
use crate::diagnostics::{Code, Diagnostic, Sink};
use crate::model::lower::{header_name, no_block, NameForm};
use crate::model::schema::FieldSpec;
use crate::model::values::*;
use crate::source::Span;
use crate::syntax::{Decl, ValueKind};

#[derive(Debug, Clone)]
pub struct Use {
    pub framework: Name,
    /// `use CATALOG for soa`: the span of `for soa`, when the Statement of Applicability
    /// is to cover this catalog.
    pub for_soa: Option<Span>,
    pub span: Span,
}

impl Declaration for Use {
    const DECL: DeclKind = DeclKind::Use;
    const HEADER: Header = Header::Reference;
    const KEYWORD: &'static str = "use";
    const DOC: &'static str = "bring a framework catalog into the project";
    const FIELDS: &'static [FieldSpec] = &[];

    fn lower(decl: &Decl, sink: &mut Sink) -> Option<Self> {
        let framework = header_name(sink, decl, NameForm::Framework)?;
        no_block(sink, decl);
        let for_soa = for_soa(sink, decl);
        let end = for_soa.map_or(framework.span.end(), |s| s.end());
        let span = Span::new(decl.span.file, decl.keyword.span.start(), end);
        Some(Use {
            framework,
            for_soa,
            span,
        })
    }

    fn name(&self) -> Option<&Name> {
        Some(&self.framework)
    }
}

/// The `for soa` after the catalog's name, if written; anything else there is an error.
fn for_soa(sink: &mut Sink, decl: &Decl) -> Option<Span> {
    let rest = decl.args.get(1..).unwrap_or_default();
    let word = |i: usize| {
        rest.get(i)
            .and_then(|a| a.single())
            .and_then(|v| match &v.kind {
                ValueKind::Word(w) => Some(w.as_str()),
                _ => None,
            })
    };
    match (rest.first(), rest.last()) {
        (None, _) | (_, None) => None,
        (Some(first), Some(last)) => {
            let span = Span::new(first.span.file, first.span.start(), last.span.end());
            if rest.len() == 2 && word(0) == Some("for") && word(1) == Some("soa") {
                return Some(span);
            }
            sink.push(
                Diagnostic::new(
                    Code::SyntaxError,
                    span,
                    "unexpected value after the `use` header",
                )
                .with_label("not expected here")
                .with_help("write `use CATALOG`, or `use CATALOG for soa` to name the catalog the Statement of Applicability covers"),
            );
            None
        }
    }
}
