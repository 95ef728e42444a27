//! control/overdue: a control's `due` date has passed and it is not `implemented`
//! (clauses 6.1.3 e, 8.3). `model::overdue` decides, as for every document.

use crate::check::Context;
use crate::diagnostics::{Code, Diagnostic, Sink};
use crate::model::overdue::control_overdue;
use crate::model::Keyword as _;

pub fn check(cx: &Context<'_>, sink: &mut Sink) {
    for c in &cx.model.controls {
        let Some(due) = c.due.filter(|_| control_overdue(c, cx.today)) else {
            continue;
        };
        let label = match c.status {
            Some(s) => format!("due date passed; the control is `{}`", s.as_str()),
            None => "due date passed; the control has no status".to_string(),
        };
        sink.push(
            Diagnostic::new(
                Code::ControlOverdue,
                due.span,
                format!(
                    "control `{}` was due on {}, but it is not implemented",
                    c.id.text, due.date
                ),
            )
            .with_label(label)
            .with_help("implement the control and set `status implemented`, or agree a new `due` date with its owner"),
        );
    }
}
