//! Semantic tokens: the syntax tree's words classified by what they are (a keyword, a
//! field, a declared name, a reference, an enumeration value, a literal, a comment).

use std::collections::HashSet;

use isms::model::kinds::Header;
use isms::model::DeclKind;
use isms::source::FileId;
use isms::syntax::{Block, Value, ValueKind};
use tower_lsp_server::ls_types::{
    SemanticToken, SemanticTokenModifier, SemanticTokenType, SemanticTokensLegend,
};

use crate::analysis::Analysis;
use crate::position::utf16_len;

/// The token types, in legend order (a token's type is its index here).
const TYPES: &[SemanticTokenType] = &[
    SemanticTokenType::KEYWORD,
    SemanticTokenType::PROPERTY,
    SemanticTokenType::CLASS,
    SemanticTokenType::VARIABLE,
    SemanticTokenType::ENUM_MEMBER,
    SemanticTokenType::STRING,
    SemanticTokenType::NUMBER,
    SemanticTokenType::COMMENT,
];
const KEYWORD: u32 = 0;
const PROPERTY: u32 = 1;
const DECLARED: u32 = 2;
const REFERENCE: u32 = 3;
const ENUM_MEMBER: u32 = 4;
const STRING: u32 = 5;
const NUMBER: u32 = 6;
const COMMENT: u32 = 7;

const MODIFIERS: &[SemanticTokenModifier] = &[
    SemanticTokenModifier::DECLARATION,
    SemanticTokenModifier::DOCUMENTATION,
];
const DECLARATION_BIT: u32 = 1;
const DOCUMENTATION_BIT: u32 = 2;

pub fn legend() -> SemanticTokensLegend {
    SemanticTokensLegend {
        token_types: TYPES.to_vec(),
        token_modifiers: MODIFIERS.to_vec(),
    }
}

/// One classified byte range.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Raw {
    start: usize,
    end: usize,
    kind: u32,
    modifiers: u32,
}

pub fn tokens(a: &Analysis, file: FileId) -> Vec<SemanticToken> {
    let Some(ast) = a.compilation.asts.get(file.0 as usize) else {
        return Vec::new();
    };
    let mut raw = Vec::new();
    let mut push = |span: isms::source::Span, kind: u32, modifiers: u32| {
        raw.push(Raw {
            start: span.start(),
            end: span.end(),
            kind,
            modifiers,
        });
    };
    for c in &ast.comments {
        let doc = if c.is_doc() { DOCUMENTATION_BIT } else { 0 };
        push(c.span, COMMENT, doc);
    }
    let mut values: Vec<&Value> = Vec::new();
    // The names declarations declare, whatever the table of names covers.
    let mut declared: HashSet<(usize, usize)> = HashSet::new();
    for d in &ast.decls {
        push(d.keyword.span, KEYWORD, 0);
        let named = DeclKind::from_keyword(&d.keyword.text)
            .is_some_and(|k| k.info().header == Header::Name);
        if let (true, Some(name)) = (named, d.args.first().and_then(|x| x.single())) {
            declared.insert((name.span.start(), name.span.end()));
        }
        values.extend(d.args.iter().flat_map(|x| x.values.iter()));
        if let Some(b) = &d.block {
            walk(b, &mut push, &mut values);
        }
    }
    for v in values {
        let (kind, modifiers) = match &v.kind {
            ValueKind::Word(_) if declared.contains(&(v.span.start(), v.span.end())) => {
                (DECLARED, DECLARATION_BIT)
            }
            ValueKind::Word(_) => match a.names().at(file, v.span.start()) {
                Some(o) if o.span == v.span && o.is_def => (DECLARED, DECLARATION_BIT),
                Some(o) if o.span == v.span => (REFERENCE, 0),
                _ => (ENUM_MEMBER, 0),
            },
            ValueKind::Str(_) | ValueKind::Text(_) => (STRING, 0),
            ValueKind::Int(_)
            | ValueKind::Decimal(_)
            | ValueKind::Date(_)
            | ValueKind::Range(_, _) => (NUMBER, 0),
        };
        push(v.span, kind, modifiers);
    }
    raw.sort();
    encode(a, file, &raw)
}

fn walk<'a>(
    block: &'a Block,
    push: &mut impl FnMut(isms::source::Span, u32, u32),
    values: &mut Vec<&'a Value>,
) {
    for f in &block.fields {
        let is_number = f.name.text.starts_with(|c: char| c.is_ascii_digit());
        push(f.name.span, if is_number { NUMBER } else { PROPERTY }, 0);
        values.extend(f.args.iter().flat_map(|x| x.values.iter()));
        if let Some(b) = &f.block {
            walk(b, push, values);
        }
    }
}

/// LSP's relative encoding, one token per line (a `"""` text spanning lines is split).
fn encode(a: &Analysis, file: FileId, raw: &[Raw]) -> Vec<SemanticToken> {
    let (Some(lines), text) = (a.lines(file), a.text(file)) else {
        return Vec::new();
    };
    let mut out = Vec::with_capacity(raw.len());
    let (mut prev_line, mut prev_start) = (0u32, 0u32);
    let mut last_end = 0usize;
    for t in raw {
        // Overlapping tokens (never expected) would break the encoding: keep the first.
        if t.start < last_end || t.start >= t.end {
            continue;
        }
        last_end = t.end;
        let first_line = lines.line_of(t.start);
        let last_line = lines.line_of(t.end.saturating_sub(1));
        for line in first_line..=last_line {
            let start = t.start.max(lines.line_start(line, text));
            let end = t.end.min(lines.line_end(line, text));
            let Some(piece) = text.get(start..end) else {
                continue;
            };
            if piece.is_empty() {
                continue;
            }
            let pos = lines.position(text, start);
            let delta_line = pos.line.saturating_sub(prev_line);
            let delta_start = if delta_line == 0 {
                pos.character.saturating_sub(prev_start)
            } else {
                pos.character
            };
            out.push(SemanticToken {
                delta_line,
                delta_start,
                length: u32::try_from(utf16_len(piece)).unwrap_or(u32::MAX),
                token_type: t.kind,
                token_modifiers_bitset: t.modifiers,
            });
            prev_line = pos.line;
            prev_start = pos.character;
        }
    }
    out
}
