//! Which fields each block takes and what values each field takes, for completion and
//! hover: read from the compiler's definitions of the declaration kinds
//! (`isms::model::kinds`), never copied.

use isms::model::kinds::{treatment_fields, FieldSpec, ENTRY};
use isms::model::TreatmentKind;
use isms::model::{DeclKind, KEYWORDS};

pub use isms::model::kinds::Takes;

/// The kind of block the cursor is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    Decl(DeclKind),
    Treatment(TreatmentKind),
    CatalogEntry,
    /// `likelihood { … }`, `levels { … }`, section text: no field names to suggest.
    Opaque,
}

pub const TREATMENT_KINDS: &[(&str, &str)] = isms::words!(TreatmentKind);

/// The fields a block takes.
pub fn fields(block: BlockKind) -> &'static [FieldSpec] {
    match block {
        BlockKind::Decl(kind) => kind.info().fields,
        BlockKind::Treatment(kind) => treatment_fields(kind),
        BlockKind::CatalogEntry => ENTRY,
        BlockKind::Opaque => &[],
    }
}

pub fn field(block: BlockKind, name: &str) -> Option<&'static FieldSpec> {
    fields(block).iter().find(|f| f.name == name)
}

/// The compiler's declaration keywords.
pub fn keywords() -> &'static [&'static str] {
    KEYWORDS
}

/// The kind of declaration a keyword starts.
pub fn keyword(word: &str) -> Option<DeclKind> {
    DeclKind::from_keyword(word)
}

/// What a declaration keyword declares.
pub fn keyword_doc(keyword: &str) -> &'static str {
    DeclKind::from_keyword(keyword).map_or("", |k| k.info().doc)
}

#[cfg(test)]
mod tests {
    use super::*;
    use isms::model::Keyword;

    #[test]
    fn every_keyword_has_a_doc_and_every_field_a_doc() {
        for word in keywords() {
            assert!(!keyword_doc(word).is_empty(), "`{word}` has no doc");
            let kind = keyword(word).unwrap();
            for f in fields(BlockKind::Decl(kind)) {
                assert!(!f.doc.is_empty(), "`{word}`.`{}` has no doc", f.name);
            }
        }
    }

    #[test]
    fn treatment_words_are_the_compilers() {
        let ours: Vec<&str> = TREATMENT_KINDS.iter().map(|(w, _)| *w).collect();
        assert_eq!(ours, TreatmentKind::names());
    }
}
