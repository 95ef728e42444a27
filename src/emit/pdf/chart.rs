//! The heat map as typst shapes: a grid of coloured rectangles, likelihood up the side
//! (highest at the top), impact along the bottom. Vector graphics, and its words are text
//! a reader can search and copy.

use super::literal::text;
use crate::emit::heatmap::HeatMap;
use crate::emit::html::palette::level_fill;

pub fn heat_map(out: &mut String, caption: &str, map: &HeatMap) {
    if map.likelihood.is_empty() || map.impact.is_empty() {
        // A methodology without scales has no grid to draw.
        out.push_str(&text(caption));
        return;
    }
    out.push_str(&format!(
        "#block(breakable: false)[#strong[{}]\n\n#set text(size: 8pt)\n#grid(columns: (auto,{}), column-gutter: 3pt, row-gutter: 3pt,",
        text(caption),
        " 2.4cm,".repeat(map.impact.len())
    ));
    for l in map.likelihood.iter().rev() {
        out.push_str(&format!(
            "align(right + horizon)[{}],",
            text(&rating(l.value, &l.label))
        ));
        for i in &map.impact {
            let Some(cell) = map.cell(l.value, i.value) else {
                out.push_str("[],");
                continue;
            };
            let (fill, ink) = level_fill(cell.rank, map.levels);
            let mut words = format!("{}", cell.score);
            if let Some(level) = &cell.level {
                words.push_str(&format!(" {level}"));
            }
            out.push_str(&format!(
                "rect(width: 100%, height: 1.3cm, radius: 2pt, fill: rgb(\"{fill}\"), inset: 3pt)[#set text(fill: rgb(\"{ink}\")); #align(center + horizon)[{}",
                text(&words)
            ));
            if !cell.risks.is_empty() {
                out.push_str(&format!(
                    "#linebreak()#strong[{}]",
                    text(&cell.risks.join(", "))
                ));
            }
            out.push_str("]],");
        }
    }
    out.push_str("[],");
    for i in &map.impact {
        out.push_str(&format!(
            "align(center)[{}],",
            text(&rating(i.value, &i.label))
        ));
    }
    out.push_str(&format!(
        ")\n#align(center)[{} #h(2em) {}]]",
        text("↑ likelihood"),
        text("impact →")
    ));
}

fn rating(value: i64, label: &str) -> String {
    if label.is_empty() {
        value.to_string()
    } else {
        format!("{value} {label}")
    }
}
