//! What every kind of declaration defines: its keyword and how messages name it, its
//! field schema, how it lowers, and what it references.

use super::DeclKind;
use crate::diagnostics::Sink;
use crate::model::schema::FieldSpec;
use crate::model::values::{Dated, Name, Ref};
use crate::syntax::Decl;

/// One kind of top-level declaration (`risk`, `control`, …), implemented by its item
/// type. The registry in `kinds/mod.rs` lists every implementation once and generates the
/// model's storage, the lowering dispatch and the walks over names and references.
pub trait Declaration: Sized + 'static {
    const DECL: DeclKind;
    /// The keyword that starts it: `risk`.
    const KEYWORD: &'static str;
    /// What messages call it: "risk `R-1`", "a person or a role".
    const NOUN: &'static str = Self::KEYWORD;
    /// The article before the noun in messages: "a", "an".
    const ARTICLE: &'static str = "a";
    /// What it declares, for completion and hover: "a risk with its assessment and treatment".
    const DOC: &'static str;
    /// The fields its block takes, in schema order (`field/missing` and completion order).
    const FIELDS: &'static [FieldSpec];
    /// What the words after the keyword are.
    const HEADER: Header = Header::Name;
    /// Everything known about the kind, for tables indexed by kind.
    const INFO: KindInfo = KindInfo {
        kind: Self::DECL,
        keyword: Self::KEYWORD,
        noun: Self::NOUN,
        article: Self::ARTICLE,
        doc: Self::DOC,
        fields: Self::FIELDS,
        header: Self::HEADER,
    };

    /// The typed declaration, or `None` when its header is unusable (already reported).
    /// Reports every problem of shape (`field/*`, `value/*`, `syntax/error`).
    fn lower(decl: &Decl, sink: &mut Sink) -> Option<Self>;

    /// The name it declares, if it has one.
    fn name(&self) -> Option<&Name> {
        None
    }

    /// Its title (`risk R-1 "Title"`), if written.
    fn title(&self) -> Option<&str> {
        None
    }

    /// Every name it references, with the field that holds it. Resolution checks each
    /// against the kinds the field takes (`FieldSpec::takes`).
    fn references(&self, _visit: &mut dyn FnMut(&Ref, &'static FieldSpec)) {}

    /// Every date it holds, with the field that holds it (`date/in-future` reads those of
    /// fields marked `past`). A kind with a date field must visit it: `kinds/tests.rs`
    /// checks every fixture's dates are visited.
    fn dates(&self, _visit: &mut dyn FnMut(&Dated, &'static FieldSpec)) {}
}

/// A kind of declaration as tables see it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KindInfo {
    pub kind: DeclKind,
    pub keyword: &'static str,
    pub noun: &'static str,
    pub article: &'static str,
    pub doc: &'static str,
    pub fields: &'static [FieldSpec],
    pub header: Header,
}

/// What the words after a declaration's keyword are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Header {
    /// `risk R-1 "Title"`: the name it declares, then an optional title.
    Name,
    /// `use iso27001:2022`: a name declared elsewhere.
    Reference,
    /// `scope "Statement"`, `methodology`: no name, at most a text.
    Unnamed,
    /// `exclude A.7.1, A.7.2 because "…"`: a list of names and a reason.
    List,
}

impl KindInfo {
    /// The schema entry of the field `name`.
    pub fn field(&self, name: &str) -> Option<&'static FieldSpec> {
        self.fields.iter().find(|f| f.name == name)
    }
}
