//! What the lifecycle kinds (objective, metric, training, programme, audit,
//! management_review, incident, nonconformity) share: an ID, an optional title and a
//! block, read the same way.

use super::Kind;
use crate::diagnostics::Sink;
use crate::model::lower::fields::Fields;
use crate::model::lower::{describe, header_name, no_extra_args, read, NameForm};
use crate::model::schema::FieldSpec;
use crate::model::values::*;
use crate::source::Span;
use crate::syntax::{Decl, Field, Value};

/// `name`, `title` and `references` of a lifecycle kind, whose declarations all have an
/// ID and an optional title; the references are listed as `item_field => SPEC` pairs
/// (a `Vec<Ref>` or an `Option<Ref>`).
macro_rules! named {
    ($($field:ident => $spec:ident),* $(,)?) => {
        fn name(&self) -> Option<&Name> {
            Some(&self.id)
        }

        fn title(&self) -> Option<&str> {
            self.title.as_deref()
        }

        fn references(&self, visit: &mut dyn FnMut(&Ref, &'static FieldSpec)) {
            $( for r in self.$field.iter() {
                visit(r, &Self::$spec);
            } )*
        }
    };
}

pub(super) const NONCONFORMITIES: &[Kind] = &[Kind::Nonconformity];

pub(super) const OWNER_DOC: &str = "a person or a role";

/// The name, the optional title and the fields of a lifecycle declaration.
pub(super) struct Opening<'a> {
    pub(super) id: Name,
    pub(super) title: Option<String>,
    pub(super) f: Fields<'a>,
}

pub(super) fn header<'a>(
    sink: &mut Sink,
    decl: &'a Decl,
    keyword: &str,
    schema: &'static [FieldSpec],
) -> Option<Opening<'a>> {
    let id = header_name(sink, decl, NameForm::Plain)?;
    let title = read::title(sink, &decl.args, 1, keyword);
    no_extra_args(sink, decl, 2);
    let what = describe(keyword, Some(&id));
    let f = Fields::read(sink, decl.block.as_ref(), schema, &what, id.span);
    Some(Opening { id, title, f })
}

pub(super) fn refs(sink: &mut Sink, f: &Fields<'_>, name: &FieldSpec, takes: &str) -> Vec<Ref> {
    f.get(name)
        .map(|x| read::references(sink, x, takes))
        .unwrap_or_default()
}

pub(super) fn owner(sink: &mut Sink, f: &Fields<'_>, name: &FieldSpec) -> Option<Ref> {
    f.get(name)
        .and_then(|x| read::reference(sink, x, "a person or a role"))
}

pub(super) fn date(sink: &mut Sink, f: &Fields<'_>, name: &FieldSpec) -> Option<Dated> {
    f.get(name).and_then(|x| read::date(sink, x))
}

pub(super) fn string(sink: &mut Sink, f: &Fields<'_>, name: &FieldSpec) -> Option<String> {
    f.get(name).and_then(|x| read::string(sink, x))
}

pub(super) fn values(field: &Field) -> Vec<&Value> {
    field.args.iter().flat_map(|a| a.values.iter()).collect()
}

pub(super) fn field_args_span(field: &Field) -> Span {
    field.args.first().map_or(field.name.span, |a| {
        Span::new(a.span.file, a.span.start(), field.span.end())
    })
}
