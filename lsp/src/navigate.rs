//! Go to definition, find references and rename: all start from the name under the
//! cursor and the table of every occurrence of it.

use std::collections::HashMap;

use isms::model::Kind;
use isms::source::FileId;
use tower_lsp_server::ls_types::{Location, Range, TextEdit, Uri, WorkspaceEdit};

use crate::analysis::Analysis;
use crate::names::{Occurrence, Target};

/// The declarations of the name at `offset`. Controls of the shipped catalogs have no
/// file to point at: without a `control` declaration in the project there is nothing.
pub fn definition(a: &Analysis, file: FileId, offset: usize) -> Vec<Location> {
    let Some(at) = a.target_at(file, offset) else {
        return Vec::new();
    };
    a.names()
        .of(&at.target)
        .filter(|o| o.is_def)
        .filter_map(|o| a.location(o.span))
        .collect()
}

pub fn references(
    a: &Analysis,
    file: FileId,
    offset: usize,
    include_declaration: bool,
) -> Vec<Location> {
    let Some(at) = a.target_at(file, offset) else {
        return Vec::new();
    };
    let defs: Vec<_> = a
        .names()
        .of(&at.target)
        .filter(|o| o.is_def)
        .map(|o| o.span)
        .collect();
    crate::refs::occurrences(a, &at.target)
        .into_iter()
        .filter(|span| include_declaration || !defs.contains(span))
        .filter_map(|span| a.location(span))
        .collect()
}

/// Where a rename would apply and what it would rename, or why it cannot.
pub fn prepare_rename(
    a: &Analysis,
    file: FileId,
    offset: usize,
) -> Result<(Range, Target), String> {
    let at: Occurrence = a
        .target_at(file, offset)
        .ok_or("there is no declared name here to rename")?;
    if !at.resolved {
        return Err(format!(
            "`{}` is not declared in the project: nothing to rename",
            at.target.name
        ));
    }
    if at.target.kind == Kind::Control {
        if let Some(slot) = a.compilation.model.slot(&at.target.name) {
            if !slot.is_custom() {
                return Err(format!(
                    "`{}` is a control of a catalog: its ID is fixed by the framework",
                    at.target.name
                ));
            }
        }
    }
    let range = a.range(at.span).ok_or("the name is outside the project")?;
    Ok((range, at.target))
}

pub fn rename(
    a: &Analysis,
    file: FileId,
    offset: usize,
    new_name: &str,
) -> Result<WorkspaceEdit, String> {
    let (_, target) = prepare_rename(a, file, offset)?;
    validate_name(target.kind, new_name)?;
    if new_name != target.name && declared(a, target.kind, new_name) {
        return Err(format!(
            "{} `{new_name}` already exists",
            target.kind.noun()
        ));
    }
    let mut changes: HashMap<Uri, Vec<TextEdit>> = HashMap::new();
    for span in crate::refs::occurrences(a, &target) {
        if let Some(location) = a.location(span) {
            changes
                .entry(location.uri)
                .or_default()
                .push(TextEdit::new(location.range, new_name.to_string()));
        }
    }
    Ok(WorkspaceEdit::new(changes))
}

fn declared(a: &Analysis, kind: Kind, name: &str) -> bool {
    a.compilation.model.index.get(kind, name).is_some()
}

/// Whether `name` may name a declaration of `kind`: `[A-Za-z][A-Za-z0-9_-]*`, with
/// `.`-separated segments for controls, and not a declaration keyword.
pub fn validate_name(kind: Kind, name: &str) -> Result<(), String> {
    let segment_ok = |s: &str| {
        !s.is_empty()
            && s.chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
    };
    let starts_with_letter = name.chars().next().is_some_and(|c| c.is_ascii_alphabetic());
    let ok = starts_with_letter
        && if kind == Kind::Control {
            name.split('.').all(segment_ok)
        } else {
            segment_ok(name)
        };
    if !ok {
        let form = if kind == Kind::Control {
            "letters, digits, `_` and `-` in `.`-separated segments, starting with a letter (`A.5.15`, `acme-pam`)"
        } else {
            "letters, digits, `_` and `-`, starting with a letter (`customer-db`, `R-001`)"
        };
        return Err(format!(
            "`{name}` is not a valid {} name: use {form}",
            kind.noun()
        ));
    }
    if crate::schema::keyword(name).is_some() {
        return Err(format!(
            "`{name}` is a declaration keyword; choose another name"
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_names() {
        assert!(validate_name(Kind::Person, "alice").is_ok());
        assert!(validate_name(Kind::Risk, "R-001").is_ok());
        assert!(validate_name(Kind::Asset, "customer_db-2").is_ok());
        assert!(validate_name(Kind::Person, "").is_err());
        assert!(validate_name(Kind::Person, "1alice").is_err());
        assert!(validate_name(Kind::Person, "-x").is_err());
        assert!(validate_name(Kind::Person, "a b").is_err());
        assert!(validate_name(Kind::Person, "a.b").is_err());
        assert!(validate_name(Kind::Person, "jürgen").is_err());
        assert!(validate_name(Kind::Role, "risk").is_err());
    }

    #[test]
    fn dotted_control_names() {
        assert!(validate_name(Kind::Control, "ACME.1").is_ok());
        assert!(validate_name(Kind::Control, "acme-pam").is_ok());
        assert!(validate_name(Kind::Control, "A..1").is_err());
        assert!(validate_name(Kind::Control, "A.1.").is_err());
        assert!(validate_name(Kind::Control, ".A").is_err());
        assert!(validate_name(Kind::Control, "A:1").is_err());
    }
}
