//! The names of a project at their positions: a view of the compiler's resolution table
//! (`Model::resolution`), which records every declared name and every reference once,
//! with what it resolved to. Nothing here resolves a name again.
//!
//! Definition, references, rename, highlight, hover and semantic tokens all start from
//! "what name is under the cursor", answered here.

use isms::model::{Kind, Mention, Referent, Resolution, Resolutions};
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
    /// The name is a declared one (always true for a declaration of the project). A
    /// reference in a field that wants another kind (`ref/wrong-kind`) still names that
    /// declaration, so it is resolved here, and renamed with it.
    pub resolved: bool,
    /// What the compiler resolved the name to; `None` when it names nothing.
    pub referent: Option<Referent>,
}

#[derive(Debug, Default)]
pub struct Names {
    /// Sorted by span, as the compiler's table is.
    occurrences: Vec<Occurrence>,
}

impl Names {
    /// The project files' names from the compiler's table, described for the editor. The
    /// shipped catalogs have no file to point at, so their names are left out.
    pub fn build(c: &Compilation) -> Names {
        let occurrences = c
            .model
            .resolution
            .all()
            .iter()
            .filter(|m| (m.span.file.0 as usize) < c.project_files)
            .filter_map(|m| occurrence(c, m))
            .collect();
        Names { occurrences }
    }

    /// The name at a byte offset; a cursor just after a name still counts.
    pub fn at(&self, file: FileId, offset: usize) -> Option<&Occurrence> {
        isms::model::resolution::name_at(&self.occurrences, |o| o.span, file, offset)
    }

    fn by_span(&self, span: Span) -> Option<&Occurrence> {
        let i = self
            .occurrences
            .binary_search_by_key(&span, |o| o.span)
            .ok()?;
        self.occurrences.get(i)
    }

    /// Every occurrence of what `at` names, declarations first, then in source order:
    /// read from the table's index by declaration. A name that resolves to nothing goes
    /// with the other unresolved uses of the same name.
    pub fn of<'a>(&'a self, table: &'a Resolutions, at: &Occurrence) -> Vec<&'a Occurrence> {
        match at.referent {
            Some(referent) => table
                .of(referent)
                .filter_map(|m| self.by_span(m.span))
                .collect(),
            None => self
                .occurrences
                .iter()
                .filter(|o| o.referent.is_none() && o.target == at.target)
                .collect(),
        }
    }

    pub fn all(&self) -> &[Occurrence] {
        &self.occurrences
    }
}

/// One entry of the table as the editor sees it. Catalog names and risk levels are not
/// declarations of a kind, so they have no occurrence.
fn occurrence(c: &Compilation, m: &Mention) -> Option<Occurrence> {
    let (kind, referent) = match m.resolution {
        Resolution::Resolved(r) | Resolution::WrongKind(r) => match r {
            Referent::Decl(kind, _) => (kind, Some(r)),
            Referent::Catalog(_) | Referent::Level(_) => return None,
        },
        Resolution::Unknown(kind) => (kind?, None),
    };
    let name = match referent {
        Some(r) => c.model.name_of(r)?,
        None => c.sources.slice(m.span),
    };
    Some(Occurrence {
        span: m.span,
        target: Target {
            kind,
            name: name.to_string(),
        },
        is_def: m.definition,
        resolved: referent.is_some(),
        referent,
    })
}
