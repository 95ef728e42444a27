//! Policy prose (Markdown) as HTML. Raw HTML in the Markdown is shown as text, never
//! passed through; links keep only web, mail and relative addresses (no `javascript:`);
//! images become links to the image, so opening a page loads nothing from anywhere
//! (an `<img src="https://…">` would tell its server who read the policy, and when);
//! headings start below the section's own heading.

use pulldown_cmark::{CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use crate::control;

/// The HTML of a Markdown text, with every piece of user text escaped.
pub fn render(markdown: &str) -> String {
    let parser = Parser::new_ext(
        markdown,
        Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH,
    );
    let events = parser.map(|event| match event {
        // pulldown-cmark escapes Text events when writing HTML.
        Event::Html(s) | Event::InlineHtml(s) => Event::Text(s),
        Event::Start(Tag::Heading {
            level,
            id,
            classes,
            attrs,
        }) => Event::Start(Tag::Heading {
            level: demote(level),
            id,
            classes,
            attrs,
        }),
        Event::End(TagEnd::Heading(level)) => Event::End(TagEnd::Heading(demote(level))),
        Event::Start(Tag::Link {
            link_type,
            dest_url,
            title,
            id,
        }) => Event::Start(Tag::Link {
            link_type,
            dest_url: safe_url(dest_url),
            title,
            id,
        }),
        Event::Start(Tag::Image {
            link_type,
            dest_url,
            title,
            id,
        }) => Event::Start(Tag::Link {
            link_type,
            dest_url: safe_url(dest_url),
            title,
            id,
        }),
        Event::End(TagEnd::Image) => Event::End(TagEnd::Link),
        // Hidden characters (ESC, U+202E) shown as escapes, as everywhere else.
        Event::Text(t) => match control::visible(&t) {
            std::borrow::Cow::Borrowed(_) => Event::Text(t),
            std::borrow::Cow::Owned(shown) => Event::Text(shown.into()),
        },
        Event::Code(t) => match control::visible(&t) {
            std::borrow::Cow::Borrowed(_) => Event::Code(t),
            std::borrow::Cow::Owned(shown) => Event::Code(shown.into()),
        },
        other => other,
    });
    let mut html = String::new();
    pulldown_cmark::html::push_html(&mut html, events);
    html
}

/// Section bodies sit under an `<h2>`: their `#` becomes `<h3>`.
fn demote(level: HeadingLevel) -> HeadingLevel {
    match level {
        HeadingLevel::H1 => HeadingLevel::H3,
        HeadingLevel::H2 => HeadingLevel::H4,
        HeadingLevel::H3 => HeadingLevel::H5,
        _ => HeadingLevel::H6,
    }
}

/// Addresses with a scheme other than http, https or mailto are dropped.
fn safe_url(url: CowStr<'_>) -> CowStr<'_> {
    let lower = url.trim().to_ascii_lowercase();
    let scheme_end = lower.find(':');
    let path_start = lower.find(['/', '?', '#']);
    let has_scheme = match (scheme_end, path_start) {
        (Some(c), Some(p)) => c < p,
        (Some(_), None) => true,
        _ => false,
    };
    let allowed = ["http:", "https:", "mailto:"];
    if has_scheme && !allowed.iter().any(|a| lower.starts_with(a)) {
        CowStr::Borrowed("")
    } else {
        url
    }
}

#[cfg(test)]
mod tests {
    use super::render;

    #[test]
    fn raw_html_is_text() {
        let html = render("Hi <script>alert(1)</script>\n\n<div onclick=x>block</div>\n");
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("<div"), "{html}");
        assert!(html.contains("&lt;script&gt;"), "{html}");
    }

    #[test]
    fn images_become_links_and_load_nothing() {
        let html = render(
            "![x](https://example.invalid/a.png) ![y](//example.invalid/b.png) ![z](c.png)\n",
        );
        assert!(!html.contains("<img"), "{html}");
        assert!(
            html.contains("<a href=\"https://example.invalid/a.png\">x</a>"),
            "{html}"
        );
        assert!(
            html.contains("<a href=\"//example.invalid/b.png\">y</a>"),
            "{html}"
        );
    }

    #[test]
    fn hidden_characters_are_shown() {
        let html = render("a\u{1b}]0;x\u{7} \u{202e}b `c\u{1b}`\n");
        assert!(!html.contains(['\u{1b}', '\u{7}', '\u{202e}']), "{html}");
        assert!(html.contains("a␛]0;x␇ \\u{202e}b"), "{html}");
    }

    #[test]
    fn script_urls_are_dropped_and_headings_demoted() {
        let html = render("# Top\n\n[x](javascript:alert(1)) [y](https://example.com/a)\n");
        assert!(!html.contains("javascript"), "{html}");
        assert!(html.contains("href=\"https://example.com/a\""), "{html}");
        assert!(html.contains("<h3>Top</h3>"), "{html}");
    }
}
