//! Every reference to a declaration, as the compiler itself resolves it.
//!
//! The name table ([`crate::names`]) knows the fields this server models. The language
//! grows (new declarations with `owner` and other references), so rename and find
//! references also ask the compiler: the declarations are renamed to an unused name of the
//! same length (so no offset moves), the project is compiled again, and the names that
//! stop resolving are exactly the references to them.

use std::collections::BTreeSet;

use isms::diagnostics::Code;
use isms::source::Span;
use isms::{Input, Options};

use crate::analysis::Analysis;
use crate::names::Target;

/// The spans of every declaration of `target` and every reference to it, in the
/// analysis's texts, sorted; declarations first.
pub fn occurrences(a: &Analysis, target: &Target) -> Vec<Span> {
    let defs: Vec<Span> = a
        .names()
        .of(target)
        .filter(|o| o.is_def)
        .map(|o| o.span)
        .collect();
    let mut uses: BTreeSet<Span> = a
        .names()
        .of(target)
        .filter(|o| !o.is_def)
        .map(|o| o.span)
        .collect();
    uses.extend(unresolved_without(a, target, &defs));
    defs.into_iter().chain(uses).collect()
}

/// The references that stop resolving when the declarations at `defs` are renamed.
fn unresolved_without(a: &Analysis, target: &Target, defs: &[Span]) -> Vec<Span> {
    let Some(stand_in) = unused_name(a, target.name.len()) else {
        return Vec::new();
    };
    let c = &a.compilation;
    let mut inputs = Vec::with_capacity(c.project_files);
    for (file, source) in c.sources.iter().take(c.project_files) {
        let mut text = source.text.clone();
        for d in defs.iter().filter(|d| d.file == file) {
            // INVARIANT: a declaration's span holds exactly its name, so the stand-in of
            // the same length replaces it without moving any other offset.
            if text.get(d.start()..d.end()) == Some(target.name.as_str()) {
                text.replace_range(d.start()..d.end(), &stand_in);
            }
        }
        inputs.push(Input::new(source.name.clone(), text));
    }
    let before: BTreeSet<(Span, Code)> = unresolved(c.diagnostics.iter());
    let after = isms::compile(inputs, &Options { today: c.today });
    unresolved(after.diagnostics.iter())
        .into_iter()
        .filter(|d| !before.contains(d))
        .map(|(span, _)| span)
        .filter(|span| a.in_project(*span) && c.sources.slice(*span) == target.name)
        .collect()
}

fn unresolved<'d>(
    diagnostics: impl Iterator<Item = &'d isms::diagnostics::Diagnostic>,
) -> BTreeSet<(Span, Code)> {
    diagnostics
        .filter(|d| matches!(d.code, Code::RefUnknown | Code::RefWrongKind))
        .map(|d| (d.span, d.code))
        .collect()
}

/// A name of `len` characters that no project file contains.
fn unused_name(a: &Analysis, len: usize) -> Option<String> {
    let texts: Vec<&str> = a.file_ids().map(|(f, _)| a.text(f)).collect();
    ['Z', 'Q', 'X', 'J'].iter().find_map(|first| {
        let name: String = std::iter::once(*first)
            .chain(std::iter::repeat_n('q', len.saturating_sub(1)))
            .collect();
        (len > 0 && texts.iter().all(|t| !t.contains(&name))).then_some(name)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::SourceInput;
    use chrono::NaiveDate;
    use isms::model::Kind;
    use std::str::FromStr;
    use tower_lsp_server::ls_types::Uri;

    #[test]
    fn references_are_found_by_recompiling() {
        let files = [
            (
                "a.isms",
                "role ciso \"CISO\"\nperson alice \"A\" { roles ciso }\n",
            ),
            (
                "b.isms",
                "asset db \"DB\" {\n  kind information\n  owner alice\n}\n",
            ),
        ];
        let inputs = files
            .iter()
            .map(|(n, t)| SourceInput {
                uri: Uri::from_str(&format!("file:///w/{n}")).unwrap(),
                name: n.to_string(),
                text: t.to_string(),
            })
            .collect();
        let a = Analysis::new(inputs, NaiveDate::from_ymd_opt(2026, 11, 23).unwrap());
        let target = Target {
            kind: Kind::Person,
            name: "alice".into(),
        };
        let spans = occurrences(&a, &target);
        let texts: Vec<(u32, &str)> = spans
            .iter()
            .map(|s| (s.file.0, a.compilation.sources.slice(*s)))
            .collect();
        assert_eq!(texts, vec![(0, "alice"), (1, "alice")]);
        // Found by the compiler alone, too.
        let defs: Vec<Span> = spans[..1].to_vec();
        assert_eq!(unresolved_without(&a, &target, &defs), spans[1..].to_vec());
    }
}
