//! `use`: brings a framework catalog into the project.

use super::{DeclKind, Declaration, Header};
use crate::diagnostics::Sink;
use crate::model::lower::{header_name, no_block, NameForm};
use crate::model::schema::FieldSpec;
use crate::model::values::*;
use crate::source::Span;
use crate::syntax::Decl;

#[derive(Debug, Clone)]
pub struct Use {
    pub framework: Name,
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
        let span = Span::new(
            decl.span.file,
            decl.keyword.span.start(),
            framework.span.end(),
        );
        Some(Use { framework, span })
    }

    fn name(&self) -> Option<&Name> {
        Some(&self.framework)
    }
}
