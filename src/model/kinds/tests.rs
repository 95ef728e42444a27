//! The registry against what repeats it outside Rust: the grammar's keywords, the VS Code
//! highlighting grammar's keywords and the language reference's field tables.

use super::*;
use crate::model::KEYWORDS;
use crate::source::FileId;

/// The grammar lists the keywords too (`decl_keyword`, so that a line starting with one
/// ends a block whose `}` is missing). It must list exactly the registry's.
#[test]
fn the_grammar_recovers_at_exactly_the_registrys_keywords() {
    let decls = |line: &str| {
        let text = format!("risk R \"t\" {{\n  owner x\n{line} y\n");
        let ast = crate::syntax::parse(FileId(0), &text);
        ast.decls
            .iter()
            .map(|d| d.keyword.text.clone())
            .collect::<Vec<_>>()
    };
    for keyword in KEYWORDS {
        assert_eq!(decls(keyword), ["risk", keyword], "`{keyword}`");
    }
    for word in ["owner", "risks", "use_", "interested"] {
        assert_eq!(decls(word), ["risk"], "`{word}` is no keyword");
    }
}

/// The VS Code extension highlights a declaration's keyword and name by a regular
/// expression that lists the keywords: the same ones as the registry.
#[test]
fn the_vscode_grammar_highlights_exactly_the_registrys_keywords() {
    let grammar = include_str!("../../../editors/vscode/syntaxes/isms.tmLanguage.json");
    let start = r#""match": "^\\s*("#;
    let at = grammar.find(start).map(|i| i + start.len()).unwrap();
    let end = grammar[at..].find(')').unwrap();
    let mut listed: Vec<&str> = grammar[at..at + end].split('|').collect();
    let mut ours = KEYWORDS.to_vec();
    listed.sort_unstable();
    ours.sort_unstable();
    assert_eq!(listed, ours);
}

#[test]
fn keywords_and_field_names_are_unique_and_fit_a_field_set() {
    for (i, kind) in DeclKind::ALL.iter().enumerate() {
        let info = kind.info();
        assert_eq!(info.kind, *kind);
        assert_eq!(DeclKind::from_keyword(info.keyword), Some(*kind));
        assert!(!KEYWORDS[..i].contains(&info.keyword));
        assert!(
            info.fields.len() <= 64,
            "`{}` has too many fields",
            info.keyword
        );
        for (j, f) in info.fields.iter().enumerate() {
            assert!(
                info.fields[..j].iter().all(|g| g.name != f.name),
                "`{}` has `{}` twice",
                info.keyword,
                f.name
            );
        }
    }
    for kind in Kind::ALL {
        assert_eq!(kind.decl().namespace(), Some(*kind));
    }
}

/// The field names the tables of `docs/language.md` list under each `### \`keyword\``
/// heading, by the headings' keywords.
fn documented_fields() -> Vec<(Vec<String>, Vec<String>)> {
    let text = include_str!("../../../docs/language.md");
    let word = |cell: &str| {
        let cell = cell.trim();
        let inner = cell.strip_prefix('`')?.strip_suffix('`')?;
        inner
            .chars()
            .all(|c| c.is_ascii_lowercase() || c == '_')
            .then(|| inner.to_string())
    };
    let mut sections: Vec<(Vec<String>, Vec<String>)> = Vec::new();
    for line in text.lines() {
        if line.starts_with('#') {
            let keywords = match line.strip_prefix("### ") {
                Some(heading) => heading.split(' ').filter_map(word).collect(),
                None => Vec::new(),
            };
            sections.push((keywords, Vec::new()));
        } else if let (Some(row), Some((_, fields))) = (line.strip_prefix('|'), sections.last_mut())
        {
            if let Some(name) = row.split('|').find_map(word) {
                fields.push(name);
            }
        }
    }
    sections.retain(|(keywords, _)| !keywords.is_empty());
    sections
}

/// Every kind's fields are in a table of its section of the language reference, and
/// the tables list no field the schema lacks.
#[test]
fn the_language_reference_lists_each_kinds_fields() {
    let sections = documented_fields();
    for kind in DeclKind::ALL {
        let info = kind.info();
        // A catalog's fields are described with its entries, in the "Catalogs" chapter.
        if info.fields.is_empty() || *kind == DeclKind::Catalog {
            continue;
        }
        let Some((keywords, documented)) = sections
            .iter()
            .find(|(keywords, _)| keywords.iter().any(|k| k == info.keyword))
        else {
            panic!("docs/language.md has no section for `{}`", info.keyword);
        };
        for field in info.fields {
            assert!(
                documented.iter().any(|d| d == field.name),
                "docs/language.md does not list `{}` of `{}`",
                field.name,
                info.keyword
            );
        }
        for name in documented {
            let known = keywords.iter().any(|k| {
                DeclKind::from_keyword(k).is_some_and(|kind| kind.info().field(name).is_some())
            });
            assert!(
                known,
                "docs/language.md lists `{name}`, a field of none of {keywords:?}"
            );
        }
    }
}

/// A sign-off (`approved_by`, `accepted_by`) records a decision already taken, so its date
/// is a past event for `date/in-future`; a `due` date is planned and is not.
#[test]
fn sign_offs_are_past_events_and_due_dates_are_not() {
    use crate::model::schema::Takes;
    use crate::model::{Keyword, TreatmentKind};
    let treatments = TreatmentKind::ALL
        .iter()
        .flat_map(|(_, k)| crate::model::kinds::risk::treatment_fields(*k).iter());
    let fields = DeclKind::ALL
        .iter()
        .flat_map(|k| k.info().fields.iter())
        .chain(treatments);
    let mut signoffs = 0;
    for f in fields {
        if f.takes == Takes::Signoff {
            signoffs += 1;
            assert!(f.past, "`{}` is a sign-off", f.name);
        }
        if f.name == "due" {
            assert!(!f.past, "`due` is planned");
        }
    }
    assert!(signoffs >= 2);
}
