//! Messages for the grammar's error nodes: what went wrong on the line, and how to fix it.

use super::ast::SyntaxError;
use crate::source::{FileId, Span};

fn error(span: Span, message: String, label: &str, help: Option<String>) -> SyntaxError {
    SyntaxError {
        span,
        message,
        label: label.to_string(),
        help,
        related: None,
        replacement: None,
    }
}

/// The first token-like piece of `text`, shortened for a message.
fn first_token(text: &str) -> String {
    let t = text.trim_start();
    let end = t
        .char_indices()
        .find(|&(i, c)| c.is_whitespace() || (i > 0 && matches!(c, '{' | '}' | ',' | '=')))
        .map_or(t.len(), |(i, _)| i);
    let token: String = t.get(..end).unwrap_or(t).chars().take(24).collect();
    if token.is_empty() {
        t.chars().take(1).collect()
    } else {
        token
    }
}

/// The span of the first token of `text` starting at `span.start`.
fn first_token_span(span: Span, text: &str) -> Span {
    let lead = text.len() - text.trim_start().len();
    let token = first_token(text);
    let start = span.start() + lead;
    Span::new(
        span.file,
        start,
        (start + token.len()).min(span.end().max(start)),
    )
}

fn is_unterminated_string(text: &str) -> bool {
    let line = crate::source::lines(text).next().unwrap_or("");
    line.trim_start().starts_with('"') && {
        let mut escaped = false;
        let mut quotes = 0;
        for c in line.trim_start().chars() {
            match c {
                '\\' if !escaped => escaped = true,
                '"' if !escaped => quotes += 1,
                _ => escaped = false,
            }
        }
        quotes % 2 == 1
    }
}

fn unterminated_string(span: Span) -> SyntaxError {
    error(
        span,
        "unterminated string".to_string(),
        "this string is never closed",
        Some(
            "close it with `\"` on the same line; use `\"\"\"…\"\"\"` for text over several lines"
                .to_string(),
        ),
    )
}

/// The typographic quotes a word processor puts in place of `"`.
const TYPOGRAPHIC_QUOTES: &[char] = &['“', '”', '‘', '’', '„'];

/// Text on its first line that starts with a typographic quote (`“Fire”`, pasted from a
/// word processor): one error over the quoted text, whose help writes it with `"`.
fn typographic_quotes(span: Span, text: &str) -> Option<SyntaxError> {
    let line = crate::source::lines(text).next().unwrap_or("");
    let lead = line.len() - line.trim_start().len();
    let rest = &line[lead..];
    if !rest.starts_with(TYPOGRAPHIC_QUOTES) {
        return None;
    }
    // To the last typographic quote of the line, or the end of its first word.
    let end = rest
        .char_indices()
        .skip(1)
        .filter(|(_, c)| TYPOGRAPHIC_QUOTES.contains(c))
        .last()
        .map_or_else(
            || rest.find(char::is_whitespace).unwrap_or(rest.len()),
            |(i, c)| i + c.len_utf8(),
        );
    let quoted = &rest[..end];
    let inner = quoted.trim_matches(TYPOGRAPHIC_QUOTES);
    let start = span.start() + lead;
    let straight = format!("\"{}\"", inner.replace('\\', "\\\\").replace('"', "\\\""));
    let mut e = error(
        Span::new(span.file, start, start + end),
        "typographic quotes do not make a string".to_string(),
        "`“ ” ‘ ’ „` are not `\"`",
        Some(format!("use `\"` (a straight double quote): `{straight}`")),
    );
    e.replacement = Some(straight);
    Some(e)
}

/// Text after a field's (or declaration's) values that is not a value.
pub fn bad_tail(span: Span, text: &str, field: &str) -> SyntaxError {
    if is_block_comment(text) {
        return block_comment(span, text);
    }
    if let Some(e) = typographic_quotes(span, text) {
        return e;
    }
    let token = first_token(text);
    let at = first_token_span(span, text);
    if is_unterminated_string(text) {
        return unterminated_string(Span::new(span.file, at.start(), span.end()));
    }
    if token.starts_with('=') || token.starts_with(':') {
        let sign = &token[..1];
        let rest = text.trim_start()[1..].trim();
        let help = if field.is_empty() || rest.is_empty() {
            format!("remove the `{sign}`")
        } else {
            format!("write `{field} {rest}`")
        };
        return error(
            Span::new(span.file, at.start(), at.start() + 1),
            format!("unexpected `{sign}` after `{field}`"),
            "fields take their value without `=` or `:`",
            Some(help),
        );
    }
    if token.chars().next().is_some_and(|c| c.is_ascii_digit()) && token.contains('.') {
        return error(
            at,
            format!("unexpected `{token}`"),
            "not a number, date or range",
            Some(format!(
                "write versions and other dotted numbers as strings: `\"{token}\"`"
            )),
        );
    }
    error(
        at,
        format!("unexpected `{token}`"),
        "not a value",
        Some(
            "values are names, \"strings\", numbers, dates (YYYY-MM-DD) or ranges (1..4); \
             separate list items with commas"
                .to_string(),
        ),
    )
}

/// A line inside a block that does not start with a field name.
pub fn field_error(span: Span, text: &str) -> SyntaxError {
    if is_block_comment(text) {
        return block_comment(span, text);
    }
    if is_unterminated_string(text) {
        return unterminated_string(span);
    }
    if let Some(e) = typographic_quotes(span, text) {
        return e;
    }
    let token = first_token(text);
    error(
        first_token_span(span, text),
        format!("expected a field, found `{token}`"),
        "not a field name",
        Some("a field is a name followed by its values, one field per line".to_string()),
    )
}

/// A top-level line that cannot start a declaration.
pub fn error_line(span: Span, text: &str) -> SyntaxError {
    let token = first_token(text);
    if token.starts_with('}') {
        return error(
            Span::new(span.file, span.start(), span.start() + 1),
            "unexpected `}`: no block is open here".to_string(),
            "this `}` closes nothing",
            Some("remove it, or look for an extra `}` in the block above".to_string()),
        );
    }
    if is_block_comment(text) {
        return block_comment(span, text);
    }
    if is_unterminated_string(text) {
        return unterminated_string(span);
    }
    error(
        first_token_span(span, text),
        format!("expected a declaration, found `{token}`"),
        "not a declaration",
        Some(
            "a declaration starts with a keyword such as `risk`, `asset`, `control` or `policy`"
                .to_string(),
        ),
    )
}

/// A `{` in a line that is already an error, never closed: it runs to the next
/// declaration or the end of the file, and takes the `}` of the blocks around it with it.
pub fn unclosed_group(open: Span) -> SyntaxError {
    error(
        open,
        "unexpected `{`".to_string(),
        "this `{` leaves the block around it without its `}`",
        Some("remove it: a block opens with one `{` at the end of its line".to_string()),
    )
}

/// `@allow(…)` lines with no declaration after them.
pub fn orphan_attribute(span: Span) -> SyntaxError {
    error(
        span,
        "attribute without a declaration".to_string(),
        "no declaration follows this attribute",
        Some("put `@allow(…)` on the line right above the declaration it applies to".to_string()),
    )
}

/// A block that ends (at a declaration keyword or the end of the file) without its `}`.
pub fn missing_brace(open: Span, end: Span) -> SyntaxError {
    let mut e = error(
        open,
        "missing `}` to close this block".to_string(),
        "this `{` is never closed",
        Some("add `}` after the block's last field".to_string()),
    );
    e.related = Some((end, "the block ends here".to_string()));
    e
}

/// A nested block without its `}`, found because the `}` that closed it is indented like
/// an outer block's (which then ran out of braces).
pub fn misplaced_brace(open: Span, close: Span) -> SyntaxError {
    let mut e = error(
        open,
        "missing `}` to close this block".to_string(),
        "this `{` is never closed",
        Some("add `}` after the block's last field".to_string()),
    );
    e.related = Some((
        close,
        "this `}` is indented like the outer block's, so it closes that one".to_string(),
    ));
    e
}

/// A field whose block lacks its `{`, found from the deeper-indented fields below it and
/// the `}` left over after its declaration.
pub fn missing_open_brace(field: Span) -> SyntaxError {
    error(
        field,
        "missing `{` to open this field's block".to_string(),
        "the indented lines below belong to this field",
        Some("add `{` at the end of this line".to_string()),
    )
}

pub fn number_too_large(span: Span) -> SyntaxError {
    error(
        span,
        "number is too large".to_string(),
        "does not fit in 64 bits",
        None,
    )
}

/// A file whose blocks nest deeper than `max`, at the first `{` too deep: pest recurses
/// per level, so such a file is refused before it is parsed.
pub fn nesting_too_deep(at: Span, max: usize) -> SyntaxError {
    error(
        at,
        format!("blocks are nested more than {max} deep"),
        "too deeply nested",
        Some("this file was not read; close the blocks above".to_string()),
    )
}

/// A `"""` text block without its closing `"""`, reported at its opening quotes.
pub fn unclosed_text(open: Span) -> SyntaxError {
    error(
        open,
        "unclosed text block".to_string(),
        "this `\"\"\"` is never closed",
        Some(
            "close the text with `\"\"\"` on a line of its own, indented like the field"
                .to_string(),
        ),
    )
}

/// `""` at the end of a line followed by indented lines and a closing `"""`: a text block
/// opened with two quotes instead of three.
pub fn misopened_text(quotes: Span) -> SyntaxError {
    error(
        quotes,
        "text block opened with `\"\"`".to_string(),
        "a text block opens with three quotes",
        Some("write `\"\"\"` here".to_string()),
    )
}

/// `/* … */`, which is not a comment in this language, reported once for all its lines.
fn block_comment(span: Span, text: &str) -> SyntaxError {
    let end = text.find("*/").map_or(text.len(), |i| i + 2);
    let lead = text.len() - text.trim_start().len();
    error(
        Span::new(span.file, span.start() + lead, span.start() + end),
        "comments start with `//`".to_string(),
        "`/* … */` is not a comment here",
        Some("start each line of the comment with `//`".to_string()),
    )
}

fn is_block_comment(text: &str) -> bool {
    text.trim_start().starts_with("/*")
}

/// pest's own error, for the case the total grammar should make impossible.
pub fn from_pest<R: std::fmt::Debug>(file: FileId, e: &pest::error::Error<R>) -> SyntaxError {
    let (start, end) = match e.location {
        pest::error::InputLocation::Pos(p) => (p, p),
        pest::error::InputLocation::Span((s, e)) => (s, e),
    };
    error(
        Span::new(file, start, end),
        "this file could not be parsed".to_string(),
        "parsing stopped here",
        None,
    )
}

#[cfg(test)]
mod typographic_quote_tests {
    use crate::source::FileId;

    /// The one error of `text`, with its replacement.
    fn errors(text: &str) -> Vec<(String, Option<String>)> {
        crate::syntax::parse(FileId(0), text)
            .errors
            .iter()
            .map(|e| {
                (
                    text[e.span.start()..e.span.end()].to_string(),
                    e.replacement.clone(),
                )
            })
            .collect()
    }

    #[test]
    fn one_error_over_the_quoted_text_and_its_straight_form() {
        let text = "risk R-1 “Fire” {\n  threat „Alice’s \"laptop\"“\n  vulnerability ‘x’\n}\n";
        assert_eq!(
            errors(text),
            [
                ("“Fire”".to_string(), Some("\"Fire\"".to_string())),
                (
                    "„Alice’s \"laptop\"“".to_string(),
                    Some("\"Alice’s \\\"laptop\\\"\"".to_string())
                ),
                ("‘x’".to_string(), Some("\"x\"".to_string())),
            ]
        );
    }
}
