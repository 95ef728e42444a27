//! scope: the ISMS scope statement of clause 4.3 (one per project).

use super::{DeclKind, Declaration, Header};
use crate::diagnostics::{Code, Diagnostic, Sink};
use crate::model::items::Common;
use crate::model::lower::fields::Fields;
use crate::model::lower::{common, no_extra_args, read};
use crate::model::schema::{repeatable, FieldSpec, Takes};
use crate::source::Span;
use crate::syntax::{Decl, ValueKind};

#[derive(Debug, Clone)]
pub struct ScopeExclusion {
    pub what: String,
    pub reason: Option<String>,
}

#[derive(Debug, Clone)]
pub struct Scope {
    pub keyword: Span,
    pub statement: Option<String>,
    pub includes: Vec<String>,
    pub excludes: Vec<ScopeExclusion>,
    pub interfaces: Vec<String>,
    pub common: Common,
}

impl Scope {
    pub const INCLUDES: FieldSpec =
        repeatable("includes", Takes::Free, "what the ISMS covers (strings)");
    pub const EXCLUDES: FieldSpec =
        repeatable("excludes", Takes::Free, "\"what\" because \"reason\"");
    pub const INTERFACES: FieldSpec = repeatable(
        "interfaces",
        Takes::Free,
        "interfaces and dependencies (strings)",
    );
}

impl Declaration for Scope {
    const DECL: DeclKind = DeclKind::Scope;
    const HEADER: Header = Header::Unnamed;
    const KEYWORD: &'static str = "scope";
    const DOC: &'static str = "the ISMS scope statement (one per project)";
    const FIELDS: &'static [FieldSpec] = &[Self::INCLUDES, Self::EXCLUDES, Self::INTERFACES];

    fn lower(decl: &Decl, sink: &mut Sink) -> Option<Self> {
        let statement = read::title(sink, &decl.args, 0, "scope");
        no_extra_args(sink, decl, 1);
        let f = Fields::read(
            sink,
            decl.block.as_ref(),
            Self::FIELDS,
            "the scope",
            decl.keyword.span,
        );
        let includes = f
            .all(&Self::INCLUDES)
            .flat_map(|x| read::strings(sink, x))
            .collect();
        let interfaces = f
            .all(&Self::INTERFACES)
            .flat_map(|x| read::strings(sink, x))
            .collect();
        let mut excludes = Vec::new();
        for field in f.all(&Self::EXCLUDES) {
            // `excludes "A", "B" because "reason"`
            let Some(first) = field.args.first() else {
                continue;
            };
            let reason = match field.args.get(1..) {
                Some([kw, reason]) if matches!(kw.single().map(|v| &v.kind), Some(ValueKind::Word(w)) if w == "because") => {
                    reason
                        .single()
                        .and_then(|v| read::value_string(sink, v, "excludes"))
                }
                Some([]) => None,
                _ => {
                    sink.push(
                        Diagnostic::new(
                            Code::ValueInvalid,
                            field.span,
                            "`excludes` takes what is excluded and a reason",
                        )
                        .with_label("expected `excludes \"…\" because \"…\"`")
                        .with_help(
                            "write `excludes \"Retail stores\" because \"Run by franchisees\"`",
                        ),
                    );
                    None
                }
            };
            for value in &first.values {
                if let Some(what) = read::value_string(sink, value, "excludes") {
                    excludes.push(ScopeExclusion {
                        what,
                        reason: reason.clone(),
                    });
                }
            }
        }
        Some(Scope {
            keyword: decl.keyword.span,
            statement,
            includes,
            excludes,
            interfaces,
            common: common(decl, f.present),
        })
    }

    fn title(&self) -> Option<&str> {
        self.statement.as_deref()
    }
}
