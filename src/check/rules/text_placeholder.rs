//! text/placeholder: a string or text block that is empty or a placeholder (`"TODO: …"`,
//! `"TBD"`, `"…"`, "lorem ipsum"; `crate::placeholder`).
//!
//! Like `text/control-character`, this rule reads a project file's text: every string of
//! every field and header (titles, names of persons and organizations included) is a
//! `"…"` or `"""…"""` token there, whatever kind and field it belongs to, so a new field is
//! covered without a line here. One diagnostic per string, pointing at it. An empty
//! string that another code already reports stays that code's alone: an empty exclusion
//! reason (`because ""`) is `soa/exclusion-without-reason`, an empty `@allow` reason
//! (`reason = ""`) is `suppression/missing-reason`. An unclosed string is a
//! `syntax/error` and is not looked at.

use crate::diagnostics::{Code, Diagnostic, Sink};
use crate::placeholder::is_placeholder;
use crate::source::{FileId, Span};

/// One project file (the shipped catalogs are not checked).
pub fn check(id: FileId, text: &str, sink: &mut Sink) {
    let bytes = text.as_bytes();
    let mut at = 0;
    while at < bytes.len() {
        match bytes[at] {
            b'"' if text[at..].starts_with("\"\"\"") => {
                let Some(end) = text[at + 3..].find("\"\"\"").map(|e| at + 3 + e) else {
                    // Unclosed: a syntax error, and the rest of the file is its text.
                    return;
                };
                if let Some(inner) = text.get(at + 3..end) {
                    check_string(id, text, at..end + 3, inner, sink);
                }
                at = end + 3;
            }
            b'"' if text[at..].starts_with("\"\"") => {
                if let Some(end) = misopened_text_end(text, at) {
                    // `""` where `"""` was meant: a `syntax/error`, the one message.
                    at = end;
                    continue;
                }
                check_string(id, text, at..at + 2, "", sink);
                at += 2;
            }
            b'"' => {
                let end = string_end(bytes, at);
                let closed = end > at + 1 && bytes.get(end - 1) == Some(&b'"');
                if closed {
                    if let Some(inner) = text.get(at + 1..end - 1) {
                        check_string(id, text, at..end, inner, sink);
                    }
                }
                at = end.max(at + 1);
            }
            b'/' if bytes.get(at + 1) == Some(&b'/') => {
                at = text[at..].find(['\n', '\r']).map_or(text.len(), |e| at + e);
            }
            _ => at += 1,
        }
    }
}

fn check_string(
    id: FileId,
    text: &str,
    range: std::ops::Range<usize>,
    inner: &str,
    sink: &mut Sink,
) {
    if !is_placeholder(inner) {
        return;
    }
    let empty = inner.trim().is_empty();
    if empty && reported_elsewhere(&text[..range.start]) {
        return;
    }
    let span = Span::new(id, range.start, range.end);
    let d = if empty {
        Diagnostic::new(Code::TextPlaceholder, span, "this string is empty")
            .with_label("empty")
            .with_help("write the text, or remove the field until it is known")
    } else {
        let inner = inner.trim();
        let mut shown: String = inner.chars().take(40).collect();
        if shown.len() < inner.len() {
            shown.push('…');
        }
        Diagnostic::new(
            Code::TextPlaceholder,
            span,
            format!("`{}` is a placeholder", shown.replace('`', "'")),
        )
        .with_label("placeholder text")
        .with_help("replace it with the real text before an auditor reads it")
    };
    sink.push(d);
}

/// Whether an empty string written after `before` (the file up to its quote) is an empty
/// exclusion reason or an empty `@allow` reason, which their own codes report. The reason
/// of a scope's `excludes "…" because ""` (a line, or a list's next line, of strings) has
/// no code of its own, so it is this rule's.
fn reported_elsewhere(before: &str) -> bool {
    let line = before.rsplit(['\n', '\r']).next().unwrap_or("").trim_end();
    let scope_excludes = {
        let start = line.trim_start();
        start.starts_with('"')
            || start
                .strip_prefix("excludes")
                .is_some_and(|rest| rest.starts_with([' ', '\t']))
    };
    if !scope_excludes
        && line.ends_with("because")
        && !line[..line.len() - "because".len()]
            .chars()
            .last()
            .is_some_and(|c| c.is_alphanumeric() || c == '_')
    {
        return true;
    }
    line.strip_suffix('=')
        .is_some_and(|rest| rest.trim_end().ends_with("reason"))
}

/// Where the grammar's `misopened_text` that starts at the `""` at `at` ends (after its
/// closing `"""`), if it is one: `""` ending its line, lines indented at least as deep as
/// the first that is not blank, then `"""` on a less indented line.
fn misopened_text_end(text: &str, at: usize) -> Option<usize> {
    let after = &text[at + 2..];
    let line_end = after.find(['\n', '\r'])?;
    if !after[..line_end].trim().is_empty() {
        return None;
    }
    // Reads no further than the next line ending in `""` or holding `"""`, as the grammar
    // does, so no line is read for two `""`: linear.
    let mut offset = at + 2 + line_end;
    let mut indent: Option<&str> = None;
    for raw in text[offset..].split_inclusive('\n') {
        let pos = offset;
        offset += raw.len();
        let line = raw.trim_end_matches(['\n', '\r']);
        if line.trim().is_empty() {
            continue;
        }
        let blanks = &line[..line.len() - line.trim_start().len()];
        match indent {
            None if blanks.is_empty() => return None,
            None => indent = Some(blanks),
            Some(ind) if line.starts_with(ind) => {}
            Some(_) => {
                return line
                    .trim_start()
                    .starts_with("\"\"\"")
                    .then_some(pos + blanks.len() + 3);
            }
        }
        let body = line.trim_end();
        if body.contains("\"\"\"") || body.ends_with("\"\"") {
            return None;
        }
    }
    None
}

/// Where a `"…"` string starting at `start` ends: after its closing quote, or at the end
/// of the line when it has none (the grammar's `string_piece`).
fn string_end(bytes: &[u8], start: usize) -> usize {
    let mut at = start + 1;
    while let Some(&b) = bytes.get(at) {
        match b {
            b'\\' => at += 2,
            b'"' => return at + 1,
            b'\n' | b'\r' => return at,
            _ => at += 1,
        }
    }
    bytes.len()
}

#[cfg(test)]
mod tests {
    use super::check;
    use crate::diagnostics::Sink;
    use crate::source::FileId;

    fn found(text: &str) -> Vec<(usize, usize)> {
        let mut sink = Sink::default();
        check(FileId(0), text, &mut sink);
        sink.into_vec()
            .iter()
            .map(|d| (d.span.start(), d.span.end()))
            .collect()
    }

    #[test]
    fn each_placeholder_string_once_at_the_string() {
        let text = "person bob \"TODO: Full Name\" { roles ceo }\n";
        assert_eq!(found(text), vec![(11, 28)]);
        assert_eq!(found("scope \"\" {}\n"), vec![(6, 8)]);
        assert_eq!(found("x \"\"\"\n  TBD\n\"\"\"\n"), vec![(2, 15)]);
    }

    #[test]
    fn text_comments_and_reported_empties_are_left_alone() {
        assert!(found("person bob \"Bob\" // TODO: check\n").is_empty());
        assert!(found("exclude A.5.1 because \"\"\n").is_empty());
        assert!(found("exclude A.5.1,\n  A.5.2 because \"\"\n").is_empty());
        // A scope's exclusion reason has no code of its own.
        assert_eq!(found("  excludes \"Shops\" because \"\"\n").len(), 1);
        assert_eq!(
            found("  excludes \"A\",\n    \"B\" because \"\"\n").len(),
            1
        );
        assert!(found("@allow(asset/unassessed, reason = \"\")\n").is_empty());
        assert!(found("threat \"TODO unclosed\n").is_empty());
        assert_eq!(found("exclude A.5.1 because \"TODO: decide\"\n").len(), 1);
        let misopened = "section \"Purpose\" \"\"\n    TODO: write it\n  \"\"\"\nx \"\"\n";
        assert_eq!(found(misopened), vec![(48, 50)]);
    }
}
