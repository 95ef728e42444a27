//! The inlines of the tree as HTML: every piece of text escaped, links relative to the
//! current document, badges as coloured pills.

use super::links;
use super::writer::Html;
use crate::emit::tree::{Inline, Tone};

/// A run of inlines, as seen from the document `from` (its stem).
pub fn run(h: &mut Html, from: &str, inlines: &[Inline]) {
    for i in inlines {
        inline(h, from, i);
    }
}

fn inline(h: &mut Html, from: &str, i: &Inline) {
    match i {
        Inline::Text(s) => {
            h.text(s);
        }
        Inline::Strong(s) => {
            h.el("<strong>", s, "</strong>");
        }
        Inline::Code(s) => {
            h.el("<code>", s, "</code>");
        }
        Inline::Link { text, to } => match links::href(from, to) {
            Some(href) => {
                h.raw("<a href=\"")
                    .text(&href)
                    .raw("\">")
                    .text(text)
                    .raw("</a>");
            }
            // Not a web address: its text is printed, the address only shown on
            // hover, never followed.
            None => {
                h.raw("<span class=\"unlinked\" title=\"")
                    .text(&target_text(to))
                    .raw("\">")
                    .text(text)
                    .raw("</span>");
            }
        },
        Inline::Badge { text, tone } => {
            h.raw("<span class=\"")
                .raw(badge_class(*tone))
                .raw("\">")
                .text(text)
                .raw("</span>");
        }
        Inline::Break => {
            h.raw("<br>");
        }
        Inline::Anchor(a) => {
            h.raw("<span id=\"").text(a).raw("\"></span>");
        }
    }
}

fn target_text(to: &crate::emit::tree::Target) -> String {
    use crate::emit::tree::Target;
    match to {
        Target::Url(u) => u.clone(),
        Target::Anchor(a) => format!("#{a}"),
        Target::Doc { stem, anchor: None } => stem.clone(),
        Target::Doc {
            stem,
            anchor: Some(a),
        } => format!("{stem}#{a}"),
    }
}

/// The pill of a badge: the status colours of today's documents.
pub fn badge_class(tone: Tone) -> &'static str {
    match tone {
        Tone::Neutral => "pill tone-neutral",
        Tone::Good => "pill tone-good",
        Tone::Warning => "pill tone-warning",
        Tone::Bad => "pill tone-bad",
        Tone::Draft => "pill tone-draft",
    }
}

/// The class of a banner's box.
pub fn banner_class(tone: Tone) -> &'static str {
    match tone {
        Tone::Neutral => "banner tone-neutral",
        Tone::Good => "banner tone-good",
        Tone::Warning => "banner tone-warning",
        Tone::Bad => "banner tone-bad",
        Tone::Draft => "banner tone-draft",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::emit::tree::Target;

    fn html(i: Inline) -> String {
        let mut h = Html::new();
        run(&mut h, "policies/p", &[i]);
        h.finish()
    }

    #[test]
    fn script_urls_are_text_and_user_text_is_escaped() {
        let out = html(Inline::Link {
            text: "<b>\"x\"</b>".into(),
            to: Target::Url("javascript:alert('1')".into()),
        });
        assert!(!out.contains("href"), "{out}");
        assert!(!out.contains("<b>"), "{out}");
        assert!(out.contains("&lt;b&gt;&quot;x&quot;&lt;/b&gt;"), "{out}");
    }

    #[test]
    fn urls_are_escaped_in_attributes() {
        let out = html(Inline::Link {
            text: "t".into(),
            to: Target::Url("https://example.com/?a=1&b=\"><script>".into()),
        });
        assert_eq!(
            out,
            "<a href=\"https://example.com/?a=1&amp;b=&quot;&gt;&lt;script&gt;\">t</a>"
        );
    }
}
