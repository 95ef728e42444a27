//! The framework catalogs shipped with `isms`, written in the language itself
//! (`stdlib/*.isms`) and compiled into the binary.

/// (display name, text) of every shipped catalog file.
pub const FILES: &[(&str, &str)] = &[(
    "<stdlib>/iso27001-2022.isms",
    include_str!("../stdlib/iso27001-2022.isms"),
)];

/// ISO/IEC 27001:2013 Annex A control IDs and their ISO/IEC 27001:2022 successors, one
/// `A.n.n.n,A.n.n` pair a line (`stdlib/mapping-2013-2022.md` says where it comes from).
pub const MAPPING_2013_2022: &str = include_str!("../stdlib/mapping-2013-2022.csv");

/// The ISO/IEC 27001:2022 control or controls that replaced an ISO/IEC 27001:2013 Annex A
/// control, in the table's order; `None` for anything else.
pub fn successors_2013(id: &str) -> Option<&'static [&'static str]> {
    static TABLE: std::sync::OnceLock<rustc_hash::FxHashMap<&'static str, Vec<&'static str>>> =
        std::sync::OnceLock::new();
    let table = TABLE.get_or_init(|| {
        let mut table: rustc_hash::FxHashMap<&'static str, Vec<&'static str>> =
            rustc_hash::FxHashMap::default();
        for line in MAPPING_2013_2022.lines().skip(1) {
            if let Some((old, new)) = line.trim().split_once(',') {
                table.entry(old).or_default().push(new);
            }
        }
        table
    });
    table.get(id).map(Vec::as_slice)
}

/// Whether `id` has the form of an ISO/IEC 27001 Annex A ID, `A.n.n` or `A.n.n.n`: with
/// `use iso27001:2022`, such IDs belong to the catalog and no custom control may take one.
pub fn is_annex_a_form(id: &str) -> bool {
    let Some(rest) = id.strip_prefix("A.") else {
        return false;
    };
    let parts: Vec<&str> = rest.split('.').collect();
    (2..=3).contains(&parts.len())
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
}

#[cfg(test)]
mod tests {
    use super::{is_annex_a_form, successors_2013};

    #[test]
    fn the_2013_table_maps_every_old_control() {
        assert_eq!(successors_2013("A.12.6.1"), Some(&["A.8.8"][..]));
        assert_eq!(successors_2013("A.9.4.2"), Some(&["A.8.5"][..]));
        assert_eq!(successors_2013("A.18.2.3"), Some(&["A.5.36", "A.8.8"][..]));
        assert_eq!(successors_2013("A.8.8"), None);
        let old: std::collections::BTreeSet<&str> = super::MAPPING_2013_2022
            .lines()
            .skip(1)
            .filter_map(|l| l.split_once(',').map(|(o, _)| o))
            .collect();
        assert_eq!(old.len(), 114);
    }

    #[test]
    fn annex_a_form() {
        assert!(is_annex_a_form("A.7.20"));
        assert!(is_annex_a_form("A.12.6.1"));
        assert!(!is_annex_a_form("A.5"));
        assert!(!is_annex_a_form("A.5.1.1.1"));
        assert!(!is_annex_a_form("ACME.1"));
        assert!(!is_annex_a_form("A.x.1"));
    }
}
