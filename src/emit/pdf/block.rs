//! Blocks as typst markup, each ending with a paragraph break.

use super::inline::{self, Labels};
use super::literal::text;
use super::{chart, prose};
use crate::emit::paged::tone::colours;
use crate::emit::tree::{Block, Chart, Field, Inline, Table};

/// Where blocks are written, and what links in them may point at.
pub struct Writer<'a> {
    pub out: String,
    pub labels: &'a Labels,
    /// The document's stem: a link to it is a link within it.
    pub stem: &'a str,
}

impl Writer<'_> {
    pub fn block(&mut self, b: &Block) {
        match b {
            Block::Heading {
                level,
                text: t,
                anchor,
            } => {
                // The tree's level 1 is the title; typst's levels are the tree's.
                let level = (*level).clamp(2, 6);
                self.out
                    .push_str(&format!("#heading(level: {level})[{}]", text(t)));
                if let Some(a) = anchor.as_ref().filter(|a| self.labels.0.contains(*a)) {
                    self.out.push_str(&format!(" <{a}>"));
                }
            }
            Block::Paragraph(run) => self.inlines(run),
            Block::Fields(fields) => self.fields(fields),
            Block::Table(t) => self.table(t),
            Block::Bullets(items) => {
                self.out.push_str("#list(");
                for item in items {
                    self.out.push('[');
                    self.inlines(item);
                    self.out.push_str("],");
                }
                self.out.push(')');
            }
            Block::Banner { tone, text: run } => {
                let (fill, ink) = colours(*tone);
                self.out.push_str(&format!(
                    "#block(width: 100%, fill: rgb(\"{fill}\"), stroke: (left: 3pt + rgb(\"{ink}\")), inset: 8pt, radius: 2pt)[#set text(fill: rgb(\"{ink}\"));"
                ));
                self.inlines(run);
                self.out.push(']');
            }
            Block::Prose(markdown) => prose::render(&mut self.out, markdown),
            Block::Chart(Chart::HeatMap { caption, map }) => {
                chart::heat_map(&mut self.out, caption, map)
            }
        }
        self.out.push_str("\n\n");
    }

    pub fn inlines(&mut self, run: &[Inline]) {
        inline::run(&mut self.out, self.labels, self.stem, run);
    }

    fn fields(&mut self, fields: &[Field]) {
        self.out
            .push_str("#grid(columns: (auto, 1fr), column-gutter: 1.2em, row-gutter: 0.6em,");
        for f in fields {
            self.out
                .push_str(&format!("[#strong[{}]],[", text(&f.label)));
            self.inlines(&f.value);
            self.out.push_str("],");
        }
        self.out.push(')');
    }

    /// A table whose header row repeats on every page it crosses; rows are not split
    /// across pages.
    fn table(&mut self, t: &Table) {
        if t.columns.is_empty() {
            return;
        }
        if let Some(caption) = &t.caption {
            self.out.push_str(&format!(
                "#block(sticky: true)[#strong[{}]]\n",
                text(caption)
            ));
        }
        let widths: Vec<String> = t
            .columns
            .iter()
            .map(|c| {
                // typst refuses a zero, negative or NaN fraction.
                let w = if c.width.is_finite() && c.width > 0.0 {
                    c.width
                } else {
                    1.0
                };
                format!("{w:.2}fr")
            })
            .collect();
        self.out.push_str(&format!(
            "#table(columns: ({},), fill: (_, y) => if y == 0 {{ luma(232) }}, table.header(repeat: true,",
            widths.join(", ")
        ));
        for c in &t.columns {
            self.out
                .push_str(&format!("[#strong[{}]],", text(&c.title)));
        }
        self.out.push_str("),");
        let empty = Vec::new();
        for row in &t.rows {
            // INVARIANT (tree): a row has as many cells as the table has columns; a row
            // that breaks it is padded or cut rather than shifting every cell after it.
            for n in 0..t.columns.len() {
                self.out.push('[');
                self.inlines(row.get(n).unwrap_or(&empty));
                self.out.push_str("],");
            }
        }
        self.out.push(')');
    }
}
