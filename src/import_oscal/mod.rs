//! `isms import --oscal-catalog FILE`: an OSCAL catalog (JSON) as a `.isms` catalog. Its
//! groups become themes, its controls (and their enhancements, flattened) entries, each
//! with its title unless the title is only the ID. Nothing else of the catalog (parts,
//! parameters) is read: a catalog in the language is IDs and titles.

use serde_json::Value;

/// The `.isms` text of the OSCAL catalog `json`, or why it cannot be read.
pub fn catalog(json: &str) -> Result<String, String> {
    let root: Value = serde_json::from_str(json).map_err(|e| format!("not JSON: {e}"))?;
    let catalog = root
        .get("catalog")
        .ok_or("not an OSCAL catalog: no top-level `catalog`")?;
    let meta = catalog.get("metadata");
    let title = meta
        .and_then(|m| m.get("title"))
        .and_then(Value::as_str)
        .unwrap_or("Imported catalog");
    let id = meta
        .and_then(|m| m.get("props"))
        .and_then(Value::as_array)
        .and_then(|props| {
            props
                .iter()
                .find(|p| p.get("name").and_then(Value::as_str) == Some("catalog-id"))
        })
        .and_then(|p| p.get("value").and_then(Value::as_str))
        .map(str::to_string)
        .unwrap_or_else(|| slug(title));
    if !is_name(&id) {
        return Err(format!("`{id}` is not a catalog name the language accepts"));
    }
    let mut themes = Vec::new();
    let mut entries = Vec::new();
    for group in array(catalog, "groups") {
        let Some(gid) = group.get("id").and_then(Value::as_str) else {
            return Err("a group without an `id`".into());
        };
        let gtitle = group.get("title").and_then(Value::as_str).unwrap_or(gid);
        themes.push((gid.to_string(), gtitle.to_string()));
        controls(group, Some(gid), &mut entries)?;
    }
    controls(catalog, None, &mut entries)?;
    let mut out = String::new();
    out.push_str(&format!(
        "/// Imported from an OSCAL catalog: {}.\n",
        one_line(title)
    ));
    out.push_str(&format!("catalog {id} {} {{\n", quoted(title)));
    for (tid, ttitle) in &themes {
        out.push_str(&format!("  theme {tid} {}\n", quoted(ttitle)));
    }
    if !themes.is_empty() && !entries.is_empty() {
        out.push('\n');
    }
    for e in &entries {
        let title = match &e.title {
            Some(t) if t != &e.id => format!(" {}", quoted(t)),
            _ => String::new(),
        };
        match &e.theme {
            Some(theme) => out.push_str(&format!(
                "  entry {}{title} {{\n    theme {theme}\n  }}\n",
                e.id
            )),
            None => out.push_str(&format!("  entry {}{title}\n", e.id)),
        }
    }
    out.push_str("}\n");
    Ok(out)
}

struct Entry {
    id: String,
    title: Option<String>,
    theme: Option<String>,
}

fn array<'v>(v: &'v Value, key: &str) -> impl Iterator<Item = &'v Value> {
    v.get(key).and_then(Value::as_array).into_iter().flatten()
}

/// The controls under `parent`, each followed by its enhancements (iteratively: no
/// recursion as deep as the input).
fn controls(parent: &Value, theme: Option<&str>, out: &mut Vec<Entry>) -> Result<(), String> {
    let mut stack: Vec<&Value> = array(parent, "controls").collect();
    stack.reverse();
    while let Some(control) = stack.pop() {
        let Some(id) = control.get("id").and_then(Value::as_str) else {
            return Err("a control without an `id`".into());
        };
        if !is_control_id(id) {
            return Err(format!(
                "control ID `{id}` is not an ID the language accepts"
            ));
        }
        out.push(Entry {
            id: id.to_string(),
            title: control
                .get("title")
                .and_then(Value::as_str)
                .map(str::to_string),
            theme: theme.map(str::to_string),
        });
        let mut children: Vec<&Value> = array(control, "controls").collect();
        children.reverse();
        stack.extend(children);
    }
    Ok(())
}

/// A word of the language: a letter, then letters, digits, `_` and `-`, in segments
/// joined by `.` or `:`.
fn is_control_id(id: &str) -> bool {
    let mut segments = id.split(['.', ':']);
    let first_ok = segments.next().is_some_and(|s| {
        s.chars().next().is_some_and(|c| c.is_ascii_alphabetic()) && s.chars().all(word_char)
    });
    first_ok && segments.all(|s| !s.is_empty() && s.chars().all(word_char))
}

/// A catalog name: a control ID whose part before `:` has no `.`.
fn is_name(id: &str) -> bool {
    is_control_id(id) && !id.split(':').next().unwrap_or_default().contains('.')
}

fn word_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_' || c == '-'
}

/// `Acme Baseline 2026` → `acme-baseline-2026`.
fn slug(title: &str) -> String {
    let words: Vec<String> = title
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_ascii_lowercase)
        .collect();
    let slug = words.join("-");
    if slug.chars().next().is_some_and(|c| c.is_ascii_alphabetic()) {
        slug
    } else {
        format!("catalog-{slug}")
    }
}

fn one_line(text: &str) -> String {
    text.replace(['\n', '\r'], " ")
}

fn quoted(text: &str) -> String {
    let escaped = one_line(text).replace('\\', "\\\\").replace('"', "\\\"");
    format!("\"{escaped}\"")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_become_themes_and_enhancements_follow_their_control() {
        let json = r#"{"catalog": {"uuid": "x", "metadata": {"title": "Acme \"Baseline\""},
            "groups": [{"id": "ac", "title": "Access", "controls": [
                {"id": "ac-1", "title": "Policy", "controls": [{"id": "ac-1.1", "title": "ac-1.1"}]},
                {"id": "ac-2", "title": "Accounts"}]}],
            "controls": [{"id": "x-1", "title": "Loose"}]}}"#;
        let text = catalog(json).unwrap();
        assert!(
            text.contains("catalog acme-baseline \"Acme \\\"Baseline\\\"\" {"),
            "{text}"
        );
        assert!(text.contains("  theme ac \"Access\"\n"));
        let order: Vec<&str> = text
            .lines()
            .filter_map(|l| l.trim().strip_prefix("entry "))
            .collect();
        assert_eq!(
            order,
            [
                "ac-1 \"Policy\" {",
                "ac-1.1 {",
                "ac-2 \"Accounts\" {",
                "x-1 \"Loose\""
            ]
        );
    }

    #[test]
    fn what_is_not_a_catalog_is_one_error() {
        assert!(catalog("[").unwrap_err().starts_with("not JSON"));
        assert!(catalog("{}")
            .unwrap_err()
            .contains("no top-level `catalog`"));
        let bad = r#"{"catalog": {"metadata": {"title": "T"}, "controls": [{"id": "1 a"}]}}"#;
        assert!(catalog(bad).unwrap_err().contains("`1 a`"));
    }
}
