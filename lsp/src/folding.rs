//! Folding ranges: blocks, multi-line `"""` texts and runs of comment lines.

use isms::source::{FileId, Span};
use isms::syntax::{Block, Value, ValueKind};
use tower_lsp_server::ls_types::{FoldingRange, FoldingRangeKind};

use crate::analysis::Analysis;

pub fn folding_ranges(a: &Analysis, file: FileId) -> Vec<FoldingRange> {
    let (Some(ast), Some(lines)) = (a.compilation.asts.get(file.0 as usize), a.lines(file)) else {
        return Vec::new();
    };
    let line = |offset: usize| u32::try_from(lines.line_of(offset)).unwrap_or(u32::MAX);
    let mut out = Vec::new();
    let mut fold = |span: Span, kind: Option<FoldingRangeKind>, keep_last: bool| {
        let (start, end) = (line(span.start()), line(span.end().saturating_sub(1)));
        // A block's closing `}` stays visible: fold up to the line before it.
        let end = if keep_last {
            end.saturating_sub(1)
        } else {
            end
        };
        if end > start {
            out.push(FoldingRange {
                start_line: start,
                start_character: None,
                end_line: end,
                end_character: None,
                kind,
                collapsed_text: None,
            });
        }
    };
    let mut blocks: Vec<&Block> = Vec::new();
    let mut texts: Vec<&Value> = Vec::new();
    for d in &ast.decls {
        texts.extend(d.args.iter().flat_map(|x| x.values.iter()));
        if let Some(b) = &d.block {
            collect(b, &mut blocks, &mut texts);
        }
    }
    for b in blocks {
        let span = Span::new(b.span.file, b.open.start(), b.span.end());
        fold(span, None, b.closed);
    }
    for v in texts {
        if matches!(v.kind, ValueKind::Text(_)) {
            fold(v.span, None, false);
        }
    }
    // Runs of consecutive comment lines (a file header, a doc comment).
    let text = a.text(file);
    let mut run: Option<(usize, usize, u32)> = None;
    for c in &ast.comments {
        let l = line(c.span.start());
        let before = text.get(lines.line_start(l as usize, text)..c.span.start());
        if !before.is_some_and(|b| b.trim().is_empty()) {
            continue;
        }
        run = match run {
            Some((start, _, last)) if l == last + 1 => Some((start, c.span.end(), l)),
            Some((start, end, _)) => {
                fold(
                    Span::new(file, start, end),
                    Some(FoldingRangeKind::Comment),
                    false,
                );
                Some((c.span.start(), c.span.end(), l))
            }
            None => Some((c.span.start(), c.span.end(), l)),
        };
    }
    if let Some((start, end, _)) = run {
        fold(
            Span::new(file, start, end),
            Some(FoldingRangeKind::Comment),
            false,
        );
    }
    out
}

fn collect<'a>(block: &'a Block, blocks: &mut Vec<&'a Block>, texts: &mut Vec<&'a Value>) {
    blocks.push(block);
    for f in &block.fields {
        texts.extend(f.args.iter().flat_map(|x| x.values.iter()));
        if let Some(b) = &f.block {
            collect(b, blocks, texts);
        }
    }
}
