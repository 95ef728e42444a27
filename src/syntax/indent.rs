//! Indentation as evidence when a brace is missing. The grammar pairs braces by count, so
//! a `}` missing from a nested block is found only where the outermost block runs out; as
//! rustc and rust-analyzer do, the line indentation then tells which block lacks it. It is
//! used only to place the one error of a file whose braces do not pair, never to read a
//! file whose braces do.

use super::ast::{Block, Field};
use crate::source::Span;

/// The indentation (blanks, counted as one column each) of the line holding byte `at` of
/// `text`, and whether nothing but blanks stands before `at` on that line.
pub fn line_indent(text: &str, at: usize) -> (usize, bool) {
    let before = text.get(..at).unwrap_or("");
    let start = before.rfind(['\n', '\r']).map_or(0, |i| i + 1);
    let lead = &before[start..];
    let indent = lead.len() - lead.trim_start_matches([' ', '\t']).len();
    (indent, indent == lead.len())
}

/// In the fields of a block whose `}` is missing, the first nested block (in source order)
/// whose `}` stands first on a line indented less than the line of its `{`: that `}`
/// closes an outer block, so it is this block that lacks one. The block is marked
/// unclosed; its `{` and the misplaced `}` are returned. `offset` is where `text` starts
/// in the file (spans are file offsets).
pub fn misplaced_close(fields: &mut [Field], text: &str, offset: usize) -> Option<(Span, Span)> {
    fields
        .iter_mut()
        .filter_map(|f| f.block.as_mut())
        .find_map(|block| misplaced_in(block, text, offset))
}

fn misplaced_in(block: &mut Block, text: &str, offset: usize) -> Option<(Span, Span)> {
    if let Some(found) = misplaced_close(&mut block.fields, text, offset) {
        return Some(found);
    }
    if !block.closed {
        return None;
    }
    let local = |span: Span| span.start().saturating_sub(offset);
    let close = Span::new(block.span.file, block.span.end() - 1, block.span.end());
    let (open_indent, _) = line_indent(text, local(block.open));
    let (close_indent, first_on_line) = line_indent(text, local(close));
    if first_on_line && close_indent < open_indent {
        block.closed = false;
        block.broken = true;
        return Some((block.open, close));
    }
    None
}

/// Infer one missing `{`: the first field (depth first) that has no block, stands first on
/// its line, and is followed up to the end of its block by fields indented deeper than it,
/// where that block's `}` is indented at least as deep as the field — the `}` the field's
/// block was meant to end with. The deeper fields become the field's block (marked
/// broken); the field's span is returned. Used only when a declaration is followed by a
/// `}` that closes nothing, the other half of the evidence.
pub fn infer_open_brace(block: &mut Block, text: &str, offset: usize) -> Option<Span> {
    let local = |span: Span| span.start().saturating_sub(offset);
    for field in block.fields.iter_mut() {
        if let Some(inner) = field.block.as_mut() {
            if let Some(found) = infer_open_brace(inner, text, offset) {
                return Some(found);
            }
        }
    }
    if !block.closed {
        return None;
    }
    let close_at = block.span.end().saturating_sub(1);
    let (close_indent, close_first) = line_indent(text, close_at.saturating_sub(offset));
    let indents: Vec<(usize, bool)> = block
        .fields
        .iter()
        .map(|f| line_indent(text, local(f.span)))
        .collect();
    let position = (0..block.fields.len()).find(|&i| {
        let (indent, first) = indents[i];
        first
            && block.fields[i].block.is_none()
            && i + 1 < block.fields.len()
            && indents[i + 1..].iter().all(|&(d, _)| d > indent)
            && close_first
            && close_indent >= indent
    })?;
    let adopted: Vec<Field> = block.fields.drain(position + 1..).collect();
    let field = block.fields.get_mut(position)?;
    let file = field.span.file;
    let start = adopted.first().map_or(field.span.end(), |f| f.span.start());
    field.block = Some(Block {
        fields: adopted,
        span: Span::new(file, start, close_at + 1),
        open: Span::new(file, field.span.end(), field.span.end()),
        closed: true,
        broken: true,
    });
    block.broken = true;
    Some(field.span)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn indentation_of_a_line() {
        let text = "a {\n    b }\r  }";
        assert_eq!(line_indent(text, 2), (0, false));
        assert_eq!(line_indent(text, 8), (4, true));
        assert_eq!(line_indent(text, 10), (4, false));
        assert_eq!(line_indent(text, 14), (2, true));
    }
}
