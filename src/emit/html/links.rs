//! Where a link of the tree points in HTML: another document by its stem, an anchor, or a
//! URL the user wrote. Paths are relative to the current document, so the output
//! directory can be moved, zipped or opened from disk.

use crate::emit::tree::Target;

/// The `href` of `to`, seen from the document `from` (a stem such as `soa` or
/// `policies/access`); `None` when the target must not be linked (a URL that is not
/// http or https: `javascript:`, `data:`, `file:` would act on the reader).
pub fn href(from: &str, to: &Target) -> Option<String> {
    match to {
        Target::Anchor(anchor) => Some(format!("#{anchor}")),
        Target::Doc { stem, anchor } if stem == from => Some(
            anchor
                .as_ref()
                .map_or_else(|| file(from, stem, "html"), |a| format!("#{a}")),
        ),
        Target::Doc { stem, anchor } => {
            let path = file(from, stem, "html");
            Some(match anchor {
                Some(a) => format!("{path}#{a}"),
                None => path,
            })
        }
        Target::Url(url) => is_web(url).then(|| url.trim().to_string()),
    }
}

/// The file `<stem>.<ext>` relative to the directory of the document `from`.
pub fn file(from: &str, stem: &str, ext: &str) -> String {
    // INVARIANT: a relative path never reads as a scheme. Stems are safe file names
    // (`file_names`), but a first segment with a `:` (`javascript:x`) would be a URL.
    let here = if from.contains('/') || !stem.split('/').next().unwrap_or_default().contains(':') {
        ""
    } else {
        "./"
    };
    format!("{}{here}{stem}.{ext}", up(from))
}

/// `../` once per directory the document `from` is in.
pub fn up(from: &str) -> String {
    "../".repeat(from.matches('/').count())
}

/// Whether a URL is a web address (`http:` or `https:`, any case, spaces around allowed).
/// A scheme-relative `//host` is refused too: opened from disk it would mean `file:`.
fn is_web(url: &str) -> bool {
    let lower = url.trim().to_ascii_lowercase();
    ["http://", "https://"].iter().any(|s| lower.starts_with(s))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(stem: &str, anchor: Option<&str>) -> Target {
        Target::Doc {
            stem: stem.to_string(),
            anchor: anchor.map(str::to_string),
        }
    }

    #[test]
    fn documents_link_relative_to_the_current_one() {
        assert_eq!(
            href("soa", &doc("policies/access", None)).as_deref(),
            Some("policies/access.html")
        );
        assert_eq!(
            href("policies/access", &doc("soa", Some("A.5.1"))).as_deref(),
            Some("../soa.html#A.5.1")
        );
        assert_eq!(
            href("policies/a", &doc("policies/b", None)).as_deref(),
            Some("../policies/b.html")
        );
        assert_eq!(href("soa", &doc("soa", Some("x"))).as_deref(), Some("#x"));
        assert_eq!(
            href("soa", &Target::Anchor("y".into())).as_deref(),
            Some("#y")
        );
    }

    #[test]
    fn a_stem_never_reads_as_a_scheme() {
        assert_eq!(
            file("soa", "javascript:alert(1)", "html"),
            "./javascript:alert(1).html"
        );
        assert_eq!(
            file("policies/p", "javascript:x", "html"),
            "../javascript:x.html"
        );
        assert_eq!(file("soa", "policies/a:b", "md"), "policies/a:b.md");
    }

    #[test]
    fn only_web_urls_are_linked() {
        for bad in [
            "javascript:alert(1)",
            " JavaScript:x",
            "data:text/html,x",
            "file:///etc/passwd",
            "//evil.example",
            "vbscript:x",
        ] {
            assert_eq!(href("soa", &Target::Url(bad.into())), None, "{bad}");
        }
        assert_eq!(
            href("soa", &Target::Url(" HTTPS://example.com/a ".into())).as_deref(),
            Some("HTTPS://example.com/a")
        );
        assert_eq!(
            href("soa", &Target::Url("http://example.com".into())).as_deref(),
            Some("http://example.com")
        );
    }
}
