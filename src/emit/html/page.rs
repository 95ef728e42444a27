//! What every HTML page shares: the Content-Security-Policy and the embedded stylesheet
//! (no external files, no fonts, no scripts).

pub(super) const STYLE: &str = include_str!("style.css");

/// The page may use its own `<style>` and nothing else: no scripts, no images but
/// inline ones, no fonts, frames or forms, from anywhere. The heat maps and charts are
/// inline SVG, which is markup, not a load. A browser opening a page therefore sends no
/// request, even if some user text got past the escaping.
pub(super) const CSP: &str =
    "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; \
     style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'\">\n";
