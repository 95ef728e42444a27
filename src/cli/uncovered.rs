//! `isms check --framework CATALOG`: the requirements of another framework that the ISMS
//! does not cover, from the same coverage the coverage document shows
//! (`isms::emit::coverage`).

use isms::emit::coverage::{self, Coverage};
use isms::emit::soa::Soa;
use isms::Compilation;

/// The lines to print after the diagnostics, and how many requirements are not covered;
/// an error when `framework` is not a catalog in `use` that a mapping relates to the SoA's.
pub fn report(c: &Compilation, framework: &str) -> miette::Result<(String, usize)> {
    let m = &c.model;
    let index = m
        .used_catalogs
        .iter()
        .copied()
        .find(|&i| m.catalogs.get(i).is_some_and(|x| x.id.text == framework))
        .ok_or_else(|| {
            miette::miette!("`{framework}` is not a catalog in `use`: add `use {framework}`")
        })?;
    let soa = Soa::build(c);
    let found = isms::model::crosswalk::mapped_to_soa(m, index)
        .then(|| coverage::of(c, &soa, index))
        .flatten()
        .ok_or_else(|| {
            miette::miette!(
                "no mapping in use relates `{framework}` to the Statement of Applicability's catalog"
            )
        })?;
    let open: Vec<_> = found
        .requirements
        .iter()
        .filter(|r| r.coverage == Coverage::NotCovered)
        .collect();
    let colon = if open.is_empty() { "" } else { ":" };
    let mut text = format!(
        "\n{} of {} requirements of `{framework}` not covered by `{}`{colon}\n",
        open.len(),
        found.requirements.len(),
        found.soa
    );
    for r in &open {
        let why = if r.related.is_empty() {
            "no mapping relates it to the ISMS".to_string()
        } else {
            let ids: Vec<&str> = r.related.iter().map(|x| x.id.as_str()).collect();
            format!("related controls not under way: {}", ids.join(", "))
        };
        let title = if r.title.is_empty() {
            String::new()
        } else {
            format!(" {}", r.title)
        };
        text.push_str(&format!("  {}{title}: {why}\n", r.id));
    }
    // It quotes the project: no control character reaches the terminal.
    Ok((isms::control::visible(&text).into_owned(), open.len()))
}
