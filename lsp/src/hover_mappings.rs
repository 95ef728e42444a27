//! The hover of an ISO/IEC 27001 control, continued: what the mappings in use relate it
//! to in the other frameworks of the project.

use isms::model::crosswalk;
use isms::model::Model;

/// At most this many IDs per framework; the rest are counted.
const SHOWN: usize = 12;

/// "Maps to" lines for control `id` of the SoA's catalog, one per framework, or `None`
/// when no mapping in use names it.
pub fn mapped(m: &Model, id: &str) -> Option<String> {
    let soa = m.soa_catalog?;
    // (framework catalog, its IDs) in the order the mappings name them.
    let mut found: Vec<(usize, Vec<String>)> = Vec::new();
    let mut add = |framework: usize, other: &str| {
        let at = match found.iter().position(|(f, _)| *f == framework) {
            Some(at) => at,
            None => {
                found.push((framework, Vec::new()));
                found.len() - 1
            }
        };
        if let Some((_, ids)) = found.get_mut(at) {
            if !ids.iter().any(|x| x == other) {
                ids.push(other.to_string());
            }
        }
    };
    for mapping in &m.mappings {
        let Some((from, to)) = crosswalk::in_use(m, mapping) else {
            continue;
        };
        for row in &mapping.rows {
            if from == soa && to != soa && row.source.text == id {
                for t in &row.targets {
                    add(to, &t.text);
                }
            } else if to == soa && from != soa && row.targets.iter().any(|t| t.text == id) {
                add(from, &row.source.text);
            }
        }
    }
    if found.is_empty() {
        return None;
    }
    let lines: Vec<String> = found
        .iter()
        .map(|(framework, ids)| {
            let name = m
                .catalogs
                .get(*framework)
                .map_or("", |c| c.id.text.as_str());
            let shown: Vec<String> = ids.iter().take(SHOWN).map(|x| format!("`{x}`")).collect();
            let more = ids.len().saturating_sub(SHOWN);
            let more = if more > 0 {
                format!(" and {more} more")
            } else {
                String::new()
            };
            format!("- `{name}`: {}{more}", shown.join(", "))
        })
        .collect();
    Some(format!("Maps to:\n{}", lines.join("\n")))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn model(text: &str) -> Model {
        let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap_or_default();
        isms::compile(
            vec![isms::Input::new("a.isms", text)],
            &isms::Options { today },
        )
        .model
    }

    #[test]
    fn an_iso_control_shows_what_each_framework_in_use_maps_to_it() {
        let m = model("use iso27001:2022\nuse nist-csf:2.0\n");
        let text = mapped(&m, "A.5.1").unwrap_or_default();
        assert!(text.starts_with("Maps to:\n- `nist-csf:2.0`: "), "{text}");
        assert!(text.contains("`GV.PO-01`"), "{text}");
        // Not in use: BSI's mapping names A.5.1 too, but the project does not use it.
        assert!(!text.contains("bsi-gspp"), "{text}");
        let m = model("use iso27001:2022\nuse bsi-gspp\n");
        let text = mapped(&m, "A.5.3").unwrap_or_default();
        assert_eq!(text, "Maps to:\n- `bsi-gspp`: `GC.8.1.3`");
        assert_eq!(mapped(&model("use iso27001:2022\n"), "A.5.1"), None);
    }
}
