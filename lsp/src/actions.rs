//! Code actions: quick fixes for the diagnostics under the cursor.
//!
//! - "did you mean `x`?" in a diagnostic's help → replace its range with `x`;
//! - `soa/unaddressed` → add `exclude … because "TODO: reason"` for each open control;
//! - `*/missing-owner` → add `owner <role or person>` to the declaration.

use std::collections::HashMap;

use isms::check::Context;
use isms::diagnostics::{Code, Diagnostic};
use isms::model::Kind;
use isms::source::{FileId, Span};
use isms::syntax::Decl;
use tower_lsp_server::ls_types::{
    CodeAction, CodeActionKind, CodeActionOrCommand, TextEdit, Uri, WorkspaceEdit,
};

use crate::analysis::Analysis;

/// How many owners "add owner" offers at most.
const MAX_OWNERS: usize = 8;

/// The fixes for the diagnostics of `file` that touch byte range `from..=to`.
pub fn code_actions(
    a: &Analysis,
    file: FileId,
    from: usize,
    to: usize,
) -> Vec<CodeActionOrCommand> {
    let mut out = Vec::new();
    let here = a
        .compilation
        .diagnostics
        .iter()
        .filter(|d| d.span.file == file && d.span.start() <= to && from <= d.span.end());
    for d in here {
        if let Some(action) = did_you_mean(a, d) {
            out.push(action);
        }
        match d.code {
            Code::SoaUnaddressed => out.extend(add_exclusions(a, d)),
            Code::RiskMissingOwner
            | Code::AssetMissingOwner
            | Code::ControlMissingOwner
            | Code::PolicyMissingOwner => out.extend(add_owner(a, d)),
            _ => {}
        }
    }
    out.into_iter()
        .map(CodeActionOrCommand::CodeAction)
        .collect()
}

/// The suggestion of a help that reads "did you mean `x`?".
pub fn suggestion(help: &str) -> Option<&str> {
    let rest = help.strip_prefix("did you mean `")?;
    let end = rest.find("`?")?;
    Some(&rest[..end])
}

fn did_you_mean(a: &Analysis, d: &Diagnostic) -> Option<CodeAction> {
    let new = suggestion(d.help.as_deref()?)?;
    let edit = edit(a, d.span, new)?;
    Some(fix(a, d, format!("Replace with `{new}`"), edit, true))
}

fn add_exclusions(a: &Analysis, d: &Diagnostic) -> Option<CodeAction> {
    let m = &a.compilation.model;
    let used = m.uses.iter().find(|u| u.span == d.span)?;
    let catalog = m.used_catalogs.iter().copied().find(|&c| {
        m.catalogs
            .get(c)
            .is_some_and(|x| x.id.text == used.framework.text)
    })?;
    let cx = Context::new(m, &a.compilation.trace, a.compilation.today);
    let open: Vec<&str> = m
        .slots
        .iter()
        .enumerate()
        .filter(|(_, s)| s.entry.is_some_and(|(c, _)| c == catalog))
        .filter(|(i, s)| !cx.is_applicable(*i) && m.exclusion_of(&s.id).is_none())
        .map(|(_, s)| s.id.as_str())
        .collect();
    if open.is_empty() {
        return None;
    }
    // Beside the project's last exclusion (an `soa-exclusions.isms`), else below `use`.
    let anchor = m
        .exclusions
        .iter()
        .map(|e| e.span)
        .filter(|s| a.in_project(*s))
        .max_by_key(|s| (s.file, s.end()))
        .unwrap_or(used.span);
    let at = line_end(a, anchor.file, anchor.end());
    let lines: String = open
        .iter()
        .map(|id| format!("\nexclude {id} because \"TODO: reason\""))
        .collect();
    let edit = edit(a, Span::new(anchor.file, at, at), &lines)?;
    let count = if open.len() == 1 {
        "1 exclusion".to_string()
    } else {
        format!("{} exclusions", open.len())
    };
    Some(fix(
        a,
        d,
        format!("Add {count} with a reason to fill in"),
        edit,
        false,
    ))
}

fn add_owner(a: &Analysis, d: &Diagnostic) -> Vec<CodeAction> {
    let Some(decl) = decl_named_at(a, d.span) else {
        return Vec::new();
    };
    let m = &a.compilation.model;
    // Roles first: they survive staff changes.
    let mut roles: Vec<&str> = m.index.names(Kind::Role).collect();
    roles.sort_unstable();
    let mut persons: Vec<&str> = m.index.names(Kind::Person).collect();
    persons.sort_unstable();
    let text = a.text(d.span.file);
    let indent = field_indent(a, decl);
    roles
        .into_iter()
        .chain(persons)
        .take(MAX_OWNERS)
        .filter_map(|owner| {
            let (at, insert) = match &decl.block {
                Some(b) => {
                    let one_line = text
                        .get(b.open.end()..b.span.end())
                        .is_some_and(|rest| !rest.contains(['\n', '\r']));
                    let insert = if one_line {
                        format!("\n{indent}owner {owner}\n{indent}")
                    } else {
                        format!("\n{indent}owner {owner}")
                    };
                    (b.open.end(), insert)
                }
                None => {
                    let header_end = decl
                        .args
                        .last()
                        .map_or(decl.keyword.span.end(), |x| x.span.end());
                    let close = indent.get(2..).unwrap_or("");
                    (header_end, format!(" {{\n{indent}owner {owner}\n{close}}}"))
                }
            };
            let edit = edit(a, Span::new(d.span.file, at, at), &insert)?;
            Some(fix(a, d, format!("Add `owner {owner}`"), edit, false))
        })
        .collect()
}

/// The top-level declaration whose name stands at `span`.
fn decl_named_at(a: &Analysis, span: Span) -> Option<&Decl> {
    let ast = a.compilation.asts.get(span.file.0 as usize)?;
    ast.decls.iter().find(|d| {
        d.args
            .first()
            .and_then(|x| x.values.first())
            .is_some_and(|v| v.span == span)
    })
}

/// The indentation of the declaration's fields: as its first field on its own line, or
/// two spaces more than the declaration.
fn field_indent(a: &Analysis, decl: &Decl) -> String {
    let text = a.text(decl.span.file);
    let indent_of = |offset: usize| {
        let start = text
            .get(..offset)
            .and_then(|t| t.rfind(['\n', '\r']))
            .map_or(0, |i| i + 1);
        text.get(start..offset)
            .filter(|s| s.chars().all(|c| c == ' ' || c == '\t'))
            .map(str::to_string)
    };
    let first_field = decl.block.as_ref().and_then(|b| b.fields.first());
    if let Some(indent) = first_field.and_then(|f| indent_of(f.span.start())) {
        return indent;
    }
    format!(
        "{}  ",
        indent_of(decl.keyword.span.start()).unwrap_or_default()
    )
}

fn line_end(a: &Analysis, file: FileId, offset: usize) -> usize {
    let text = a.text(file);
    text.get(offset..)
        .and_then(|rest| rest.find(['\n', '\r']))
        .map_or(text.len(), |i| offset + i)
}

fn edit(a: &Analysis, span: Span, new: &str) -> Option<(Uri, TextEdit)> {
    let location = a.location(span)?;
    Some((location.uri, TextEdit::new(location.range, new.to_string())))
}

fn fix(
    a: &Analysis,
    d: &Diagnostic,
    title: String,
    (uri, edit): (Uri, TextEdit),
    preferred: bool,
) -> CodeAction {
    CodeAction {
        title,
        kind: Some(CodeActionKind::QUICKFIX),
        diagnostics: crate::diagnostics::convert(a, d).map(|x| vec![x]),
        edit: Some(WorkspaceEdit::new(HashMap::from([(uri, vec![edit])]))),
        command: None,
        is_preferred: preferred.then_some(true),
        disabled: None,
        data: None,
    }
}

#[cfg(test)]
mod tests {
    use super::suggestion;

    #[test]
    fn suggestions_are_read_from_the_help() {
        assert_eq!(
            suggestion("did you mean `implemented`?"),
            Some("implemented")
        );
        assert_eq!(suggestion("did you mean `A.5.37`?"), Some("A.5.37"));
        assert_eq!(suggestion("add `owner <person or role>`"), None);
    }
}
