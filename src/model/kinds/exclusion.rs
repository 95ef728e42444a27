//! exclude: catalog controls left out of the SoA, with a reason.

use super::{DeclKind, Declaration, Header};
use crate::diagnostics::{Code, Diagnostic, Sink};
use crate::model::lower::{no_block, read};
use crate::model::schema::FieldSpec;
use crate::model::values::*;
use crate::source::Span;
use crate::syntax::{Decl, ValueKind};

/// `exclude A.7.1, A.7.2 because "…"`
#[derive(Debug, Clone)]
pub struct Exclusion {
    pub keyword: Span,
    pub controls: Vec<Ref>,
    pub reason: Option<String>,
    pub span: Span,
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
