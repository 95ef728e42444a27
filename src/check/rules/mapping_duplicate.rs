//! mapping/duplicate: the same pair of controls is mapped twice, in one mapping or in two
//! that relate the same catalogs (in either direction).

use rustc_hash::FxHashMap;

use crate::check::Context;
use crate::diagnostics::{Code, Diagnostic, Sink};
use crate::model::crosswalk;
use crate::source::Span;

/// A control of a catalog: (index into `Model::catalogs`, ID).
type End<'m> = (usize, &'m str);

pub fn check(cx: &Context<'_>, sink: &mut Sink) {
    let m = cx.model;
    // (catalog, ID) of each end, the smaller first, so that `a → b` and `b → a` meet.
    let mut seen: FxHashMap<(End<'_>, End<'_>), (Span, &str)> = FxHashMap::default();
    for mapping in &m.mappings {
        let Some((from, to)) = crosswalk::ends(m, mapping) else {
            continue;
        };
        for row in &mapping.rows {
            for target in &row.targets {
                let a = (from, row.source.text.as_str());
                let b = (to, target.text.as_str());
                let key = if a <= b { (a, b) } else { (b, a) };
                match seen.get(&key) {
                    None => {
                        seen.insert(key, (target.span, mapping.id.text.as_str()));
                    }
                    Some(&(first, first_mapping)) => sink.push(
                        Diagnostic::new(
                            Code::MappingDuplicate,
                            target.span,
                            format!(
                                "`{}` is already mapped to `{}` in `{first_mapping}`",
                                row.source.text, target.text
                            ),
                        )
                        .with_label("mapped again here")
                        .with_secondary(first, "first mapped here")
                        .with_help("remove one of the two rows; keep the one with the relationship you mean"),
                    ),
                }
            }
        }
    }
}
