//! Reads the tables out of an HTML page the way a reader sees them: for each `<table>`,
//! its `data-key` (the tree's table key, when it has one), its header cells and the text
//! of each body row's cells. Made for this crate's own output (well-formed, attributes
//! quoted), so that a test can hold what a page shows to the tree it was rendered from;
//! an HTML-vs-Markdown test can use it the same way.
//!
//! `<br>` is a line break (`\n`), entities are decoded, other markup is dropped, and
//! `<style>` and `<svg>` contents are not text.
#![allow(dead_code)]

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct HtmlTable {
    pub key: Option<String>,
    pub header: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

/// A table being read, innermost last.
struct Open {
    table: HtmlTable,
    /// The row being read.
    row: Option<Vec<String>>,
    /// The cell being read.
    cell: Option<String>,
    /// Whether the row is in `<thead>`.
    head: bool,
}

/// Every table of `html`, in document order (a table nested in a cell comes after the
/// table around it, and its text is not part of that cell).
pub fn tables(html: &str) -> Vec<HtmlTable> {
    let mut done = Vec::new();
    let mut open: Vec<Open> = Vec::new();
    let mut in_head = false;
    let mut skip: Option<&'static str> = None;
    let mut rest = html;
    while !rest.is_empty() {
        let Some(lt) = rest.find('<') else {
            text(&mut open, rest);
            break;
        };
        text(&mut open, &rest[..lt]);
        let end = tag_end(&rest[lt..]).map_or(rest.len(), |e| lt + e + 1);
        let tag = &rest[lt..end];
        rest = &rest[end..];
        let (closing, name, attrs) = parse_tag(tag);
        if let Some(until) = skip {
            if closing && name == until {
                skip = None;
            }
            continue;
        }
        match (closing, name.as_str()) {
            (false, "style") => skip = Some("style"),
            (false, "svg") => skip = Some("svg"),
            (false, "table") => {
                open.push(Open {
                    table: HtmlTable {
                        key: attr(attrs, "data-key"),
                        ..HtmlTable::default()
                    },
                    row: None,
                    cell: None,
                    head: false,
                });
            }
            (true, "table") => {
                if let Some(t) = open.pop() {
                    done.push(t.table);
                }
            }
            (false, "thead") => in_head = true,
            (true, "thead") => in_head = false,
            (false, "tr") => {
                if let Some(top) = open.last_mut() {
                    top.row = Some(Vec::new());
                    top.head = in_head;
                }
            }
            (true, "tr") => {
                if let Some(top) = open.last_mut() {
                    if let Some(row) = top.row.take() {
                        if top.head {
                            top.table.header = row;
                        } else {
                            top.table.rows.push(row);
                        }
                    }
                }
            }
            (false, "td" | "th") => {
                if let Some(top) = open.last_mut() {
                    top.cell = Some(String::new());
                }
            }
            (true, "td" | "th") => {
                if let Some(Open {
                    row: Some(row),
                    cell,
                    ..
                }) = open.last_mut()
                {
                    if let Some(cell) = cell.take() {
                        row.push(cell);
                    }
                }
            }
            (false, "br") => text(&mut open, "\n"),
            _ => {}
        }
    }
    done
}

/// Adds text to the cell being read, if any; entities decoded.
fn text(open: &mut [Open], raw: &str) {
    if let Some(Open {
        cell: Some(cell), ..
    }) = open.last_mut()
    {
        cell.push_str(&decode(raw));
    }
}

/// The end of the tag starting at `s[0] == '<'`: the first `>` outside quotes.
fn tag_end(s: &str) -> Option<usize> {
    let mut quote: Option<char> = None;
    for (i, c) in s.char_indices() {
        match (quote, c) {
            (None, '"' | '\'') => quote = Some(c),
            (Some(q), c) if c == q => quote = None,
            (None, '>') => return Some(i),
            _ => {}
        }
    }
    None
}

/// (closing, lower-case name, attributes text) of `<name attrs>` or `</name>`.
fn parse_tag(tag: &str) -> (bool, String, &str) {
    let inner = tag.trim_start_matches('<').trim_end_matches('>');
    let (closing, inner) = match inner.strip_prefix('/') {
        Some(rest) => (true, rest),
        None => (false, inner),
    };
    let name_end = inner
        .find(|c: char| c.is_whitespace() || c == '/')
        .unwrap_or(inner.len());
    (
        closing,
        inner[..name_end].to_ascii_lowercase(),
        &inner[name_end..],
    )
}

/// The value of `name="…"` among `attrs`, decoded.
fn attr(attrs: &str, name: &str) -> Option<String> {
    let needle = format!("{name}=\"");
    let start = attrs.find(&needle)? + needle.len();
    let len = attrs[start..].find('"')?;
    Some(decode(&attrs[start..start + len]))
}

/// The entities this crate writes, and numeric ones.
pub fn decode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let Some(semi) = rest.find(';').filter(|&i| i <= 10) else {
            out.push('&');
            rest = &rest[1..];
            continue;
        };
        let entity = &rest[1..semi];
        let decoded = match entity {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            "nbsp" => Some('\u{a0}'),
            e => e
                .strip_prefix("#x")
                .or_else(|| e.strip_prefix("#X"))
                .and_then(|h| u32::from_str_radix(h, 16).ok())
                .or_else(|| e.strip_prefix('#').and_then(|d| d.parse().ok()))
                .and_then(char::from_u32),
        };
        match decoded {
            Some(c) => {
                out.push(c);
                rest = &rest[semi + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}
