//! review/inputs-missing: a management review that does not cover every input clause
//! 9.3.2 a–g requires.

use crate::check::Context;
use crate::diagnostics::{Code, Diagnostic, Sink};
use crate::model::{Keyword, ReviewInput};

pub fn check(cx: &Context<'_>, sink: &mut Sink) {
    for review in &cx.model.reviews {
        // What an unparsed block covered is unknown: its syntax error is the one message.
        if review.common.incomplete {
            continue;
        }
        let field = review.inputs_span.unwrap_or(review.id.span);
        let missing: Vec<ReviewInput> = review
            .input_coverage()
            .into_iter()
            .filter(|(_, covered)| !covered)
            .map(|(i, _)| i)
            .collect();
        if missing.is_empty() {
            continue;
        }
        let described: Vec<String> = missing
            .iter()
            .map(|i| format!("{}) `{}`", i.clause().0, i.as_str()))
            .collect();
        sink.push(
            Diagnostic::new(
                Code::ReviewInputsMissing,
                field,
                format!(
                    "management review `{}` does not cover {}",
                    review.id.text,
                    described.join(", ")
                ),
            )
            .with_label(format!(
                "{} of 7 inputs of clause 9.3.2 covered",
                7 - missing.len()
            ))
            .with_help(format!(
                "consider {} at the review, then list {} in `inputs`",
                missing
                    .iter()
                    .map(|i| i.clause().1)
                    .collect::<Vec<_>>()
                    .join("; "),
                if missing.len() == 1 { "it" } else { "them" }
            )),
        );
    }
}
