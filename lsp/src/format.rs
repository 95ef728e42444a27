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
}
