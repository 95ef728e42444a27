//! The printer: syntax tree + comments → canonical text.
//!
//! Comments are not in the tree's nodes, so they are placed by position: a comment alone
//! on its line goes before the next item of its block (or before the block's `}`); a comment
//! after code goes after the printed line that came from the same source line. Every
//! comment is printed exactly once, in source order.

use crate::source::SourceFile;
use crate::syntax::{Arg, Ast, Block, Comment, Decl, Field, Value, ValueKind, Word};

const WIDTH: usize = 100;
const INDENT: &str = "  ";
/// Marks where a trailing comment starts while printing, so that runs of them can be
/// aligned afterwards. A private-use character: if a file ever contained it, the
/// verification after printing would catch the damage and leave the file alone.
const MARK: char = '\u{F8FF}';

pub fn print(text: &str, ast: &Ast) -> String {
    let mut p = Printer {
        text,
        file: SourceFile::new("", text),
        comments: &ast.comments,
        used: vec![false; ast.comments.len()],
    };
    let items: Vec<Item<'_>> = ast.decls.iter().map(Item::Decl).collect();
    let mut out = p.items(&items, 0, true, 0);
    let rest = p.comments_before(text.len(), 0, None);
    if !rest.is_empty() {
        if !out.is_empty() {
            out.push('\n');
        }
        out.push_str(&rest);
    }
    let trimmed = align_trailing_comments(out.trim_end_matches('\n'));
    if trimmed.is_empty() {
        String::new()
    } else {
        format!("{trimmed}\n")
    }
}

/// Align the trailing comments of consecutive lines at the same indentation to one
/// column, two spaces after the longest code (as gofmt does).
fn align_trailing_comments(text: &str) -> String {
    let lines: Vec<&str> = text.split('\n').collect();
    let indent_of = |l: &str| l.len() - l.trim_start().len();
    let mut out: Vec<String> = Vec::with_capacity(lines.len());
    let mut i = 0;
    while i < lines.len() {
        let Some((code, _)) = lines[i].split_once(MARK) else {
            out.push(lines[i].to_string());
            i += 1;
            continue;
        };
        let level = indent_of(code);
        let mut j = i;
        let mut column = 0;
        while let Some((code, _)) = lines.get(j).and_then(|l| l.split_once(MARK)) {
            if indent_of(code) != level {
                break;
            }
            column = column.max(code.chars().count());
            j += 1;
        }
        for line in &lines[i..j] {
            let (code, comment) = line.split_once(MARK).unwrap_or((line, ""));
            let pad = column - code.chars().count() + 2;
            out.push(format!("{code}{}{comment}", " ".repeat(pad)));
        }
        i = j;
    }
    out.join("\n")
}

#[derive(Clone, Copy)]
enum Item<'a> {
    Decl(&'a Decl),
    Field(&'a Field),
}

impl<'a> Item<'a> {
    fn head(self) -> &'a Word {
        match self {
            Item::Decl(d) => &d.keyword,
            Item::Field(f) => &f.name,
        }
    }

    fn args(self) -> &'a [Arg] {
        match self {
            Item::Decl(d) => &d.args,
            Item::Field(f) => &f.args,
        }
    }

    fn block(self) -> Option<&'a Block> {
        match self {
            Item::Decl(d) => d.block.as_ref(),
            Item::Field(f) => f.block.as_ref(),
        }
    }

    /// Where the item begins: its first attribute, else its name.
    fn start(self) -> usize {
        match self {
            Item::Decl(d) => d
                .attributes
                .first()
                .map_or(d.keyword.span.start(), |a| a.span.start()),
            Item::Field(f) => f.name.span.start(),
        }
    }

    /// End of the head: the last value, or the name.
    fn head_end(self) -> usize {
        self.args().last().map_or(self.head().span.end(), |a| {
            a.values.last().map_or(a.span.end(), |v| v.span.end())
        })
    }
}

struct Printer<'a> {
    text: &'a str,
    file: SourceFile,
    comments: &'a [Comment],
    used: Vec<bool>,
}

fn indent(level: usize) -> String {
    INDENT.repeat(level)
}

impl Printer<'_> {
    /// Whether the source has an empty line between two offsets.
    fn blank_between(&self, from: usize, to: usize) -> bool {
        let Some(gap) = self.text.get(from..to) else {
            return false;
        };
        let parts: Vec<&str> = crate::source::lines(gap).collect();
        parts.len() > 2
            && parts[1..parts.len() - 1]
                .iter()
                .any(|l| l.trim().is_empty())
    }

    fn line_of(&self, offset: usize) -> usize {
        self.file.line_index(offset)
    }

    /// Whether code stands before the comment on its line.
    fn is_trailing(&self, c: &Comment) -> bool {
        let line = self.line_of(c.span.start());
        let start = self.file.line_range(line).map_or(0, |r| r.start);
        self.text
            .get(start..c.span.start())
            .is_some_and(|before| !before.trim().is_empty())
    }

    /// The unused comment that trails code on source line `line`, marked used.
    fn trailing_on(&mut self, line: usize) -> Option<String> {
        let i = (0..self.comments.len()).find(|&i| {
            !self.used[i]
                && self.line_of(self.comments[i].span.start()) == line
                && self.is_trailing(&self.comments[i])
        })?;
        self.used[i] = true;
        Some(self.comments[i].text.trim_end().to_string())
    }

    /// Every unused comment before `before`, each on its own line at `level`, with the
    /// author's blank lines between them kept. `after` is where the previous code ended.
    fn comments_before(&mut self, before: usize, level: usize, after: Option<usize>) -> String {
        let mut out = String::new();
        let mut prev = after;
        for i in 0..self.comments.len() {
            let c = &self.comments[i];
            if self.used[i] || c.span.start() >= before {
                continue;
            }
            if prev.is_some_and(|p| self.blank_between(p, c.span.start())) && !out.is_empty() {
                out.push('\n');
            }
            out.push_str(&indent(level));
            out.push_str(c.text.trim_end());
            out.push('\n');
            self.used[i] = true;
            prev = Some(c.span.end());
        }
        out
    }

    /// The end of the last comment taken before `before`, if any comment stands there.
    fn last_comment_end_before(&self, before: usize) -> Option<usize> {
        self.comments
            .iter()
            .rev()
            .find(|c| c.span.start() < before)
            .map(|c| c.span.end())
    }

    /// Print a sequence of declarations (top) or fields, each with its leading comments.
    fn items(&mut self, items: &[Item<'_>], level: usize, top: bool, align: usize) -> String {
        let mut out = String::new();
        let mut prev_end: Option<usize> = None;
        let mut prev_multiline = false;
        for item in items {
            let start = item.start();
            let leading = self.comments_before(start, level, prev_end);
            let body = self.item(*item, level, align);
            let multiline = body.trim_end_matches('\n').contains('\n');
            if let Some(end) = prev_end {
                // The first own-line comment before the item; a comment trailing the
                // previous item's last line does not start the group.
                let group_start = self
                    .comments
                    .iter()
                    .find(|c| {
                        c.span.start() >= end && c.span.start() < start && !self.is_trailing(c)
                    })
                    .map_or(start, |c| c.span.start());
                let blank =
                    self.blank_between(end, group_start) || (top && (prev_multiline || multiline));
                if blank {
                    out.push('\n');
                }
            }
            out.push_str(&leading);
            if !leading.is_empty() {
                let comments_end = self.last_comment_end_before(start).unwrap_or(start);
                if self.blank_between(comments_end, start) {
                    out.push('\n');
                }
            }
            out.push_str(&body);
            prev_end = Some(self.item_end(*item));
            prev_multiline = multiline;
        }
        out
    }

    fn item_end(&self, item: Item<'_>) -> usize {
        item.block().map_or(item.head_end(), |b| b.span.end())
    }

    /// One declaration or field, with its block, ending in a newline.
    fn item(&mut self, item: Item<'_>, level: usize, align: usize) -> String {
        let pad = indent(level);
        let head_end = item.head_end();
        let mut out = String::new();
        if let Item::Decl(d) = item {
            for a in &d.attributes {
                // Comments between two attributes, or between the last one and the
                // keyword, stay there (they used to move after the declaration).
                out.push_str(&self.comments_before(a.span.start(), level, None));
                out.push_str(&format!("{pad}{}", self.attribute(a)));
                self.trail(&mut out, a.span.end().saturating_sub(1));
                out.push('\n');
            }
            if !d.attributes.is_empty() {
                out.push_str(&self.comments_before(d.keyword.span.start(), level, None));
            }
        }
        let head = self.head(item, level, align);
        out.push_str(&format!("{pad}{head}"));
        let Some(block) = item.block() else {
            self.trail(&mut out, head_end.saturating_sub(1));
            out.push('\n');
            return out;
        };
        let close_line = self.line_of(block.span.end().saturating_sub(1));
        let open_line = self.line_of(block.open.start());
        // A comment trailing the head when the `{` stands on a later line stays on the
        // head's line: the block is then opened there, never printed inline after it
        // (which would leave the comment after the declaration).
        let head_line = self.line_of(head_end.saturating_sub(1));
        let head_comment = if head_line == open_line {
            None
        } else {
            self.trailing_on(head_line)
        };
        // Comments on lines of their own between the head and a `{` on a later line: they
        // lead the block (printed inline, they would end up after the declaration).
        let comments_before_open = self.comments.iter().enumerate().any(|(i, c)| {
            !self.used[i] && c.span.start() >= head_end && c.span.start() < block.open.start()
        });
        let head_comment_or_lines = head_comment.is_some() || comments_before_open;
        let comments_inside = self
            .comments
            .iter()
            .any(|c| c.span.start() > block.open.start() && c.span.start() < block.span.end());
        if block.fields.is_empty() && !comments_inside && !head_comment_or_lines {
            out.push_str(" {}");
            self.trail(&mut out, block.span.end().saturating_sub(1));
            out.push('\n');
            return out;
        }
        if let [only] = block.fields.as_slice() {
            let inline = open_line == close_line
                && only.block.is_none()
                && !comments_inside
                && !head_comment_or_lines;
            if inline {
                let field = self.head(Item::Field(only), level + 1, 0);
                if !field.contains('\n') && pad.len() + head.len() + field.len() + 6 <= WIDTH {
                    out.push_str(&format!(" {{ {field} }}"));
                    self.trail(&mut out, block.span.end().saturating_sub(1));
                    out.push('\n');
                    return out;
                }
            }
        }
        out.push_str(" {");
        match head_comment {
            // The `{` line's own trailing comment, if any, then leads the first field.
            Some(comment) => {
                out.push(MARK);
                out.push_str(&comment);
            }
            // After comments standing before the `{`, its own comment leads the first
            // field instead, so the comments keep their order.
            None if comments_before_open => {}
            None => self.trail(&mut out, block.open.start()),
        }
        out.push('\n');
        if comments_before_open {
            out.push_str(&self.comments_before(block.open.start(), level + 1, None));
        }
        let fields: Vec<Item<'_>> = block.fields.iter().map(Item::Field).collect();
        let align = if item.head().text == "levels" {
            block
                .fields
                .iter()
                .map(|f| f.name.text.chars().count())
                .max()
                .unwrap_or(0)
        } else {
            0
        };
        out.push_str(&self.items(&fields, level + 1, false, align));
        let last_end = block.fields.last().map(|f| self.item_end(Item::Field(f)));
        let close = block.span.end().saturating_sub(1);
        let closing = self.comments_before(close, level + 1, last_end);
        if !closing.is_empty() {
            let first_comment = self
                .comments
                .iter()
                .find(|c| last_end.is_some_and(|e| c.span.start() >= e) && c.span.start() < close)
                .map(|c| c.span.start());
            if let (Some(e), Some(c)) = (last_end, first_comment) {
                if self.blank_between(e, c) {
                    out.push('\n');
                }
            }
            out.push_str(&closing);
        }
        out.push_str(&pad);
        out.push('}');
        self.trail(&mut out, close);
        out.push('\n');
        out
    }

    /// `@allow(code, key = value, …)` with canonical spacing.
    fn attribute(&self, a: &crate::syntax::Attribute) -> String {
        let args: Vec<String> = a
            .args
            .iter()
            .map(|arg| {
                let value = self.value(&arg.value, 0);
                match &arg.key {
                    Some(k) => format!("{} = {value}", k.text),
                    None => value,
                }
            })
            .collect();
        format!("@{}({})", a.name.text, args.join(", "))
    }

    /// Append the comment trailing the source line of `offset`, if any.
    fn trail(&mut self, out: &mut String, offset: usize) {
        // Only the comment right after this code on its line: on `}role x "X"  // c` the
        // comment is the role's, not the `}`'s. Comments are in source order, so it is
        // found by binary search (a scan per line made long files quadratic).
        let i = self.comments.partition_point(|c| c.span.start() <= offset);
        let Some(c) = self.comments.get(i) else {
            return;
        };
        let right_after = self
            .text
            .get(offset + 1..c.span.start())
            .is_some_and(|between| between.trim_matches([' ', '\t']).is_empty());
        if self.used[i] || !right_after {
            return;
        }
        self.used[i] = true;
        out.push(MARK);
        out.push_str(c.text.trim_end());
    }

    /// `name values…` on one line, or wrapped after commas past the width. A head whose
    /// values hold comments (a list continued over commented lines) is kept verbatim.
    fn head(&mut self, item: Item<'_>, level: usize, align: usize) -> String {
        let name = &item.head().text;
        let start = item.head().span.start();
        let end = item.head_end();
        let inside: Vec<usize> = (0..self.comments.len())
            .filter(|&i| {
                let c = &self.comments[i];
                c.span.start() > start && c.span.start() < end
            })
            .collect();
        if !inside.is_empty() {
            for i in inside {
                self.used[i] = true;
            }
            return self.text.get(start..end).unwrap_or(name).to_string();
        }
        let name = if align > 0 {
            format!("{name:<align$}")
        } else {
            name.clone()
        };
        let args = item.args();
        if args.is_empty() {
            return name.trim_end().to_string();
        }
        let tokens: Vec<String> = args
            .iter()
            .flat_map(|a| {
                let last = a.values.len().saturating_sub(1);
                a.values.iter().enumerate().map(move |(i, v)| (i < last, v))
            })
            .map(|(comma, v)| {
                let mut t = self.value(v, level);
                if comma {
                    t.push(',');
                }
                t
            })
            .collect();
        let one_line = format!("{name} {}", tokens.join(" "));
        let pad = indent(level).len();
        if one_line.contains('\n') || pad + one_line.chars().count() <= WIDTH {
            return one_line;
        }
        // Break only after a comma: elsewhere a newline would end the field.
        let continuation = format!("\n{}", indent(level + 2));
        let mut out = name;
        let mut width = pad + out.chars().count();
        let mut after_comma = false;
        for t in tokens {
            let len = t.chars().count();
            if after_comma && width + 1 + len > WIDTH {
                out.push_str(&continuation);
                width = indent(level + 2).len();
            } else {
                out.push(' ');
                width += 1;
            }
            after_comma = t.ends_with(',');
            out.push_str(&t);
            width += len;
        }
        out
    }

    /// A value as written; `"""` text re-indented one level under its field.
    fn value(&self, v: &Value, level: usize) -> String {
        match &v.kind {
            ValueKind::Text(content) => {
                let inner = indent(level + 1);
                let body: Vec<String> = content
                    .lines()
                    .map(|l| {
                        if l.trim().is_empty() {
                            String::new()
                        } else {
                            format!("{inner}{l}")
                        }
                    })
                    .collect();
                if body.is_empty() {
                    "\"\"\"\"\"\"".to_string()
                } else {
                    format!("\"\"\"\n{}\n{}\"\"\"", body.join("\n"), indent(level))
                }
            }
            _ => self.text.get(v.span.range()).unwrap_or("").to_string(),
        }
    }
}
