//! document/unknown: a `document` declaration that names no document `isms build` writes
//! (`document sao`), so its control would silently apply to nothing.

use crate::check::Context;
use crate::diagnostics::{closest_suggestion, Code, Diagnostic, Fix, Sink};
use crate::model::{known_document, DOCUMENTS};

pub fn check(cx: &Context<'_>, sink: &mut Sink) {
    for d in &cx.model.documents {
        let name = d.id.text.as_str();
        if known_document(name).is_some() {
            continue;
        }
        let mut diagnostic = Diagnostic::new(
            Code::DocumentUnknown,
            d.id.span,
            format!("`{name}` is not a document `isms build` writes"),
        );
        diagnostic = match closest_suggestion(name, DOCUMENTS.iter().map(|k| k.stem)) {
            Some(best) => diagnostic
                .with_label(format!("did you mean `{}`?", best.name))
                .with_fix(Fix::did_you_mean(d.id.span, best.name, best.unique)),
            None => diagnostic.with_label("no such document"),
        }
        .with_help(format!(
            "name one of {}; a policy keeps its document control in its own fields",
            DOCUMENTS
                .iter()
                .map(|k| format!("`{}`", k.stem))
                .collect::<Vec<_>>()
                .join(", ")
        ));
        sink.push(diagnostic);
    }
}
