//! The names of a project at their positions: every declaration of a named thing and
//! every reference to one, resolved the way the compiler resolves them.
//!
//! Definition, references, rename, hover and semantic tokens all start from "what name is
//! under the cursor", answered here from the model's spans.

use isms::model::{Kind, Model, Ref};
use isms::source::{FileId, Span};
use isms::Compilation;

/// A named thing: its kind and name (`Kind::Control` covers catalog entries too).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Target {
    pub kind: Kind,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Occurrence {
    pub span: Span,
    pub target: Target,
    /// A declaration (`risk R-1`, `control A.5.1`, a catalog `entry`), not a use.
    pub is_def: bool,
    /// The name resolves to a declaration (always true for declarations).
    pub resolved: bool,
}

#[derive(Debug, Default)]
pub struct Names {
    /// Sorted by span.
    occurrences: Vec<Occurrence>,
}

const PEOPLE: &[Kind] = &[Kind::Person, Kind::Role];

impl Names {
    pub fn build(c: &Compilation) -> Names {
        let m = &c.model;
        let mut b = Builder {
            model: m,
            out: Vec::new(),
        };
        for x in &m.roles {
            b.def(Kind::Role, &x.id.text, x.id.span);
        }
        for x in &m.persons {
            b.def(Kind::Person, &x.id.text, x.id.span);
            b.refs(&x.roles, &[Kind::Role]);
        }
        for x in &m.assets {
            b.def(Kind::Asset, &x.id.text, x.id.span);
            b.opt(x.owner.as_ref(), PEOPLE);
            b.refs(&x.depends_on, &[Kind::Asset]);
        }
        for x in &m.risks {
            b.def(Kind::Risk, &x.id.text, x.id.span);
            b.opt(x.owner.as_ref(), PEOPLE);
            b.refs(&x.assets, &[Kind::Asset]);
            if let Some(t) = &x.treatment {
                b.refs(&t.controls, &[Kind::Control]);
                b.opt(t.accepted.as_ref().map(|s| &s.by), PEOPLE);
            }
        }
        for x in &m.controls {
            b.def(Kind::Control, &x.id.text, x.id.span);
            b.opt(x.owner.as_ref(), PEOPLE);
        }
        for x in &m.exclusions {
            b.refs(&x.controls, &[Kind::Control]);
        }
        for x in &m.requirements {
            b.def(Kind::Requirement, &x.id.text, x.id.span);
            b.refs(&x.controls, &[Kind::Control]);
        }
        for x in &m.policies {
            b.def(Kind::Policy, &x.id.text, x.id.span);
            b.opt(x.owner.as_ref(), PEOPLE);
            b.opt(x.approved.as_ref().map(|s| &s.by), PEOPLE);
            b.opt(x.parent.as_ref(), &[Kind::Policy]);
            b.refs(&x.implements, &[Kind::Control]);
        }
        // Catalog entries written in the project are declarations of controls; the
        // shipped catalogs have no file to point at, so they are left out.
        for catalog in &m.catalogs {
            for e in catalog.entries.iter() {
                if (e.span.file.0 as usize) < c.project_files {
                    b.def(Kind::Control, &e.id, e.span);
                }
            }
        }
        let mut occurrences = b.out;
        occurrences.sort_by_key(|o| o.span);
        Names { occurrences }
    }

    /// The name at a byte offset; a cursor just after a name still counts.
    pub fn at(&self, file: FileId, offset: usize) -> Option<&Occurrence> {
        let i = self
            .occurrences
            .partition_point(|o| (o.span.file, o.span.start()) <= (file, offset));
        // Names never overlap: only the last one starting at or before the offset, or the
        // one before it when the cursor sits right after a name, can hold it.
        self.occurrences[..i]
            .iter()
            .rev()
            .take_while(|o| o.span.file == file)
            .take(2)
            .find(|o| o.span.start() <= offset && offset <= o.span.end())
    }

    /// Every occurrence of a target, declarations first, then in source order.
    pub fn of<'a>(&'a self, target: &'a Target) -> impl Iterator<Item = &'a Occurrence> + 'a {
        let defs = self
            .occurrences
            .iter()
            .filter(move |o| o.is_def && &o.target == target);
        let uses = self
            .occurrences
            .iter()
            .filter(move |o| !o.is_def && &o.target == target);
        defs.chain(uses)
    }

    pub fn all(&self) -> &[Occurrence] {
        &self.occurrences
    }
}

struct Builder<'m> {
    model: &'m Model,
    out: Vec<Occurrence>,
}

impl Builder<'_> {
    fn def(&mut self, kind: Kind, name: &str, span: Span) {
        self.out.push(Occurrence {
            span,
            target: Target {
                kind,
                name: name.to_string(),
            },
            is_def: true,
            resolved: true,
        });
    }

    fn opt(&mut self, r: Option<&Ref>, kinds: &[Kind]) {
        if let Some(r) = r {
            self.reference(r, kinds);
        }
    }

    fn refs(&mut self, refs: &[Ref], kinds: &[Kind]) {
        for r in refs {
            self.reference(r, kinds);
        }
    }

    /// A reference resolves to the first of `kinds` that declares the name, as in the
    /// compiler's resolution; an unresolved one keeps the first kind it could have been.
    fn reference(&mut self, r: &Ref, kinds: &[Kind]) {
        let found = kinds
            .iter()
            .find(|k| self.model.index.get(**k, &r.name).is_some());
        let Some(&kind) = found.or(kinds.first()) else {
            return;
        };
        self.out.push(Occurrence {
            span: r.span,
            target: Target {
                kind,
                name: r.name.clone(),
            },
            is_def: false,
            resolved: found.is_some(),
        });
    }
}
