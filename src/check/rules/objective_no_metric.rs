//! objective/no-metric: an objective that no metric measures (clause 6.2 b and 9.1:
//! objectives are measurable, and their progress is monitored).

use crate::check::Context;
use crate::diagnostics::{Code, Diagnostic, Sink};

pub fn check(cx: &Context<'_>, sink: &mut Sink) {
    let m = cx.model;
    for o in &m.objectives {
        let measured = m
            .metrics
            .iter()
            .any(|x| x.objectives.iter().any(|r| r.name == o.id.text));
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
