//! `management-review`: the management reviews (clause 9.3): for each, the inputs of
//! 9.3.2 with what was presented, the four performance trends of 9.3.2 d one by one, and
//! the decisions of 9.3.3 by what they are about. Which inputs a review covered is
//! `Review::covers`, as for `review/inputs-missing` and readiness.

use super::register_parts::{heading, lines, paragraph, table, text, who};
use crate::emit::tree::{Block, Document, Field, Inline, Tone};
use crate::model::{DecisionAbout, Keyword, Model, Review, ReviewInput, Trend};
use crate::Compilation;

pub fn build(c: &Compilation) -> Document {
    let m = &c.model;
    let mut body = Vec::new();
    for r in &m.reviews {
        review(m, r, &mut body);
    }
    if body.is_empty() {
        body.push(paragraph("No management review is recorded."));
    }
    super::MANAGEMENT_REVIEW.document(c, body)
}

fn review(m: &Model, r: &Review, body: &mut Vec<Block>) {
    let title = match &r.title {
        Some(t) => format!("{t} ({})", r.id.text),
        None => r.id.text.clone(),
    };
    body.push(heading(2, title, Some(r.id.text.clone())));
    let mut attendees = Vec::new();
    for a in &r.attendees {
        if !attendees.is_empty() {
            attendees.push(Inline::text(", "));
        }
        attendees.extend(who(m, Some(a)));
    }
    body.push(Block::Fields(vec![
        Field {
            label: "Date".to_string(),
            value: text(r.date.map(|d| d.date.to_string()).as_deref()),
        },
        Field {
            label: "Attendees".to_string(),
            value: if attendees.is_empty() {
                text(None)
            } else {
                attendees
            },
        },
    ]));
    body.push(heading(3, "Inputs (clause 9.3.2)", None));
    let rows = r
        .input_coverage()
        .into_iter()
        .map(|(input, covered)| {
            let (letter, what) = input.clause();
            let mut presented: Vec<String> = r.presented(input).map(str::to_string).collect();
            if input == ReviewInput::Performance && presented.is_empty() && !r.trends.is_empty() {
                presented.push("the trends below".to_string());
            }
            vec![
                text(Some(&format!("{letter})"))),
                text(Some(what)),
                vec![if covered {
                    badge("covered", Tone::Good)
                } else {
                    badge("not covered", Tone::Bad)
                }],
                lines(&presented),
            ]
        })
        .collect();
    body.push(table(
        "review-inputs",
        None,
        &[
            ("", 4.0),
            ("Input", 30.0),
            ("Covered", 12.0),
            ("What was presented", 50.0),
        ],
        rows,
    ));
    body.push(heading(
        3,
        "Trends in information security performance (clause 9.3.2 d)",
        None,
    ));
    let rows = Trend::ALL
        .iter()
        .map(|(_, trend)| {
            let recorded: Vec<String> = r.trend(*trend).map(str::to_string).collect();
            let (item, what) = trend.clause();
            vec![
                text(Some(item)),
                text(Some(what)),
                if recorded.is_empty() {
                    vec![badge("not recorded", Tone::Warning)]
                } else {
                    lines(&recorded)
                },
            ]
        })
        .collect();
    body.push(table(
        "review-trends",
        None,
        &[("", 6.0), ("Trend", 34.0), ("Recorded", 56.0)],
        rows,
    ));
    body.push(heading(3, "Results (clause 9.3.3)", None));
    for (_, about) in DecisionAbout::ALL {
        body.push(heading(4, about.title(), None));
        body.push(decisions(r, Some(*about)));
    }
    if r.decisions.iter().any(|d| d.about.is_none()) {
        body.push(heading(4, "Other decisions", None));
        body.push(decisions(r, None));
    }
    body.push(heading(3, "Actions", None));
    body.push(if r.actions.is_empty() {
        paragraph("No action is recorded.")
    } else {
        Block::Bullets(
            r.actions
                .iter()
                .map(|a| vec![Inline::text(a.clone())])
                .collect(),
        )
    });
}

fn decisions(r: &Review, about: Option<DecisionAbout>) -> Block {
    let items: Vec<Vec<Inline>> = r
        .decisions
        .iter()
        .filter(|d| d.about == about)
        .map(|d| vec![Inline::text(d.text.clone())])
        .collect();
    if items.is_empty() {
        paragraph("No decision is recorded.")
    } else {
        Block::Bullets(items)
    }
}

fn badge(text: &str, tone: Tone) -> Inline {
    Inline::Badge {
        text: text.to_string(),
        tone,
    }
}
