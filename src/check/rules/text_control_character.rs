//! text/control-character: a string or comment holds a control character or a
//! bidirectional override.
//!
//! This rule reads the source text, not the model: comments never reach the model, and
//! the point is what the *source* shows a reviewer. It looks only inside strings, text
//! blocks and comments; anywhere else such a character is already a `syntax/error`.
//! One diagnostic per string or comment, at its first hidden character.

use crate::control;
use crate::diagnostics::{Code, Diagnostic, Sink};
use crate::source::{FileId, Span};

/// One project file (the shipped catalogs are not checked). It reads that file's text
/// alone, so the compiler runs it once per file text and keeps the result with the file's
/// parse.
pub fn check(id: FileId, text: &str, sink: &mut Sink) {
    // Most files hold none: one pass over the chars, then nothing.
    if text.contains(control::is_hidden) {
        check_file(id, text, sink);
    }
}

/// The places where hidden characters are text: what the grammar reads as a string
/// (`"…"`, ending at a quote or a line break), a text block (`"""…"""`) or a comment
/// (`//` to the end of the line).
fn check_file(id: FileId, text: &str, sink: &mut Sink) {
    let bytes = text.as_bytes();
    let mut at = 0;
    while at < bytes.len() {
        let token = match bytes[at] {
            b'"' if text[at..].starts_with("\"\"\"") => {
                let end = text[at + 3..]
                    .find("\"\"\"")
                    .map_or(text.len(), |e| at + 3 + e + 3);
                Some(("text block", at..end))
            }
            b'"' => Some(("string", at..string_end(bytes, at))),
            b'/' if bytes.get(at + 1) == Some(&b'/') => {
                let end = text[at..].find(['\n', '\r']).map_or(text.len(), |e| at + e);
                Some(("comment", at..end))
            }
            _ => None,
        };
        let Some((kind, range)) = token else {
            at += 1;
            continue;
        };
        if let Some(token) = text.get(range.clone()) {
            if let Some((offset, c)) = token.char_indices().find(|(_, c)| control::is_hidden(*c)) {
                let start = range.start + offset;
                sink.push(diagnostic(
                    Span::new(id, start, start + c.len_utf8()),
                    kind,
                    c,
                ));
            }
        }
        at = range.end.max(at + 1);
    }
}

/// Where a `"…"` string starting at `start` ends: after its closing quote, or at the end
/// of the line when it has none (the grammar's `string`).
fn string_end(bytes: &[u8], start: usize) -> usize {
    let mut at = start + 1;
    while let Some(&b) = bytes.get(at) {
        match b {
            b'\\' => at += 2,
            b'"' => return at + 1,
            b'\n' | b'\r' => return at,
            _ => at += 1,
        }
    }
    bytes.len()
}

fn diagnostic(span: Span, kind: &str, c: char) -> Diagnostic {
    let code = u32::from(c);
    let (what, label, help) = if control::is_bidi(c) {
        (
            "a bidirectional override",
            "reorders how the text around it is shown",
            "delete it: the text may read differently from what it says (Trojan Source)",
        )
    } else {
        (
            "a control character",
            "invisible here, but acts on a terminal or viewer",
            "delete it, or write a tab or a line break (`\\t`, `\\n`) if that was meant",
        )
    };
    Diagnostic::new(
        Code::TextControlCharacter,
        span,
        format!(
            "this {kind} holds {what}, `U+{code:04X}` (shown as `{}`)",
            control::picture(c)
        ),
    )
    .with_label(label)
    .with_help(help)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<(usize, String)> {
        let mut sink = Sink::default();
        check_file(FileId(0), text, &mut sink);
        sink.into_vec()
            .into_iter()
            .map(|d| (d.span.start(), d.message))
            .collect()
    }

    #[test]
    fn one_diagnostic_per_string_or_comment_at_the_first_character() {
        let text = "risk R-1 \"a\u{1b}b\u{7}\" // c\u{202e}d\u{202c}\n  \"\"\"x\n\u{7}\"\"\" \"tab\there\"\n";
        let d = found(text);
        assert_eq!(d.len(), 3, "{d:?}");
        assert_eq!(d[0].0, 11);
        assert!(
            d[0].1.contains("string") && d[0].1.contains("`U+001B`"),
            "{d:?}"
        );
        assert!(
            d[1].1.contains("comment") && d[1].1.contains("bidirectional"),
            "{d:?}"
        );
        assert!(
            d[2].1.contains("text block") && d[2].1.contains("`U+0007`"),
            "{d:?}"
        );
    }

    #[test]
    fn escaped_quotes_and_characters_outside_strings_are_left_alone() {
        assert!(found("x \"a\\\"b\" \u{1b}\n").is_empty());
        assert_eq!(found("\"a\\\"\u{1b}\"\n").len(), 1);
    }
}
