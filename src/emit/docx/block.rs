//! Blocks as Word paragraphs and tables.

use docx_rs::{
    IndentLevel, NumberingId, Paragraph, Run, Shading, Table, TableCell, TableLayoutType, TableRow,
    WidthType,
};

use super::run::{runs, text};
use super::style::{heading_style, BULLETS};
use super::{prose, Part};
use crate::emit::heatmap::HeatMap;
use crate::emit::html::palette::level_fill;
use crate::emit::paged::tone::colours;
use crate::emit::tree::{Block, Cell, Chart, Field, Inline, Table as TreeTable};

/// Table text, in half-points (the body is Word's default 11 pt).
const TABLE_SIZE: usize = 16;
/// The header row's fill.
const HEADER_FILL: &str = "E8E8E8";

pub fn block(b: &Block, width: usize) -> Vec<Part> {
    match b {
        Block::Heading { level, text: t, .. } => vec![Part::paragraph(
            Paragraph::new()
                .style(heading_style(usize::from(*level).max(2)))
                .keep_next(true)
                .add_run(text(t)),
        )],
        Block::Paragraph(run) => vec![Part::paragraph(paragraph(run))],
        Block::Fields(fields) => vec![Part::table(fields_table(fields, width))],
        Block::Table(t) => table(t, width),
        Block::Bullets(items) => items
            .iter()
            .map(|item| {
                Part::paragraph(
                    paragraph(item).numbering(NumberingId::new(BULLETS), IndentLevel::new(0)),
                )
            })
            .collect(),
        Block::Banner { tone, text: run } => {
            let (fill, _) = colours(*tone);
            let cell = TableCell::new()
                .add_paragraph(paragraph(run))
                .shading(Shading::new().fill(fill.trim_start_matches('#')))
                .width(width, WidthType::Dxa);
            vec![Part::table(
                Table::new(vec![TableRow::new(vec![cell])])
                    .set_grid(vec![width])
                    .width(width, WidthType::Dxa),
            )]
        }
        Block::Prose(markdown) => prose::paragraphs(markdown)
            .into_iter()
            .map(Part::paragraph)
            .collect(),
        Block::Chart(Chart::HeatMap { caption, map }) => heat_map(caption, map),
    }
}

pub fn paragraph(run: &[Inline]) -> Paragraph {
    runs(run)
        .into_iter()
        .fold(Paragraph::new(), |p, r| p.add_run(r))
}

fn fields_table(fields: &[Field], width: usize) -> Table {
    let label = width / 4;
    let rows = fields
        .iter()
        .map(|f| {
            TableRow::new(vec![
                TableCell::new()
                    .add_paragraph(Paragraph::new().add_run(text(&f.label).bold()))
                    .width(label, WidthType::Dxa),
                TableCell::new()
                    .add_paragraph(paragraph(&f.value))
                    .width(width - label, WidthType::Dxa),
            ])
        })
        .collect();
    Table::without_borders(rows)
        .set_grid(vec![label, width - label])
        .width(width, WidthType::Dxa)
        .layout(TableLayoutType::Fixed)
}

/// A table whose header row repeats on every page (marked `tblHeader` when the document
/// is packed, see `normalise`); no row splits across pages.
fn table(t: &TreeTable, width: usize) -> Vec<Part> {
    if t.columns.is_empty() {
        return Vec::new();
    }
    let mut out = Vec::new();
    if let Some(caption) = &t.caption {
        out.push(Part::paragraph(
            Paragraph::new()
                .keep_next(true)
                .add_run(text(caption).bold()),
        ));
    }
    let total: f64 = t
        .columns
        .iter()
        .map(|c| {
            if c.width.is_finite() && c.width > 0.0 {
                c.width
            } else {
                1.0
            }
        })
        .sum();
    let grid: Vec<usize> = t
        .columns
        .iter()
        .map(|c| {
            let w = if c.width.is_finite() && c.width > 0.0 {
                c.width
            } else {
                1.0
            };
            // A share of the page width, in whole twips.
            let twips = (w / total * width as f64) as usize;
            twips.max(1)
        })
        .collect();
    let header = TableRow::new(
        t.columns
            .iter()
            .zip(&grid)
            .map(|(c, w)| {
                TableCell::new()
                    .add_paragraph(Paragraph::new().add_run(text(&c.title).bold().size(TABLE_SIZE)))
                    .shading(Shading::new().fill(HEADER_FILL))
                    .width(*w, WidthType::Dxa)
            })
            .collect(),
    )
    .cant_split()
    .row_height(super::normalise::HEADER_ROW_MARK)
    .height_rule(docx_rs::HeightRule::AtLeast);
    let empty: Cell = Vec::new();
    let mut rows = vec![header];
    for row in &t.rows {
        // INVARIANT (tree): as many cells as columns; padded or cut if not.
        let cells = grid
            .iter()
            .enumerate()
            .map(|(n, w)| {
                let p = runs(row.get(n).unwrap_or(&empty))
                    .into_iter()
                    .fold(Paragraph::new(), |p, r| p.add_run(r.size(TABLE_SIZE)));
                TableCell::new().add_paragraph(p).width(*w, WidthType::Dxa)
            })
            .collect();
        rows.push(TableRow::new(cells).cant_split());
    }
    out.push(Part::table(
        Table::new(rows)
            .set_grid(grid)
            .width(width, WidthType::Dxa)
            .layout(TableLayoutType::Fixed),
    ));
    out
}

/// The heat map as a table of shaded cells: likelihood down the side (highest first),
/// impact along the bottom.
fn heat_map(caption: &str, map: &HeatMap) -> Vec<Part> {
    let mut out = vec![Part::paragraph(
        Paragraph::new()
            .keep_next(true)
            .add_run(text(caption).bold()),
    )];
    if map.likelihood.is_empty() || map.impact.is_empty() {
        return out;
    }
    let label_width = 1800;
    let cell_width = 1300;
    let small = |s: &str| Paragraph::new().add_run(text(s).size(TABLE_SIZE));
    let mut rows = Vec::new();
    for l in map.likelihood.iter().rev() {
        let mut cells = vec![TableCell::new()
            .add_paragraph(small(&rating(l.value, &l.label)))
            .width(label_width, WidthType::Dxa)];
        for i in &map.impact {
            let cell = map.cell(l.value, i.value);
            let (fill, ink) = level_fill(cell.and_then(|c| c.rank), map.levels);
            let mut words = cell.map(|c| c.score.to_string()).unwrap_or_default();
            if let Some(level) = cell.and_then(|c| c.level.as_ref()) {
                words.push_str(&format!(" {level}"));
            }
            let mut p = Paragraph::new().add_run(
                text(&words)
                    .size(TABLE_SIZE)
                    .color(ink.trim_start_matches('#')),
            );
            if let Some(c) = cell.filter(|c| !c.risks.is_empty()) {
                p = p
                    .add_run(Run::new().add_break(docx_rs::BreakType::TextWrapping))
                    .add_run(
                        text(&c.risks.join(", "))
                            .bold()
                            .size(TABLE_SIZE)
                            .color(ink.trim_start_matches('#')),
                    );
            }
            cells.push(
                TableCell::new()
                    .add_paragraph(p)
                    .shading(Shading::new().fill(fill.trim_start_matches('#')))
                    .width(cell_width, WidthType::Dxa),
            );
        }
        rows.push(TableRow::new(cells).cant_split());
    }
    let mut bottom = vec![TableCell::new()
        .add_paragraph(small("likelihood ↑ / impact →"))
        .width(label_width, WidthType::Dxa)];
    for i in &map.impact {
        bottom.push(
            TableCell::new()
                .add_paragraph(small(&rating(i.value, &i.label)))
                .width(cell_width, WidthType::Dxa),
        );
    }
    rows.push(TableRow::new(bottom).cant_split());
    let mut grid = vec![label_width];
    grid.extend(std::iter::repeat_n(cell_width, map.impact.len()));
    out.push(Part::table(
        Table::new(rows)
            .set_grid(grid)
            .layout(TableLayoutType::Fixed),
    ));
    out
}

fn rating(value: i64, label: &str) -> String {
    if label.is_empty() {
        value.to_string()
    } else {
        format!("{value} {label}")
    }
}
