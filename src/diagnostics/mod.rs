//! The one diagnostic model, shared by every stage and rendered by several front ends
//! (terminal, JSON, and later SARIF and the language server).

mod codes;
pub mod github;
pub mod render;
pub mod sarif;
mod shown;

pub use codes::{Code, RuleDoc};

use crate::source::Span;
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
    Info,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }
}

/// A secondary place that explains the diagnostic (the first of two declarations).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Label {
    pub span: Span,
    pub message: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub code: Code,
    pub severity: Severity,
    /// Lower-case, one sentence, identifiers in backticks, no final period.
    pub message: String,
    pub span: Span,
    /// What is wrong right at `span`.
    pub label: Option<String>,
    pub labels: Vec<Label>,
    /// What to do about it.
    pub help: Option<String>,
}

impl Diagnostic {
    pub fn new(code: Code, span: Span, message: impl Into<String>) -> Self {
        Diagnostic {
            code,
            severity: code.default_severity(),
            message: message.into(),
            span,
            label: None,
            labels: Vec::new(),
            help: None,
        }
    }

    pub fn with_label(mut self, label: impl Into<String>) -> Self {
        self.label = Some(label.into());
        self
    }

    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    pub fn with_secondary(mut self, span: Span, message: impl Into<String>) -> Self {
        self.labels.push(Label {
            span,
            message: message.into(),
        });
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// Where stages put what they find.
#[derive(Debug, Default)]
pub struct Sink {
    diagnostics: Vec<Diagnostic>,
}

impl Sink {
    pub fn push(&mut self, d: Diagnostic) {
        self.diagnostics.push(d);
    }

    pub fn into_vec(self) -> Vec<Diagnostic> {
        self.diagnostics
    }

    pub fn len(&self) -> usize {
        self.diagnostics.len()
    }

    pub fn is_empty(&self) -> bool {
        self.diagnostics.is_empty()
    }
}

/// Counts for the summary line and the exit status.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Summary {
    pub errors: usize,
    pub warnings: usize,
}

impl Summary {
    pub fn of(diagnostics: &[Diagnostic]) -> Self {
        let mut s = Summary::default();
        for d in diagnostics {
            match d.severity {
                Severity::Error => s.errors += 1,
                Severity::Warning => s.warnings += 1,
                Severity::Info => {}
            }
        }
        s
    }
}

/// "did you mean `x`?" — the candidate closest to `wrong`, if any is close enough. Equally
/// close candidates go to the alphabetically first, so the answer does not depend on the
/// order they come in (a hash map's, say).
///
/// Runs once per unknown name over every name of the right kind, so it must stay cheap:
/// a candidate whose length alone rules it out is skipped before any allocation, and each
/// candidate is lower-cased once, into one reused buffer.
pub fn closest<'a>(wrong: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let wrong_lower = wrong.to_lowercase();
    let wrong_chars = wrong.chars().count();
    let mut lower = String::new();
    let mut best: Option<(&str, f64)> = None;
    for c in candidates {
        if c == wrong {
            continue;
        }
        let c_chars = c.chars().count();
        let longest = wrong_chars.max(c_chars).max(1);
        let length_gap = wrong_chars.abs_diff(c_chars);
        // The edit distance is at least the length gap; a prefix match needs `c` longer.
        let may_be_close = length_gap * 3 <= longest.max(3);
        let may_extend = wrong.len() >= 3 && c_chars >= wrong_chars;
        if !may_be_close && !may_extend {
            continue;
        }
        lower.clear();
        lower.extend(c.chars().flat_map(char::to_lowercase));
        // Optimal string alignment: a swap of two letters (`rsik`) is one edit.
        let distance = strsim::osa_distance(&wrong_lower, &lower);
        // Accept up to a third of the characters changed (at least one), or a shared prefix.
        let close =
            distance * 3 <= longest.max(3) || (wrong.len() >= 3 && lower.starts_with(&wrong_lower));
        if !close {
            continue;
        }
        // Ties go to the candidate of the same length, then to the most similar prefix.
        let prefix = wrong_lower
            .chars()
            .zip(lower.chars())
            .take_while(|(a, b)| a == b)
            .count() as f64;
        let score = distance as f64 + 0.1 * length_gap as f64
            - strsim::jaro_winkler(&wrong_lower, &lower)
            - 0.01 * prefix
            + 0.0001 * numeric_gap(wrong, c);
        let better = match best {
            None => true,
            Some((b, s)) => score < s || (score == s && c < b),
        };
        if better {
            best = Some((c, score));
        }
    }
    best.map(|(c, _)| c)
}

/// For IDs ending in a number (`A.5.38` vs `A.5.37`), how far apart the numbers are; ties
/// between equally distant spellings go to the numerically nearest ID.
fn numeric_gap(a: &str, b: &str) -> f64 {
    let last = |s: &str| -> Option<u64> {
        let tail = s.rsplit(['.', '-']).next()?;
        tail.parse().ok()
    };
    match (last(a), last(b)) {
        (Some(x), Some(y)) => x.abs_diff(y).min(999) as f64,
        _ => 0.0,
    }
}

#[cfg(test)]
mod tests {
    use super::closest;

    #[test]
    fn suggestions() {
        let statuses = ["implemented", "partial", "planned", "not-implemented"];
        assert_eq!(closest("implemnted", statuses), Some("implemented"));
        assert_eq!(closest("ownr", ["owner", "kind"]), Some("owner"));
        assert_eq!(closest("cisoo", ["ciso", "alice"]), Some("ciso"));
        assert_eq!(closest("zzzzzz", ["owner", "kind"]), None);
        assert_eq!(closest("rsik", ["risk", "role"]), Some("risk"));
        assert_eq!(
            closest("A.5.38", ["A.5.37", "A.5.3", "A.8.1"]),
            Some("A.5.37")
        );
    }
}
