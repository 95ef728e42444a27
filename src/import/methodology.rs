//! The risk methodology an imported register needs, read from the register itself: the
//! scales' labels from the label columns, the levels from the scores each level was given.
//! A level's range runs from its lowest score seen up to just below the next level's
//! lowest, so every imported risk keeps the level the workbook gave it. Scale values no
//! row labels get a placeholder label; a register without levels gets three placeholder
//! levels (`isms import` says so).

use std::collections::BTreeMap;

use super::parties::slug;
use super::records::RiskRecord;
use super::{Place, Problem};

#[derive(Debug, Clone, PartialEq)]
pub struct Inferred {
    pub likelihood: Vec<(i64, String)>,
    pub impact: Vec<(i64, String)>,
    /// (level, lowest score, highest score), ascending.
    pub levels: Vec<(String, i64, i64)>,
    /// The workbook has no levels: these are thirds of the score range, to confirm.
    pub levels_guessed: bool,
}

pub fn infer(risks: &[RiskRecord], problems: &mut Vec<Problem>) -> Inferred {
    let mut likelihood = BTreeMap::new();
    let mut impact = BTreeMap::new();
    // level → (lowest score, highest score, where each was seen)
    let mut seen: Vec<(String, i64, i64, Place, Place)> = Vec::new();
    let mut note = |level: &Option<String>, score: i64, place: &Place| {
        let Some(level) = level.as_deref().map(level_word) else {
            return;
        };
        match seen.iter_mut().find(|(l, ..)| *l == level) {
            Some((_, lo, hi, lo_at, hi_at)) => {
                if score < *lo {
                    *lo = score;
                    *lo_at = place.clone();
                }
                if score > *hi {
                    *hi = score;
                    *hi_at = place.clone();
                }
            }
            None => seen.push((level, score, score, place.clone(), place.clone())),
        }
    };
    for r in risks {
        if let Some(label) = &r.likelihood_label {
            likelihood
                .entry(r.likelihood)
                .or_insert_with(|| label.clone());
        }
        if let Some(label) = &r.impact_label {
            impact.entry(r.impact).or_insert_with(|| label.clone());
        }
        note(&r.level, r.likelihood * r.impact, &r.place);
        if let Some((l, i)) = r.residual {
            note(&r.residual_level, l * i, &r.place);
        }
    }
    let max_l = risks
        .iter()
        .flat_map(|r| [Some(r.likelihood), r.residual.map(|x| x.0)])
        .flatten()
        .max()
        .unwrap_or(5)
        .max(2);
    let max_i = risks
        .iter()
        .flat_map(|r| [Some(r.impact), r.residual.map(|x| x.1)])
        .flatten()
        .max()
        .unwrap_or(5)
        .max(2);
    let scale = |labels: &BTreeMap<i64, String>, max: i64, what: &str| {
        (1..=max)
            .map(|v| {
                let label = labels
                    .get(&v)
                    .cloned()
                    .unwrap_or_else(|| format!("TODO: what {what} {v} means"));
                (v, label)
            })
            .collect()
    };
    let top = max_l * max_i;
    seen.sort_by_key(|(_, lo, ..)| *lo);
    for pair in seen.windows(2) {
        let (a, _, a_hi, _, a_at) = &pair[0];
        let (b, b_lo, _, b_at, _) = &pair[1];
        if a_hi >= b_lo {
            problems.push(Problem {
                place: b_at.clone(),
                message: format!(
                    "the levels overlap: score {b_lo} is `{b}` here, and score {a_hi} is `{a}` at row {}",
                    a_at.row
                ),
            });
        }
    }
    let levels_guessed = seen.is_empty();
    let levels = if levels_guessed {
        let third = (top / 3).max(1);
        vec![
            ("low".to_string(), 1, third),
            ("medium".to_string(), third + 1, (2 * third).max(third + 1)),
            (
                "high".to_string(),
                (2 * third).max(third + 1) + 1,
                top.max(2 * third + 2),
            ),
        ]
    } else {
        let mut levels = Vec::new();
        for (k, (level, lo, ..)) in seen.iter().enumerate() {
            let from = if k == 0 { 1 } else { *lo };
            let to = match seen.get(k + 1) {
                Some((_, next, ..)) => next - 1,
                None => top.max(*lo),
            };
            levels.push((level.clone(), from, to));
        }
        levels
    };
    Inferred {
        likelihood: scale(&likelihood, max_l, "likelihood"),
        impact: scale(&impact, max_i, "impact"),
        levels,
        levels_guessed,
    }
}

/// A level as the language writes it: `High` → `high`, `sehr hoch` → `sehr-hoch`.
fn level_word(text: &str) -> String {
    slug(&text.trim().to_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::records::RiskRecord;

    fn risk(row: usize, l: i64, i: i64, level: &str) -> RiskRecord {
        RiskRecord {
            place: Place {
                file: "r.csv".into(),
                sheet: "r".into(),
                row,
                column: None,
            },
            id: format!("R-{row}"),
            title: None,
            assets: vec![],
            threat: None,
            vulnerability: None,
            likelihood: l,
            likelihood_label: Some(format!("L{l}")),
            impact: i,
            impact_label: None,
            level: Some(level.into()),
            owner: None,
            treatment: None,
            rationale: None,
            transfer_to: None,
            controls: vec![],
            residual: None,
            residual_level: None,
            accepted_by: None,
            accepted_as: None,
            accepted_on: None,
            due: None,
            done: None,
            reviewed: None,
            description: None,
        }
    }

    #[test]
    fn levels_keep_every_score_seen() {
        let mut problems = vec![];
        let m = infer(
            &[
                risk(2, 1, 2, "Low"),
                risk(3, 3, 4, "High"),
                risk(4, 2, 3, "Medium"),
                risk(5, 5, 5, "High"),
            ],
            &mut problems,
        );
        assert!(problems.is_empty());
        assert_eq!(
            m.levels,
            [
                ("low".into(), 1, 5),
                ("medium".into(), 6, 11),
                ("high".into(), 12, 25)
            ]
        );
        assert_eq!(m.likelihood[0], (1, "L1".to_string()));
        assert_eq!(
            m.likelihood[3],
            (4, "TODO: what likelihood 4 means".to_string())
        );
        assert!(!m.levels_guessed);
    }

    #[test]
    fn overlapping_levels_are_a_problem() {
        let mut problems = vec![];
        infer(
            &[
                risk(2, 3, 3, "high"),
                risk(3, 2, 5, "medium"),
                risk(4, 3, 4, "high"),
            ],
            &mut problems,
        );
        assert_eq!(problems.len(), 1);
        assert!(
            problems[0].message.contains("overlap"),
            "{}",
            problems[0].message
        );
    }
}
