//! training/overdue: a training programme whose last completed round is older than its
//! frequency, or that was never completed (clause 7.2, 7.3 and control 6.3).

use crate::check::Context;
use crate::diagnostics::{Code, Diagnostic, Sink};
use crate::model::overdue::passed;
use crate::model::Training;

pub fn check(cx: &Context<'_>, sink: &mut Sink) {
    for t in &cx.model.trainings {
        let Some(frequency) = t.frequency else {
            continue;
        };
        let Some(completed) = t.completed else {
            if t.common.lacks(&Training::COMPLETED) {
                sink.push(
                    Diagnostic::new(
                        Code::TrainingOverdue,
                        t.id.span,
                        format!("training `{}` has never been completed", t.id.text),
                    )
                    .with_label("no `completed` date")
                    .with_secondary(frequency.span, "due at this frequency")
                    .with_help("deliver the training, then record `completed YYYY-MM-DD`"),
                );
            }
            continue;
        };
        let Some(due) = t.next_due() else {
            continue;
        };
        if !passed(due, cx.today) {
            continue;
        }
        sink.push(
            Diagnostic::new(
                Code::TrainingOverdue,
                completed.span,
                format!("training `{}` was due again on {due}", t.id.text),
            )
            .with_label(format!("completed more than {} ago", frequency.period))
            .with_secondary(frequency.span, "frequency set here")
            .with_help("run the next round, then update `completed` and `completion`"),
        );
    }
}
