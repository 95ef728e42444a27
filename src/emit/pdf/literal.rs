//! typst string literals: the one way user text enters the markup.
//!
//! INVARIANT: every text of the tree reaches typst as `"…"` built here, never as markup,
//! so nothing a user writes (`#`, `*`, `$`, `<`, `@`, `]`) is evaluated or styled.

use std::fmt::Write;

/// `s` as a typst string literal, quotes included. Backslash and quote are escaped, line
/// breaks and tabs written as escapes, and hidden characters (control characters, bidi
/// overrides) shown as their pictures, as in every other output.
pub fn string(s: &str) -> String {
    let shown = crate::control::visible(s);
    let mut out = String::with_capacity(shown.len() + 2);
    out.push('"');
    for c in shown.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => {
                // `visible` leaves only tab and line breaks; any other control character
                // is escaped rather than trusted to the typst lexer.
                let _ = write!(out, "\\u{{{:x}}}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// `s` as text in markup: `#"…"`.
pub fn text(s: &str) -> String {
    format!("#{}", string(s))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_and_backslashes_are_escaped() {
        assert_eq!(string(r#"a "b" \c"#), r#""a \"b\" \\c""#);
    }

    #[test]
    fn line_breaks_become_escapes_and_controls_pictures() {
        assert_eq!(string("a\nb\tc\u{1b}"), "\"a\\nb\\tc\u{241b}\"");
        assert_eq!(string("\u{202e}"), "\"\\\\u{202e}\"");
    }

    #[test]
    fn markup_characters_stay_inside_the_literal() {
        assert_eq!(text("#set *x* $y$ ]"), "#\"#set *x* $y$ ]\"");
    }
}
