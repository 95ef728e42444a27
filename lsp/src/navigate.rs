//! Go to definition, find references, document highlight and rename: all start from the
//! name under the cursor and read every occurrence of what it names from the compiler's
//! resolution table. Nothing is compiled again.

use std::collections::HashMap;

use isms::model::{Kind, Referent};
use isms::source::{FileId, Span};
use tower_lsp_server::ls_types::{
    DocumentHighlight, DocumentHighlightKind, Location, Range, TextEdit, Uri, WorkspaceEdit,
};

use crate::analysis::Analysis;
use crate::names::{Occurrence, Target};

/// The declarations of the name at `offset`. Controls of the shipped catalogs have no
/// file to point at: without a `control` declaration in the project there is nothing.
pub fn definition(a: &Analysis, file: FileId, offset: usize) -> Vec<Location> {
    let Some(at) = a.target_at(file, offset) else {
        return Vec::new();
    };
    a.occurrences_of(&at)
        .into_iter()
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
    a.occurrences_of(&at)
        .into_iter()
        .filter(|o| include_declaration || !o.is_def)
        .filter_map(|o| a.location(o.span))
        .collect()
}

/// The occurrences in this file of the name at `offset`: declarations as writes, uses as
/// reads.
pub fn highlight(a: &Analysis, file: FileId, offset: usize) -> Vec<DocumentHighlight> {
    let Some(at) = a.target_at(file, offset) else {
        return Vec::new();
    };
    a.occurrences_of(&at)
        .into_iter()
        .filter(|o| o.span.file == file)
        .filter_map(|o| {
            let kind = if o.is_def {
                DocumentHighlightKind::WRITE
            } else {
                DocumentHighlightKind::READ
            };
            Some(DocumentHighlight {
                range: a.range(o.span)?,
                kind: Some(kind),
            })
        })
        .collect()
}

/// Where a rename would apply and what it would rename, or why it cannot.
pub fn prepare_rename(
    a: &Analysis,
    file: FileId,
    offset: usize,
) -> Result<(Range, Occurrence), String> {
    let at: Occurrence = a
        .target_at(file, offset)
        .ok_or("there is no declared name here to rename")?;
    let Some(referent) = at.referent else {
        return Err(format!(
            "`{}` is not declared in the project: nothing to rename",
            at.target.name
        ));
    };
    if let Referent::Decl(Kind::Control, slot) = referent {
        if a.compilation
            .model
            .slots
            .get(slot)
            .is_some_and(|s| !s.is_custom())
        {
            return Err(format!(
                "`{}` is a control of a catalog: its ID is fixed by the framework",
                at.target.name
            ));
        }
    }
    let range = a.range(at.span).ok_or("the name is outside the project")?;
    Ok((range, at))
}

pub fn rename(
    a: &Analysis,
    file: FileId,
    offset: usize,
    new_name: &str,
) -> Result<WorkspaceEdit, String> {
    let (_, at) = prepare_rename(a, file, offset)?;
    let target: &Target = &at.target;
    validate_name(target.kind, new_name)?;
    if new_name != target.name && declared(a, target.kind, new_name) {
        return Err(format!(
            "{} `{new_name}` already exists",
            target.kind.noun()
        ));
    }
    let mut changes: HashMap<Uri, Vec<TextEdit>> = HashMap::new();
    let spans: Vec<Span> = a.occurrences_of(&at).iter().map(|o| o.span).collect();
    for span in spans {
        if let Some(location) = a.location(span) {
            changes
                .entry(location.uri)
                .or_default()
                .push(TextEdit::new(location.range, new_name.to_string()));
        }
    }
    Ok(WorkspaceEdit::new(changes))
}

/// Whether a declaration of `kind` already has `name`: a question about a name nobody
/// wrote yet, so it goes to the compiler's index of declared names.
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
