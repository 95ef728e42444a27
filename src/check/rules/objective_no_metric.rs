//! objective/no-metric: an objective that no metric measures (clause 6.2 b and 9.1:
//! objectives are measurable, and their progress is monitored).

use crate::check::Context;
use crate::diagnostics::{Code, Diagnostic, Sink};

pub fn check(cx: &Context<'_>, sink: &mut Sink) {
    let m = cx.model;
    let names = &m.resolution;
    for o in &m.objectives {
        // What the objective's name stands for: a duplicate's is the first declaration,
        // which the metrics name. A metric's `objectives` is the one field naming objectives.
        let own = names.of_span(o.id.span).and_then(|x| x.target());
        let measured = own.is_some_and(|t| names.is_named_in(t, "objectives"));
        if measured {
            continue;
        }
        sink.push(
            Diagnostic::new(
                Code::ObjectiveNoMetric,
                o.id.span,
                format!("no metric measures objective `{}`", o.id.text),
            )
            .with_label("not measured")
            .with_help(format!(
                "add a `metric <id> \"Title\" {{ objectives {} … }}` with its target and measurements",
                o.id.text
            )),
        );
    }
}
