//! `*/missing-owner`: "add `owner X`" for the owners the same kind of declaration uses
//! most. Never offered when the block already has a misspelt `owner` (`ownr ciso`): the
//! rename fix of that `field/unknown` is the repair, and adding a line would give the
//! declaration two owners.

use super::text::{header_brace, indent_at, line_end};
use crate::diagnostics::{Applicability, Edit, Fix};
use crate::source::{SourceMap, Span};

/// How many owners are offered at most: a few, most used first.
pub const OFFERED: usize = 3;

/// "add `owner X`" for each of `owners`, in the declaration whose name is at `name` and
/// which spans `decl`.
pub fn fixes(sources: &SourceMap, owners: &[&str], name: Span, decl: Span) -> Vec<Fix> {
    let Some(file) = sources.get(decl.file) else {
        return Vec::new();
    };
    let text = file.text.as_str();
    let Some(place) = insertion(text, name, decl) else {
        return Vec::new();
    };
    owners
        .iter()
        .map(|owner| {
            let line = format!("owner {owner}");
            let replacement = match &place {
                Place::AfterBrace { indent, one_line } if *one_line => {
                    format!("\n{indent}{line}\n{indent}")
                }
                Place::AfterBrace { indent, .. } => format!("\n{indent}{line}"),
                Place::NewBlock { indent, close } => format!(" {{\n{indent}{line}\n{close}}}"),
            };
            let at = place_offset(&place, text, name, decl);
            Fix::new(
                format!("Add `owner {owner}`"),
                vec![Edit::replace(Span::new(decl.file, at, at), replacement)],
                Applicability::NeedsReview,
            )
        })
        .collect()
}

/// Where the owner line goes.
enum Place {
    /// After the `{` of the header (or at the end of its line when the block spans lines).
    AfterBrace { indent: String, one_line: bool },
    /// The declaration has no block: one is added after its header.
    NewBlock { indent: String, close: String },
}

fn insertion(text: &str, name: Span, decl: Span) -> Option<Place> {
    let base = indent_at(text, decl.start()).to_string();
    match header_brace(text, name.end()) {
        Some(brace) if brace < decl.end() => {
            let inside = text.get(brace + 1..decl.end())?;
            let one_line = !inside.contains(['\n', '\r']);
            let first_field = inside
                .split(['\n', '\r'])
                .skip(1)
                .find(|l| !l.trim().is_empty() && l.trim() != "}")
                .map(|l| l.get(..l.len() - l.trim_start().len()).unwrap_or(""));
            let indent = match first_field {
                Some(i) if !one_line => i.to_string(),
                _ => format!("{base}  "),
            };
            Some(Place::AfterBrace { indent, one_line })
        }
        Some(_) => None,
        None => {
            // No `{` on the header line: only a declaration that ends on it has no block.
            let end = line_end(text, name.end());
            let header = text.get(decl.start()..decl.end())?.trim_end();
            (decl.start() + header.len() <= end).then(|| Place::NewBlock {
                indent: format!("{base}  "),
                close: base,
            })
        }
    }
}

fn place_offset(place: &Place, text: &str, name: Span, decl: Span) -> usize {
    match place {
        Place::AfterBrace { one_line: true, .. } => {
            header_brace(text, name.end()).map_or(decl.end(), |b| b + 1)
        }
        Place::AfterBrace { .. } => {
            // After a comment that trails the `{`, so that it stays on the header line.
            header_brace(text, name.end()).map_or(decl.end(), |b| line_end(text, b))
        }
        Place::NewBlock { .. } => {
            let header = text.get(decl.start()..decl.end()).unwrap_or("").trim_end();
            decl.start() + header.len()
        }
    }
}
