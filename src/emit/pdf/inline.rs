//! Inlines as typst markup. Every piece starts with `#` and is a complete expression, so
//! pieces can follow each other without a space and nothing a user wrote is markup.

use std::collections::BTreeSet;

use super::literal::{string, text};
use crate::emit::paged::tone::colours;
use crate::emit::tree::{Inline, Target};

/// The labels of this document that links may point at: each heading anchor that is a
/// valid typst label and occurs once (a link to a missing or doubled label fails the
/// compilation, so those links are printed as text).
#[derive(Debug, Default)]
pub struct Labels(pub BTreeSet<String>);

pub fn run(out: &mut String, labels: &Labels, stem: &str, inlines: &[Inline]) {
    for i in inlines {
        inline(out, labels, stem, i);
    }
}

fn inline(out: &mut String, labels: &Labels, stem: &str, i: &Inline) {
    match i {
        Inline::Text(s) => out.push_str(&text(&breakable(s))),
        Inline::Strong(s) => {
            out.push_str("#strong[");
            out.push_str(&text(&breakable(s)));
            out.push(']');
        }
        Inline::Code(s) => code(out, s),
        Inline::Link { text: t, to } => link(out, labels, stem, t, to),
        Inline::Badge { text: t, tone } => {
            let (fill, ink) = colours(*tone);
            out.push_str(&format!(
                "#box(fill: rgb(\"{fill}\"), inset: (x: 2.5pt), outset: (y: 1.5pt), radius: 2pt)[#text(fill: rgb(\"{ink}\"), size: 0.85em)[{}]]",
                text(t)
            ));
        }
        Inline::Break => out.push_str("#linebreak()"),
        // Targets of links from other documents, which PDF prints without a link.
        Inline::Anchor(_) => {}
    }
}

/// An identifier in the fixed-width face; long ones may break after `.`, `-`, `_`, `/`.
pub fn code(out: &mut String, s: &str) {
    out.push_str("#text(font: \"DejaVu Sans Mono\", size: 0.88em)[");
    out.push_str(&text(&breakable(s)));
    out.push(']');
}

fn link(out: &mut String, labels: &Labels, stem: &str, t: &str, to: &Target) {
    let anchor = match to {
        Target::Anchor(a) => Some(a),
        Target::Doc { stem: s, anchor } if s == stem => anchor.as_ref(),
        Target::Doc { .. } => None,
        Target::Url(url) => {
            if url.starts_with("https://") || url.starts_with("http://") {
                out.push_str(&format!("#link({})[{}]", string(url), text(&breakable(t))));
            } else {
                out.push_str(&text(&breakable(t)));
            }
            return;
        }
    };
    match anchor {
        Some(a) if labels.0.contains(a) => {
            out.push_str(&format!("#link(label({}))[{}]", string(a), text(t)));
        }
        // Another document of the build: PDF readers do not agree on relative links
        // between files, so the name is printed without one.
        _ => out.push_str(&text(&breakable(t))),
    }
}

/// A word longer than this may not fit a table cell: it gets break opportunities.
const LONG_WORD: usize = 24;

/// `s` with a zero-width space after each `.`, `-`, `_` and `/` of words longer than
/// [`LONG_WORD`] characters, where typst may then break the line (typst breaks only at
/// spaces and hyphenation points, and an unbreakable identifier overflows its cell).
/// Short words are left as they are, so a cell's text is extracted exactly.
pub fn breakable(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for (n, word) in s.split(' ').enumerate() {
        if n > 0 {
            out.push(' ');
        }
        if word.chars().count() <= LONG_WORD {
            out.push_str(word);
            continue;
        }
        for c in word.chars() {
            out.push(c);
            if matches!(c, '.' | '-' | '_' | '/') {
                out.push('\u{200b}');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_long_words_get_break_opportunities() {
        assert_eq!(breakable("A.8.5 R-01"), "A.8.5 R-01");
        assert_eq!(
            breakable("see https://example.org/a/b/c/d"),
            "see https:/\u{200b}/\u{200b}example.\u{200b}org/\u{200b}a/\u{200b}b/\u{200b}c/\u{200b}d"
        );
    }

    #[test]
    fn a_link_to_a_missing_label_is_text() {
        let labels = Labels(["summary".to_string()].into_iter().collect());
        let mut out = String::new();
        let to = |a: &str| Target::Anchor(a.to_string());
        link(&mut out, &labels, "soa", "here", &to("summary"));
        link(&mut out, &labels, "soa", "there", &to("missing"));
        assert_eq!(out, "#link(label(\"summary\"))[#\"here\"]#\"there\"");
    }

    #[test]
    fn only_web_urls_are_links() {
        let mut out = String::new();
        let url = |u: &str| Target::Url(u.to_string());
        link(
            &mut out,
            &Labels::default(),
            "soa",
            "a",
            &url("https://x.org"),
        );
        link(
            &mut out,
            &Labels::default(),
            "soa",
            "b",
            &url("file:///etc/passwd"),
        );
        assert_eq!(out, "#link(\"https://x.org\")[#\"a\"]#\"b\"");
    }
}
