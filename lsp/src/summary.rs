//! The hover summary of any declaration, read from its syntax tree and its kind's
//! definition: `keyword **name** — title`, what the kind declares, and each field of the
//! kind's schema that is written, in schema order. Kinds with a richer description
//! (risks, controls, …) have their own in `hover.rs`; this one covers every kind.

use isms::model::{DeclKind, Kind};
use isms::source::FileId;
use isms::syntax::{Arg, Decl, Field, ValueKind};

use crate::analysis::Analysis;

/// The summary of the declaration `name` of the namespace `kind`.
pub fn of_name(a: &Analysis, kind: Kind, name: &str) -> Option<String> {
    let m = &a.compilation.model;
    let position = m.index.get(kind, name)?;
    let span = m.declared_name(kind.decl(), position)?.span;
    let ast = a.compilation.asts.get(span.file.0 as usize)?;
    let decl = ast
        .decls
        .iter()
        .find(|d| d.span.start() <= span.start() && span.end() <= d.span.end())?;
    Some(of_decl(a, span.file, decl))
}

/// The summary of one declaration of `file`.
pub fn of_decl(a: &Analysis, file: FileId, decl: &Decl) -> String {
    let keyword = decl.keyword.text.as_str();
    let name = decl
        .args
        .first()
        .and_then(Arg::single)
        .and_then(|v| match &v.kind {
            ValueKind::Word(w) => Some(w.as_str()),
            _ => None,
        });
    let title = decl
        .args
        .get(1)
        .and_then(Arg::single)
        .and_then(|v| match &v.kind {
            ValueKind::Str(t) => Some(t.as_str()),
            _ => None,
        });
    let mut out = vec![match (name, title) {
        (Some(n), Some(t)) => format!("{keyword} **{n}** — {t}"),
        (Some(n), None) => format!("{keyword} **{n}**"),
        (None, _) => format!("**{keyword}**"),
    }];
    let Some(kind) = DeclKind::from_keyword(keyword) else {
        return out.join("\n\n");
    };
    let info = kind.info();
    out.push(format!("_{}_", info.doc));
    let fields: Vec<&Field> = decl.block.iter().flat_map(|b| &b.fields).collect();
    let facts: Vec<String> = info
        .fields
        .iter()
        .flat_map(|spec| fields.iter().filter(move |f| f.name.text == spec.name))
        .map(|f| fact(a, file, f))
        .collect();
    if !facts.is_empty() {
        out.push(facts.join("\n"));
    }
    if let Some(doc) = decl.doc.as_deref().filter(|d| !d.trim().is_empty()) {
        out.push(doc.to_string());
    }
    out.join("\n\n")
}

/// `- owner: \`ciso\`` for a written field; names in backticks, texts cut to one line.
fn fact(a: &Analysis, file: FileId, field: &Field) -> String {
    let text = a.text(file);
    let values: Vec<String> = field
        .args
        .iter()
        .map(|arg| {
            arg.values
                .iter()
                .map(|v| match &v.kind {
                    ValueKind::Word(w) => format!("`{w}`"),
                    ValueKind::Str(s) | ValueKind::Text(s) => one_line(s),
                    ValueKind::Int(_)
                    | ValueKind::Decimal(_)
                    | ValueKind::Date(_)
                    | ValueKind::Range(_, _) => text
                        .get(v.span.start()..v.span.end())
                        .unwrap_or("")
                        .to_string(),
                })
                .collect::<Vec<_>>()
                .join(", ")
        })
        .collect();
    let mut line = format!("- {}: {}", field.name.text, values.join(" "));
    if field.block.is_some() {
        line.push_str(" { … }");
    }
    line
}

/// The first line of a text, cut at 80 characters.
fn one_line(s: &str) -> String {
    let first = s.lines().next().unwrap_or("");
    let mut cut: String = first.chars().take(80).collect();
    if cut.len() < s.trim_end().len() {
        cut.push('…');
    }
    cut
}

#[cfg(test)]
mod tests {
    use std::str::FromStr;

    use chrono::NaiveDate;
    use tower_lsp_server::ls_types::Uri;

    use super::*;
    use crate::analysis::SourceInput;

    fn analysis(text: &str) -> Analysis {
        let input = SourceInput {
            uri: Uri::from_str("file:///w/a.isms").unwrap(),
            name: "a.isms".to_string(),
            text: text.to_string(),
        };
        Analysis::new(vec![input], NaiveDate::from_ymd_opt(2026, 11, 23).unwrap())
    }

    #[test]
    fn a_name_is_summarised_from_its_declaration() {
        let a = analysis(
            "role ciso \"CISO\"\n/// Why it matters.\nobjective obj \"MFA\" {\n  description \"\"\"\n    Long\n    text\n    \"\"\"\n  owner ciso\n  due 2027-01-31\n}\n",
        );
        let text = of_name(&a, Kind::Objective, "obj").unwrap();
        let parts: Vec<&str> = text.split("\n\n").collect();
        assert_eq!(parts[0], "objective **obj** — MFA");
        assert_eq!(parts[1], format!("_{}_", DeclKind::Objective.info().doc));
        // Schema order, not source order; a text shows its first line.
        assert_eq!(
            parts[2],
            "- owner: `ciso`\n- due: 2027-01-31\n- description: Long…"
        );
        assert_eq!(parts[3], "Why it matters.");
        assert!(of_name(&a, Kind::Objective, "nothing").is_none());
        assert!(of_name(&a, Kind::Metric, "obj").is_none());
    }
}
