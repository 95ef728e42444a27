//! Every kind of declaration, defined once. Each kind's file holds its item type, its
//! field schema, its lowering and what it references, as an implementation of
//! [`Declaration`] (`interested_party.rs` is the smallest whole example); the
//! registry (`registry!`, at the end of this file) lists each kind once, and
//! `declarations!` generates from that list, where `model/mod.rs` expands it, everything
//! that treats kinds alike: the [`DeclKind`] and [`Kind`] enums, [`KEYWORDS`], the [`Model`]'s
//! storage (`model.risks`, …), [`Model::append`], the lowering dispatch and the walks
//! over declared names and references. Whatever must treat kinds differently matches on
//! [`DeclKind`] exhaustively, so a kind added or removed here does not compile until
//! every such place handles it.

mod declaration;
// The lifecycle kinds' shared reading (and its `named!` macro) comes first.
#[macro_use]
mod lifecycle;
mod asset;
mod audit;
mod catalog;
mod control;
mod document;
mod exclusion;
mod incident;
mod interested_party;
mod issue;
mod management_review;
mod mapping;
mod methodology;
mod metric;
mod nonconformity;
mod objective;
mod organization;
mod person;
mod policy;
mod programme;
mod requirement;
mod risk;
mod role;
mod scope;
mod training;
mod uses;

pub use crate::model::schema::{FieldSpec, Need, Takes};
pub use asset::*;
pub use audit::*;
pub use catalog::*;
pub use control::*;
pub use declaration::{Declaration, Header, KindInfo};
pub use document::*;
pub use exclusion::*;
pub use incident::*;
pub use interested_party::*;
pub use issue::*;
pub use management_review::*;
pub use mapping::*;
pub use methodology::*;
pub use metric::*;
pub use nonconformity::*;
pub use objective::*;
pub use organization::*;
pub use person::*;
pub use policy::*;
pub use programme::*;
pub use requirement::*;
pub use risk::*;
pub use role::*;
pub use scope::*;
pub use training::*;
pub use uses::*;

// The registry's enums live in the parent module, where the registry is invoked.
use super::{DeclKind, Kind};

/// Generates the tables and walks of the kinds listed in [`declarations!`]'s invocation.
macro_rules! declarations {
    (
        kinds {
            $( $(#[$doc:meta])* $Kind:ident in $store:ident, )*
        }
        namespaces { $( $Named:ident, )* }
    ) => {
        /// Every kind of top-level declaration, in keyword order.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum DeclKind {
            $( $Kind, )*
        }

        impl DeclKind {
            pub const ALL: &'static [DeclKind] = &[$( DeclKind::$Kind, )*];

            pub fn info(self) -> &'static KindInfo {
                match self {
                    $( DeclKind::$Kind => &<$Kind as Declaration>::INFO, )*
                }
            }

            pub fn from_keyword(keyword: &str) -> Option<DeclKind> {
                DeclKind::ALL.iter().copied().find(|k| k.info().keyword == keyword)
            }

            /// The namespace its names live in, if it declares names others reference.
            pub fn namespace(self) -> Option<Kind> {
                Kind::ALL.iter().copied().find(|k| k.decl() == self)
            }
        }

        /// The declaration keywords, in order (completion, the did-you-mean of an unknown one).
        pub const KEYWORDS: &[&str] = &[$( <$Kind as Declaration>::KEYWORD, )*];

        /// The kinds of named declarations that references name; each has its own
        /// namespace.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Kind {
            $( $Named, )*
        }

        impl Kind {
            /// In this order a name found in another namespace is reported (`ref/wrong-kind`).
            pub const ALL: &'static [Kind] = &[$( Kind::$Named, )*];

            pub fn decl(self) -> DeclKind {
                match self {
                    $( Kind::$Named => DeclKind::$Named, )*
                }
            }

            pub fn noun(self) -> &'static str {
                self.decl().info().noun
            }

            pub fn article(self) -> &'static str {
                self.decl().info().article
            }
        }

        /// Everything a project declares, in file path order then source order.
        ///
        /// `Clone` so that the compiler can keep each file's lowered model between
        /// compiles (`compile::ParseCache`) and copy it into the next project model.
        #[derive(Debug, Default, Clone)]
        pub struct Model {
            /// `@allow(…)` suppressions, in source order.
            pub allows: Vec<Allow>,
            $( $(#[$doc])* pub $store: Vec<$Kind>, )*
            /// Names → declarations, filled by resolution.
            pub index: Index,
            /// Every control the project can name: the entries of used catalogs in
            /// catalog order, then the project's custom controls in source order. Filled
            /// by resolution.
            pub slots: Vec<ControlSlot>,
            /// Indices into `catalogs` of the catalogs brought in by `use`.
            pub used_catalogs: Vec<usize>,
            /// Index into `catalogs` of the catalog the Statement of Applicability
            /// covers: the ISO/IEC 27001 catalog in use, else the one `use … for soa`
            /// names, else the only catalog in use. Filled by resolution.
            pub soa_catalog: Option<usize>,
            /// Every name written in the project and what it stands for. Filled by
            /// resolution.
            pub resolution: Resolutions,
        }

        impl Model {
            /// Append the declarations lowered into `other` after this model's own, as
            /// if they had been lowered here next. Only for lowered, unresolved models:
            /// the lowering only ever pushes, so lowering parts of a project separately
            /// and appending them in order equals lowering it in one go.
            pub fn append(&mut self, other: Model) {
                let Model {
                    mut allows,
                    $( mut $store, )*
                    // Filled by resolution, which runs on the whole model afterwards.
                    index: _,
                    slots: _,
                    used_catalogs: _,
                    soa_catalog: _,
                    resolution: _,
                } = other;
                self.allows.append(&mut allows);
                $( self.$store.append(&mut $store); )*
            }

            /// Give back the spare capacity the lowering's growing vectors left: on a
            /// large project the declarations are most of the memory, and a doubled
            /// `Vec` up to half of it again.
            pub fn shrink_to_fit(&mut self) {
                self.allows.shrink_to_fit();
                $( self.$store.shrink_to_fit(); )*
            }

            /// Lower one declaration of `kind` and push it (lowering only appends).
            pub fn lower_declaration(&mut self, kind: DeclKind, decl: &Decl, sink: &mut Sink) {
                match kind {
                    $( DeclKind::$Kind => {
                        if let Some(item) = <$Kind as Declaration>::lower(decl, sink) {
                            self.$store.push(item);
                        }
                    } )*
                }
            }

            /// The names declared by the declarations of `kind`, each with its position
            /// in the model's vector of that kind.
            pub fn declared_names(&self, kind: DeclKind) -> Vec<(usize, &Name)> {
                match kind {
                    $( DeclKind::$Kind => self
                        .$store
                        .iter()
                        .enumerate()
                        .filter_map(|(i, x)| Some((i, x.name()?)))
                        .collect(), )*
                }
            }

            /// The name of the declaration of `kind` at `position` in its vector.
            pub fn declared_name(&self, kind: DeclKind, position: usize) -> Option<&Name> {
                match kind {
                    $( DeclKind::$Kind => self.$store.get(position)?.name(), )*
                }
            }

            /// The title of the declaration of `kind` at `position` in its vector.
            pub fn declared_title(&self, kind: DeclKind, position: usize) -> Option<&str> {
                match kind {
                    $( DeclKind::$Kind => self.$store.get(position)?.title(), )*
                }
            }

            /// Every reference of every declaration, with the field that holds it, kind
            /// by kind in registry order.
            pub fn each_reference(&self, visit: &mut dyn FnMut(&Ref, &'static FieldSpec)) {
                $( for item in &self.$store {
                    item.references(visit);
                } )*
            }

            /// Every reference of every declaration with the declaration that holds it
            /// (its kind and its position in that kind's vector) and the field, kind by
            /// kind in registry order.
            pub fn each_reference_in(
                &self,
                visit: &mut dyn FnMut(DeclKind, usize, &Ref, &'static FieldSpec),
            ) {
                $( for (i, item) in self.$store.iter().enumerate() {
                    item.references(&mut |r, f| visit(DeclKind::$Kind, i, r, f));
                } )*
            }

            /// Every date of every declaration, with the field that holds it, kind by
            /// kind in registry order.
            pub fn each_date(&self, visit: &mut dyn FnMut(&Dated, &'static FieldSpec)) {
                $( for item in &self.$store {
                    item.dates(visit);
                } )*
            }
        }
    };
}

pub(crate) use declarations;

/// The registry of declaration kinds: each kind once, in keyword order, with the vector of
/// `Model` that holds it; then the kinds whose names others reference, each a namespace.
/// It hands the list to the macro named by its caller (`model/mod.rs` passes
/// [`declarations!`]), so that what the list generates sits where it is expanded.
macro_rules! registry {
    ($generate:ident) => {
        $generate! {
            kinds {
                Use in uses,
                Organization in organizations,
                Scope in scopes,
                Role in roles,
                Person in persons,
                Methodology in methodologies,
                Asset in assets,
                Risk in risks,
                Control in controls,
                Exclusion in exclusions,
                Requirement in requirements,
                Policy in policies,
                /// Catalogs the project may `use`: its own first, then the shipped ones.
                Catalog in catalogs,
                /// Crosswalks between catalogs: the project's own first, then the shipped ones.
                Mapping in mappings,
                Objective in objectives,
                Metric in metrics,
                Training in trainings,
                Programme in programmes,
                Audit in audits,
                Review in reviews,
                Incident in incidents,
                Nonconformity in nonconformities,
                InterestedParty in interested_parties,
                Issue in issues,
                /// The document control of generated documents (`document soa { … }`).
                Document in documents,
            }
            namespaces {
                Person,
                Role,
                Asset,
                Risk,
                Control,
                Requirement,
                Policy,
                Objective,
                Metric,
                Training,
                Audit,
                Review,
                Incident,
                Nonconformity,
                InterestedParty,
                Issue,
                Document,
            }
        }
    };
}
pub(crate) use registry;

#[cfg(test)]
mod tests;
