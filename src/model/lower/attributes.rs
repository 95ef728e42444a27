//! Attributes on declarations: `@allow(code, reason = "…", until = DATE)`.

use super::read;
use crate::diagnostics::{closest_suggestion, Code, Diagnostic, Fix, Sink};
use crate::model::items::Allow;
use crate::syntax::{Attribute, Decl, ValueKind};

/// Codes that no suppression may silence: a syntax error hides part of the file, and a
/// suppression cannot vouch for itself.
fn unsuppressible(code: Code) -> bool {
    matches!(
        code,
        Code::SyntaxError
            | Code::SuppressionMissingReason
            | Code::SuppressionExpired
            | Code::SuppressionUnused
    )
}

pub fn lower(decl: &Decl, allows: &mut Vec<Allow>, sink: &mut Sink) {
    for attribute in &decl.attributes {
        if attribute.name.text != "allow" {
            sink.push(
                Diagnostic::new(
                    Code::SyntaxError,
                    attribute.name.span,
                    format!("unknown attribute `@{}`", attribute.name.text),
                )
                .with_label("not an attribute")
                .with_help(
                    "the only attribute is `@allow(code, reason = \"…\", until = YYYY-MM-DD)`",
                ),
            );
            continue;
        }
        if let Some(allow) = allow(attribute, decl, sink) {
            allows.push(allow);
        }
    }
}

fn allow(attribute: &Attribute, decl: &Decl, sink: &mut Sink) -> Option<Allow> {
    let mut code = None;
    let mut code_given = false;
    let mut reason = None;
    let mut until = None;
    for arg in &attribute.args {
        match arg.key.as_ref().map(|k| k.text.as_str()) {
            None if !code_given => {
                code_given = true;
                code = allowed_code(&arg.value, sink);
            }
            Some("reason") => reason = read::value_string(sink, &arg.value, "reason"),
            Some("until") => until = read::value_date(sink, &arg.value, "until"),
            _ => {
                let span = arg.key.as_ref().map_or(arg.value.span, |k| k.span);
                sink.push(
                    Diagnostic::new(Code::ValueInvalid, span, "unexpected argument to `@allow`")
                        .with_label("not an argument of `@allow`")
                        .with_help("write `@allow(code, reason = \"…\", until = YYYY-MM-DD)`"),
                );
            }
        }
    }
    if !code_given {
        sink.push(
            Diagnostic::new(
                Code::ValueInvalid,
                attribute.span,
                "`@allow` names no diagnostic code",
            )
            .with_label("which rule is allowed here?")
            .with_help("write `@allow(risk/no-assets, reason = \"…\")`"),
        );
        return None;
    }
    let name = decl
        .args
        .first()
        .and_then(|a| a.single())
        .and_then(|v| match &v.kind {
            ValueKind::Word(w) => Some(format!("{} `{w}`", decl.keyword.text)),
            _ => None,
        })
        .unwrap_or_else(|| decl.keyword.text.clone());
    Some(Allow {
        code,
        reason,
        until,
        span: attribute.span,
        scope: decl.span,
        declaration: name,
    })
}

fn allowed_code(value: &crate::syntax::Value, sink: &mut Sink) -> Option<Code> {
    let ValueKind::Word(text) = &value.kind else {
        sink.push(
            Diagnostic::new(Code::ValueInvalid, value.span, "expected a diagnostic code")
                .with_label("such as `risk/no-assets`"),
        );
        return None;
    };
    let Some(code) = Code::parse(text) else {
        let mut d = Diagnostic::new(
            Code::ValueInvalid,
            value.span,
            format!("`{text}` is not a diagnostic code"),
        )
        .with_label("unknown code");
        d = match closest_suggestion(text, Code::ALL.iter().map(|c| c.as_str())) {
            Some(best) => d
                .with_help(format!("did you mean `{}`?", best.name))
                .with_fix(Fix::did_you_mean(value.span, best.name, best.unique)),
            None => d.with_help("`isms explain` lists all codes"),
        };
        sink.push(d);
        return None;
    };
    if unsuppressible(code) {
        sink.push(
            Diagnostic::new(
                Code::ValueInvalid,
                value.span,
                format!("`{code}` cannot be suppressed"),
            )
            .with_label("fix this instead"),
        );
        return None;
    }
    Some(code)
}
