//! pest → owned [`Ast`]. The only module that sees pest's types.

use pest::iterators::{Pair, Pairs};
use pest::Parser as _;

use super::ast::{
    Arg, Ast, AttrArg, Attribute, Block, Comment, Decl, Field, SyntaxError, Value, ValueKind, Word,
};
use super::errors;
use super::indent;
use super::text::{dedent, is_closed_text, unescape};
use crate::source::{FileId, Span};

#[derive(pest_derive::Parser)]
#[grammar = "../grammar/isms.pest"]
struct IsmsParser;

/// Blocks nested deeper than this are refused before parsing: pest recurses per level, and
/// no real ISMS nests more than three deep. The grammar's `depth_scan` holds the same number
/// (`PEEK[63..64]`); a test checks they agree.
const MAX_NESTING: usize = 64;

/// Blocks nested too deep to parse, reported once for the whole file (which then has no
/// declarations).
pub fn nesting_error(file: FileId, text: &str) -> Option<SyntaxError> {
    let at = first_too_deep(text)?;
    Some(errors::nesting_too_deep(
        Span::new(file, at, at + 1),
        MAX_NESTING,
    ))
}

/// The byte offset of the first `{` nested deeper than [`MAX_NESTING`], found by the
/// grammar's `depth_scan` rule: the braces the grammar reads as braces, found with the
/// grammar's own rules for text blocks, strings and comments, so the count cannot disagree
/// with the parse. The rule stops at that `{`, or reads the whole file. Depth never drops
/// where the grammar ends a block without `}`, so the count is never lower than the depth
/// pest recurses to.
fn first_too_deep(text: &str) -> Option<usize> {
    match IsmsParser::parse(Rule::depth_scan, text) {
        Ok(pairs) => {
            let end = pairs.peek().map_or(0, |p| p.as_span().end());
            (end < text.len()).then_some(end)
        }
        // INVARIANT: `depth_scan` matches any text; if it ever did not, refusing the file
        // is safer than recursing into it unchecked.
        Err(_) => Some(0),
    }
}

/// Parse one file. Never fails: whatever does not parse is in [`Ast::errors`].
pub fn parse(file: FileId, text: &str) -> Ast {
    let mut parser = Parser::new(file, text);
    let decls = parser.by_ref().collect();
    let (comments, errors) = parser.finish();
    Ast {
        decls,
        comments,
        errors,
    }
}

/// A file's declarations, parsed one at a time as they are asked for.
///
/// pest keeps a token for every rule it matched until its input is consumed; running the
/// grammar's `item` rule once per declaration keeps that queue to one declaration, so a
/// file of any size parses in memory proportional to its largest declaration. Comments
/// and syntax errors are collected on the way and handed over by [`Parser::finish`].
pub struct Parser<'t> {
    file: FileId,
    text: &'t str,
    /// Where the next item starts.
    position: usize,
    comments: Vec<Comment>,
    errors: Vec<SyntaxError>,
    /// The first comment after the previous declaration: where the next one's doc
    /// comment may start.
    doc_from: usize,
    done: bool,
}

impl<'t> Parser<'t> {
    pub fn new(file: FileId, text: &'t str) -> Self {
        let too_deep = nesting_error(file, text);
        let mut parser = Parser::at(file, text, 0);
        parser.done = too_deep.is_some();
        parser.errors.extend(too_deep);
        parser
    }

    /// A parser that starts at byte `start` of `text`. Its declarations are the whole
    /// file's from there on only if `start` is where an item starts: the start of the file,
    /// or where another parser's item ended (each item is parsed from the rest of the file
    /// alone). Unlike [`Parser::new`] it does not check the nesting depth: the caller
    /// checks the whole file once with [`nesting_error`].
    pub fn at(file: FileId, text: &'t str, start: usize) -> Self {
        Parser {
            file,
            text,
            position: start,
            comments: Vec::new(),
            errors: Vec::new(),
            doc_from: 0,
            done: false,
        }
    }

    /// Where the next item starts.
    pub fn position(&self) -> usize {
        self.position
    }

    /// Parse the next item: `None` at the end of the file, `Some(None)` for an item that
    /// is not a declaration (blank lines and comments at the end, an error line).
    pub fn next_item(&mut self) -> Option<Option<Decl>> {
        if self.done || self.position >= self.text.len() {
            return None;
        }
        Some(self.item())
    }

    /// Whether `///` comments were read after the last declaration: they are the doc
    /// comment of a declaration this parser has not reached.
    pub fn has_pending_doc(&self) -> bool {
        let pending = self.comments.get(self.doc_from..).unwrap_or_default();
        pending.iter().any(Comment::is_doc)
    }

    /// The file's comments and syntax errors, once every declaration has been taken.
    pub fn finish(self) -> (Vec<Comment>, Vec<SyntaxError>) {
        (self.comments, self.errors)
    }

    /// Parse the item at `self.position`; the declaration it holds, if any.
    fn item(&mut self) -> Option<Decl> {
        let rest = self.text.get(self.position..).unwrap_or("");
        let offset = self.position;
        match IsmsParser::parse(Rule::item, rest) {
            Ok(pairs) => {
                let mut builder = Builder {
                    unclosed: 0,
                    groups: Vec::new(),
                    file: self.file,
                    text: rest,
                    offset,
                    comments: &mut self.comments,
                    errors: &mut self.errors,
                };
                let (end, decl) = builder.item(pairs);
                if end == 0 {
                    // Only the end of the file matches nothing; anything else would be a
                    // hole in the grammar's totality, and must not loop.
                    self.done = true;
                }
                self.position = offset + end;
                decl.map(|decl| self.attach_doc(decl))
            }
            // INVARIANT: the grammar is total, so this is unreachable; it is still reported
            // rather than trusted.
            Err(error) => {
                let mut error = errors::from_pest(self.file, &error);
                error.span = error.span.shifted(offset);
                self.errors.push(error);
                self.done = true;
                None
            }
        }
    }

    /// Doc comments are matched to declarations by position: the `///` lines directly
    /// above a declaration (blank lines and plain comments allowed in between), not inside
    /// the declaration before it.
    fn attach_doc(&mut self, mut decl: Decl) -> Decl {
        let lines: Vec<&str> = self
            .comments
            .get(self.doc_from..)
            .unwrap_or_default()
            .iter()
            .filter(|c| c.span.start() < decl.span.start() && c.is_doc())
            .map(Comment::doc_text)
            .collect();
        if !lines.is_empty() {
            decl.doc = Some(lines.join("\n"));
        }
        self.doc_from = self.comments.len();
        decl
    }
}

impl Iterator for Parser<'_> {
    type Item = Decl;

    fn next(&mut self) -> Option<Decl> {
        while let Some(item) = self.next_item() {
            if item.is_some() {
                return item;
            }
        }
        None
    }
}

/// Turns one item's pairs into owned syntax, spans shifted by where the item starts.
struct Builder<'a> {
    file: FileId,
    /// The item's input: the file from `offset` on.
    text: &'a str,
    offset: usize,
    comments: &'a mut Vec<Comment>,
    errors: &'a mut Vec<SyntaxError>,
    /// How many `{` this item reported as never closed. A block that runs out without its
    /// `}` after one of them was reported lost that `}` to it: the one error is said.
    unclosed: usize,
    /// Errors of lines that hold a `{ … }` group (the error's index, the group's `{`). A
    /// block that runs out of `}` after one lost its `}` to that group: the group's line
    /// gets the one error, about its `{`, and the block none.
    groups: Vec<(usize, Span)>,
}

impl Builder<'_> {
    fn span(&self, pair: &Pair<'_, Rule>) -> Span {
        let s = pair.as_span();
        Span::new(self.file, self.offset + s.start(), self.offset + s.end())
    }

    /// How many bytes the item took, and its declaration if it is one.
    fn item(&mut self, pairs: Pairs<'_, Rule>) -> (usize, Option<Decl>) {
        let mut end = 0;
        let mut decl = None;
        for item in pairs {
            end = end.max(item.as_span().end());
            for pair in item.into_inner() {
                match pair.as_rule() {
                    Rule::COMMENT => self.comment(&pair),
                    Rule::decl => decl = self.decl(pair),
                    Rule::error_line => {
                        let span = self.span(&pair);
                        self.errors.push(errors::error_line(span, pair.as_str()));
                    }
                    _ => {}
                }
            }
        }
        (end, decl)
    }

    /// Comments are tokens wherever the grammar skipped them, at any depth; each loop
    /// below hands them here, so they arrive in source order.
    fn comment(&mut self, pair: &Pair<'_, Rule>) {
        let span = self.span(pair);
        self.comments.push(Comment {
            span,
            text: pair.as_str().trim_end().to_string(),
        });
    }

    /// The declaration, or `None` for attributes that no declaration follows (reported).
    fn decl(&mut self, pair: Pair<'_, Rule>) -> Option<Decl> {
        let span = self.span(&pair);
        let mut keyword = None;
        let mut attributes = Vec::new();
        let mut args = Vec::new();
        let mut block = None;
        let mut broken = false;
        let mut joined = false;
        for child in pair.into_inner() {
            match child.as_rule() {
                Rule::COMMENT => self.comment(&child),
                Rule::attribute => attributes.push(self.attribute(child, &mut broken)),
                Rule::word if keyword.is_none() => keyword = Some(self.word(&child)),
                Rule::list_comma => joined = true,
                Rule::block => block = Some(self.block(child)),
                Rule::stray_close => {
                    let span = self.span(&child);
                    // A `}` after the declaration is the other half of a `{` missing
                    // from a field inside it, when the indentation shows which one.
                    let inferred = block
                        .as_mut()
                        .and_then(|b| indent::infer_open_brace(b, self.text, self.offset));
                    match inferred {
                        Some(field) => self.errors.push(errors::missing_open_brace(field)),
                        None => self.errors.push(errors::error_line(span, "}")),
                    }
                }
                Rule::bad_tail | Rule::line_rest => {
                    broken = true;
                    let span = self.span(&child);
                    let name = keyword.as_ref().map_or("", |w: &Word| w.text.as_str());
                    self.errors
                        .push(errors::bad_tail(span, child.as_str(), name));
                }
                _ => self.value_into(&mut args, &mut joined, child, &mut broken),
            }
        }
        let Some(keyword) = keyword else {
            if let Some(last) = attributes.last() {
                self.errors.push(errors::orphan_attribute(last.span));
            }
            return None;
        };
        Some(Decl {
            attributes,
            keyword,
            args,
            block,
            doc: None,
            span,
            broken,
        })
    }

    fn block(&mut self, pair: Pair<'_, Rule>) -> Block {
        let unclosed_before = self.unclosed;
        let groups_before = self.groups.len();
        let mut broken = false;
        let span = self.span(&pair);
        let open = Span::new(self.file, span.start(), span.start() + 1);
        let mut fields = Vec::new();
        let mut closed = true;
        for child in pair.into_inner() {
            match child.as_rule() {
                Rule::COMMENT => self.comment(&child),
                Rule::field => fields.push(self.field(child)),
                Rule::field_error => {
                    broken = true;
                    let span = self.span(&child);
                    let error = match self.unclosed_group(&child) {
                        Some(open) => errors::unclosed_group(open),
                        None => {
                            self.note_group(&child);
                            errors::field_error(span, child.as_str())
                        }
                    };
                    self.errors.push(error);
                }
                Rule::block_end if child.as_str().is_empty() && self.unclosed > unclosed_before => {
                    // A `{` inside this block that is never closed took this block's `}`
                    // (and every `}` after it): that `{` is the one error.
                    broken = true;
                    closed = false;
                }
                Rule::block_end
                    if child.as_str().is_empty() && self.groups.len() > groups_before =>
                {
                    // A line of this block holds a `{ … }` group that closed with this
                    // block's `}`: its `{` is the mistake, and its line's error says so.
                    broken = true;
                    closed = false;
                    let (index, open) = self.groups[groups_before];
                    if let Some(error) = self.errors.get_mut(index) {
                        *error = errors::unclosed_group(open);
                    }
                    self.unclosed += 1;
                }
                Rule::block_end if child.as_str().is_empty() => {
                    broken = true;
                    // The `}` that closed a nested block may be this block's, indented
                    // as this block's: then the nested block is the one that lacks it.
                    match indent::misplaced_close(&mut fields, self.text, self.offset) {
                        Some((inner, close)) => {
                            self.errors.push(errors::misplaced_brace(inner, close));
                        }
                        None => {
                            closed = false;
                            self.unclosed += 1;
                            let at = self.span(&child);
                            self.errors.push(errors::missing_brace(open, at));
                        }
                    }
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
        let mut joined = false;
        for child in pair.into_inner() {
            match child.as_rule() {
                Rule::COMMENT => self.comment(&child),
                Rule::word | Rule::int if name.is_none() => name = Some(self.word(&child)),
                Rule::list_comma => joined = true,
                Rule::block => block = Some(self.block(child)),
                Rule::bad_tail | Rule::field_rest => {
                    broken = true;
                    let span = self.span(&child);
                    let field = name.as_ref().map_or("", |w: &Word| w.text.as_str());
                    let error = match self.unclosed_group(&child) {
                        Some(open) => errors::unclosed_group(open),
                        None => errors::bad_tail(span, child.as_str(), field),
                    };
                    self.errors.push(error);
                }
                _ => self.value_into(&mut args, &mut joined, child, &mut broken),
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
        span = span.with_end(span.start() + pair.as_str().trim_end().len());
        let mut name = Word {
            text: String::new(),
            span,
        };
        let mut args = Vec::new();
        for child in pair.into_inner() {
            match child.as_rule() {
                Rule::COMMENT => self.comment(&child),
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
                            value = self.value(part, broken).flatten();
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

    /// Note that the error about to be pushed for `pair` is of a line holding a `{ … }`
    /// group (see `groups`).
    fn note_group(&mut self, pair: &Pair<'_, Rule>) {
        let group = pair
            .clone()
            .into_inner()
            .find(|p| p.as_rule() == Rule::brace_group);
        if let Some(group) = group {
            let at = self.span(&group);
            let open = Span::new(self.file, at.start(), at.start() + 1);
            self.groups.push((self.errors.len(), open));
        }
    }

    /// The `{` of the first brace group in the error node `pair` that is never closed: it
    /// ran to a line that starts a declaration, or to the end of the file, taking the `}`
    /// of every block around it. Counted in `unclosed`.
    fn unclosed_group(&mut self, pair: &Pair<'_, Rule>) -> Option<Span> {
        let group = pair
            .clone()
            .into_inner()
            .flatten()
            .filter(|p| p.as_rule() == Rule::brace_group)
            .find(|g| {
                // Closed when its last character is its own `}`, not the end of a token
                // inside it (a nested group, a string) that reaches as far.
                let end = g.as_span().end();
                let inner_reaches_end = g
                    .clone()
                    .into_inner()
                    .last()
                    .is_some_and(|last| last.as_span().end() == end);
                !g.as_str().ends_with('}') || inner_reaches_end
            })?;
        self.unclosed += 1;
        let at = self.span(&group);
        Some(Span::new(self.file, at.start(), at.start() + 1))
    }

    fn word(&self, pair: &Pair<'_, Rule>) -> Word {
        Word {
            text: pair.as_str().to_string(),
            span: self.span(pair),
        }
    }

    /// Add a value token to the arguments: to the last one when a `list_comma` came
    /// before it (`controls a, b`), else as an argument of its own (`residual likelihood
    /// 1`). A value that cannot be read (a number too large) still makes its argument.
    fn value_into(
        &mut self,
        args: &mut Vec<Arg>,
        joined: &mut bool,
        pair: Pair<'_, Rule>,
        broken: &mut bool,
    ) {
        let span = self.span(&pair);
        let Some(value) = self.value(pair, broken) else {
            return;
        };
        match args.last_mut() {
            Some(arg) if *joined => {
                arg.span = arg.span.with_end(span.end());
                arg.values.extend(value);
            }
            _ => args.push(Arg {
                values: value.into_iter().collect(),
                span,
            }),
        }
        *joined = false;
    }

    /// The value of a value token: `None` if the token is not a value, `Some(None)` if
    /// it is one that cannot be read (reported here).
    fn value(&mut self, pair: Pair<'_, Rule>, broken: &mut bool) -> Option<Option<Value>> {
        let span = self.span(&pair);
        let text = pair.as_str();
        let kind = match pair.as_rule() {
            Rule::word => Some(ValueKind::Word(text.to_string())),
            Rule::string => Some(ValueKind::Str(unescape(text))),
            Rule::text => {
                if !is_closed_text(text) {
                    *broken = true;
                    self.errors.push(errors::unclosed_text(Span::new(
                        self.file,
                        span.start(),
                        span.start() + 3,
                    )));
                }
                Some(ValueKind::Text(dedent(text)))
            }
            Rule::misopened_text => {
                *broken = true;
                let quotes = Span::new(self.file, span.start(), span.start() + 2);
                self.errors.push(errors::misopened_text(quotes));
                // With the third quote it is the text block it was meant to be.
                Some(ValueKind::Text(dedent(&format!("\"{text}"))))
            }
            Rule::date => Some(ValueKind::Date(text.to_string())),
            Rule::decimal => Some(ValueKind::Decimal(text.to_string())),
            Rule::int => self.int(span, text, broken).map(ValueKind::Int),
            Rule::range => {
                let mut bounds = text.split("..");
                let lo = self.int(span, bounds.next().unwrap_or(""), broken);
                let hi = lo.and_then(|_| self.int(span, bounds.next().unwrap_or(""), broken));
                lo.zip(hi).map(|(lo, hi)| ValueKind::Range(lo, hi))
            }
            _ => return None,
        };
        Some(kind.map(|kind| Value { kind, span }))
    }

    fn int(&mut self, span: Span, text: &str, broken: &mut bool) -> Option<i64> {
        match text.parse::<i64>() {
            Ok(n) => Some(n),
            Err(_) => {
                *broken = true;
                self.errors.push(errors::number_too_large(span));
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

    /// The deepest nesting of blocks and brace groups — the rules pest recurses into — in
    /// the items of `text`, parsed one after another as [`Parser`] does.
    fn grammar_depth(text: &str) -> usize {
        fn depth(pair: Pair<'_, Rule>) -> usize {
            let own = usize::from(matches!(pair.as_rule(), Rule::block | Rule::brace_group));
            own + pair.into_inner().map(depth).max().unwrap_or(0)
        }
        let mut position = 0;
        let mut deepest = 0;
        while position < text.len() {
            let pairs = IsmsParser::parse(Rule::item, &text[position..]).expect("total");
            let end = pairs.clone().map(|p| p.as_span().end()).max().unwrap_or(0);
            deepest = deepest.max(pairs.map(depth).max().unwrap_or(0));
            if end == 0 {
                break;
            }
            position += end;
        }
        deepest
    }

    #[test]
    fn the_pre_check_refuses_exactly_past_max_nesting() {
        for context in ["", "a {\n", "= x ", "role r \"a\r", "f \"\"\"\nx\n\"\"\" "] {
            let open = usize::from(context.contains('{'));
            let at = |depth: usize| first_too_deep(&format!("{context}{}", "{".repeat(depth)));
            assert_eq!(at(MAX_NESTING - open), None, "{context:?}");
            let deeper = MAX_NESTING + 1 - open;
            assert_eq!(at(deeper), Some(context.len() + deeper - 1), "{context:?}");
        }
    }

    /// Differential test: on random text made of the pieces that change how braces are
    /// read (strings ended by `\n` or a lone `\r`, escapes, text blocks closed or ended by
    /// indentation, `//` and `/* */` comments, declaration keywords, list commas), whatever
    /// the pre-check lets through nests no deeper than [`MAX_NESTING`] in the grammar.
    #[test]
    fn nesting_pre_check_never_lets_through_deeper_nesting() {
        const PIECES: &[&str] = &[
            "{", "{", "{", "{", "{", "}", "}", "\"", "\"\"\"", "\\", "\n", "\r", "\r\n", "\n  ",
            "\n    ", "//", "/*", "*/", "risk ", "f ", "a,", "=", " ", "@allow(", ")", "x",
        ];
        let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut next = |n: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n as u64) as usize
        };
        let (mut accepted, mut refused) = (0, 0);
        for round in 0..800 {
            let len = 300 + next(1_500);
            let text: String = (0..len).map(|_| PIECES[next(PIECES.len())]).collect();
            if first_too_deep(&text).is_some() {
                refused += 1;
                continue;
            }
            accepted += 1;
            let parsed = grammar_depth(&text);
            assert!(
                parsed <= MAX_NESTING,
                "round {round}: the pre-check let through {parsed} levels in {text:?}"
            );
        }
        assert!(
            accepted > 100 && refused > 50,
            "{accepted} accepted, {refused} refused"
        );
    }

    /// Run `parse` on a thread with a small stack: a file the pre-check lets through with
    /// 100,000 braces would overflow it at once.
    fn parse_on_small_stack(text: String) -> Vec<SyntaxError> {
        std::thread::Builder::new()
            .stack_size(4 << 20)
            .spawn(move || parse_str(&text).errors)
            .expect("thread")
            .join()
            .expect("no overflow")
    }

    #[test]
    fn braces_after_a_string_ended_by_a_lone_cr_are_counted() {
        let text = format!("role r \"a\r{}\n", "{".repeat(100_000));
        let errors = parse_on_small_stack(text);
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert_eq!(errors[0].message, "blocks are nested more than 64 deep");
        assert_eq!(errors[0].span.start(), "role r \"a\r".len() + 64);
    }

    #[test]
    fn closing_braces_inside_a_text_block_do_not_lower_the_count() {
        // Each round opens 50 blocks, then a text block holding 60 `}`: a count that read
        // them as braces never passed 50, while the grammar nested 10,000 deep.
        let round = format!(
            "{}f \"\"\"\n{}\n\"\"\"\n",
            "f {\n".repeat(50),
            "}".repeat(60)
        );
        let text = format!("a {{\n{}", round.repeat(200));
        let errors = parse_on_small_stack(text);
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert_eq!(errors[0].message, "blocks are nested more than 64 deep");
    }

    #[test]
    fn an_unclosed_text_block_ends_where_its_indentation_does() {
        let ast = parse_str(
            "policy p \"P\" {\n  section \"a\" \"\"\"\n    One.\n\n    Two.\n  section \"b\" \"\"\"\n    Three.\n  \"\"\"\n}\n",
        );
        assert_eq!(ast.errors.len(), 1, "{:?}", ast.errors);
        assert_eq!(ast.errors[0].message, "unclosed text block");
        assert_eq!(ast.errors[0].span.start(), 29);
        let fields = ast.decls[0].block.as_ref().map(|b| b.fields.len());
        assert_eq!(fields, Some(2), "the second section is read as a field");
        let first = &ast.decls[0].block.as_ref().unwrap().fields[0].args[1].values[0];
        assert_eq!(first.kind, ValueKind::Text("One.\n\nTwo.".to_string()));
    }

    #[test]
    fn closed_text_blocks_are_read_as_before() {
        for (text, content) in [
            ("\"\"\"one\"\"\"", "one"),
            ("\"\"\"\n    a\n      b\n  \"\"\"", "a\n  b"),
            ("\"\"\"first\n  more\n\"\"\"", "first\n  more"),
            ("\"\"\"\n\n    a\n    \"\"\" ", "\na"),
        ] {
            let ast = parse_str(&format!("policy p {{\n  purpose {text}\n}}\n"));
            assert!(ast.errors.is_empty(), "{text:?}: {:?}", ast.errors);
            let value = &ast.decls[0].block.as_ref().unwrap().fields[0].args[0].values[0];
            assert_eq!(value.kind, ValueKind::Text(content.to_string()), "{text:?}");
        }
    }

    #[test]
    fn an_unclosed_text_block_at_the_end_of_the_file_is_one_error() {
        let ast = parse_str("policy p {\n  purpose \"\"\"\n    a }\n");
        assert_eq!(ast.errors.len(), 2, "{:?}", ast.errors);
        assert_eq!(ast.errors[0].message, "unclosed text block");
        assert_eq!(ast.errors[1].message, "missing `}` to close this block");
    }

    #[test]
    fn two_quotes_before_an_indented_text_are_one_error_and_the_text() {
        let ast =
            parse_str("policy p {\n  purpose \"\"\n    One.\n    Two.\n  \"\"\"\n  owner x\n}\n");
        assert_eq!(ast.errors.len(), 1, "{:?}", ast.errors);
        assert_eq!(ast.errors[0].message, "text block opened with `\"\"`");
        let block = ast.decls[0].block.as_ref().unwrap();
        assert_eq!(block.fields.len(), 2);
        let value = &block.fields[0].args[0].values[0];
        assert_eq!(value.kind, ValueKind::Text("One.\nTwo.".to_string()));
    }

    #[test]
    fn an_empty_string_before_fields_stays_an_empty_string() {
        let ast = parse_str(
            "policy p {\n  title \"\"\n  purpose \"x\"\n  section \"s\" \"\"\"\n    a\n  \"\"\"\n}\n",
        );
        assert!(ast.errors.is_empty(), "{:?}", ast.errors);
        let block = ast.decls[0].block.as_ref().unwrap();
        assert_eq!(block.fields.len(), 3);
        assert_eq!(
            block.fields[0].args[0].values[0].kind,
            ValueKind::Str(String::new())
        );
    }

    #[test]
    fn a_stray_closing_brace_after_a_declaration_is_one_error() {
        let ast = parse_str("role r \"R\"\n}\nrole s \"S\"\n");
        assert_eq!(ast.errors.len(), 1, "{:?}", ast.errors);
        assert_eq!(
            ast.errors[0].message,
            "unexpected `}`: no block is open here"
        );
        assert_eq!(ast.decls.len(), 2);
    }

    #[test]
    fn a_block_comment_over_lines_is_one_error() {
        let ast = parse_str("risk r {\n  /* a {\n  b */ impact 2\n}\n");
        assert_eq!(ast.errors.len(), 1, "{:?}", ast.errors);
        assert_eq!(ast.errors[0].message, "comments start with `//`");
    }

    #[test]
    fn garbage_never_panics() {
        for text in [
            "}",
            "{",
            "\"",
            "\"\"\"",
            "risk {",
            "= = =",
            "\0\0",
            "a ..",
            "1..",
            "x,",
            "\"\"\"\"",
            "\"\"\"\"\"",
            "/*",
            "a {\n\"\"\"\n",
            "@a(\"\"\"",
            "}}",
            "a {}}\n}",
        ] {
            let _ = parse_str(text);
        }
    }
}
