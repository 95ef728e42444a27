//! Stage 2: the typed model of one project — declarations lowered from every file,
//! references resolved by kind, and the traceability graph.

pub mod graph;
pub mod items;
pub mod kinds;
pub mod lower;
pub mod methodology;
pub mod resolve;
pub mod values;

pub use items::*;
pub use kinds::*;
pub use resolve::{ControlSlot, Index};
pub use values::*;

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

    /// Whether `id` is excluded by an `exclude` declaration; the first such exclusion.
    pub fn exclusion_of(&self, id: &str) -> Option<(&Exclusion, &Ref)> {
        self.exclusions
            .iter()
            .find_map(|e| e.controls.iter().find(|r| r.name == id).map(|r| (e, r)))
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
