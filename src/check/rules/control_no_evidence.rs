//! control/no-evidence: an `implemented` control should point at its evidence — the
//! first thing an auditor asks for.

use crate::check::Context;
use crate::diagnostics::{Code, Diagnostic, Sink};
use crate::model::Control;
use crate::model::Status;

pub fn check(cx: &Context<'_>, sink: &mut Sink) {
    for c in &cx.model.controls {
        if c.status != Some(Status::Implemented) {
            continue;
        }
        if c.common.lacks(&Control::EVIDENCE) {
            sink.push(
                Diagnostic::new(
                    Code::ControlNoEvidence,
                    c.id.span,
                    format!(
                        "control `{}` is implemented but names no evidence",
                        c.id.text
                    ),
                )
                .with_label("implemented, but no `evidence`")
                .with_help("add `evidence \"…\"` naming the record an auditor can inspect"),
            );
        }
    }
}
