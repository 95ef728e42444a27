//! Stage 2: the typed model of one project — declarations lowered from every file,
//! references resolved by kind, and the traceability graph.

pub mod graph;
pub mod items;
pub mod lifecycle;
pub mod lower;
pub mod methodology;
pub mod resolve;
pub mod values;

pub use items::*;
pub use lifecycle::*;
pub use resolve::{ControlSlot, Index, Kind};
pub use values::*;

/// Everything a project declares, in file path order then source order.
///
/// `Clone` so that the compiler can keep each file's lowered model between compiles
/// (`compile::ParseCache`) and copy it into the next project model.
#[derive(Debug, Default, Clone)]
pub struct Model {
    /// `@allow(…)` suppressions, in source order.
    pub allows: Vec<Allow>,
    pub uses: Vec<Use>,
    /// Catalogs the project may `use`: its own first, then the shipped ones.
    pub catalogs: Vec<Catalog>,
    pub organizations: Vec<Organization>,
    pub scopes: Vec<Scope>,
    pub methodologies: Vec<Methodology>,
    pub roles: Vec<Role>,
    pub persons: Vec<Person>,
    pub assets: Vec<Asset>,
    pub risks: Vec<Risk>,
    pub controls: Vec<Control>,
    pub exclusions: Vec<Exclusion>,
    pub requirements: Vec<Requirement>,
    pub policies: Vec<Policy>,
    pub objectives: Vec<Objective>,
    pub metrics: Vec<Metric>,
    pub trainings: Vec<Training>,
    pub programmes: Vec<Programme>,
    pub audits: Vec<Audit>,
    pub reviews: Vec<Review>,
    pub incidents: Vec<Incident>,
    pub nonconformities: Vec<Nonconformity>,
    /// Names → declarations, filled by resolution.
    pub index: Index,
    /// Every control the project can name: the entries of used catalogs in catalog order,
    /// then the project's custom controls in source order. Filled by resolution.
    pub slots: Vec<ControlSlot>,
    /// Indices into `catalogs` of the catalogs brought in by `use`.
    pub used_catalogs: Vec<usize>,
}

impl Model {
    /// Append the declarations lowered into `other` after this model's own, as if they
    /// had been lowered here next. Only for lowered, unresolved models: the lowering only
    /// ever pushes, so lowering parts of a project separately and appending them in order
    /// equals lowering it in one go. The destructuring is exhaustive on purpose: a new kind
    /// of declaration does not compile until it is appended here.
    pub fn append(&mut self, other: Model) {
        let Model {
            mut allows,
            mut uses,
            mut catalogs,
            mut organizations,
            mut scopes,
            mut methodologies,
            mut roles,
            mut persons,
            mut assets,
            mut risks,
            mut controls,
            mut exclusions,
            mut requirements,
            mut policies,
            mut objectives,
            mut metrics,
            mut trainings,
            mut programmes,
            mut audits,
            mut reviews,
            mut incidents,
            mut nonconformities,
            // Filled by resolution, which runs on the whole model afterwards.
            index: _,
            slots: _,
            used_catalogs: _,
        } = other;
        self.allows.append(&mut allows);
        self.uses.append(&mut uses);
        self.catalogs.append(&mut catalogs);
        self.organizations.append(&mut organizations);
        self.scopes.append(&mut scopes);
        self.methodologies.append(&mut methodologies);
        self.roles.append(&mut roles);
        self.persons.append(&mut persons);
        self.assets.append(&mut assets);
        self.risks.append(&mut risks);
        self.controls.append(&mut controls);
        self.exclusions.append(&mut exclusions);
        self.requirements.append(&mut requirements);
        self.policies.append(&mut policies);
        self.objectives.append(&mut objectives);
        self.metrics.append(&mut metrics);
        self.trainings.append(&mut trainings);
        self.programmes.append(&mut programmes);
        self.audits.append(&mut audits);
        self.reviews.append(&mut reviews);
        self.incidents.append(&mut incidents);
        self.nonconformities.append(&mut nonconformities);
    }

    /// Give back the spare capacity the lowering's growing vectors left: on a large
    /// project the declarations are most of the memory, and a doubled `Vec` up to half of
    /// it again.
    pub fn shrink_to_fit(&mut self) {
        self.assets.shrink_to_fit();
        self.risks.shrink_to_fit();
        self.controls.shrink_to_fit();
        self.requirements.shrink_to_fit();
        self.policies.shrink_to_fit();
        self.allows.shrink_to_fit();
    }

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
