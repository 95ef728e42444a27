//! Document formatting through the compiler's formatter (`isms fmt`).

use tower_lsp_server::ls_types::{Position, Range, TextEdit};

use crate::position::LineIndex;

/// One edit replacing the whole text with its formatted form; no edit when it is already
/// formatted; `Err` (with the reason) when it cannot be formatted, such as with syntax
/// errors.
pub fn format(text: &str) -> Result<Vec<TextEdit>, String> {
    let formatted = isms::format::format_text(text).map_err(|e| e.to_string())?;
    if formatted == text {
        return Ok(Vec::new());
    }
    let lines = LineIndex::new(text);
    let end = lines.position(text, text.len());
    Ok(vec![TextEdit::new(
        Range::new(Position::new(0, 0), end),
        formatted,
    )])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_or_explains() {
        let edits = format("role   ciso \"CISO\"\n").unwrap();
        assert_eq!(edits.len(), 1);
        assert!(format("role ciso \"CISO\"\n").unwrap().is_empty());
        assert!(format("role ciso \"unterminated\n").is_err());
    }

    #[test]
    fn the_edit_ends_at_the_end_of_the_text_whatever_the_line_ending() {
        // Five lines, each ended: the text ends at line 5, character 0.
        let lf = "role   a \"A\" {\n  description \"x\"\n}\n\nrole b \"B\"\n";
        for ending in ["\n", "\r\n", "\r"] {
            let text = lf.replace('\n', ending);
            let edits = format(&text).unwrap();
            assert_eq!(edits.len(), 1, "{ending:?}");
            assert_eq!(edits[0].range.end, Position::new(5, 0), "{ending:?}");
            assert_eq!(
                edits[0].new_text,
                "role a \"A\" {\n  description \"x\"\n}\n\nrole b \"B\"\n"
            );
        }
    }
}
