//! What resolution found: every name written in the project — each declaration's own name
//! and each reference — with its span, what it names, and whether it is a definition.
//!
//! Resolution is the only stage that looks names up. Everything after it (the graph, the
//! emitters, the language server's navigation) asks this table what a written name
//! stands for, by its span or by its target, and never looks the string up again.

use rustc_hash::FxHashMap as HashMap;

use super::values::Ref;
use super::Kind;
use super::Model;
use crate::source::{FileId, Span};

/// Something a name can stand for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Referent {
    /// A declaration: its kind and its position in the model's vector of that kind. For
    /// `Kind::Control` the position is in `Model::slots`, so a catalog entry and the
    /// `control` declaration that records it are one target.
    Decl(Kind, usize),
    /// A framework catalog: its position in `Model::catalogs`.
    Catalog(usize),
    /// A risk level of the methodology (`accept`): its position in `levels`.
    Level(usize),
}

/// What a written name resolved to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Resolution {
    /// A declaration of a kind the field accepts (for a definition: what its name means).
    Resolved(Referent),
    /// A declaration, but of a kind the field does not accept (`ref/wrong-kind`).
    WrongKind(Referent),
    /// Nothing of that name. The kind is the first the field accepts (`None` for a
    /// catalog or a level); a definition that names nothing is a catalog entry of a catalog the
    /// project does not use.
    Unknown(Option<Kind>),
}

/// One written name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mention {
    /// Exactly the name.
    pub span: Span,
    pub resolution: Resolution,
    /// A declaration's own name (`risk R-1`, `control A.5.1`, a catalog's `entry`), not a use.
    pub definition: bool,
    /// The field the reference is written in; `None` for definitions.
    field: Option<FieldId>,
}

impl Mention {
    /// The declaration named, when its kind is one the field accepts.
    pub fn target(&self) -> Option<Referent> {
        match self.resolution {
            Resolution::Resolved(t) => Some(t),
            Resolution::WrongKind(_) | Resolution::Unknown(_) => None,
        }
    }

    /// The declaration whose name this is, whatever the field accepts: what renaming that
    /// declaration must rename here too.
    pub fn named(&self) -> Option<Referent> {
        match self.resolution {
            Resolution::Resolved(t) | Resolution::WrongKind(t) => Some(t),
            Resolution::Unknown(_) => None,
        }
    }
}

/// An interned field name (a handful of distinct ones, written once per reference).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct FieldId(u16);

/// The table of every name resolution saw, filled once by [`super::resolve::resolve`].
#[derive(Debug, Default, Clone)]
pub struct Resolutions {
    /// Sorted by span; names never overlap, so each span is there once.
    mentions: Vec<Mention>,
    /// Positions in `mentions` of every mention that names a target, sorted by target,
    /// then definitions first, then span.
    by_target: Vec<u32>,
    fields: Vec<Box<str>>,
}

impl Resolutions {
    /// Every mention, in span order.
    pub fn all(&self) -> &[Mention] {
        &self.mentions
    }

    /// The mention whose span is exactly `span`.
    pub fn of_span(&self, span: Span) -> Option<&Mention> {
        let i = self.mentions.binary_search_by_key(&span, |m| m.span).ok()?;
        self.mentions.get(i)
    }

    /// The declaration a reference names, when its kind is one the field accepts.
    pub fn target(&self, r: &Ref) -> Option<Referent> {
        self.of_span(r.span)?.target()
    }

    /// The position of the declaration of `kind` a reference names.
    pub fn decl(&self, r: &Ref, kind: Kind) -> Option<usize> {
        match self.target(r)? {
            Referent::Decl(k, i) if k == kind => Some(i),
            Referent::Decl(..) | Referent::Catalog(_) | Referent::Level(_) => None,
        }
    }

    /// The name at a byte offset; a cursor just after a name still counts.
    pub fn at(&self, file: FileId, offset: usize) -> Option<&Mention> {
        name_at(&self.mentions, |m| m.span, file, offset)
    }

    /// Every mention naming `target`: its definitions first, then in source order.
    pub fn of(&self, target: Referent) -> impl Iterator<Item = &Mention> + '_ {
        let key = |i: &u32| self.mentions.get(*i as usize).and_then(Mention::named);
        let from = self.by_target.partition_point(|i| key(i) < Some(target));
        let to = self.by_target.partition_point(|i| key(i) <= Some(target));
        self.by_target
            .get(from..to)
            .unwrap_or_default()
            .iter()
            .filter_map(|i| self.mentions.get(*i as usize))
    }

    /// Whether a reference written in `field` resolves to `target`.
    pub fn is_named_in(&self, target: Referent, field: &str) -> bool {
        self.of(target)
            .any(|m| m.target() == Some(target) && self.field(m) == Some(field))
    }

    /// The field a reference is written in (`None` for a definition).
    pub fn field(&self, m: &Mention) -> Option<&str> {
        let FieldId(i) = m.field?;
        self.fields.get(usize::from(i)).map(|f| &**f)
    }
}

/// The item of `sorted` (sorted by span, spans never overlapping) whose span holds a
/// byte offset; a cursor just after a name still counts. A binary search: the editor asks
/// on every hover and every semantic token.
pub fn name_at<T>(
    sorted: &[T],
    span: impl Fn(&T) -> Span,
    file: FileId,
    offset: usize,
) -> Option<&T> {
    let i = sorted.partition_point(|x| (span(x).file, span(x).start()) <= (file, offset));
    // Names never overlap: only the last one starting at or before the offset, or the
    // one before it when the cursor sits right after a name, can hold it.
    sorted
        .get(..i)?
        .iter()
        .rev()
        .take_while(|x| span(x).file == file)
        .take(2)
        .find(|x| span(x).start() <= offset && offset <= span(x).end())
}

/// Collects the mentions while resolution runs: one push each, one sort at the end.
#[derive(Debug, Default)]
pub struct Recorder {
    mentions: Vec<Mention>,
    fields: Vec<Box<str>>,
    field_ids: HashMap<Box<str>, FieldId>,
}

impl Recorder {
    pub fn definition(&mut self, span: Span, resolution: Resolution) {
        self.mentions.push(Mention {
            span,
            resolution,
            definition: true,
            field: None,
        });
    }

    pub fn reference(&mut self, span: Span, field: &str, resolution: Resolution) {
        let field = self.intern(field);
        self.mentions.push(Mention {
            span,
            resolution,
            definition: false,
            field,
        });
    }

    fn intern(&mut self, field: &str) -> Option<FieldId> {
        if let Some(id) = self.field_ids.get(field) {
            return Some(*id);
        }
        let id = FieldId(u16::try_from(self.fields.len()).ok()?);
        self.fields.push(field.into());
        self.field_ids.insert(field.into(), id);
        Some(id)
    }

    pub fn finish(self) -> Resolutions {
        let mut mentions = self.mentions;
        mentions.sort_by_key(|m| m.span);
        let mut by_target: Vec<u32> = (0..mentions.len())
            .filter_map(|i| u32::try_from(i).ok())
            .filter(|i| mentions.get(*i as usize).and_then(Mention::named).is_some())
            .collect();
        by_target.sort_by_key(|i| {
            mentions
                .get(*i as usize)
                .map(|m| (m.named(), !m.definition, m.span))
        });
        Resolutions {
            mentions,
            by_target,
            fields: self.fields,
        }
    }
}

impl Model {
    /// The name a target was declared with.
    pub fn name_of(&self, target: Referent) -> Option<&str> {
        fn id(name: Option<&super::values::Name>) -> Option<&str> {
            name.map(|n| n.text.as_str())
        }
        match target {
            Referent::Catalog(i) => id(self.catalogs.get(i).map(|c| &c.id)),
            Referent::Level(i) => id(self.methodology()?.levels.get(i).map(|l| &l.name)),
            Referent::Decl(Kind::Control, i) => self.slots.get(i).map(|s| s.id.as_str()),
            Referent::Decl(kind, i) => id(self.declared_name(kind.decl(), i)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span(file: u32, start: usize, end: usize) -> Span {
        Span::new(FileId(file), start, end)
    }

    fn table() -> Resolutions {
        let role = Referent::Decl(Kind::Role, 0);
        let mut r = Recorder::default();
        // Pushed out of order, as resolution does (references after all definitions).
        r.reference(span(1, 20, 24), "owner", Resolution::Resolved(role));
        r.reference(
            span(0, 30, 33),
            "owner",
            Resolution::Unknown(Some(Kind::Person)),
        );
        r.definition(span(0, 5, 9), Resolution::Resolved(role));
        r.reference(span(0, 40, 44), "audience", Resolution::WrongKind(role));
        r.definition(
            span(0, 10, 12),
            Resolution::Resolved(Referent::Decl(Kind::Asset, 0)),
        );
        r.finish()
    }

    #[test]
    fn mentions_are_sorted_by_span() {
        let t = table();
        let starts: Vec<(u32, usize)> = t
            .all()
            .iter()
            .map(|m| (m.span.file.0, m.span.start()))
            .collect();
        assert_eq!(starts, [(0, 5), (0, 10), (0, 30), (0, 40), (1, 20)]);
    }

    #[test]
    fn at_finds_the_name_under_or_just_after_the_cursor() {
        let t = table();
        assert_eq!(t.at(FileId(0), 5).map(|m| m.span), Some(span(0, 5, 9)));
        assert_eq!(t.at(FileId(0), 9).map(|m| m.span), Some(span(0, 5, 9)));
        assert_eq!(t.at(FileId(0), 10).map(|m| m.span), Some(span(0, 10, 12)));
        assert_eq!(t.at(FileId(0), 13), None);
        assert_eq!(t.at(FileId(1), 22).map(|m| m.span), Some(span(1, 20, 24)));
        assert_eq!(t.at(FileId(1), 5), None);
        assert_eq!(t.at(FileId(2), 0), None);
    }

    #[test]
    fn of_gives_definitions_first_then_source_order_including_wrong_kinds() {
        let t = table();
        let spans: Vec<Span> = t
            .of(Referent::Decl(Kind::Role, 0))
            .map(|m| m.span)
            .collect();
        assert_eq!(spans, [span(0, 5, 9), span(0, 40, 44), span(1, 20, 24)]);
        assert_eq!(t.of(Referent::Decl(Kind::Role, 1)).count(), 0);
        assert_eq!(t.of(Referent::Decl(Kind::Asset, 0)).count(), 1);
    }

    #[test]
    fn target_is_only_for_accepted_kinds() {
        let t = table();
        let wrong = t.of_span(span(0, 40, 44)).unwrap();
        assert_eq!(wrong.target(), None);
        assert_eq!(wrong.named(), Some(Referent::Decl(Kind::Role, 0)));
        let r = Ref {
            name: "ciso".into(),
            span: span(1, 20, 24),
        };
        assert_eq!(t.decl(&r, Kind::Role), Some(0));
        assert_eq!(t.decl(&r, Kind::Person), None);
        assert_eq!(t.field(t.of_span(r.span).unwrap()), Some("owner"));
        assert_eq!(t.field(t.of_span(span(0, 5, 9)).unwrap()), None);
        assert_eq!(t.field(wrong), Some("audience"));
        let role = Referent::Decl(Kind::Role, 0);
        assert!(t.is_named_in(role, "owner"));
        // A definition is no reference, and a wrong kind does not count.
        assert!(!t.is_named_in(role, "audience"));
        assert!(!t.is_named_in(Referent::Decl(Kind::Asset, 0), "owner"));
    }
}
