//! risk/residual-exceeds-inherent: treatment cannot make a risk more likely or worse.

use crate::check::Context;
use crate::diagnostics::{Code, Diagnostic, Sink};

pub fn check(cx: &Context<'_>, sink: &mut Sink) {
    for risk in &cx.model.risks {
        let Some(residual) = risk.treatment.as_ref().and_then(|t| t.residual.as_ref()) else {
            continue;
        };
        let pairs = [
            ("likelihood", risk.likelihood, residual.likelihood),
            ("impact", risk.impact, residual.impact),
        ];
        let exceeding: Vec<_> = pairs
            .iter()
            .filter_map(|(name, inherent, res)| {
                let inherent = (*inherent)?;
                (res.value > inherent.value).then_some((*name, inherent, *res))
            })
            .collect();
        let Some((name, inherent, res)) = exceeding.first().copied() else {
            continue;
        };
        let mut d = Diagnostic::new(
            Code::RiskResidualExceedsInherent,
            res.span,
            format!(
                "residual {name} {} of risk `{}` is above its inherent {name} {}",
                res.value, risk.id.text, inherent.value
            ),
        )
        .with_label("higher than before treatment")
        .with_secondary(inherent.span, format!("inherent {name}"))
        .with_help("a treatment lowers a risk or leaves it: lower the residual value or revisit the assessment");
        if let Some((other, inh, r)) = exceeding.get(1) {
            d = d.with_secondary(
                r.span,
                format!("residual {other} is also above {}", inh.value),
            );
        }
        sink.push(d);
    }
}
