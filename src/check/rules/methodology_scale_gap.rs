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
    let max = scale.max();
    let missing: Vec<String> = (1..=max)
        .filter(|v| !scale.entries.iter().any(|e| e.value == *v))
        .map(|v| v.to_string())
        .collect();
    if let Some(low) = scale.entries.iter().find(|e| e.value < 1) {
        sink.push(
            gap(
                low.span,
                format!("the `{name}` scale must start at 1"),
                "below 1",
            )
            .with_help(format!("number the `{name}` values 1, 2, 3, …")),
        );
    } else if let Some(first_missing) = missing.first() {
        // Point at the first value written after the gap (`4` in 1, 2, 4).
        let after = first_missing.parse::<i64>().unwrap_or(0);
        let at = scale
            .entries
            .iter()
            .filter(|e| e.value > after)
            .min_by_key(|e| e.value)
            .map_or(scale.span, |e| e.span);
        sink.push(
            gap(
                at,
                format!("the `{name}` scale skips {}", missing.join(", ")),
                "values must run 1..N without gaps",
            )
            .with_help(format!(
                "add the missing values or renumber the `{name}` scale"
            )),
        );
    }
}
