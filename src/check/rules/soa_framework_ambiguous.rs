//! soa/framework-ambiguous: the project does not say which catalog its Statement of
//! Applicability covers (clause 6.1.3 d: one SoA, for one set of controls).

use crate::check::Context;
use crate::diagnostics::{Code, Diagnostic, Sink};
use crate::model::resolve::is_iso27001;
use crate::model::Model;

pub fn check(cx: &Context<'_>, sink: &mut Sink) {
    let m = cx.model;
    let used: Vec<&str> = m
        .used_catalogs
        .iter()
        .filter_map(|&c| m.catalogs.get(c))
        .map(|c| c.id.text.as_str())
        .collect();
    let iso = used.iter().copied().find(|id| is_iso27001(id));
    // Only `use` lines that name a catalog: an unknown one is `ref/unknown`.
    let known = |text: &str| used.contains(&text);
    let mut first_marked: Option<&str> = None;
    for u in m.uses.iter().filter(|u| known(&u.framework.text)) {
        let Some(at) = u.for_soa else {
            continue;
        };
        let this = u.framework.text.as_str();
        if let Some(iso) = iso.filter(|&iso| iso != this) {
            sink.push(
                Diagnostic::new(
                    Code::SoaFrameworkAmbiguous,
                    at,
                    format!("the Statement of Applicability covers `{iso}`, not `{this}`"),
                )
                .with_label("the ISO/IEC 27001 catalog in use is the SoA's")
                .with_help(format!(
                    "remove `for soa`: the controls of `{this}` are checked, but the SoA is about `{iso}`"
                )),
            );
            continue;
        }
        match first_marked {
            Some(first) if first != this => sink.push(
                Diagnostic::new(
                    Code::SoaFrameworkAmbiguous,
                    at,
                    format!("the Statement of Applicability is said to cover both `{first}` and `{this}`"),
                )
                .with_label("a second catalog for the SoA")
                .with_help("keep `for soa` on one `use` line"),
            ),
            _ => first_marked = Some(this),
        }
    }
    if m.soa_catalog.is_none() && used.len() >= 2 && first_marked.is_none() {
        unspecified(m, &used, sink);
    }
}

/// Two or more catalogs in use, none of them ISO/IEC 27001, and no `for soa`.
fn unspecified(m: &Model, used: &[&str], sink: &mut Sink) {
    let mut uses = m
        .uses
        .iter()
        .filter(|u| used.contains(&u.framework.text.as_str()));
    let Some(first) = uses.next() else {
        return;
    };
    let mut d = Diagnostic::new(
        Code::SoaFrameworkAmbiguous,
        first.span,
        format!(
            "the project uses {} catalogs, none of them ISO/IEC 27001, and does not say which one the Statement of Applicability covers",
            used.len()
        ),
    )
    .with_label("one of several catalogs in use")
    .with_help(format!(
        "write `use {} for soa` (or `for soa` on another `use` line)",
        first.framework.text
    ));
    for other in uses {
        d = d.with_secondary(other.span, "another catalog in use");
    }
    sink.push(d);
}

#[cfg(test)]
mod tests {
    use crate::{compile, Compilation, Input, Options};
    use chrono::NaiveDate;

    const CATALOGS: &str = "catalog dora:2022 \"DORA\" {\n  entry ART-6 \"Framework\"\n}\n\
        catalog nis2:2022 \"NIS2\" {\n  entry ART-21 \"Measures\"\n}\n";

    fn run(uses: &str) -> Compilation {
        let text = format!("{CATALOGS}{uses}");
        let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap_or_default();
        compile(
            vec![Input::new("a.isms", text.as_str())],
            &Options { today },
        )
    }

    fn count(c: &Compilation) -> usize {
        c.diagnostics
            .iter()
            .filter(|d| d.code.as_str() == "soa/framework-ambiguous")
            .count()
    }

    fn framework(c: &Compilation) -> Option<&str> {
        let m = &c.model;
        m.soa_catalog
            .and_then(|i| m.catalogs.get(i))
            .map(|x| x.id.text.as_str())
    }

    #[test]
    fn the_soa_catalog_never_depends_on_order() {
        let c = run("use dora:2022\nuse nis2:2022\n");
        assert_eq!((count(&c), framework(&c)), (1, None));
        let c = run("use dora:2022\nuse nis2:2022 for soa\n");
        assert_eq!((count(&c), framework(&c)), (0, Some("nis2:2022")));
        let c = run("use nis2:2022\n");
        assert_eq!((count(&c), framework(&c)), (0, Some("nis2:2022")));
        let c = run("use dora:2022\nuse iso27001:2022\n");
        assert_eq!((count(&c), framework(&c)), (0, Some("iso27001:2022")));
        let c = run("use dora:2022 for soa\nuse iso27001:2022\n");
        assert_eq!((count(&c), framework(&c)), (1, Some("iso27001:2022")));
        let c = run("use dora:2022 for soa\nuse nis2:2022 for soa\n");
        assert_eq!((count(&c), framework(&c)), (1, None));
    }

    #[test]
    fn anything_but_for_soa_after_the_name_is_a_syntax_error() {
        let c = run("use nis2:2022 soa\n");
        assert!(c
            .diagnostics
            .iter()
            .any(|d| d.code.as_str() == "syntax/error"));
        assert_eq!(count(&c), 0);
    }
}
