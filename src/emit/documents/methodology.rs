//! `methodology`: the risk assessment methodology (6.1.2 a): the scales, the levels and
//! who may accept them, the review period and the matrix. Written only when the project
//! declares a methodology.

use super::blocks::{heading, paragraph, table, text};
use super::METHODOLOGY as META;
use crate::emit::heatmap::Rating;
use crate::emit::tree::{Block, Document, Inline};
use crate::emit::Derived;
use crate::Compilation;

pub fn build(c: &Compilation, d: &Derived) -> Option<Document> {
    let m = d.methodology.as_ref()?;
    let mut body = Vec::new();
    if let Some(doc) = &m.doc {
        body.push(paragraph(doc.as_str()));
    }
    body.push(paragraph(
        "A risk's score is likelihood × impact; its level is the level whose range holds \
         the score.",
    ));
    for (name, key, scale) in [
        ("Likelihood", "likelihood-scale", &m.likelihood),
        ("Impact", "impact-scale", &m.impact),
    ] {
        body.push(heading(2, format!("{name} scale")));
        body.push(scale_table(key, scale));
    }
    body.push(heading(2, "Risk levels"));
    body.push(table(
        "risk-levels",
        &[("Level", 12.0), ("Scores", 10.0), ("Acceptance", 40.0)],
        m.levels
            .iter()
            .map(|l| {
                vec![
                    text(l.name.as_str()),
                    text(format!("{}–{}", l.low, l.high)),
                    text(if l.above_acceptance {
                        "needs explicit acceptance (accepted_by)"
                    } else {
                        "the risk owner may accept"
                    }),
                ]
            })
            .collect(),
    ));
    if let Some(a) = &m.accept {
        body.push(Block::Paragraph(vec![
            Inline::Strong("Acceptance threshold:".to_string()),
            Inline::text(" "),
            Inline::Strong(a.clone()),
            Inline::text(
                ". A risk whose level (for accept) or residual level (for mitigate and \
                 transfer) is above it needs a named acceptor and a date.",
            ),
        ]));
    }
    if let Some(r) = &m.review {
        body.push(Block::Paragraph(vec![
            Inline::Strong("Review:".to_string()),
            Inline::text(format!(" every risk is re-assessed every {r}.")),
        ]));
    }
    body.push(heading(2, "Risk matrix"));
    let mut columns = vec![("Likelihood \\ Impact".to_string(), 12.0)];
    columns.extend(m.impact.iter().map(|i| (i.value.to_string(), 10.0)));
    let columns: Vec<(&str, f64)> = columns.iter().map(|(t, w)| (t.as_str(), *w)).collect();
    body.push(table(
        "risk-matrix",
        &columns,
        m.likelihood
            .iter()
            .rev()
            .map(|l| {
                let mut row = vec![text(l.value.to_string())];
                for i in &m.impact {
                    row.push(text(
                        m.matrix.cell(l.value, i.value).map_or(String::new(), |c| {
                            format!("{} ({})", c.level.as_deref().unwrap_or_default(), c.score)
                        }),
                    ));
                }
                row
            })
            .collect(),
    ));
    Some(META.document(c, body))
}

fn scale_table(key: &'static str, scale: &[Rating]) -> Block {
    table(
        key,
        &[("Value", 8.0), ("Meaning", 40.0)],
        scale
            .iter()
            .map(|r| vec![text(r.value.to_string()), text(r.label.as_str())])
            .collect(),
    )
}
