//! asset, risk and its treatment.

use super::fields::{by_rule, optional, required, Fields, Spec};
use super::{common, describe, header_name, no_extra_args, read, NameForm};
use crate::diagnostics::{Code, Diagnostic, Sink};
use crate::model::items::*;
use crate::model::values::*;
use crate::model::Model;
use crate::syntax::{Decl, Field, ValueKind};

const ASSET: &[Spec] = &[
    required(
        "kind",
        "kind information|software|hardware|service|people|site",
    ),
    by_rule("owner"),
    optional("classification"),
    optional("depends_on"),
    optional("location"),
    optional("description"),
];

pub fn asset(decl: &Decl, model: &mut Model, sink: &mut Sink) {
    let Some(id) = header_name(sink, decl, NameForm::Plain) else {
        return;
    };
    let name = read::title(sink, &decl.args, 1, "asset");
    no_extra_args(sink, decl, 2);
    let what = describe("asset", Some(&id));
    let f = Fields::read(sink, decl.block.as_ref(), ASSET, &what, id.span);
    let kind = f
        .get("kind")
        .and_then(|x| read::keyword::<AssetKind>(sink, x))
        .map(|(k, _)| k);
    let owner = f
        .get("owner")
        .and_then(|x| read::reference(sink, x, "a person or a role"));
    // A classification is the organisation's own scheme: a bare word or a string.
    let classification = f.get("classification").and_then(|x| {
        let v = read::single(sink, x, "a classification", "confidential")?;
        match &v.kind {
            ValueKind::Word(w) | ValueKind::Str(w) => Some(w.clone()),
            _ => read::value_string(sink, v, "classification"),
        }
    });
    let depends_on = f
        .get("depends_on")
        .map(|x| read::references(sink, x, "an asset"))
        .unwrap_or_default();
    let location = f.get("location").and_then(|x| read::string(sink, x));
    let description = f.get("description").and_then(|x| read::string(sink, x));
    model.assets.push(Asset {
        id,
        name,
        kind,
        owner,
        classification,
        depends_on,
        location,
        description,
        common: common(decl, f.present),
    });
}

const RISK: &[Spec] = &[
    by_rule("owner"),
    required("likelihood", "likelihood <1..N>"),
    required("impact", "impact <1..N>"),
    by_rule("treatment"),
    optional("assets"),
    optional("threat"),
    optional("vulnerability"),
    optional("reviewed"),
    optional("description"),
];

pub fn risk(decl: &Decl, model: &mut Model, sink: &mut Sink) {
    let Some(id) = header_name(sink, decl, NameForm::Plain) else {
        return;
    };
    let title = read::title(sink, &decl.args, 1, "risk");
    no_extra_args(sink, decl, 2);
    let what = describe("risk", Some(&id));
    let f = Fields::read(sink, decl.block.as_ref(), RISK, &what, id.span);
    let assets = f
        .get("assets")
        .map(|x| read::references(sink, x, "an asset"))
        .unwrap_or_default();
    let threat = f.get("threat").and_then(|x| read::string(sink, x));
    let vulnerability = f.get("vulnerability").and_then(|x| read::string(sink, x));
    let likelihood = f.get("likelihood").and_then(|x| read::int(sink, x, "3"));
    let impact = f.get("impact").and_then(|x| read::int(sink, x, "3"));
    let owner = f
        .get("owner")
        .and_then(|x| read::reference(sink, x, "a person or a role"));
    let reviewed = f.get("reviewed").and_then(|x| read::date(sink, x));
    let description = f.get("description").and_then(|x| read::string(sink, x));
    let treatment = f.get("treatment").and_then(|x| treatment(sink, x, &what));
    model.risks.push(Risk {
        id,
        title,
        assets,
        threat,
        vulnerability,
        likelihood,
        impact,
        owner,
        reviewed,
        description,
        treatment,
        common: common(decl, f.present),
    });
}

const MITIGATE: &[Spec] = &[
    by_rule("controls"),
    optional("residual"),
    optional("due"),
    optional("accepted_by"),
];
const ACCEPT: &[Spec] = &[
    required("rationale", "rationale \"why the risk is acceptable\""),
    optional("accepted_by"),
];
const TRANSFER: &[Spec] = &[
    required("to", "to \"insurer, contract or supplier\""),
    optional("controls"),
    optional("residual"),
    optional("accepted_by"),
    optional("due"),
];
const AVOID: &[Spec] = &[
    required("rationale", "rationale \"how the activity is stopped\""),
    optional("due"),
];

fn treatment(sink: &mut Sink, field: &Field, risk: &str) -> Option<Treatment> {
    let value = read::single(sink, field, "a treatment", "mitigate { … }")?;
    let (kind, kind_span) = read::value_keyword::<TreatmentKind>(sink, value, "treatment")?;
    let schema = match kind {
        TreatmentKind::Mitigate => MITIGATE,
        TreatmentKind::Accept => ACCEPT,
        TreatmentKind::Transfer => TRANSFER,
        TreatmentKind::Avoid => AVOID,
    };
    let what = format!("the `{kind}` treatment of {risk}");
    let f = Fields::read(sink, field.block.as_ref(), schema, &what, kind_span);
    let controls = f
        .get("controls")
        .map(|x| read::references(sink, x, "a control"))
        .unwrap_or_default();
    let residual = f.get("residual").and_then(|x| residual(sink, x));
    let due = f.get("due").and_then(|x| read::date(sink, x));
    let accepted = f.get("accepted_by").and_then(|x| read::signoff(sink, x));
    let rationale = f.get("rationale").and_then(|x| read::string(sink, x));
    let to = f.get("to").and_then(|x| read::string(sink, x));
    Some(Treatment {
        kind,
        kind_span,
        controls,
        residual,
        due,
        accepted,
        rationale,
        to,
        common: crate::model::items::Common {
            span: field.span,
            doc: None,
            present: f.present,
            incomplete: f.incomplete,
            header_broken: field.broken,
        },
    })
}

/// `residual likelihood N impact N`
fn residual(sink: &mut Sink, field: &Field) -> Option<Residual> {
    let values: Vec<_> = field.args.iter().flat_map(|a| a.values.iter()).collect();
    if let [l, lv, i, iv] = values.as_slice() {
        let words = (&l.kind, &i.kind);
        if let (ValueKind::Word(l), ValueKind::Word(i)) = words {
            if l == "likelihood" && i == "impact" {
                let likelihood = read::value_int(sink, lv, "residual likelihood");
                let impact = read::value_int(sink, iv, "residual impact");
                return Some(Residual {
                    likelihood: likelihood?,
                    impact: impact?,
                    span: field.span,
                });
            }
        }
    }
    sink.push(
        Diagnostic::new(
            Code::ValueInvalid,
            field.args.first().map_or(field.name.span, |a| a.span),
            "`residual` takes a likelihood and an impact",
        )
        .with_label("expected `residual likelihood N impact N`")
        .with_help("write `residual likelihood 1 impact 3`"),
    );
    None
}
