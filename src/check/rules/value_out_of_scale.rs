//! value/out-of-scale: a likelihood or impact outside the methodology's scale.

use crate::check::Context;
use crate::diagnostics::{Code, Diagnostic, Sink};
use crate::model::{Methodology, Rated};

pub fn check(cx: &Context<'_>, sink: &mut Sink) {
    let Some(m) = cx.model.methodology() else {
        return;
    };
    for risk in &cx.model.risks {
        let residual = risk.treatment.as_ref().and_then(|t| t.residual.as_ref());
        let values = [
            (false, risk.likelihood),
            (true, risk.impact),
            (false, residual.map(|r| r.likelihood)),
            (true, residual.map(|r| r.impact)),
        ];
        for (impact, value) in values {
            if let Some(v) = value {
                check_value(m, impact, v, sink);
            }
        }
    }
}

fn check_value(m: &Methodology, impact: bool, v: Rated, sink: &mut Sink) {
    let (name, scale) = if impact {
        ("impact", &m.impact)
    } else {
        ("likelihood", &m.likelihood)
    };
    let Some(scale) = scale else {
        return;
    };
    if scale.entries.is_empty() || m.in_scale(impact, v.value) {
        return;
    }
    let max = scale.max();
    sink.push(
        Diagnostic::new(
            Code::ValueOutOfScale,
            v.span,
            format!(
                "{name} {} is outside the methodology's scale 1..{max}",
                v.value
            ),
        )
        .with_label(format!("not a {name} value"))
        .with_help(format!(
            "use a value from 1 to {max}, as defined in the methodology"
        )),
    );
}
