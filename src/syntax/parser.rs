//! pest → owned [`Ast`]. The only module that sees pest's types.

use pest::iterators::{Pair, Pairs};
use pest::Parser as _;

use super::ast::{
    Arg, Ast, AttrArg, Attribute, Block, Comment, Decl, Field, Value, ValueKind, Word,
};
use super::errors;
use super::text::{dedent, unescape};
use crate::source::{FileId, Span};

#[derive(pest_derive::Parser)]
#[grammar = "../grammar/isms.pest"]
struct IsmsParser;

/// Blocks nested deeper than this are refused before parsing: pest recurses per level, and
/// no real ISMS nests more than three deep.
const MAX_NESTING: usize = 64;

/// Parse one file. Never fails: whatever does not parse is in [`Ast::errors`].
pub fn parse(file: FileId, text: &str) -> Ast {
    let mut ast = Ast::default();
    if let Some(error) = errors::nesting_too_deep(file, text, MAX_NESTING) {
        ast.errors.push(error);
        return ast;
    }
    match IsmsParser::parse(Rule::file, text) {
        Ok(pairs) => Builder {
            file,
            ast: &mut ast,
        }
        .file(pairs),
        // INVARIANT: the grammar is total, so this is unreachable; it is still reported
        // rather than trusted.
        Err(error) => ast.errors.push(errors::from_pest(file, &error)),
    }
    ast
}

struct Builder<'a> {
    file: FileId,
    ast: &'a mut Ast,
}

impl Builder<'_> {
    fn span(&self, pair: &Pair<'_, Rule>) -> Span {
        let s = pair.as_span();
        Span::new(self.file, s.start(), s.end())
    }

    fn file(&mut self, pairs: Pairs<'_, Rule>) {
        for comment in pairs.clone().flatten() {
            if comment.as_rule() == Rule::COMMENT {
                let span = self.span(&comment);
                self.ast.comments.push(Comment {
                    span,
                    text: comment.as_str().trim_end().to_string(),
                });
            }
        }
        let children = pairs
            .filter(|p| p.as_rule() == Rule::file)
            .flat_map(|p| p.into_inner());
        for pair in children {
            match pair.as_rule() {
                Rule::decl => {
                    let d = self.decl(pair);
                    self.ast.decls.push(d);
                }
                Rule::error_line => {
                    let span = self.span(&pair);
                    self.ast
                        .errors
                        .push(errors::error_line(span, pair.as_str()));
                }
                _ => {}
            }
        }
        // Doc comments are matched to declarations by position: the `///` lines directly
        // above a declaration (blank lines and plain comments allowed in between).
        self.attach_docs();
    }

    fn attach_docs(&mut self) {
        let mut comments = self.ast.comments.iter().peekable();
        let mut previous_end = 0;
        for decl in &mut self.ast.decls {
            let mut lines = Vec::new();
            while let Some(c) = comments.peek() {
                if c.span.start >= decl.span.start {
                    break;
                }
                if c.span.start < previous_end {
                    // A comment inside the previous declaration.
                } else if c.is_doc() {
                    lines.push(c.doc_text().to_string());
                }
                comments.next();
            }
            if !lines.is_empty() {
                decl.doc = Some(lines.join("\n"));
            }
            previous_end = decl.span.end;
        }
    }

    fn decl(&mut self, pair: Pair<'_, Rule>) -> Decl {
        let span = self.span(&pair);
        let mut keyword = None;
        let mut attributes = Vec::new();
        let mut args = Vec::new();
        let mut block = None;
        let mut broken = false;
        for child in pair.into_inner() {
            match child.as_rule() {
                Rule::attribute => attributes.push(self.attribute(child, &mut broken)),
                Rule::word if keyword.is_none() => keyword = Some(self.word(&child)),
                Rule::arg => args.push(self.arg(child, &mut broken)),
                Rule::block => block = Some(self.block(child)),
                Rule::bad_tail => {
                    broken = true;
                    let span = self.span(&child);
                    let name = keyword.as_ref().map_or("", |w: &Word| w.text.as_str());
                    self.ast
                        .errors
                        .push(errors::bad_tail(span, child.as_str(), name));
                }
                _ => {}
            }
        }
        let keyword = keyword.unwrap_or(Word {
            text: String::new(),
            span: span.start_point(),
        });
        Decl {
            attributes,
            keyword,
            args,
            block,
            doc: None,
            span,
            broken,
        }
    }

    fn block(&mut self, pair: Pair<'_, Rule>) -> Block {
        let mut broken = false;
        let span = self.span(&pair);
        let open = Span::new(self.file, span.start, span.start + 1);
        let mut fields = Vec::new();
        let mut closed = true;
        for child in pair.into_inner() {
            match child.as_rule() {
                Rule::field => fields.push(self.field(child)),
                Rule::field_error => {
                    broken = true;
                    let span = self.span(&child);
                    self.ast
                        .errors
                        .push(errors::field_error(span, child.as_str()));
                }
                Rule::block_end if child.as_str().is_empty() => {
                    closed = false;
                    broken = true;
                    let at = self.span(&child);
                    self.ast.errors.push(errors::missing_brace(open, at));
                }
                _ => {}
            }
        }
        Block {
            fields,
            span,
            open,
            closed,
            broken,
        }
    }

    fn field(&mut self, pair: Pair<'_, Rule>) -> Field {
        let span = self.span(&pair);
        let mut name = None;
        let mut args = Vec::new();
        let mut block = None;
        let mut broken = false;
        for child in pair.into_inner() {
            match child.as_rule() {
                Rule::field_name => {
                    let span = self.span(&child);
                    name = Some(Word {
                        text: child.as_str().to_string(),
                        span,
                    });
                }
                Rule::arg => args.push(self.arg(child, &mut broken)),
                Rule::block => block = Some(self.block(child)),
                Rule::bad_tail => {
                    broken = true;
                    let span = self.span(&child);
                    let field = name.as_ref().map_or("", |w: &Word| w.text.as_str());
                    self.ast
                        .errors
                        .push(errors::bad_tail(span, child.as_str(), field));
                }
                _ => {}
            }
        }
        Field {
            name: name.unwrap_or(Word {
                text: String::new(),
                span: span.start_point(),
            }),
            args,
            block,
            span,
            broken,
        }
    }

    fn attribute(&mut self, pair: Pair<'_, Rule>, broken: &mut bool) -> Attribute {
        let mut span = self.span(&pair);
        // The attribute's own text, without the newlines that end it.
        span.end = span.start + pair.as_str().trim_end().len();
        let mut name = Word {
            text: String::new(),
            span,
        };
        let mut args = Vec::new();
        for child in pair.into_inner() {
            match child.as_rule() {
                Rule::word => name = self.word(&child),
                Rule::attr_arg => {
                    let mut key = None;
                    let mut value = None;
                    let parts: Vec<_> = child.into_inner().collect();
                    let count = parts.len();
                    for (i, part) in parts.into_iter().enumerate() {
                        if i + 1 < count && part.as_rule() == Rule::word {
                            key = Some(self.word(&part));
                        } else if part.as_rule() == Rule::code {
                            value = Some(Value {
                                kind: ValueKind::Word(part.as_str().to_string()),
                                span: self.span(&part),
                            });
                        } else {
                            value = self.value(part, broken);
                        }
                    }
                    if let Some(value) = value {
                        args.push(AttrArg { key, value });
                    }
                }
                _ => {}
            }
        }
        Attribute { name, args, span }
    }

    fn word(&self, pair: &Pair<'_, Rule>) -> Word {
        Word {
            text: pair.as_str().to_string(),
            span: self.span(pair),
        }
    }

    fn arg(&mut self, pair: Pair<'_, Rule>, broken: &mut bool) -> Arg {
        let span = self.span(&pair);
        let mut values = Vec::new();
        for child in pair.into_inner() {
            if let Some(v) = self.value(child, broken) {
                values.push(v);
            }
        }
        Arg { values, span }
    }

    fn value(&mut self, pair: Pair<'_, Rule>, broken: &mut bool) -> Option<Value> {
        let span = self.span(&pair);
        let text = pair.as_str();
        let kind = match pair.as_rule() {
            Rule::word => ValueKind::Word(text.to_string()),
            Rule::string => ValueKind::Str(unescape(text)),
            Rule::text => ValueKind::Text(dedent(text)),
            Rule::date => ValueKind::Date(text.to_string()),
            Rule::decimal => ValueKind::Decimal(text.to_string()),
            Rule::int => ValueKind::Int(self.int(span, text, broken)?),
            Rule::range => {
                let mut bounds = text.split("..");
                let lo = bounds.next().unwrap_or("");
                let hi = bounds.next().unwrap_or("");
                ValueKind::Range(self.int(span, lo, broken)?, self.int(span, hi, broken)?)
            }
            _ => return None,
        };
        Some(Value { kind, span })
    }

    fn int(&mut self, span: Span, text: &str, broken: &mut bool) -> Option<i64> {
        match text.parse::<i64>() {
            Ok(n) => Some(n),
            Err(_) => {
                *broken = true;
                self.ast.errors.push(errors::number_too_large(span));
                None
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_str(text: &str) -> Ast {
        parse(FileId(0), text)
    }

    #[test]
    fn declarations_fields_and_values() {
        let ast = parse_str(
            "/// The CISO.\nrole ciso \"CISO\"\nrisk R-1 \"T\" {\n  likelihood 2\n  treatment mitigate {\n    controls A.5.1, x,\n      y\n  }\n}\n",
        );
        assert!(ast.errors.is_empty(), "{:?}", ast.errors);
        assert_eq!(ast.decls.len(), 2);
        assert_eq!(ast.decls[0].doc.as_deref(), Some("The CISO."));
        let risk = &ast.decls[1];
        let block = risk.block.as_ref().map(|b| b.fields.len());
        assert_eq!(block, Some(2));
        let treatment = &risk.block.as_ref().map(|b| b.fields[1].clone());
        let controls = treatment
            .as_ref()
            .and_then(|t| t.block.as_ref())
            .map(|b| b.fields[0].args[0].values.len());
        assert_eq!(controls, Some(3));
    }

    #[test]
    fn one_typo_one_error() {
        let ast = parse_str("risk R-1 \"T\" {\n  likelihood = 2\n  impact 3\n}\nrole x \"X\"\n");
        assert_eq!(ast.errors.len(), 1, "{:?}", ast.errors);
        assert_eq!(ast.decls.len(), 2);
        let fields = &ast.decls[0].block.as_ref().map(|b| b.fields.clone());
        let fields = fields.as_deref().unwrap_or(&[]);
        assert_eq!(fields.len(), 2);
        assert!(fields[0].broken);
    }

    #[test]
    fn missing_brace_ends_at_next_declaration() {
        let ast = parse_str("asset a \"A\" {\n  kind software\nrole x \"X\"\n");
        assert_eq!(ast.errors.len(), 1, "{:?}", ast.errors);
        assert_eq!(ast.decls.len(), 2);
    }

    #[test]
    fn unterminated_string_is_one_error() {
        let ast = parse_str("asset a \"A {\n  kind software\n}\nrole x \"X\"\n");
        assert!(!ast.errors.is_empty());
        assert_eq!(
            ast.decls.last().map(|d| d.keyword.text.as_str()),
            Some("role")
        );
    }

    #[test]
    fn deep_nesting_is_refused_not_overflowed() {
        let text = "a {\n".repeat(10_000);
        let ast = parse_str(&text);
        assert_eq!(ast.errors.len(), 1);
    }

    #[test]
    fn garbage_never_panics() {
        for text in [
            "}", "{", "\"", "\"\"\"", "risk {", "= = =", "\0\0", "a ..", "1..", "x,",
        ] {
            let _ = parse_str(text);
        }
    }
}
