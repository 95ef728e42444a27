//! Characters that change how text is shown rather than what it says: C0 and C1 control
//! characters and the bidirectional overrides of "Trojan Source" (CVE-2021-42574).
//!
//! An ESC in a title can retitle a terminal or repaint what it shows; a U+202E reorders
//! the text around it so a reader sees something other than what is there. The rule
//! `text/control-character` reports them in the source, and every output shows them as
//! visible escapes ([`visible`]) so that nothing the tool writes can act on its reader.

use std::borrow::Cow;

/// A bidirectional embedding, override or isolate: the characters rustc denies in source
/// (`text_direction_codepoint_in_literal`). Marks (U+200E, U+200F) only affect neutral
/// characters next to them and are not included, as in rustc.
pub fn is_bidi(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// A control character other than tab and the line breaks: C0, DEL and C1.
pub fn is_control(c: char) -> bool {
    c.is_control() && !matches!(c, '\t' | '\n' | '\r')
}

/// Whether `c` must not reach a reader as itself.
pub fn is_hidden(c: char) -> bool {
    is_control(c) || is_bidi(c)
}

/// How a hidden character is shown: C0 controls and DEL as their Unicode control picture
/// (one column wide, like the character's place in the source: `␛` for ESC), everything
/// else as a Rust-style escape (`\u{202e}`).
pub fn picture(c: char) -> Cow<'static, str> {
    let code = u32::from(c);
    let shown = match code {
        0x00..=0x1F => char::from_u32(0x2400 + code),
        0x7F => Some('\u{2421}'),
        _ => None,
    };
    match shown {
        Some(p) => Cow::Owned(p.to_string()),
        None => Cow::Owned(format!("\\u{{{code:x}}}")),
    }
}

/// `s` with every hidden character replaced by its [`picture`]; borrowed when there is
/// nothing to replace. Tabs and line breaks stay: documents keep the text's lines.
pub fn visible(s: &str) -> Cow<'_, str> {
    pictures_of(s, is_hidden)
}

/// [`visible`] for text that must stay on one line (a terminal message, a log line): line
/// breaks are shown as pictures too, so a `\r` cannot rewind the line and a `\n` cannot
/// start a new one that looks like the tool's own output.
pub fn one_line(s: &str) -> Cow<'_, str> {
    pictures_of(s, |c| is_hidden(c) || c == '\r' || c == '\n')
}

/// `s` with each character that `shown` picks replaced by its [`picture`].
fn pictures_of(s: &str, shown: impl Fn(char) -> bool) -> Cow<'_, str> {
    if !s.chars().any(&shown) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if shown(c) {
            out.push_str(&picture(c));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// A text with its hidden characters shown as pictures, and the way between byte offsets
/// in the original and in the shown text, so that labels still point at what they point
/// at (a caret under an ESC lands under its `␛`).
#[derive(Debug, Clone, Default)]
pub struct Shown {
    pub text: String,
    /// Each replaced character, in order: where it was and where its picture is.
    replaced: Vec<Replaced>,
}

#[derive(Debug, Clone, Copy)]
struct Replaced {
    at: usize,
    len: usize,
    shown_at: usize,
    shown_len: usize,
}

impl Shown {
    /// `text` with every hidden character shown, and each carriage return for which
    /// `line_break(offset)` is false (one that does not end a line).
    pub fn of(text: &str, line_break: impl Fn(usize) -> bool) -> Shown {
        let mut shown = Shown {
            text: String::with_capacity(text.len() + 16),
            replaced: Vec::new(),
        };
        for (at, c) in text.char_indices() {
            let replace = is_hidden(c) || (c == '\r' && !line_break(at));
            if !replace {
                shown.text.push(c);
                continue;
            }
            let picture = picture(c);
            shown.replaced.push(Replaced {
                at,
                len: c.len_utf8(),
                shown_at: shown.text.len(),
                shown_len: picture.len(),
            });
            shown.text.push_str(&picture);
        }
        shown
    }

    /// Whether anything was replaced.
    pub fn changed(&self) -> bool {
        !self.replaced.is_empty()
    }

    /// The offset in the shown text of `offset` in the original (the start of a picture
    /// for an offset inside a replaced character).
    pub fn to_shown(&self, offset: usize) -> usize {
        let before = self.replaced.partition_point(|r| r.at < offset);
        match before.checked_sub(1).and_then(|i| self.replaced.get(i)) {
            None => offset,
            Some(r) if offset < r.at + r.len => r.shown_at + r.shown_len,
            Some(r) => offset - (r.at + r.len) + r.shown_at + r.shown_len,
        }
    }

    /// The offset in the original text of `offset` in the shown text.
    pub fn to_original(&self, offset: usize) -> usize {
        let before = self.replaced.partition_point(|r| r.shown_at < offset);
        match before.checked_sub(1).and_then(|i| self.replaced.get(i)) {
            None => offset,
            Some(r) if offset < r.shown_at + r.shown_len => r.at + r.len,
            Some(r) => offset - (r.shown_at + r.shown_len) + r.at + r.len,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_become_pictures_and_bidi_becomes_an_escape() {
        assert_eq!(visible("a\u{1b}]0;x\u{7}b"), "a␛]0;x␇b");
        assert_eq!(visible("x\u{202E}y\u{7f}"), "x\\u{202e}y␡");
        assert_eq!(visible("\u{9b}31m"), "\\u{9b}31m");
        assert_eq!(visible("tab\there\nnext"), "tab\there\nnext");
        assert!(matches!(visible("plain — text"), Cow::Borrowed(_)));
    }

    #[test]
    fn one_line_also_shows_carriage_returns() {
        assert_eq!(one_line("a\r::error::x"), "a␍::error::x");
        assert_eq!(one_line("a\nb"), "a␊b");
    }

    #[test]
    fn offsets_map_both_ways_around_pictures() {
        let text = "ab\u{1b}cd\u{202e}e\r\nf\rg";
        let shown = Shown::of(text, |at| {
            text.get(at + 1..).is_some_and(|t| t.starts_with('\n'))
        });
        assert_eq!(shown.text, "ab␛cd\\u{202e}e\r\nf␍g");
        // `c` is byte 3 in the original, after the 3-byte `␛` in the shown text.
        assert_eq!(shown.to_shown(3), 5);
        assert_eq!(shown.to_original(5), 3);
        // The ESC itself: its picture starts at 2 and ends at 5.
        assert_eq!((shown.to_shown(2), shown.to_shown(3)), (2, 5));
        for (original, c) in text.char_indices() {
            let at = shown.to_shown(original);
            assert_eq!(shown.to_original(at), original, "{c:?}");
        }
        assert_eq!(shown.to_shown(text.len()), shown.text.len());
    }
}
