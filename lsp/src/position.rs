//! Byte offsets ↔ LSP positions: the one place where UTF-16 is counted.
//!
//! The compiler speaks byte spans (and Unicode-scalar columns for its JSON output); LSP
//! speaks 0-based lines and UTF-16 code units. Every conversion in the server goes
//! through [`LineIndex`], so a line with umlauts or emoji puts squiggles, hovers and edits
//! in the same place for every client.

use tower_lsp_server::ls_types::{Position, Range};

/// Where each line of one text starts: the compiler's [`isms::source::LineIndex`] (a line
/// ends at `\n`, `\r\n` or a lone `\r`, as LSP says), plus UTF-16 columns.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LineIndex {
    lines: isms::source::LineIndex,
}

impl LineIndex {
    pub fn new(text: &str) -> Self {
        LineIndex {
            lines: isms::source::LineIndex::new(text),
        }
    }

    pub fn line_count(&self) -> usize {
        self.lines.line_count()
    }

    /// 0-based line holding `offset`.
    pub fn line_of(&self, offset: usize) -> usize {
        self.lines.line_of(offset)
    }

    /// Byte offset where 0-based `line` starts (the text's end past the last line).
    pub fn line_start(&self, line: usize, text: &str) -> usize {
        self.lines
            .line_start(line)
            .map_or(text.len(), |start| start.min(text.len()))
    }

    /// Byte offset of the end of `line`, before its `\n`, `\r\n` or `\r`.
    pub fn line_end(&self, line: usize, text: &str) -> usize {
        self.lines
            .line_range(line, text)
            .map_or(text.len(), |range| range.end)
    }

    /// The LSP position of a byte offset. Offsets past the end or inside a character are
    /// moved back to the nearest character boundary.
    pub fn position(&self, text: &str, offset: usize) -> Position {
        let offset = floor_boundary(text, offset);
        let line = self.line_of(offset);
        let start = self.line_start(line, text).min(offset);
        let character = text.get(start..offset).map_or(0, utf16_len);
        Position::new(to_u32(line), to_u32(character))
    }

    pub fn range(&self, text: &str, start: usize, end: usize) -> Range {
        Range::new(self.position(text, start), self.position(text, end))
    }

    /// The byte offset of an LSP position. A line past the end gives the text's end; a
    /// character past the line's end gives the line's end; a character in the middle of
    /// a surrogate pair gives the start of that character.
    pub fn offset(&self, text: &str, position: Position) -> usize {
        let line = position.line as usize;
        if line >= self.line_count() {
            return text.len();
        }
        let start = self.line_start(line, text);
        let end = self.line_end(line, text);
        let Some(line_text) = text.get(start..end) else {
            return start;
        };
        let wanted = position.character as usize;
        let mut units = 0;
        for (i, c) in line_text.char_indices() {
            if units + c.len_utf16() > wanted {
                return start + i;
            }
            units += c.len_utf16();
        }
        end
    }
}

/// Length of a string in UTF-16 code units.
pub fn utf16_len(s: &str) -> usize {
    if s.is_ascii() {
        return s.len();
    }
    s.chars().map(char::len_utf16).sum()
}

fn floor_boundary(text: &str, offset: usize) -> usize {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn roundtrip(text: &str) {
        let index = LineIndex::new(text);
        for (offset, _) in text.char_indices().chain([(text.len(), ' ')]) {
            // Between the `\r` and `\n` of one line end is no place a cursor can be.
            if text[..offset].ends_with('\r') && text[offset..].starts_with('\n') {
                continue;
            }
            let p = index.position(text, offset);
            assert_eq!(index.offset(text, p), offset, "{text:?} at {offset}");
        }
    }

    #[test]
    fn ascii_columns_are_bytes() {
        let text = "role ciso \"CISO\"\nperson a \"A\"\n";
        let index = LineIndex::new(text);
        assert_eq!(index.position(text, 5), Position::new(0, 5));
        assert_eq!(index.position(text, 17), Position::new(1, 0));
        assert_eq!(index.offset(text, Position::new(1, 7)), 24);
        roundtrip(text);
    }

    #[test]
    fn umlauts_count_one_unit_each() {
        // `ü` and `ß` are two bytes in UTF-8 but one UTF-16 unit.
        let text = "person jürgen \"Jürgen Weiß\" { roles cisö }\n";
        let index = LineIndex::new(text);
        let roles = text.find("roles").unwrap_or(0);
        assert_eq!(index.position(text, roles), Position::new(0, 30));
        assert_eq!(index.offset(text, Position::new(0, 30)), roles);
        roundtrip(text);
    }

    #[test]
    fn emoji_count_two_units() {
        // U+1F600 is four bytes in UTF-8 and a surrogate pair (two units) in UTF-16.
        let text = "// 😀 x\nrisk R \"🔥 fire\" {\n  owner ciso\n}\n";
        let index = LineIndex::new(text);
        let x = text.find('x').unwrap_or(0);
        assert_eq!(index.position(text, x), Position::new(0, 6));
        let fire = text.find("fire").unwrap_or(0);
        assert_eq!(index.position(text, fire), Position::new(1, 11));
        // The middle of the surrogate pair falls back to the start of the emoji.
        let emoji = text.find('🔥').unwrap_or(0);
        assert_eq!(index.offset(text, Position::new(1, 9)), emoji);
        assert_eq!(index.offset(text, Position::new(1, 10)), emoji + 4);
        roundtrip(text);
    }

    #[test]
    fn out_of_range_positions_clamp() {
        let text = "ab\r\ncd";
        let index = LineIndex::new(text);
        assert_eq!(index.offset(text, Position::new(0, 99)), 2);
        assert_eq!(index.offset(text, Position::new(9, 0)), text.len());
        assert_eq!(index.position(text, 99), Position::new(1, 2));
        // An offset inside a multi-byte character moves back to its start.
        let text = "ä";
        assert_eq!(LineIndex::new(text).position(text, 1), Position::new(0, 0));
    }

    #[test]
    fn every_line_ending_gives_the_same_positions() {
        // Umlauts and an emoji, so that UTF-16 columns differ from bytes and scalars.
        let lf = "role ü \"Ü\"\n\n// 😀 x\nrisk R \"🔥\" {\n  owner ü\n}\n";
        for ending in ["\r\n", "\r"] {
            let other = lf.replace('\n', ending);
            let (a, b) = (LineIndex::new(lf), LineIndex::new(&other));
            assert_eq!(a.line_count(), b.line_count());
            for needle in ["role", "Ü", "x", "R", "🔥", "owner", "}"] {
                let (i, j) = (lf.find(needle).unwrap(), other.find(needle).unwrap());
                assert_eq!(
                    a.position(lf, i),
                    b.position(&other, j),
                    "{needle} {ending:?}"
                );
                let p = a.position(lf, i);
                assert_eq!(b.offset(&other, p), j);
            }
            assert_eq!(a.position(lf, lf.len()), b.position(&other, other.len()));
            roundtrip(&other);
        }
    }

    #[test]
    fn a_lone_carriage_return_ends_a_line() {
        let text = "ab\rcd\r";
        let index = LineIndex::new(text);
        assert_eq!(index.line_count(), 3);
        assert_eq!(index.line_end(0, text), 2);
        assert_eq!(index.position(text, 3), Position::new(1, 0));
        assert_eq!(index.position(text, text.len()), Position::new(2, 0));
        // A character past the end of the line stops before its `\r`.
        assert_eq!(index.offset(text, Position::new(0, 9)), 2);
    }

    #[test]
    fn line_ends_exclude_terminators() {
        let text = "ab\r\ncd\n";
        let index = LineIndex::new(text);
        assert_eq!(index.line_end(0, text), 2);
        assert_eq!(index.line_end(1, text), 6);
        assert_eq!(index.line_count(), 3);
    }
}
