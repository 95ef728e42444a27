//! A likelihood × impact grid as inline SVG: cells coloured by level, and either the
//! risks in each cell (count and IDs) or, for the methodology, each cell's level and score.

use super::palette;
use super::writer::Html;
use crate::emit::heatmap::{HeatCell, HeatMap};

const LEFT: i64 = 150;
const TOP: i64 = 8;
const BOTTOM: i64 = 58;
const RIGHT: i64 = 8;
/// Characters of risk IDs per line in a cell (at the 10.5px font).
const LINE_CHARS: usize = 16;
const MAX_LINES: usize = 3;

/// What the cells show.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Show {
    Risks,
    Levels,
}

pub fn svg(h: &mut Html, map: &HeatMap, show: Show, label: &str) {
    let (cw, ch) = match show {
        Show::Risks => (104, 72),
        Show::Levels => (92, 48),
    };
    let cols = i64::try_from(map.impact.len()).unwrap_or(0);
    let rows = i64::try_from(map.likelihood.len()).unwrap_or(0);
    let width = LEFT + cols * cw + RIGHT;
    let height = TOP + rows * ch + BOTTOM;
    h.raw(
        "<svg class=\"heatmap\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" viewBox=\"0 0 ",
    )
    .num(width)
    .raw(" ")
    .num(height)
    .raw("\" width=\"")
    .num(width)
    .raw("\" height=\"")
    .num(height)
    .raw("\" font-family=\"-apple-system, 'Segoe UI', Helvetica, Arial, sans-serif\">")
    .el("<title>", label, "</title>\n");
    // Likelihood runs bottom (lowest) to top (highest), impact left to right.
    for (row, l) in map.likelihood.iter().rev().enumerate() {
        let y = TOP + i64::try_from(row).unwrap_or(0) * ch;
        tick(h, 10, LEFT - 8, y + ch / 2 - 6, "end", l.value, &l.label);
        for (col, i) in map.impact.iter().enumerate() {
            let x = LEFT + i64::try_from(col).unwrap_or(0) * cw;
            if let Some(cell) = map.cell(l.value, i.value) {
                self::cell(h, cell, map.levels, show, (x, y, cw, ch));
            }
        }
    }
    let bottom = TOP + rows * ch;
    for (col, i) in map.impact.iter().enumerate() {
        let x = LEFT + i64::try_from(col).unwrap_or(0) * cw + cw / 2;
        tick(h, 10, x, bottom + 14, "middle", i.value, &i.label);
    }
    h.raw("<text x=\"")
        .num(LEFT + cols * cw / 2)
        .raw("\" y=\"")
        .num(height - 6)
        .raw("\" text-anchor=\"middle\" font-size=\"12\" font-weight=\"600\" fill=\"#1f3a5f\">Impact →</text>")
        .raw("<text transform=\"rotate(-90)\" x=\"")
        .num(-(TOP + rows * ch / 2))
        .raw("\" y=\"14\" text-anchor=\"middle\" font-size=\"12\" font-weight=\"600\" fill=\"#1f3a5f\">Likelihood →</text>")
        .raw("</svg>\n");
    legend(h, map);
}

/// A scale value and the short form of its label, on two lines.
fn tick(h: &mut Html, size: i64, x: i64, y: i64, anchor: &'static str, value: i64, label: &str) {
    h.raw("<text x=\"")
        .num(x)
        .raw("\" y=\"")
        .num(y)
        .raw("\" text-anchor=\"")
        .raw(anchor)
        .raw("\" font-size=\"12\" font-weight=\"600\" fill=\"#1c2430\">")
        .num(value)
        .raw("</text><text x=\"")
        .num(x)
        .raw("\" y=\"")
        .num(y + 13)
        .raw("\" text-anchor=\"")
        .raw(anchor)
        .raw("\" font-size=\"")
        .num(size)
        .raw("\" fill=\"#5d6777\">")
        .text(&short(label))
        .raw("<title>")
        .text(label)
        .raw("</title></text>\n");
}

/// "Rare: less than once in 10 years" → "Rare"; long labels are cut.
fn short(label: &str) -> String {
    let head = label.split(':').next().unwrap_or_default().trim();
    if head.chars().count() <= 18 {
        return head.to_string();
    }
    let cut: String = head.chars().take(17).collect();
    format!("{}…", cut.trim_end())
}

fn cell(
    h: &mut Html,
    c: &HeatCell,
    levels: usize,
    show: Show,
    (x, y, w, ht): (i64, i64, i64, i64),
) {
    let (fill, ink) = palette::level_fill(c.rank, levels);
    let level = c.level.as_deref().unwrap_or("no level");
    h.raw("<g><title>Likelihood ")
        .num(c.likelihood)
        .raw(" × impact ")
        .num(c.impact)
        .raw(" = ")
        .num(c.score)
        .raw(", ")
        .text(level);
    if !c.risks.is_empty() {
        h.raw(": ").text(&c.risks.join(", "));
    }
    h.raw("</title><rect x=\"")
        .num(x)
        .raw("\" y=\"")
        .num(y)
        .raw("\" width=\"")
        .num(w)
        .raw("\" height=\"")
        .num(ht)
        .raw("\" fill=\"")
        .raw(fill)
        .raw("\" stroke=\"#ffffff\" stroke-width=\"2\"/>");
    let cx = x + w / 2;
    match show {
        Show::Levels => {
            text(h, cx, y + ht / 2 - 2, 11, "600", ink, level);
            h.raw("<text x=\"")
                .num(cx)
                .raw("\" y=\"")
                .num(y + ht / 2 + 12)
                .raw("\" text-anchor=\"middle\" font-size=\"10\" fill=\"")
                .raw(ink)
                .raw("\">")
                .num(c.score)
                .raw("</text>");
        }
        Show::Risks if !c.risks.is_empty() => {
            h.raw("<text x=\"")
                .num(cx)
                .raw("\" y=\"")
                .num(y + 22)
                .raw("\" text-anchor=\"middle\" font-size=\"17\" font-weight=\"700\" fill=\"")
                .raw(ink)
                .raw("\">")
                .num(i64::try_from(c.risks.len()).unwrap_or(0))
                .raw("</text>");
            for (n, line) in lines(&c.risks).iter().enumerate() {
                let ly = y + 38 + i64::try_from(n).unwrap_or(0) * 12;
                text(h, cx, ly, 10, "400", ink, line);
            }
        }
        Show::Risks => {}
    }
    h.raw("</g>\n");
}

fn text(h: &mut Html, x: i64, y: i64, size: i64, weight: &'static str, ink: &'static str, s: &str) {
    h.raw("<text x=\"")
        .num(x)
        .raw("\" y=\"")
        .num(y)
        .raw("\" text-anchor=\"middle\" font-size=\"")
        .num(size)
        .raw("\" font-weight=\"")
        .raw(weight)
        .raw("\" fill=\"")
        .raw(ink)
        .raw("\">")
        .text(s)
        .raw("</text>");
}

/// Risk IDs wrapped into at most three short lines; the rest as "+N".
fn lines(ids: &[String]) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut shown = 0;
    for id in ids {
        let fits = lines
            .last()
            .is_some_and(|l| l.chars().count() + 2 + id.chars().count() <= LINE_CHARS);
        if fits {
            if let Some(last) = lines.last_mut() {
                last.push_str(", ");
                last.push_str(id);
            }
        } else if lines.len() < MAX_LINES {
            lines.push(id.clone());
        } else {
            break;
        }
        shown += 1;
    }
    if shown < ids.len() {
        if let Some(last) = lines.last_mut() {
            last.push_str(&format!(" +{}", ids.len() - shown));
        }
    }
    lines
}

/// The levels of the map, lowest first, as coloured tags.
fn legend(h: &mut Html, map: &HeatMap) {
    let mut levels: Vec<(usize, &str)> = map
        .cells
        .iter()
        .filter_map(|c| Some((c.rank?, c.level.as_deref()?)))
        .collect();
    levels.sort_unstable();
    levels.dedup();
    h.raw("<div class=\"legend\">");
    for (rank, name) in levels {
        h.raw("<span class=\"")
            .raw(palette::level_class(Some(rank), map.levels))
            .raw("\">")
            .text(name)
            .raw("</span>");
    }
    h.raw("</div>\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_wrap_and_overflow() {
        let ids: Vec<String> = (1..=12).map(|n| format!("R-{n:02}")).collect();
        let l = lines(&ids);
        assert_eq!(l.len(), 3);
        assert!(l[2].ends_with("+3"), "{l:?}");
        assert_eq!(short("Rare: less than once in 10 years"), "Rare");
    }
}
