//! Code actions: the fixes that the compiler put on the diagnostics under the cursor,
//! turned into workspace edits. Nothing here decides what to change: the fixes are data
//! (`isms::diagnostics::Fix`), the same that `isms fix` applies. A safe fix is the
//! preferred action; edits to other files become one workspace edit over several
//! documents.

use std::collections::HashMap;

use isms::diagnostics::{Diagnostic, Fix};
use isms::source::FileId;
use tower_lsp_server::ls_types::{
    CodeAction, CodeActionKind, CodeActionOrCommand, TextEdit, Uri, WorkspaceEdit,
};

use crate::analysis::Analysis;

/// The fixes for the diagnostics of `file` that touch byte range `from..=to`.
pub fn code_actions(
    a: &Analysis,
    file: FileId,
    from: usize,
    to: usize,
) -> Vec<CodeActionOrCommand> {
    a.compilation
        .diagnostics
        .iter()
        .filter(|d| d.span.file == file && d.span.start() <= to && from <= d.span.end())
        .flat_map(|d| d.fixes.iter().filter_map(move |fix| action(a, d, fix)))
        .map(CodeActionOrCommand::CodeAction)
        .collect()
}

/// One fix as a quick fix; `None` when an edit falls outside the editor's documents (a
/// shipped catalog).
fn action(a: &Analysis, d: &Diagnostic, fix: &Fix) -> Option<CodeAction> {
    let mut changes: HashMap<Uri, Vec<TextEdit>> = HashMap::new();
    for edit in &fix.edits {
        if !a.in_project(edit.span) {
            return None;
        }
        let location = a.location(edit.span)?;
        changes
            .entry(location.uri)
            .or_default()
            .push(TextEdit::new(location.range, edit.replacement.clone()));
    }
    Some(CodeAction {
        title: fix.title.clone(),
        kind: Some(CodeActionKind::QUICKFIX),
        diagnostics: crate::diagnostics::convert(a, d).map(|x| vec![x]),
        edit: Some(WorkspaceEdit::new(changes)),
        command: None,
        is_preferred: fix.is_safe().then_some(true),
        disabled: None,
        data: None,
    })
}

#[cfg(test)]
mod tests {
    use std::str::FromStr;

    use chrono::NaiveDate;
    use tower_lsp_server::ls_types::{CodeAction, CodeActionOrCommand, Uri};

    use super::code_actions;
    use crate::analysis::{Analysis, SourceInput};

    fn analysis(files: &[(&str, &str)]) -> Analysis {
        let inputs = files
            .iter()
            .map(|(name, text)| SourceInput {
                uri: Uri::from_str(&format!("file:///w/{name}")).unwrap_or_else(|_| panic!()),
                name: name.to_string(),
                text: text.to_string(),
            })
            .collect();
        let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap_or_default();
        Analysis::new(inputs, today)
    }

    /// The actions at the first occurrence of `needle` in file `file`.
    fn actions_at(a: &Analysis, file: u32, needle: &str) -> Vec<CodeAction> {
        let id = isms::source::FileId(file);
        let at = a
            .text(id)
            .find(needle)
            .unwrap_or_else(|| panic!("{needle}"));
        code_actions(a, id, at, at)
            .into_iter()
            .filter_map(|x| match x {
                CodeActionOrCommand::CodeAction(action) => Some(action),
                CodeActionOrCommand::Command(_) => None,
            })
            .collect()
    }

    const PEOPLE: &str = "role ciso \"CISO\"\nrole cto \"CTO\"\n";

    #[test]
    fn a_misspelt_owner_field_gets_the_rename_and_no_second_owner() {
        let a = analysis(&[
            ("a.isms", PEOPLE),
            (
                "b.isms",
                "risk R-1 \"R\" {\n  likelihood 1\n  impact 1\n  ownr ciso\n}\n",
            ),
        ]);
        let titles: Vec<String> = actions_at(&a, 1, "ownr")
            .iter()
            .chain(&actions_at(&a, 1, "R-1"))
            .map(|x| x.title.clone())
            .collect();
        assert_eq!(titles, ["Replace with `owner`"]);
        assert_eq!(actions_at(&a, 1, "ownr")[0].is_preferred, Some(true));
    }

    #[test]
    fn a_missing_owner_offers_the_most_used_owners_first() {
        let a = analysis(&[
            ("a.isms", PEOPLE),
            (
                "b.isms",
                "risk R-1 \"R\" { owner cto }\nrisk R-2 \"R\" { owner cto }\n\
                 risk R-3 \"R\" { owner ciso }\nrisk R-4 \"R\" {\n  likelihood 1\n}\n",
            ),
        ]);
        let actions = actions_at(&a, 1, "R-4");
        let titles: Vec<&str> = actions.iter().map(|x| x.title.as_str()).collect();
        assert_eq!(titles, ["Add `owner cto`", "Add `owner ciso`"]);
        assert!(
            actions.iter().all(|x| x.is_preferred.is_none()),
            "a person picks"
        );
    }

    #[test]
    fn a_control_record_goes_into_the_records_file() {
        let a = analysis(&[
            ("a.isms", &format!("use iso27001:2022\n{PEOPLE}")),
            ("b.isms", "control A.5.1 {\n  status planned\n  owner cto\n}\n"),
            (
                "c.isms",
                "risk R-1 \"R\" {\n  owner ciso\n  treatment mitigate { controls A.5.1, A.5.3 }\n}\n",
            ),
        ]);
        let actions = actions_at(&a, 2, "A.5.3");
        let record = actions
            .iter()
            .find(|x| x.title.contains("A.5.3"))
            .unwrap_or_else(|| panic!("{actions:?}"));
        let changes = record.edit.as_ref().and_then(|e| e.changes.as_ref());
        let (uri, edits) = changes
            .and_then(|c| c.iter().next())
            .unwrap_or_else(|| panic!());
        assert_eq!(uri.as_str(), "file:///w/b.isms", "beside the other record");
        assert_eq!(edits[0].new_text, "\n\ncontrol A.5.3 {\n  owner cto\n}");
        assert_eq!(record.is_preferred, None);
    }

    #[test]
    fn a_2013_control_id_gets_its_2022_rename() {
        let a = analysis(&[
            ("a.isms", &format!("use iso27001:2022\n{PEOPLE}")),
            (
                "b.isms",
                "risk R-1 \"R\" {\n  owner ciso\n  treatment mitigate { controls A.12.6.1, A.18.2.3 }\n}\n",
            ),
        ]);
        let one = actions_at(&a, 1, "A.12.6.1");
        let titles: Vec<&str> = one.iter().map(|x| x.title.as_str()).collect();
        assert_eq!(titles, ["Replace with `A.8.8`"]);
        assert_eq!(one[0].is_preferred, Some(true));
        let two = actions_at(&a, 1, "A.18.2.3");
        let titles: Vec<&str> = two.iter().map(|x| x.title.as_str()).collect();
        assert_eq!(titles, ["Replace with `A.5.36`", "Replace with `A.8.8`"]);
        assert!(
            two.iter().all(|x| x.is_preferred.is_none()),
            "a person picks"
        );
    }
}
