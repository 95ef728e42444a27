//! Crosswalks: which mappings are in use and what their IDs name. The one place that
//! decides whether a mapping's ID is a control of its catalog or an ISO/IEC 27001 clause;
//! the `mapping/*` rules, coverage and hover read it.

use rustc_hash::{FxHashMap, FxHashSet};

use super::kinds::{Mapping, CLAUSE_PREFIX};
use super::resolve::is_iso27001;
use super::Model;

/// The clauses and subclauses of ISO/IEC 27001:2022 clauses 4–10, by number only (no
/// titles: they are ISO's text). A mapping names one as `clause:6.1.2`.
pub const CLAUSES: &[&str] = &[
    "4", "4.1", "4.2", "4.3", "4.4", "5", "5.1", "5.2", "5.3", "6", "6.1", "6.1.1", "6.1.2",
    "6.1.3", "6.2", "6.3", "7", "7.1", "7.2", "7.3", "7.4", "7.5", "7.5.1", "7.5.2", "7.5.3", "8",
    "8.1", "8.2", "8.3", "9", "9.1", "9.2", "9.2.1", "9.2.2", "9.3", "9.3.1", "9.3.2", "9.3.3",
    "10", "10.1", "10.2",
];

/// The clause number of a `clause:N` ID, if it is written that way.
pub fn clause_number(id: &str) -> Option<&str> {
    id.strip_prefix(CLAUSE_PREFIX)
}

/// The index into `Model::catalogs` of the catalog named `id` (the first, as `use` does).
pub fn catalog_index(model: &Model, id: &str) -> Option<usize> {
    model.catalogs.iter().position(|c| c.id.text == id)
}

/// The (from, to) catalogs of a mapping, when both name catalogs.
pub fn ends(model: &Model, mapping: &Mapping) -> Option<(usize, usize)> {
    let from = catalog_index(model, &mapping.from.as_ref()?.text)?;
    let to = catalog_index(model, &mapping.to.as_ref()?.text)?;
    Some((from, to))
}

/// A mapping is in use when the project uses both of its catalogs.
pub fn in_use(model: &Model, mapping: &Mapping) -> Option<(usize, usize)> {
    let (from, to) = ends(model, mapping)?;
    let used = |c| model.used_catalogs.contains(&c);
    (used(from) && used(to)).then_some((from, to))
}

/// Whether catalog `c` is another framework than the SoA's, related to the SoA's
/// catalog by a mapping in use (in either direction).
pub fn mapped_to_soa(model: &Model, c: usize) -> bool {
    let Some(soa) = model.soa_catalog.filter(|&s| s != c) else {
        return false;
    };
    model.mappings.iter().any(|mapping| {
        in_use(model, mapping)
            .is_some_and(|(from, to)| (from, to) == (c, soa) || (from, to) == (soa, c))
    })
}

/// The IDs each catalog defines, built once per question.
pub struct CatalogIds<'m> {
    model: &'m Model,
    ids: FxHashMap<usize, FxHashSet<&'m str>>,
}

impl<'m> CatalogIds<'m> {
    pub fn new(model: &'m Model) -> Self {
        CatalogIds {
            model,
            ids: FxHashMap::default(),
        }
    }

    /// Whether `id` names something of catalog `c`: one of its entries, or, in an
    /// ISO/IEC 27001 catalog, a clause of 4–10 written `clause:N`.
    pub fn knows(&mut self, c: usize, id: &str) -> bool {
        let Some(catalog) = self.model.catalogs.get(c) else {
            return false;
        };
        if let Some(number) = clause_number(id) {
            return is_iso27001(&catalog.id.text) && CLAUSES.contains(&number);
        }
        self.ids
            .entry(c)
            .or_insert_with(|| catalog.entries.iter().map(|e| e.id.as_str()).collect())
            .contains(id)
    }

    /// What a misspelt ID of catalog `c` may have meant: its entries, and its clauses
    /// when it is ISO/IEC 27001.
    pub fn candidates(&self, c: usize) -> Vec<String> {
        let Some(catalog) = self.model.catalogs.get(c) else {
            return Vec::new();
        };
        let mut all: Vec<String> = catalog.entries.iter().map(|e| e.id.clone()).collect();
        if is_iso27001(&catalog.id.text) {
            all.extend(CLAUSES.iter().map(|n| format!("{CLAUSE_PREFIX}{n}")));
        }
        all
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clauses_are_numbers_of_4_to_10_only() {
        assert_eq!(clause_number("clause:6.1.2"), Some("6.1.2"));
        assert_eq!(clause_number("A.5.1"), None);
        assert!(CLAUSES.contains(&"9.3.3"));
        assert!(!CLAUSES.contains(&"11"));
        assert!(!CLAUSES.contains(&"6.11"));
        let shared = include_str!("../../tests/fixtures/crosswalk/clauses-4-10.ids");
        let listed: Vec<&str> = shared.lines().collect();
        assert_eq!(listed, CLAUSES);
    }
}
