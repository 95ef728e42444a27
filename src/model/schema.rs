//! A declaration's field schema: each field's name, whether it must be written, whether
//! it repeats, what its values are and what it is for. The lowering checks blocks
//! against it (`lower::fields`), rules name fields through it (`Risk::OWNER`), and the
//! language server completes and documents fields from it.

use super::Kind;

/// Whether a field must be written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Need {
    Optional,
    /// Missing is `field/missing`.
    Required,
    /// Missing is reported by the field's own rule (`risk/missing-owner`, …).
    ByRule,
}

/// What a field's values are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Takes {
    /// One or a list of names of these kinds (`owner`: one; `assets`: a list), resolved
    /// by resolution in this order ("a person or a role").
    Names(&'static [Kind]),
    /// `P on DATE`, where `P` is a person or a role.
    Signoff,
    /// A bare word from a fixed set, each with its description.
    Word(&'static [(&'static str, &'static str)]),
    /// A level of the methodology.
    Level,
    /// `mitigate|accept|transfer|avoid { … }`.
    Treatment,
    /// `likelihood N impact N`.
    Residual,
    /// `every N days|months|years`.
    Period,
    /// `YYYY-MM-DD`.
    Date,
    /// Strings, numbers, blocks or free words: nothing to suggest.
    Free,
}

/// People who can own or sign something.
pub const PEOPLE: &[Kind] = &[Kind::Person, Kind::Role];

impl Takes {
    /// The kinds of declaration the field's values name, in the order messages list them.
    pub fn kinds(self) -> &'static [Kind] {
        match self {
            Takes::Names(kinds) => kinds,
            Takes::Signoff => PEOPLE,
            Takes::Word(_)
            | Takes::Level
            | Takes::Treatment
            | Takes::Residual
            | Takes::Period
            | Takes::Date
            | Takes::Free => &[],
        }
    }
}

/// One field of a declaration's schema.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FieldSpec {
    pub name: &'static str,
    pub need: Need,
    pub repeatable: bool,
    /// What to write, for the help of `field/missing` ("likelihood <1..N>").
    pub hint: &'static str,
    pub takes: Takes,
    /// What the field is for, shown by completion and hover.
    pub doc: &'static str,
    /// Its dates are of something that has already happened (an approval, `raised`,
    /// `measured`, the date of an incident): `date/in-future` reports one after today.
    pub past: bool,
}

impl FieldSpec {
    /// The same field, its dates being of events that have already happened.
    pub const fn past(self) -> FieldSpec {
        FieldSpec { past: true, ..self }
    }
}

pub const fn optional(name: &'static str, takes: Takes, doc: &'static str) -> FieldSpec {
    FieldSpec {
        name,
        need: Need::Optional,
        repeatable: false,
        hint: "",
        takes,
        doc,
        past: false,
    }
}

pub const fn required(
    name: &'static str,
    hint: &'static str,
    takes: Takes,
    doc: &'static str,
) -> FieldSpec {
    FieldSpec {
        name,
        need: Need::Required,
        repeatable: false,
        hint,
        takes,
        doc,
        past: false,
    }
}

pub const fn by_rule(name: &'static str, takes: Takes, doc: &'static str) -> FieldSpec {
    FieldSpec {
        name,
        need: Need::ByRule,
        repeatable: false,
        hint: "",
        takes,
        doc,
        past: false,
    }
}

pub const fn repeatable(name: &'static str, takes: Takes, doc: &'static str) -> FieldSpec {
    FieldSpec {
        name,
        need: Need::Optional,
        repeatable: true,
        hint: "",
        takes,
        doc,
        past: false,
    }
}

/// The fields written in a block: a bit per field of the declaration's schema. Every
/// declaration carries one, so it is two words and no allocation (a `BTreeSet` of names
/// took a 200-byte node per declaration). Schemas have at most 64 fields (the largest has
/// ten).
#[derive(Clone, Copy, Default, PartialEq, Eq)]
pub struct FieldSet {
    schema: &'static [FieldSpec],
    mask: u64,
}

impl FieldSet {
    /// No field of `schema` written yet.
    pub fn new(schema: &'static [FieldSpec]) -> Self {
        FieldSet { schema, mask: 0 }
    }

    /// Record the field at position `index` of the schema.
    pub fn insert(&mut self, index: usize) {
        debug_assert!(index < 64, "a schema has more than 64 fields");
        self.mask |= bit(index);
    }

    fn has_index(&self, index: usize) -> bool {
        self.mask & bit(index) != 0
    }

    pub fn contains(&self, field: &FieldSpec) -> bool {
        let index = self.schema.iter().position(|s| s.name == field.name);
        index.is_some_and(|i| self.has_index(i))
    }

    /// The written fields' names, in schema order.
    pub fn iter(&self) -> impl Iterator<Item = &'static str> + '_ {
        let schema: &'static [FieldSpec] = self.schema;
        schema
            .iter()
            .enumerate()
            .filter(|(i, _)| self.has_index(*i))
            .map(|(_, spec)| spec.name)
    }
}

/// The mask bit of schema position `index` (none past the 64th).
fn bit(index: usize) -> u64 {
    u32::try_from(index)
        .ok()
        .and_then(|i| 1u64.checked_shl(i))
        .unwrap_or(0)
}

impl std::fmt::Debug for FieldSet {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_set().entries(self.iter()).finish()
    }
}

/// The values of a keyword enumeration (`Status`, `AssetKind`, …) for `Takes::Word`,
/// each described by the enumeration's name.
#[macro_export]
macro_rules! words {
    ($t:ty) => {{
        const ALL: &[(&str, &str)] = &{
            let all = <$t as $crate::model::Keyword>::ALL;
            let mut out = [("", ""); <$t as $crate::model::Keyword>::ALL.len()];
            let mut i = 0;
            while i < all.len() {
                out[i] = (all[i].0, <$t as $crate::model::Keyword>::WHAT);
                i += 1;
            }
            out
        };
        ALL
    }};
}
