//! methodology/scale-gap: a likelihood or impact scale that is not 1..N with a label for
//! every value.

use crate::check::Context;
use crate::diagnostics::{Code, Diagnostic, Sink};
use crate::model::Scale;

pub fn check(cx: &Context<'_>, sink: &mut Sink) {
    let Some(m) = cx.model.methodology() else {
        return;
    };
    for (name, scale) in [("likelihood", &m.likelihood), ("impact", &m.impact)] {
        if let Some(scale) = scale {
            check_scale(name, scale, sink);
        }
    }
}

fn check_scale(name: &str, scale: &Scale, sink: &mut Sink) {
    let gap = |span, message: String, label: &str| {
        Diagnostic::new(Code::MethodologyScaleGap, span, message).with_label(label.to_string())
    };
    if scale.entries.is_empty() {
        sink.push(
            gap(
                scale.span,
                format!("the `{name}` scale has no values"),
                "empty scale",
            )
            .with_help(format!(
                "list the values from 1: `{name} {{ 1 \"Rare\" 2 \"Likely\" … }}`"
            )),
        );
        return;
    }
    for (i, e) in scale.entries.iter().enumerate() {
        if let Some(first) = scale.entries[..i].iter().find(|f| f.value == e.value) {
            sink.push(
                gap(
                    e.span,
                    format!("the `{name}` scale lists {} twice", e.value),
                    "listed again",
                )
                .with_secondary(first.span, "first listed here")
                .with_help("give each value one line"),
            );
            return;
        }
        if e.label.is_none() {
            sink.push(
                gap(
                    e.span,
                    format!("`{name}` value {} has no label", e.value),
                    "no label",
                )
                .with_help(format!(
                    "write `{} \"Label\"`: reports show the label",
                    e.value
                )),
            );
        }
    }
    let missing = gaps(scale);
    if let Some(low) = scale.entries.iter().find(|e| e.value < 1) {
        sink.push(
            gap(
                low.span,
                format!("the `{name}` scale must start at 1"),
                "below 1",
            )
            .with_help(format!("number the `{name}` values 1, 2, 3, …")),
        );
    } else if let Some(&(after, _)) = missing.first() {
        // Point at the first value written after the gap (`4` in 1, 2, 4).
        let at = scale
            .entries
            .iter()
            .filter(|e| e.value > after)
            .min_by_key(|e| e.value)
            .map_or(scale.span, |e| e.span);
        sink.push(
            gap(
                at,
                format!("the `{name}` scale skips {}", describe(&missing)),
                "values must run 1..N without gaps",
            )
            .with_help(format!(
                "add the missing values or renumber the `{name}` scale"
            )),
        );
    }
}

/// The runs of values missing from 1 to the scale's largest value, as inclusive ranges, in
/// order. Computed from the written values, never by counting up to the largest: a scale
/// may end at 999999999999999999.
fn gaps(scale: &Scale) -> Vec<(i64, i64)> {
    let mut values: Vec<i64> = scale
        .entries
        .iter()
        .map(|e| e.value)
        .filter(|v| *v >= 1)
        .collect();
    values.sort_unstable();
    values.dedup();
    let mut gaps = Vec::new();
    let mut next = 1;
    for v in values {
        if v > next {
            gaps.push((next, v - 1));
        }
        next = v.saturating_add(1);
    }
    gaps
}

/// `2, 3` for short runs, `5..900` for long ones.
fn describe(gaps: &[(i64, i64)]) -> String {
    let mut parts = Vec::new();
    for &(low, high) in gaps {
        if high - low < 3 {
            parts.extend((low..=high).map(|v| v.to_string()));
        } else {
            parts.push(format!("{low}..{high}"));
        }
    }
    parts.join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ScaleEntry;
    use crate::source::{FileId, Span};

    fn scale(values: &[i64]) -> Scale {
        let span = Span::new(FileId(0), 0, 0);
        Scale {
            entries: values
                .iter()
                .map(|&value| ScaleEntry {
                    value,
                    label: Some("x".to_string()),
                    span,
                })
                .collect(),
            span,
        }
    }

    #[test]
    fn gaps_are_runs_of_missing_values() {
        assert_eq!(describe(&gaps(&scale(&[1, 2, 4]))), "3");
        assert_eq!(describe(&gaps(&scale(&[1, 4]))), "2, 3");
        assert_eq!(describe(&gaps(&scale(&[3, 1, 9]))), "2, 4..8");
        assert!(gaps(&scale(&[1, 2, 3])).is_empty());
    }

    #[test]
    fn a_huge_value_is_one_range_not_a_count_to_it() {
        // Found by isms-fuzz (seed 2, input 59457): counting up to the value never ended.
        let huge = 999_999_999_999_999_999;
        assert_eq!(describe(&gaps(&scale(&[huge]))), format!("1..{}", huge - 1));
        assert_eq!(
            describe(&gaps(&scale(&[1, i64::MAX]))),
            format!("2..{}", i64::MAX - 1)
        );
    }
}
