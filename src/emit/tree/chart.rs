//! What a chart shows as a table, for the formats that draw no graphics (Markdown) and
//! for tests that hold every format to the same rows.

use super::{Cell, Chart, Column, Inline, Table};

impl Chart {
    /// The chart's data as a table: for a heat map, likelihood from the top (highest)
    /// down, impact from left to right, each cell its level and the risks in it.
    pub fn table(&self) -> Table {
        match self {
            Chart::HeatMap { caption, map } => {
                let mut columns = vec![Column {
                    title: "Likelihood \\ Impact".to_string(),
                    width: 12.0,
                }];
                columns.extend(map.impact.iter().map(|i| Column {
                    title: i.value.to_string(),
                    width: 14.0,
                }));
                let rows = map
                    .likelihood
                    .iter()
                    .rev()
                    .map(|l| {
                        let mut row: Vec<Cell> = vec![vec![Inline::Text(l.value.to_string())]];
                        for i in &map.impact {
                            let text = map.cell(l.value, i.value).map_or(String::new(), |c| {
                                let level = c.level.as_deref().unwrap_or_default();
                                if c.risks.is_empty() {
                                    level.to_string()
                                } else {
                                    format!("{level}: {}", c.risks.join(", "))
                                }
                            });
                            row.push(if text.is_empty() {
                                Vec::new()
                            } else {
                                vec![Inline::Text(text)]
                            });
                        }
                        row
                    })
                    .collect();
                Table {
                    key: "heat-map",
                    caption: Some(caption.clone()),
                    columns,
                    rows,
                }
            }
        }
    }
}
