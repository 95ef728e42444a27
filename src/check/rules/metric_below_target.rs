//! metric/below-target: the latest measurement of a metric misses its target and the
//! metric records no `action` (clauses 9.1 and 10.2: results are evaluated and acted on).

use crate::check::Context;
use crate::diagnostics::{Code, Diagnostic, Sink};
use crate::model::Metric;

pub fn check(cx: &Context<'_>, sink: &mut Sink) {
    for metric in &cx.model.metrics {
        let (Some(target), Some(latest)) = (metric.target, metric.latest()) else {
            continue;
        };
        if target.met_by(latest.value) || !metric.common.lacks(&Metric::ACTION) {
            continue;
        }
        let unit = match metric.unit.as_deref() {
            Some("%") => "%".to_string(),
            Some(u) => format!(" {u}"),
            None => String::new(),
        };
        sink.push(
            Diagnostic::new(
                Code::MetricBelowTarget,
                latest.value_span,
                format!(
                    "metric `{}` misses its target: {}{unit} on {}",
                    metric.id.text, latest.value, latest.on.date
                ),
            )
            .with_label(format!(
                "the target is {} {}{unit}",
                target.direction, target.value
            ))
            .with_secondary(target.span, "target set here")
            .with_help(
                "record what is being done about it with `action \"…\"`, or a nonconformity",
            ),
        );
    }
}
