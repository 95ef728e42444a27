//! Reading the source text around a declaration, to place inserted lines where a person
//! (and `isms fmt`) would put them.

/// The end of the line holding `offset` (before its terminator).
pub fn line_end(text: &str, offset: usize) -> usize {
    text.get(offset..)
        .and_then(|rest| rest.find(['\n', '\r']))
        .map_or(text.len(), |i| offset + i)
}

/// The start of the line holding `offset`.
pub fn line_start(text: &str, offset: usize) -> usize {
    text.get(..offset)
        .and_then(|t| t.rfind(['\n', '\r']))
        .map_or(0, |i| i + 1)
}

/// The blanks before the first character of the line holding `offset`.
pub fn indent_at(text: &str, offset: usize) -> &str {
    let start = line_start(text, offset);
    let line = text.get(start..line_end(text, start)).unwrap_or("");
    let blanks = line.len() - line.trim_start_matches([' ', '\t']).len();
    line.get(..blanks).unwrap_or("")
}

/// The start of the line where the declaration starting at `offset` really begins: above
/// it, its `///` doc comment and `@` attributes belong to it, so nothing may be inserted
/// between them.
pub fn leading_start(text: &str, offset: usize) -> usize {
    let mut start = line_start(text, offset);
    while start > 0 {
        let above = line_start(text, start - 1);
        let line = text.get(above..start).unwrap_or("").trim();
        if line.starts_with("///") || line.starts_with('@') {
            start = above;
        } else {
            break;
        }
    }
    start
}

/// Where the header line that starts at `from` opens its block: the offset of its `{`,
/// skipping strings. `None` when the line ends (or a comment starts) first, or a text
/// block (`"""`) makes the header too unusual to edit.
pub fn header_brace(text: &str, from: usize) -> Option<usize> {
    let rest = text.get(from..)?;
    let mut chars = rest.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        match c {
            '{' => return Some(from + i),
            '\n' | '\r' => return None,
            '/' if chars.peek().is_some_and(|(_, n)| *n == '/') => return None,
            '"' => {
                if rest.get(i..).is_some_and(|r| r.starts_with("\"\"\"")) {
                    return None;
                }
                let mut escaped = false;
                loop {
                    let (_, s) = chars.next()?;
                    match s {
                        '\\' if !escaped => escaped = true,
                        '"' if !escaped => break,
                        '\n' | '\r' => return None,
                        _ => escaped = false,
                    }
                }
            }
            _ => {}
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::{header_brace, indent_at, leading_start, line_end};

    #[test]
    fn the_brace_of_a_header_skips_strings() {
        let text = "risk R \"a { b\" {\n  owner x\n}\n";
        assert_eq!(header_brace(text, 5), Some(15));
        assert_eq!(header_brace("risk R \"x\"\n{", 5), None);
        assert_eq!(header_brace("risk R // {\n", 5), None);
        assert_eq!(header_brace("risk R \"a \\\" {\" {", 5), Some(16));
    }

    #[test]
    fn lines_and_indentation() {
        let text = "a\n  b c\n";
        assert_eq!(line_end(text, 3), 7);
        assert_eq!(indent_at(text, 5), "  ");
        let doc = "x\n/// doc\n@allow(a)\ncontrol A {}\n";
        assert_eq!(leading_start(doc, doc.find("control").unwrap_or(0)), 2);
    }
}
