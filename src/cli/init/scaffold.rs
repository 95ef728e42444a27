//! The files `isms init` writes, as text. Pure: the date comes in, nothing is read from
//! the disk or the clock, so the tests can check the exact output.

use chrono::NaiveDate;
use miette::{miette, Result};

use isms::model::{Catalog, CatalogEntry};
use isms::{compile, Input, Options};

/// The catalog the scaffold uses; `isms.isms.in` has the matching `use` line.
const FRAMEWORK: &str = "iso27001:2022";

const ISMS: &str = include_str!("isms.isms.in");
const PRE_COMMIT: &str = include_str!("pre-commit-config.yaml");
const README: &str = include_str!("README.md");

/// The reason every control starts with: visibly undecided, yet a valid exclusion, so the
/// new project checks clean while the SoA and the build output show what is left to do.
const TODO_REASON: &str =
    "TODO: decide — applicable (name it in a risk treatment) or excluded (replace this reason)";

/// (file name, content) of every file, in the order they are written.
pub fn files(today: NaiveDate) -> Result<Vec<(&'static str, String)>> {
    let isms = ISMS.replace("{today}", &today.format("%Y-%m-%d").to_string());
    Ok(vec![
        ("isms.isms", isms),
        ("soa.isms", soa(today)?),
        (".pre-commit-config.yaml", PRE_COMMIT.to_string()),
        ("README.md", README.to_string()),
    ])
}

/// `soa.isms`: one `exclude … because "TODO: …"` per catalog control, grouped by theme,
/// with the control's title beside it. The controls come from the shipped catalog, so
/// the scaffold follows it if the catalog ever changes.
fn soa(today: NaiveDate) -> Result<String> {
    let catalog = shipped_catalog(today)?;
    let mut out = format!(
        "// Statement of Applicability (ISO/IEC 27001:2022 clause 6.1.3 d): each of the {} Annex A\n\
         // controls is either applicable, because a risk treatment or a requirement names it,\n\
         // or excluded with a reason. Every control starts here as an undecided exclusion so\n\
         // that the project checks clean; decide each one (see README.md):\n\
         //   - applicable: delete its line and name it in a risk treatment or a requirement;\n\
         //   - excluded: replace the TODO with the reason.\n\
         // No TODO may stay: `isms build` prints these reasons into the SoA.\n",
        catalog.entries.len()
    );
    let mut groups: Vec<(String, Vec<&CatalogEntry>)> = catalog
        .themes
        .iter()
        .map(|t| {
            let title = t.title.clone().unwrap_or_else(|| t.id.text.clone());
            let entries = catalog
                .entries
                .iter()
                .filter(|e| e.theme.as_deref() == Some(t.id.text.as_str()))
                .collect();
            (title, entries)
        })
        .collect();
    // Entries without a known theme still need a decision.
    let themed = |e: &CatalogEntry| {
        catalog
            .themes
            .iter()
            .any(|t| e.theme.as_deref() == Some(t.id.text.as_str()))
    };
    let other: Vec<&CatalogEntry> = catalog.entries.iter().filter(|e| !themed(e)).collect();
    groups.push(("Other controls".to_string(), other));
    out.push('\n');
    // No blank line between the groups: `isms fmt` drops a blank line that follows a
    // trailing comment, and the scaffold must already be formatted.
    for (title, entries) in groups.iter().filter(|(_, e)| !e.is_empty()) {
        out.push_str(&format!("// {title} ({})\n", entries.len()));
        let lines: Vec<String> = entries
            .iter()
            .map(|e| format!("exclude {} because \"{TODO_REASON}\"", e.id))
            .collect();
        // `isms fmt` aligns a run of trailing comments two spaces after the longest code.
        let width = lines.iter().map(|l| l.chars().count()).max().unwrap_or(0);
        for (line, entry) in lines.iter().zip(entries) {
            let pad = width - line.chars().count() + 2;
            out.push_str(&format!("{line}{}// {}\n", " ".repeat(pad), entry.title));
        }
    }
    Ok(out)
}

/// The shipped catalog, as the compiler sees it: compile a project that only uses it.
fn shipped_catalog(today: NaiveDate) -> Result<Catalog> {
    let input = Input::new("isms.isms", format!("use {FRAMEWORK}\n"));
    let compilation = compile(vec![input], &Options { today });
    let model = compilation.model;
    model
        .used_catalogs
        .first()
        .and_then(|&i| model.catalogs.get(i))
        .filter(|c| c.id.text == FRAMEWORK && !c.entries.is_empty())
        .cloned()
        .ok_or_else(|| miette!("the shipped catalog `{FRAMEWORK}` is missing (please report this)"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use isms::format::format_text;

    fn day() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
    }

    #[test]
    fn isms_files_are_formatted() {
        for (name, text) in files(day()).unwrap() {
            if name.ends_with(".isms") {
                assert_eq!(format_text(&text).unwrap(), text, "{name} is not formatted");
            }
        }
    }

    #[test]
    fn the_date_is_filled_in() {
        let files = files(day()).unwrap();
        assert!(files[0]
            .1
            .contains("approved_by managing-director on 2026-11-23"));
        assert!(!files.iter().any(|(_, t)| t.contains("{today}")));
    }

    #[test]
    fn soa_excludes_every_catalog_control_once() {
        let catalog = shipped_catalog(day()).unwrap();
        let soa = soa(day()).unwrap();
        let excluded: Vec<&str> = soa
            .lines()
            .filter_map(|l| l.strip_prefix("exclude "))
            .filter_map(|l| l.split(' ').next())
            .collect();
        let ids: Vec<&str> = catalog.entries.iter().map(|e| e.id.as_str()).collect();
        assert_eq!(excluded, ids);
        assert!(soa.contains("// Policies for information security\n"));
        assert!(soa.contains("\n// Technological controls ("));
    }
}
