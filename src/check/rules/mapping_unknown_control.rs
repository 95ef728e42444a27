//! mapping/unknown-control: a mapping row names an ID its catalog lacks.

use crate::check::Context;
use crate::diagnostics::{closest_suggestion, Code, Diagnostic, Fix, Sink};
use crate::model::crosswalk::{self, CatalogIds};
use crate::model::Name;

pub fn check(cx: &Context<'_>, sink: &mut Sink) {
    let m = cx.model;
    let mut ids = CatalogIds::new(m);
    for mapping in &m.mappings {
        // An unknown `from` or `to` is `ref/unknown`; its IDs cannot be checked.
        let Some((from, to)) = crosswalk::ends(m, mapping) else {
            continue;
        };
        for row in &mapping.rows {
            let sides =
                std::iter::once((&row.source, from)).chain(row.targets.iter().map(|t| (t, to)));
            for (id, c) in sides {
                if !ids.knows(c, &id.text) {
                    sink.push(unknown(&ids, m, c, id));
                }
            }
        }
    }
}

fn unknown(ids: &CatalogIds<'_>, m: &crate::model::Model, c: usize, id: &Name) -> Diagnostic {
    let catalog = m.catalogs.get(c).map_or("", |x| x.id.text.as_str());
    let what = if crate::model::crosswalk::clause_number(&id.text).is_some() {
        "a clause of 4–10 in"
    } else {
        "a control of"
    };
    let mut d = Diagnostic::new(
        Code::MappingUnknownControl,
        id.span,
        format!("`{}` is not {what} `{catalog}`", id.text),
    )
    .with_label(format!("not in `{catalog}`"));
    let candidates = ids.candidates(c);
    d = match closest_suggestion(&id.text, candidates.iter().map(String::as_str)) {
        Some(best) => d
            .with_help(format!("did you mean `{}`?", best.name))
            .with_fix(Fix::did_you_mean(id.span, best.name, best.unique)),
        None if crate::model::resolve::is_iso27001(catalog) => {
            d.with_help("name an Annex A control (`A.5.1`) or a clause of 4–10 (`clause:6.1.2`)")
        }
        None => d.with_help(format!(
            "add `entry {}` to `{catalog}`, or correct the ID",
            id.text
        )),
    };
    d
}
