//! Reading documents back for tests: the example compiled, every table of a document's
//! tree, and every table of a rendered Markdown file, each as plain text, so that two
//! renderings of one tree can be held to the same rows and columns. (An HTML reader can
//! sit beside [`markdown_tables`] and be compared the same way.)
#![allow(dead_code)]

use std::path::Path;

use chrono::NaiveDate;
use isms::emit::documents::control_block;
use isms::emit::tree::{self, Block, Document, Table};
use isms::{compile, Compilation, Input, Options};
use pulldown_cmark::{Event, Options as MdOptions, Parser, Tag, TagEnd};

pub const ACME: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/acme");

pub fn acme_today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
}

/// `examples/acme`, compiled as `isms build --today 2026-11-23` compiles it.
pub fn acme() -> Compilation {
    fn walk(dir: &Path, out: &mut Vec<(String, Vec<u8>)>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|x| x == "isms") {
                let name = path
                    .strip_prefix(ACME)
                    .unwrap()
                    .to_string_lossy()
                    .replace('\\', "/");
                out.push((name, std::fs::read(&path).unwrap()));
            }
        }
    }
    let mut files = Vec::new();
    walk(Path::new(ACME), &mut files);
    files.sort();
    let inputs = files.into_iter().map(|(n, b)| Input::new(n, b)).collect();
    compile(
        inputs,
        &Options {
            today: acme_today(),
        },
    )
}

/// A table as a reader sees it: column titles and cells, as plain text with white space
/// collapsed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Grid {
    pub columns: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

impl Grid {
    pub fn column(&self, title: &str) -> Option<usize> {
        self.columns.iter().position(|c| c == title)
    }
}

pub fn normalize(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn grid(t: &Table) -> Grid {
    Grid {
        columns: t.columns.iter().map(|c| normalize(&c.title)).collect(),
        rows: t
            .rows
            .iter()
            .map(|r| r.iter().map(|c| normalize(&tree::plain(c))).collect())
            .collect(),
    }
}

/// Every table a reader sees in the document, in order: the document-control block's,
/// then the body's, charts as the tables formats without graphics show.
pub fn tree_tables(doc: &Document) -> Vec<Grid> {
    control_block::blocks(&doc.control)
        .iter()
        .chain(&doc.body)
        .filter_map(|b| match b {
            Block::Table(t) => Some(grid(t)),
            Block::Chart(c) => Some(grid(&c.table())),
            Block::Heading { .. }
            | Block::Paragraph(_)
            | Block::Fields(_)
            | Block::Bullets(_)
            | Block::Banner { .. }
            | Block::Prose(_) => None,
        })
        .collect()
}

/// The tables of one tree table by its key (`soa`, `risks`, `treatment-plan`).
pub fn tree_table(doc: &Document, key: &str) -> Option<Grid> {
    doc.body.iter().find_map(|b| match b {
        Block::Table(t) if t.key == key => Some(grid(t)),
        _ => None,
    })
}

/// Every GitHub-flavoured table of a Markdown text, read by a CommonMark parser: the
/// header's cells, then each row's, as the text a reader sees (escapes undone, code
/// spans and links as their text, `<br>` as a space).
pub fn markdown_tables(md: &str) -> Vec<Grid> {
    let mut tables = Vec::new();
    let mut current: Option<Grid> = None;
    let mut row: Vec<String> = Vec::new();
    let mut cell: Option<String> = None;
    for event in Parser::new_ext(md, MdOptions::ENABLE_TABLES) {
        match event {
            Event::Start(Tag::Table(_)) => {
                current = Some(Grid {
                    columns: Vec::new(),
                    rows: Vec::new(),
                });
            }
            Event::End(TagEnd::Table) => tables.extend(current.take()),
            Event::End(TagEnd::TableHead) => {
                if let Some(g) = current.as_mut() {
                    g.columns = std::mem::take(&mut row);
                }
            }
            Event::Start(Tag::TableRow) => row.clear(),
            Event::End(TagEnd::TableRow) => {
                if let Some(g) = current.as_mut() {
                    g.rows.push(std::mem::take(&mut row));
                }
            }
            Event::Start(Tag::TableCell) => cell = Some(String::new()),
            Event::End(TagEnd::TableCell) => {
                row.push(normalize(&cell.take().unwrap_or_default()));
            }
            Event::Text(t) | Event::Code(t) => {
                if let Some(c) = cell.as_mut() {
                    c.push_str(&t);
                }
            }
            Event::InlineHtml(h) | Event::Html(h) => {
                if let Some(c) = cell.as_mut() {
                    // Line breaks, and anchors (`<a id="…"></a>`, which have no text) are
                    // the only HTML a cell may hold.
                    if &*h == "<br>" {
                        c.push(' ');
                    } else {
                        assert!(
                            (h.starts_with("<a id=\"") && h.ends_with("\">")) || &*h == "</a>",
                            "only line breaks and anchors are HTML in a cell: {h}"
                        );
                    }
                }
            }
            Event::SoftBreak | Event::HardBreak => {
                if let Some(c) = cell.as_mut() {
                    c.push(' ');
                }
            }
            _ => {}
        }
    }
    tables
}
