//! A synthetic document that uses every block and inline of the tree, for the paged
//! backends' tests: a table long enough to cross pages, a table wide enough for landscape,
//! a heat map, prose, a draft control block, and text that would be markup in typst or
//! XML if a backend forgot to quote it.

use chrono::NaiveDate;

use crate::emit::heatmap::{HeatCell, HeatMap, Rating};
use crate::emit::names::Party;
use crate::emit::tree::{
    Block, Cell, Chart, Column, Document, DocumentControl, DraftReason, Field, History, Inline,
    Revision, Table, Target, Tone,
};

/// Text every backend must print as written: typst markup, code and escapes, XML, and a
/// control character.
pub const HOSTILE: &str = "#set page(fill: red) *bold* $x$ <a> @ref \\ \" ] [ & </w:t> \u{1b}";

pub fn document() -> Document {
    let built = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap_or_default();
    Document {
        stem: "soa".to_string(),
        title: "Statement of Applicability".to_string(),
        clause: "6.1.3 d".to_string(),
        control: DocumentControl {
            organization: "Acme GmbH".to_string(),
            id: "ISMS-SOA".to_string(),
            version: Some("1.2".to_string()),
            owner: Some(Party {
                id: "lena".to_string(),
                name: "Lena Wagner".to_string(),
            }),
            approver: None,
            approver_role: None,
            approved: None,
            classification: "internal".to_string(),
            next_review: NaiveDate::from_ymd_opt(2027, 3, 1),
            built,
            draft: vec![DraftReason::Unapproved, DraftReason::ProjectWarnings(2)],
            history: History::Revisions(vec![Revision {
                commit: "5dcf88a".to_string(),
                date: built,
                author: "Lena Wagner".to_string(),
                subject: "SoA: exclude A.7.5".to_string(),
            }]),
        },
        body: body(),
    }
}

fn body() -> Vec<Block> {
    vec![
        Block::Heading {
            level: 2,
            text: "Summary".to_string(),
            anchor: Some("summary".to_string()),
        },
        Block::Paragraph(vec![
            Inline::text("Every control of "),
            Inline::Code("iso27001:2022".to_string()),
            Inline::text(", with "),
            Inline::Strong("93".to_string()),
            Inline::text(" controls; see "),
            Inline::Link {
                text: "the register".to_string(),
                to: Target::Doc {
                    stem: "risk-register".to_string(),
                    anchor: None,
                },
            },
            Inline::text(", "),
            Inline::Link {
                text: "the summary".to_string(),
                to: Target::Anchor("summary".to_string()),
            },
            Inline::text(" and "),
            Inline::Link {
                text: "https://example.org/a/very/long/path/that/must/wrap/somewhere".to_string(),
                to: Target::Url(
                    "https://example.org/a/very/long/path/that/must/wrap/somewhere".to_string(),
                ),
            },
            Inline::text("."),
            Inline::Break,
            Inline::text(HOSTILE),
        ]),
        Block::Fields(vec![
            Field {
                label: "Scope".to_string(),
                value: vec![Inline::text("All products of Acme GmbH")],
            },
            Field {
                label: "Status".to_string(),
                value: vec![Inline::Badge {
                    text: "implemented".to_string(),
                    tone: Tone::Good,
                }],
            },
        ]),
        Block::Banner {
            tone: Tone::Warning,
            text: vec![Inline::text("2 controls are overdue.")],
        },
        Block::Bullets(vec![
            vec![
                Inline::text("first "),
                Inline::Badge {
                    text: "overdue".to_string(),
                    tone: Tone::Bad,
                },
            ],
            vec![Inline::Code("A.8.5".to_string())],
        ]),
        Block::Prose(
            "Access is granted on *need to know*, reviewed **quarterly**.\n\n\
             - one `item`\n- two <b>not html</b>\n\n### Exceptions\n\n\
             1. first\n2. [a link](https://example.org) and ![an image](x.png)\n\n\
             > quoted\n\n```\ncode block\n```\n"
                .to_string(),
        ),
        Block::Heading {
            level: 2,
            text: "Controls".to_string(),
            anchor: Some("controls".to_string()),
        },
        Block::Table(long_table()),
        Block::Table(wide_table()),
        Block::Heading {
            level: 3,
            text: "Risk heat map".to_string(),
            anchor: None,
        },
        Block::Chart(Chart::HeatMap {
            caption: "Inherent risk".to_string(),
            map: heat_map(),
        }),
    ]
}

/// 60 rows: crosses a page, so its header must repeat.
fn long_table() -> Table {
    Table {
        key: "controls",
        caption: Some("Annex A controls".to_string()),
        columns: vec![
            column("ID", 8.0),
            column("Title", 30.0),
            column("Status", 12.0),
            column("Justification", 40.0),
        ],
        rows: (1..=60)
            .map(|n| {
                vec![
                    vec![Inline::Code(format!("A.5.{n}"))],
                    vec![Inline::text(format!("Control number {n}"))],
                    vec![Inline::Badge {
                        text: if n % 3 == 0 { "planned" } else { "implemented" }.to_string(),
                        tone: if n % 3 == 0 {
                            Tone::Warning
                        } else {
                            Tone::Good
                        },
                    }],
                    if n == 7 {
                        vec![Inline::text(HOSTILE)]
                    } else {
                        vec![Inline::text(format!("Risk R-{n:02} needs it"))]
                    },
                ]
            })
            .collect(),
    }
}

/// 14 columns, like the SoA.
fn wide_table() -> Table {
    let columns: Vec<Column> = (1..=14)
        .map(|n| column(&format!("Column {n}"), 8.0))
        .collect();
    let row = |r: usize| -> Vec<Cell> {
        (1..=14)
            .map(|n| {
                if n == 14 {
                    vec![Inline::Code(
                        "RISK-WITH-A-VERY-LONG-IDENTIFIER-THAT-MUST-WRAP".to_string(),
                    )]
                } else {
                    vec![Inline::text(format!("r{r}c{n}"))]
                }
            })
            .collect()
    };
    Table {
        key: "wide",
        caption: None,
        columns,
        rows: vec![row(1), row(2), vec![Vec::new(); 14]],
    }
}

fn heat_map() -> HeatMap {
    let ratings = |labels: &[&str]| -> Vec<Rating> {
        labels
            .iter()
            .zip(1..)
            .map(|(l, value)| Rating {
                value,
                label: l.to_string(),
            })
            .collect()
    };
    let likelihood = ratings(&["rare", "possible", "likely"]);
    let impact = ratings(&["minor", "major", "severe"]);
    let mut cells = Vec::new();
    for l in 1..=3 {
        for i in 1..=3 {
            let score = l * i;
            let rank = if score >= 6 {
                2
            } else if score >= 3 {
                1
            } else {
                0
            };
            cells.push(HeatCell {
                likelihood: l,
                impact: i,
                score,
                level: Some(["low", "medium", "high"][rank].to_string()),
                rank: Some(rank),
                risks: if (l, i) == (3, 3) {
                    vec!["R-01".to_string(), "R-02".to_string()]
                } else {
                    Vec::new()
                },
            });
        }
    }
    HeatMap {
        likelihood,
        impact,
        levels: 3,
        cells,
    }
}

fn column(title: &str, width: f64) -> Column {
    Column {
        title: title.to_string(),
        width,
    }
}
