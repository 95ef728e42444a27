//! methodology/levels: levels must be ascending, non-overlapping score ranges that cover
//! every achievable score (every likelihood × impact) exactly once.

use crate::check::Context;
use crate::diagnostics::{Code, Diagnostic, Sink};

pub fn check(cx: &Context<'_>, sink: &mut Sink) {
    let Some(m) = cx.model.methodology() else {
        return;
    };
    let Some(levels_span) = m.levels_span else {
        return;
    };
    let bad = |span, message: String, label: &str| {
        Diagnostic::new(Code::MethodologyLevels, span, message).with_label(label.to_string())
    };
    if m.levels.is_empty() {
        sink.push(
            bad(
                levels_span,
                "the methodology defines no levels".into(),
                "no levels",
            )
            .with_help("add levels such as `low 1..4`, `medium 5..9`, `high 10..25`"),
        );
        return;
    }
    for (i, level) in m.levels.iter().enumerate() {
        let name = &level.name.text;
        if let Some(first) = m.levels[..i].iter().find(|l| l.name.text == *name) {
            sink.push(
                bad(
                    level.name.span,
                    format!("level `{name}` is defined twice"),
                    "defined again",
                )
                .with_secondary(first.name.span, "first defined here"),
            );
            return;
        }
        if level.low > level.high {
            sink.push(
                bad(
                    level.span,
                    format!(
                        "level `{name}` runs backwards ({}..{})",
                        level.low, level.high
                    ),
                    "the lower bound comes first",
                )
                .with_help(format!("write `{name} {}..{}`", level.high, level.low)),
            );
            return;
        }
        if let Some(prev) = i.checked_sub(1).and_then(|p| m.levels.get(p)) {
            if level.low < prev.low {
                sink.push(
                    bad(
                        level.span,
                        format!(
                            "level `{name}` is out of order: it starts below `{}`",
                            prev.name.text
                        ),
                        "levels must be in ascending order",
                    )
                    .with_secondary(prev.span, "the level before it")
                    .with_help("list levels from the lowest score to the highest"),
                );
                return;
            }
            if level.low <= prev.high {
                sink.push(
                    bad(
                        level.span,
                        format!(
                            "level `{name}` overlaps `{}` at {}",
                            prev.name.text,
                            scores(level.low, prev.high.min(level.high))
                        ),
                        "overlapping range",
                    )
                    .with_secondary(prev.span, "overlapped level")
                    .with_help(format!("start `{name}` at {}", prev.high + 1)),
                );
                return;
            }
        }
    }
    // Coverage only means something once the scales are sound (scale-gap reports them).
    if !m.scales_are_valid() {
        return;
    }
    let uncovered: Vec<String> = m
        .achievable_scores()
        .into_iter()
        .filter(|s| m.level_index(*s).is_none())
        .map(|s| s.to_string())
        .collect();
    if !uncovered.is_empty() {
        let plural = if uncovered.len() == 1 { "" } else { "s" };
        sink.push(
            bad(
                levels_span,
                format!("no level covers the score{plural} {}", uncovered.join(", ")),
                "these scores have no level",
            )
            .with_help("widen the ranges so every likelihood × impact falls in one level"),
        );
    }
}

/// "score 4" or "scores 3..4"
fn scores(low: i64, high: i64) -> String {
    if low == high {
        format!("score {low}")
    } else {
        format!("scores {low}..{high}")
    }
}
