//! User text in Markdown, escaped as carefully as in HTML.
//!
//! [`inline`] is for every piece of user text (titles, names, descriptions, table cells,
//! headings, list items): it stays on one line and every character that Markdown could
//! read as markup is backslash-escaped, so a description `"a\n# Fake heading"` or
//! `"<!-- hidden"` is shown as written instead of adding a heading or hiding the rest
//! of the document.
//!
//! [`prose`] is for policy sections, which are Markdown by design: they keep their
//! formatting, but raw HTML is turned into text, images into links (a Markdown viewer
//! would load them), headings are moved below the section's own heading, and a code
//! fence left open is closed so it cannot swallow the rest of the document. That is
//! what the HTML pages do with the same text (`emit/html/markdown.rs`).

use std::ops::Range;

use pulldown_cmark::{CodeBlockKind, Event, Options, Parser, Tag};

use crate::control;

/// User text on one line, with Markdown's special characters escaped.
pub fn inline(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for (i, word) in s.split_whitespace().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        escape_word(&mut out, word, i == 0);
    }
    out
}

/// One word: punctuation that is markup anywhere is escaped everywhere, and what is markup
/// only at the start of a line (`-`, `+`, `=` and `1.` of lists and headings) where a line
/// could start, at the start of the text.
fn escape_word(out: &mut String, word: &str, first: bool) {
    for (at, c) in word.char_indices() {
        if control::is_hidden(c) {
            out.push_str(&control::picture(c));
            continue;
        }
        let anywhere = matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' | '#' | '&' | '!'
        );
        let line_start = first && at == 0 && matches!(c, '-' | '+' | '=');
        // `1.` or `1)` followed by a blank, at the start of a line, begins an ordered
        // list; `1.2` does not.
        let list_number = first
            && matches!(c, '.' | ')')
            && at > 0
            && at + 1 == word.len()
            && word
                .get(..at)
                .is_some_and(|d| d.bytes().all(|b| b.is_ascii_digit()));
        if anywhere || line_start || list_number {
            out.push('\\');
        }
        out.push(c);
    }
}

/// Policy prose: Markdown kept, but nothing in it can load, hide or restructure anything
/// outside it.
pub fn prose(markdown: &str) -> String {
    let text = control::visible(markdown);
    let text = without_html(text.trim_end());
    let parser = Parser::new_ext(
        &text,
        Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH,
    );
    let mut edits: Vec<(Range<usize>, String)> = Vec::new();
    let mut open_fence: Option<String> = None;
    for (event, range) in parser.into_offset_iter() {
        match event {
            // `![alt](url)` → `[alt](url)`: a link loads nothing until it is followed.
            Event::Start(Tag::Image { .. })
                if text.get(range.clone()).is_some_and(|s| s.starts_with('!')) =>
            {
                edits.push((range.start..range.start + 1, String::new()));
            }
            Event::Start(Tag::Heading { level, .. }) => {
                edits.extend(demoted(&text, range, level as usize));
            }
            Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(_))) if range.end >= text.len() => {
                open_fence = open_fence_of(text.get(range).unwrap_or_default());
            }
            _ => {}
        }
    }
    let mut out = apply(&text, edits);
    if let Some(fence) = open_fence {
        out.push('\n');
        out.push_str(&fence);
    }
    out
}

/// The text with every piece of raw HTML turned into text (`<` as `&lt;`). Again until
/// none is left: an HTML block such as `<!--` runs to its end marker or the end of the
/// text, so what it swallowed is only seen once it is escaped. Each pass removes at least
/// one `<`, so this ends.
fn without_html(text: &str) -> String {
    let mut text = text.to_string();
    loop {
        let edits: Vec<(Range<usize>, String)> = Parser::new_ext(&text, Options::ENABLE_TABLES)
            .into_offset_iter()
            .filter(|(event, _)| matches!(event, Event::Html(_) | Event::InlineHtml(_)))
            .filter_map(|(_, range)| {
                let source = text.get(range.clone())?;
                source
                    .contains('<')
                    .then(|| (range, source.replace('&', "&amp;").replace('<', "&lt;")))
            })
            .collect();
        if edits.is_empty() {
            return text;
        }
        text = apply(&text, edits);
    }
}

/// `text` with each range replaced, in order; a range overlapping an earlier one is
/// skipped.
fn apply(text: &str, mut edits: Vec<(Range<usize>, String)>) -> String {
    edits.sort_by_key(|(r, _)| r.start);
    let mut out = String::with_capacity(text.len() + 16);
    let mut at = 0;
    for (range, replacement) in edits {
        if range.start < at {
            continue;
        }
        out.push_str(text.get(at..range.start).unwrap_or_default());
        out.push_str(&replacement);
        at = range.end;
    }
    out.push_str(text.get(at..).unwrap_or_default());
    out
}

/// Edits that make the heading in `range` two levels lower (`#` → `###`, as the HTML
/// pages show it): section bodies sit under a `##` heading of their own. A setext
/// heading (`Title` over `===`) becomes an ATX heading; its title is left to the other
/// edits (raw HTML in it is escaped like anywhere else).
fn demoted(text: &str, range: Range<usize>, level: usize) -> Vec<(Range<usize>, String)> {
    let Some(source) = text.get(range.clone()) else {
        return Vec::new();
    };
    let marks = "#".repeat((level + 2).min(6));
    let indent = source.len() - source.trim_start().len();
    let body = source.trim_start();
    let start = range.start + indent;
    if body.starts_with('#') {
        let hashes = body.len() - body.trim_start_matches('#').len();
        return vec![(start..start + hashes, marks)];
    }
    let title_end = body.trim_end().rfind('\n').map_or(range.end, |n| start + n);
    let underline_end = start + body.trim_end().len();
    vec![
        (start..start, format!("{marks} ")),
        (title_end..underline_end, String::new()),
    ]
}

/// The fence that closes a fenced code block reaching the end of the text, if its own
/// closing fence is missing (```` ``` ```` or `~~~`, as long as the opening one).
fn open_fence_of(source: &str) -> Option<String> {
    let first = source.trim_start();
    let mark = first.chars().next()?;
    let fence: String = first.chars().take_while(|&c| c == mark).collect();
    let closed = source
        .trim_end()
        .lines()
        .skip(1)
        .last()
        .is_some_and(|l| l.trim().starts_with(&fence));
    (!closed).then_some(fence)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The HTML a CommonMark renderer makes of `markdown`.
    fn html(markdown: &str) -> String {
        let mut out = String::new();
        pulldown_cmark::html::push_html(&mut out, Parser::new(markdown));
        out
    }

    #[test]
    fn inline_text_is_never_markup() {
        let hostile = [
            "a\n# Fake heading",
            "<!-- hidden",
            "<script>alert(1)</script>",
            "![x](https://example.invalid/a.png)",
            "- item",
            "1. first",
            "=== ",
            "*bold* _em_ `code` ~~del~~ a|b &amp; \\",
            "Heading ##",
        ];
        for h in hostile {
            let shown = html(&format!(
                "# {}\n\n| c |\n|---|\n| {} |\n\n- {}\n",
                inline(h),
                inline(h),
                inline(h)
            ));
            for tag in [
                "<h1>Fake",
                "<!--",
                "<script",
                "<img",
                "<ul>\n<li>\n<ul",
                "<ol",
                "<strong",
                "<em",
                "<code",
                "<del",
            ] {
                assert!(!shown.contains(tag), "{h:?} gave {tag} in {shown}");
            }
        }
        assert_eq!(inline("a\n# Fake heading"), "a \\# Fake heading");
        // An entity is shown as written, not decoded.
        assert!(html(&inline("&amp;")).contains("&amp;amp;"));
        assert_eq!(inline("Lena Wagner (lena)"), "Lena Wagner (lena)");
        assert_eq!(inline("1.2"), "1.2");
        assert_eq!(inline("1. x"), "1\\. x");
    }

    #[test]
    fn prose_keeps_markdown_but_not_html_images_or_top_headings() {
        let md = prose(
            "Intro **bold**.\n\n<!-- hidden\n\n# Top\n\n![x](https://example.invalid/a.png) \
             <b>raw</b> \u{1b}[2J\n\nSub\n===\n",
        );
        let shown = html(&md);
        assert!(shown.contains("<strong>bold</strong>"), "{shown}");
        assert!(shown.contains("&lt;!-- hidden"), "{shown}");
        assert!(shown.contains("<h3>Top</h3>"), "{shown}");
        assert!(shown.contains("<h3>Sub</h3>"), "{shown}");
        assert!(
            shown.contains("<a href=\"https://example.invalid/a.png\">x</a>"),
            "{shown}"
        );
        assert!(shown.contains("&lt;b&gt;raw&lt;/b&gt;"), "{shown}");
        assert!(!shown.contains(['\u{1b}']), "{shown}");
        assert!(shown.contains("␛[2J"), "{shown}");
    }

    #[test]
    fn an_open_code_fence_is_closed() {
        let md = format!("{}\n\nafter", prose("text\n\n```\ncode"));
        assert!(html(&md).contains("<p>after</p>"), "{md}");
    }
}
