//! The file name of each policy's documents (`policies/<name>.md`, `.html`), chosen here
//! alone so that every document and every link agrees.
//!
//! A policy ID is the file name when that is safe everywhere: only `A-Z a-z 0-9 _ - .`,
//! at most [`PLAIN_MAX`] characters, not a Windows device name (`CON`, `aux`, `NUL.x`,
//! `com1`, …), and no other policy ID equal to it but for case (`Access` and `access` would
//! be one file on a case-insensitive file system). Any other ID gets a lower-case name with
//! the unsafe characters replaced by `-`, cut to [`CUT`] characters, and a `~` plus eight hex
//! digits of a stable hash of the exact ID: IDs never contain `~`, so such a name never
//! equals a plain one, and IDs that differ only in case get different names. Names depend
//! only on the set of policy IDs, never on their order.

use std::collections::{BTreeMap, HashMap};

/// The longest ID used as its own file name.
pub const PLAIN_MAX: usize = 100;
/// How much of an unsafe ID's cleaned name is kept before the suffix.
pub const CUT: usize = 64;

/// Policy ID → file name without directory or extension.
#[derive(Debug, Clone, Default)]
pub struct PolicyFiles(BTreeMap<String, String>);

impl PolicyFiles {
    pub fn of<'a>(ids: impl IntoIterator<Item = &'a str>) -> PolicyFiles {
        let ids: Vec<&str> = ids.into_iter().collect();
        let mut folded: HashMap<String, usize> = HashMap::new();
        for id in &ids {
            *folded.entry(id.to_ascii_lowercase()).or_default() += 1;
        }
        let names = ids
            .iter()
            .map(|id| {
                let alone = folded.get(&id.to_ascii_lowercase()) == Some(&1);
                let name = if alone && plain(id) {
                    (*id).to_string()
                } else {
                    suffixed(id)
                };
                ((*id).to_string(), name)
            })
            .collect();
        PolicyFiles(names)
    }

    /// The file name of policy `id` (a name of its own if `id` is not a known policy).
    pub fn name(&self, id: &str) -> String {
        match self.0.get(id) {
            Some(name) => name.clone(),
            None if plain(id) => id.to_string(),
            None => suffixed(id),
        }
    }

    /// `policies/<name>`, without extension.
    pub fn stem(&self, id: &str) -> String {
        format!("policies/{}", self.name(id))
    }
}

/// Whether `id` can be its own file name on every common file system.
fn plain(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= PLAIN_MAX
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.'))
        && !id.starts_with('.')
        && !reserved(id)
}

/// Windows device names, which it refuses as file names whatever the extension.
fn reserved(id: &str) -> bool {
    let base = id.split('.').next().unwrap_or(id).to_ascii_lowercase();
    matches!(base.as_str(), "con" | "prn" | "aux" | "nul")
        || (base.len() == 4
            && (base.starts_with("com") || base.starts_with("lpt"))
            && base.as_bytes()[3].is_ascii_digit())
}

fn suffixed(id: &str) -> String {
    let cleaned: String = id
        .chars()
        .take(CUT)
        .map(|c| match c {
            'a'..='z' | '0'..='9' | '_' | '-' => c,
            'A'..='Z' => c.to_ascii_lowercase(),
            _ => '-',
        })
        .collect();
    format!("{cleaned}~{:08x}", fnv1a(id.as_bytes()) as u32)
}

/// FNV-1a, 64 bits: stable across versions and platforms, unlike std's hasher.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, &b| {
        (hash ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(ids: &[&str]) -> Vec<String> {
        let files = PolicyFiles::of(ids.iter().copied());
        ids.iter().map(|id| files.name(id)).collect()
    }

    #[test]
    fn safe_ids_are_their_own_names() {
        assert_eq!(
            names(&["infosec", "ISP-01", "a.b", "console", "com10"]),
            ["infosec", "ISP-01", "a.b", "console", "com10"]
        );
    }

    #[test]
    fn case_variants_device_names_and_long_ids_get_distinct_safe_names() {
        let long = "p".repeat(300);
        let ids = [
            "Access", "access", "con", "AUX", "nul", "com1", "LPT9.x", "a:b", &long,
        ];
        let got = names(&ids);
        for (id, name) in ids.iter().zip(&got) {
            assert!(name.contains('~'), "{id} → {name}");
            assert!(name.len() <= CUT + 9, "{id} → {name}");
        }
        let mut folded: Vec<String> = got.iter().map(|n| n.to_ascii_lowercase()).collect();
        folded.sort();
        folded.dedup();
        assert_eq!(folded.len(), ids.len(), "{got:?}");
        assert!(got[0].starts_with("access~") && got[1].starts_with("access~"));
    }

    #[test]
    fn names_do_not_depend_on_order() {
        let a = names(&["Access", "access", "x"]);
        let b = names(&["x", "access", "Access"]);
        assert_eq!(a, [b[2].clone(), b[1].clone(), b[0].clone()]);
    }
}
