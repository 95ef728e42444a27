//! Stage 2: the typed model of one project — declarations lowered from every file,
//! references resolved by kind, and the traceability graph.

pub mod clauses;
pub mod coverage;
pub mod crosswalk;
pub mod graph;
pub mod items;
pub mod kinds;
pub mod lower;
pub mod methodology;
pub mod next_due;
pub mod overdue;
pub mod resolution;
pub mod resolve;
pub mod responsibilities;
pub mod schema;
pub mod values;

pub use items::*;
pub use kinds::*;
pub use resolution::{Mention, Referent, Resolution, Resolutions};
pub use resolve::{ControlSlot, Index};
pub use values::*;

use crate::diagnostics::Sink;
use crate::source::Span;
use crate::syntax::Decl;
use kinds::declarations;

// What `kinds::registry!` lists, generated here: above `resolve` and `resolution`, whose
// types the `Model` holds and which name its `Kind`, rather than in a cycle with them.
kinds::registry!(declarations);

impl Model {
    pub fn organization(&self) -> Option<&Organization> {
        self.organizations.first()
    }

    pub fn scope(&self) -> Option<&Scope> {
        self.scopes.first()
    }

    pub fn methodology(&self) -> Option<&Methodology> {
        self.methodologies.first()
    }

    /// The internal audit programme.
    pub fn programme(&self) -> Option<&Programme> {
        self.programmes.first()
    }

    /// The slot of a control ID, if the project can name it.
    pub fn slot(&self, id: &str) -> Option<&ControlSlot> {
        self.index
            .get(Kind::Control, id)
            .and_then(|i| self.slots.get(i))
    }

    pub fn slot_index(&self, id: &str) -> Option<usize> {
        self.index.get(Kind::Control, id)
    }

    /// The `control` declaration of a slot.
    pub fn control_decl(&self, slot: &ControlSlot) -> Option<&Control> {
        slot.decl.and_then(|i| self.controls.get(i))
    }

    /// The catalog entry of a slot.
    pub fn catalog_entry(&self, slot: &ControlSlot) -> Option<(&Catalog, &CatalogEntry)> {
        let (c, e) = slot.entry?;
        let catalog = self.catalogs.get(c)?;
        Some((catalog, catalog.entries.get(e)?))
    }

    /// Whether the control `id` is excluded by an `exclude` declaration; the first such
    /// exclusion, found through the references resolution recorded for the control.
    pub fn exclusion_of(&self, id: &str) -> Option<(&Exclusion, &Ref)> {
        let slot = Referent::Decl(Kind::Control, self.slot_index(id)?);
        let names = &self.resolution;
        let at = names
            .of(slot)
            .find(|x| x.target() == Some(slot) && names.field(x) == Some("exclude"))?
            .span;
        // Declarations are in span order (files in order, each in source order), so the
        // exclusion holding the reference is the last one starting before it.
        let key = |s: Span| (s.file, s.start());
        let i = self.exclusions.partition_point(|e| key(e.span) <= key(at));
        fn holding(e: &Exclusion, at: Span) -> Option<&Ref> {
            e.controls.iter().find(|r| r.span == at)
        }
        let found = i
            .checked_sub(1)
            .and_then(|i| self.exclusions.get(i))
            .and_then(|e| Some((e, holding(e, at)?)));
        // Should a model ever be out of span order, a scan by span is still right.
        found.or_else(|| {
            self.exclusions
                .iter()
                .find_map(|e| Some((e, holding(e, at)?)))
        })
    }

    pub fn person(&self, name: &str) -> Option<&Person> {
        self.index
            .get(Kind::Person, name)
            .and_then(|i| self.persons.get(i))
    }

    pub fn role(&self, name: &str) -> Option<&Role> {
        self.index
            .get(Kind::Role, name)
            .and_then(|i| self.roles.get(i))
    }

    pub fn risk(&self, name: &str) -> Option<&Risk> {
        self.index
            .get(Kind::Risk, name)
            .and_then(|i| self.risks.get(i))
    }

    pub fn policy(&self, name: &str) -> Option<&Policy> {
        self.index
            .get(Kind::Policy, name)
            .and_then(|i| self.policies.get(i))
    }
}
