//! soa/unaddressed: catalog controls that are neither applicable nor excluded — the SoA
//! must decide every Annex A control (clause 6.1.3 c–d).

use crate::check::Context;
use crate::diagnostics::{Code, Diagnostic, Sink};
use crate::model::lower::list;

pub fn check(cx: &Context<'_>, sink: &mut Sink) {
    if cx.names_unknown() {
        return;
    }
    let m = cx.model;
    for &c in &m.used_catalogs {
        let Some(catalog) = m.catalogs.get(c) else {
            continue;
        };
        let Some(used) = m.uses.iter().find(|u| u.framework.text == catalog.id.text) else {
            continue;
        };
        // Another framework mapped to the SoA's catalog is answered through the mapping
        // (its coverage document), not control by control.
        if crate::model::crosswalk::mapped_to_soa(m, c) {
            continue;
        }
        let open: Vec<&str> = m
            .slots
            .iter()
            .enumerate()
            .filter(|(_, s)| s.entry.is_some_and(|(cat, _)| cat == c))
            .filter(|(i, s)| !cx.is_applicable(*i) && m.exclusion_of(&s.id).is_none())
            .map(|(_, s)| s.id.as_str())
            .collect();
        if open.is_empty() {
            continue;
        }
        let shown: Vec<String> = open.iter().take(5).map(|id| format!("`{id}`")).collect();
        let more = if open.len() > 5 {
            format!(" and {} more", open.len() - 5)
        } else {
            String::new()
        };
        let (count, verb) = if open.len() == 1 {
            ("1 control".to_string(), "is")
        } else {
            (format!("{} controls", open.len()), "are")
        };
        sink.push(
            Diagnostic::new(
                Code::SoaUnaddressed,
                used.span,
                format!(
                    "{count} of `{}` {verb} neither applicable nor excluded: {}{more}",
                    catalog.id.text,
                    shown.join(", ")
                ),
            )
            .with_label("the catalog is used here")
            .with_help(format!(
                "decide each of {}: name it in a risk treatment or requirement, or write `exclude <id> because \"…\"`",
                list(open.iter().copied())
            )),
        );
    }
}
