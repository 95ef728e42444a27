//! nonconformity/unverified: a closed nonconformity whose corrective action was not
//! checked for effectiveness (clause 10.2 d).

use crate::check::Context;
use crate::diagnostics::{Code, Diagnostic, Sink};
use crate::model::NcStatus;
use crate::model::Nonconformity;

pub fn check(cx: &Context<'_>, sink: &mut Sink) {
    for nc in &cx.model.nonconformities {
        let Some((NcStatus::Closed, status)) = nc.status else {
            continue;
        };
        if !nc.common.lacks(&Nonconformity::VERIFIED) {
            continue;
        }
        sink.push(
            Diagnostic::new(
                Code::NonconformityUnverified,
                nc.id.span,
                format!(
                    "nonconformity `{}` is closed without a check that its corrective action worked",
                    nc.id.text
                ),
            )
            .with_label("no `verified`")
            .with_secondary(status, "closed here")
            .with_help("add `verified \"how and when effectiveness was confirmed\"`"),
        );
    }
}
