//! The page every HTML document shares: the Content-Security-Policy, the embedded
//! stylesheet (no external files, no fonts, no scripts), the navigation, the title block
//! and the footer.

use super::writer::Html;

pub(super) const STYLE: &str = include_str!("style.css");

/// The page may use its own `<style>` and nothing else: no scripts, no images but
/// inline ones, no fonts, frames or forms, from anywhere. The heat maps and charts are
/// inline SVG, which is markup, not a load. A browser opening a page therefore sends no
/// request, even if some user text got past the escaping.
pub(super) const CSP: &str =
    "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; \
     style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'\">\n";

/// Which page is shown, for the navigation and for links back to the top level.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Here {
    Index,
    Soa,
    Register,
    Scope,
    Methodology,
    /// A page under `policies/`.
    Policy,
    /// The lifecycle documents and the readiness report (not in the navigation bar; the
    /// index links them).
    Lifecycle,
}

impl Here {
    /// Wide tables: printed on landscape pages.
    pub fn wide(self) -> bool {
        matches!(self, Here::Soa | Here::Register)
    }

    /// Prefix of links to top-level documents.
    pub fn root(self) -> &'static str {
        match self {
            Here::Policy => "../",
            _ => "",
        }
    }
}

pub struct Page<'a> {
    pub here: Here,
    /// The document title (`<h1>`), possibly user text.
    pub title: &'a str,
    pub organization: &'a str,
    pub date: &'a str,
    /// A line under the title: document kind, clause. Literal.
    pub subtitle: &'static str,
    /// Whether the project has a methodology page to link to.
    pub methodology: bool,
}

pub fn render(p: &Page<'_>, body: Html) -> String {
    let mut h = Html::new();
    h.raw("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .raw(CSP)
        .raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .raw("<title>")
        .text(p.title)
        .raw(" — ")
        .text(p.organization)
        .raw("</title>\n<style>\n")
        .raw(STYLE)
        .raw("</style>\n</head>\n")
        .raw(if p.here.wide() {
            "<body class=\"wide\">\n"
        } else {
            "<body>\n"
        });
    nav(&mut h, p);
    h.raw("<div class=\"page\">\n<header class=\"doc\">\n<p class=\"org\">")
        .text(p.organization)
        .raw("</p>\n<h1>")
        .text(p.title)
        .raw("</h1>\n<p class=\"meta\">")
        .raw(p.subtitle)
        .raw(" · As of ")
        .text(p.date)
        .raw("</p>\n</header>\n<main>\n")
        .append(body)
        .raw("</main>\n<footer class=\"doc\">")
        .text(p.organization)
        .raw(" · ")
        .text(p.title)
        .raw(" · As of ")
        .text(p.date)
        .raw(" · Generated from the ISMS source by isms</footer>\n</div>\n</body>\n</html>\n");
    h.finish()
}

fn nav(h: &mut Html, p: &Page<'_>) {
    let root = p.here.root();
    let mut links = vec![
        (Here::Index, "index.html", "Overview"),
        (Here::Soa, "soa.html", "Statement of Applicability"),
        (Here::Register, "risk-register.html", "Risk register"),
        (Here::Scope, "scope.html", "Scope"),
    ];
    if p.methodology {
        links.push((Here::Methodology, "methodology.html", "Methodology"));
    }
    links.push((Here::Policy, "index.html#policies", "Policies"));
    h.raw("<nav class=\"top\">");
    for (here, href, label) in links {
        h.raw("<a href=\"").raw(root).raw(href).raw("\"");
        if here == p.here {
            h.raw(" class=\"here\" aria-current=\"page\"");
        }
        h.raw(">").raw(label).raw("</a>");
    }
    h.raw("</nav>\n");
}
