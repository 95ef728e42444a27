//! The likelihood × impact grid of a methodology: the level of every cell, and which
//! risks sit in it. The methodology document shows it empty, the risk register once for
//! inherent and once for residual risk.

use serde::Serialize;

use crate::model::{Methodology, Scale};

/// A value of a scale with its label.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Rating {
    pub value: i64,
    pub label: String,
}

impl Rating {
    pub fn of(scale: Option<&Scale>, value: i64) -> Rating {
        Rating {
            value,
            label: scale
                .and_then(|s| s.label(value))
                .unwrap_or_default()
                .to_string(),
        }
    }

    /// Every value of a scale, lowest first.
    pub fn all(scale: Option<&Scale>) -> Vec<Rating> {
        let mut out: Vec<Rating> = scale
            .map(|s| {
                s.entries
                    .iter()
                    .map(|e| Rating::of(Some(s), e.value))
                    .collect()
            })
            .unwrap_or_default();
        out.sort_by_key(|r| r.value);
        out
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct HeatCell {
    pub likelihood: i64,
    pub impact: i64,
    pub score: i64,
    pub level: Option<String>,
    /// Index of the level in the methodology (0 = lowest), for colouring.
    #[serde(skip)]
    pub rank: Option<usize>,
    pub risks: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct HeatMap {
    pub likelihood: Vec<Rating>,
    pub impact: Vec<Rating>,
    /// How many levels the methodology has (colours spread over them).
    #[serde(skip)]
    pub levels: usize,
    /// Likelihood-major, both ascending.
    pub cells: Vec<HeatCell>,
}

impl HeatMap {
    pub fn new(m: &Methodology) -> HeatMap {
        let likelihood = Rating::all(m.likelihood.as_ref());
        let impact = Rating::all(m.impact.as_ref());
        let mut cells = Vec::new();
        for l in &likelihood {
            for i in &impact {
                let score = l.value.saturating_mul(i.value);
                let rank = m.level_index(score);
                cells.push(HeatCell {
                    likelihood: l.value,
                    impact: i.value,
                    score,
                    level: m.level(score).map(|x| x.name.text.clone()),
                    rank,
                    risks: Vec::new(),
                });
            }
        }
        HeatMap {
            likelihood,
            impact,
            levels: m.levels.len(),
            cells,
        }
    }

    /// Put a risk into its cell (values off the grid are ignored: the checker reports them).
    pub fn place(&mut self, likelihood: i64, impact: i64, risk: &str) {
        if let Some(cell) = self
            .cells
            .iter_mut()
            .find(|c| c.likelihood == likelihood && c.impact == impact)
        {
            cell.risks.push(risk.to_string());
        }
    }

    pub fn cell(&self, likelihood: i64, impact: i64) -> Option<&HeatCell> {
        self.cells
            .iter()
            .find(|c| c.likelihood == likelihood && c.impact == impact)
    }
}
