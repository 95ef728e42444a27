//! One order of IDs that agrees with every list a workbook shows them in. The SoA lists
//! each control's risks and requirements in the order the project declared them; writing
//! the declarations in an order that keeps every such list keeps the SoA's justifications
//! word for word. Where the lists do not decide, the order of first appearance does.

use std::collections::{BTreeMap, BTreeSet};

/// `ids` reordered so each of `lists` keeps its order (as far as the lists agree with
/// each other; a contradiction falls back to first appearance).
pub fn consistent(ids: &[String], lists: &[Vec<String>]) -> Vec<String> {
    let mut position: BTreeMap<&str, usize> = BTreeMap::new();
    for id in ids.iter().chain(lists.iter().flatten()) {
        let next = position.len();
        position.entry(id.as_str()).or_insert(next);
    }
    let mut before: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for list in lists {
        for pair in list.windows(2) {
            if pair[0] != pair[1] {
                before
                    .entry(pair[1].as_str())
                    .or_default()
                    .insert(pair[0].as_str());
            }
        }
    }
    let wanted: BTreeSet<&str> = ids.iter().map(String::as_str).collect();
    let mut by_position: Vec<&str> = position.keys().copied().collect();
    by_position.sort_by_key(|id| position[id]);
    let mut placed: BTreeSet<&str> = BTreeSet::new();
    let mut out = Vec::new();
    while placed.len() < by_position.len() {
        // The first not yet placed whose predecessors are all placed; on a cycle, the
        // first not yet placed.
        let ready = by_position.iter().find(|id| {
            !placed.contains(*id)
                && before
                    .get(*id)
                    .is_none_or(|b| b.iter().all(|p| placed.contains(p)))
        });
        let Some(&id) = ready.or_else(|| by_position.iter().find(|id| !placed.contains(*id)))
        else {
            break;
        };
        placed.insert(id);
        if wanted.contains(id) {
            out.push(id.to_string());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::consistent;

    fn v(ids: &[&str]) -> Vec<String> {
        ids.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn keeps_every_list_in_order() {
        let ids = v(&["R-01", "R-09", "R-08"]);
        let lists = [v(&["R-08", "R-09"]), v(&["R-01", "R-08"])];
        assert_eq!(consistent(&ids, &lists), v(&["R-01", "R-08", "R-09"]));
    }

    #[test]
    fn ids_only_in_lists_are_ordered_but_not_returned() {
        let lists = [v(&["gdpr-32", "gdpr-28"]), v(&["gdpr-28", "nis2"])];
        assert_eq!(
            consistent(&v(&["nis2", "gdpr-28"]), &lists),
            v(&["gdpr-28", "nis2"])
        );
    }

    #[test]
    fn a_contradiction_falls_back_to_first_appearance() {
        let lists = [v(&["a", "b"]), v(&["b", "a"])];
        assert_eq!(consistent(&v(&["a", "b"]), &lists), v(&["a", "b"]));
    }
}
