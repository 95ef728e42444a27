//! The risk assessment methodology as a document (clause 6.1.2 a): the scales, the levels
//! and their score ranges, the acceptance threshold and the review period.

use serde::Serialize;

use super::heatmap::{HeatMap, Rating};
use crate::Compilation;

#[derive(Debug, Clone, Serialize)]
pub struct LevelRow {
    pub name: String,
    pub low: i64,
    pub high: i64,
    /// Above the `accept` level: acceptance needs an `accepted_by`.
    pub above_acceptance: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct MethodologyDoc {
    pub organization: String,
    pub date: String,
    pub doc: Option<String>,
    pub likelihood: Vec<Rating>,
    pub impact: Vec<Rating>,
    pub levels: Vec<LevelRow>,
    pub accept: Option<String>,
    /// "12 months"
    pub review: Option<String>,
    pub matrix: HeatMap,
}

impl MethodologyDoc {
    /// `None` when the project has no methodology (it then has no risks either).
    pub fn build(c: &Compilation) -> Option<MethodologyDoc> {
        let m = c.model.methodology()?;
        let accept = m.accept_index();
        Some(MethodologyDoc {
            organization: super::organization_name(c),
            date: super::names::date(c.today),
            doc: m.common.doc.clone(),
            likelihood: Rating::all(m.likelihood.as_ref()),
            impact: Rating::all(m.impact.as_ref()),
            levels: m
                .levels
                .iter()
                .enumerate()
                .map(|(i, l)| LevelRow {
                    name: l.name.text.clone(),
                    low: l.low,
                    high: l.high,
                    above_acceptance: accept.is_some_and(|a| i > a),
                })
                .collect(),
            accept: m.accept.as_ref().map(|a| a.name.clone()),
            review: m.review.map(|r| r.period.to_string()),
            matrix: HeatMap::new(m),
        })
    }
}
