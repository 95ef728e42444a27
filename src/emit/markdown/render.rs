//! One document as Markdown (GitHub-flavoured: tables).

use std::fmt::Write as _;

use super::escape;
use crate::emit::documents::control_block;
use crate::emit::tree::{Block, Document, Field, Inline, Table, Target, Tone};

pub fn document(d: &Document) -> String {
    let mut out = String::new();
    let _ = write!(
        out,
        "# {}\n\n{}\n\nISO/IEC 27001:2022 {}\n\n",
        escape::inline(&d.title),
        escape::inline(&control_block::identity(&d.control)),
        escape::inline(&clause(&d.clause)),
    );
    let r = Renderer { stem: &d.stem };
    for b in control_block::blocks(&d.control).iter().chain(&d.body) {
        r.block(&mut out, b);
    }
    // One newline at the end of the file, however the last block ended.
    let end = out.trim_end().len();
    out.truncate(end);
    out.push('\n');
    out
}

/// "clause 6.1.3 d", "clauses 6.2, 7.2, 9.1".
fn clause(c: &str) -> String {
    if c.contains(',') || c.contains('–') {
        format!("clauses {c}")
    } else {
        format!("clause {c}")
    }
}

struct Renderer<'a> {
    /// The stem of the document being written, so links to others are relative to it.
    stem: &'a str,
}

impl Renderer<'_> {
    fn block(&self, out: &mut String, b: &Block) {
        match b {
            Block::Heading {
                level,
                text,
                anchor,
            } => {
                if let Some(a) = anchor {
                    // Markdown has no heading IDs of its own; links between documents
                    // point at this.
                    let _ = writeln!(out, "<a id=\"{}\"></a>\n", anchor_id(a));
                }
                let marks = "#".repeat(usize::from((*level).clamp(2, 6)));
                let _ = write!(out, "{marks} {}\n\n", escape::inline(text));
            }
            Block::Paragraph(run) => {
                let _ = write!(out, "{}\n\n", self.run(run));
            }
            Block::Fields(fields) => self.fields(out, fields),
            Block::Table(t) => self.table(out, t),
            Block::Bullets(items) => {
                if items.is_empty() {
                    out.push_str("None.\n\n");
                    return;
                }
                for i in items {
                    let _ = writeln!(out, "- {}", self.run(i));
                }
                out.push('\n');
            }
            Block::Banner { tone, text } => {
                let mark = match tone {
                    Tone::Draft | Tone::Bad | Tone::Warning => "> ⚠ ",
                    Tone::Neutral | Tone::Good => "> ",
                };
                let _ = write!(out, "{mark}{}\n\n", self.run(text));
            }
            Block::Prose(markdown) => {
                let _ = write!(out, "{}\n\n", escape::prose(markdown));
            }
            Block::Chart(chart) => self.table(out, &chart.table()),
        }
    }

    fn fields(&self, out: &mut String, fields: &[Field]) {
        for f in fields {
            let value = if f.value.is_empty() {
                "—".to_string()
            } else {
                self.run(&f.value)
            };
            let _ = writeln!(out, "- **{}:** {value}", escape::inline(&f.label));
        }
        out.push('\n');
    }

    fn table(&self, out: &mut String, t: &Table) {
        if let Some(c) = &t.caption {
            let _ = write!(out, "**{}**\n\n", escape::inline(c));
        }
        let head: Vec<String> = t.columns.iter().map(|c| escape::inline(&c.title)).collect();
        let _ = writeln!(out, "| {} |", head.join(" | "));
        let _ = writeln!(out, "|{}", "---|".repeat(t.columns.len()));
        for row in &t.rows {
            let cells: Vec<String> = row.iter().map(|c| self.run(c)).collect();
            let _ = writeln!(out, "| {} |", cells.join(" | "));
        }
        out.push('\n');
        if t.rows.is_empty() {
            out.push_str("None.\n\n");
        }
    }

    /// A run of inlines on one line.
    fn run(&self, run: &[Inline]) -> String {
        run.iter().map(|i| self.inline(i)).collect()
    }

    fn inline(&self, i: &Inline) -> String {
        match i {
            Inline::Text(s) => spaced(s),
            Inline::Strong(s) => format!("**{}**", escape::inline(s)),
            Inline::Code(s) if is_plain_id(s) => format!("`{s}`"),
            Inline::Code(s) => escape::inline(s),
            Inline::Link { text, to } => match self.href(to) {
                Some(href) => format!("[{}]({href})", escape::inline(text)),
                None => escape::inline(text),
            },
            Inline::Badge { text, tone } => match tone {
                Tone::Bad | Tone::Draft => format!("**{}**", escape::inline(text)),
                Tone::Neutral | Tone::Good | Tone::Warning => escape::inline(text),
            },
            Inline::Break => "<br>".to_string(),
            Inline::Anchor(a) => format!("<a id=\"{}\"></a>", anchor_id(a)),
        }
    }

    /// Where a link points, relative to this document; `None` for a URL that is not
    /// http(s) (printed, never linked).
    fn href(&self, to: &Target) -> Option<String> {
        match to {
            Target::Doc { stem, anchor } => {
                let fragment = anchor
                    .as_deref()
                    .map_or(String::new(), |a| format!("#{}", anchor_id(a)));
                if stem == self.stem && !fragment.is_empty() {
                    return Some(fragment);
                }
                let up = "../".repeat(self.stem.matches('/').count());
                Some(format!("{up}{}.md{fragment}", path(stem)))
            }
            Target::Anchor(a) => Some(format!("#{}", anchor_id(a))),
            Target::Url(u) => {
                let web = u.starts_with("https://") || u.starts_with("http://");
                let safe = !u
                    .chars()
                    .any(|c| c.is_whitespace() || c.is_control() || "()<>[]`\\".contains(c));
                (web && safe).then(|| u.clone())
            }
        }
    }
}

/// Text with its outer spaces kept (a run is written piece by piece), escaped.
fn spaced(s: &str) -> String {
    let mut out = String::new();
    if s.starts_with(char::is_whitespace) {
        out.push(' ');
    }
    out.push_str(&escape::inline(s));
    if s.ends_with(char::is_whitespace) && !s.trim().is_empty() {
        out.push(' ');
    }
    out
}

/// An identifier that a code span shows as written: nothing in it is markup, a table
/// separator or a backtick.
fn is_plain_id(s: &str) -> bool {
    !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_' | ':' | '/'))
}

/// An anchor as an HTML id: letters, digits, `-` and `_` only.
fn anchor_id(a: &str) -> String {
    a.chars()
        .filter(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_'))
        .collect()
}

/// A stem as a link path: the characters a Markdown link destination would end at or
/// read as markup, percent-encoded.
fn path(stem: &str) -> String {
    let mut out = String::new();
    for c in stem.chars() {
        match c {
            ' ' => out.push_str("%20"),
            '(' => out.push_str("%28"),
            ')' => out.push_str("%29"),
            '<' => out.push_str("%3C"),
            '>' => out.push_str("%3E"),
            '[' => out.push_str("%5B"),
            ']' => out.push_str("%5D"),
            '`' => out.push_str("%60"),
            '\\' => out.push_str("%5C"),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_are_relative_to_the_document() {
        let r = Renderer {
            stem: "policies/access",
        };
        let to = Target::Doc {
            stem: "soa".to_string(),
            anchor: None,
        };
        assert_eq!(r.href(&to).as_deref(), Some("../soa.md"));
        let here = Target::Doc {
            stem: "policies/access".to_string(),
            anchor: Some("c-a-8-5".to_string()),
        };
        assert_eq!(r.href(&here).as_deref(), Some("#c-a-8-5"));
        assert_eq!(r.href(&Target::Url("javascript:x".to_string())), None);
    }

    #[test]
    fn runs_keep_the_spaces_between_pieces() {
        let r = Renderer { stem: "soa" };
        let run = [
            Inline::Strong("Review:".to_string()),
            Inline::text(" every 12 months."),
        ];
        assert_eq!(r.run(&run), "**Review:** every 12 months.");
    }
}
