//! nonconformity/missing-root-cause: a closed nonconformity without `root_cause`
//! (clause 10.2 b: determine the causes of the nonconformity).

use crate::check::Context;
use crate::diagnostics::{Code, Diagnostic, Sink};
use crate::model::NcStatus;
use crate::model::Nonconformity;

pub fn check(cx: &Context<'_>, sink: &mut Sink) {
    for nc in &cx.model.nonconformities {
        let Some((NcStatus::Closed, status)) = nc.status else {
            continue;
        };
        if !nc.common.lacks(&Nonconformity::ROOT_CAUSE) {
            continue;
        }
        sink.push(
            Diagnostic::new(
                Code::NonconformityMissingRootCause,
                nc.id.span,
                format!(
                    "nonconformity `{}` is closed without a root cause",
                    nc.id.text
                ),
            )
            .with_label("no `root_cause`")
            .with_secondary(status, "closed here")
            .with_help("add `root_cause \"…\"`: why it happened, so the action removes the cause"),
        );
    }
}
