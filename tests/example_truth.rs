//! The example tells the truth (issue #11, item 9): its free text (evidence, summaries,
//! verifications, decisions, titles, doc comments, every string) cites only incidents,
//! nonconformities, internal audits and management reviews that the project declares.
//! An auditor who follows "see INC-2026-007" and finds no such record stops trusting the
//! rest of the evidence.

// clippy.toml allows these in #[test] functions only; the helpers here are test code too.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use isms::model::DeclKind;
use isms::syntax::{Field, ValueKind};
use isms::{compile, Input, Options};

/// The prefixes of record IDs that evidence cites: incidents, nonconformities, internal
/// audits and management reviews.
const RECORD_PREFIXES: &[&str] = &["INC-", "NC-", "IA-", "MR-"];

fn isms_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            isms_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "isms") {
            out.push(path);
        }
    }
}

/// The example's files as (name relative to the example, text), in path order.
fn example() -> Vec<(String, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/acme");
    let mut paths = Vec::new();
    isms_files(&root, &mut paths);
    paths.sort();
    paths
        .into_iter()
        .map(|p| {
            let name = p.strip_prefix(&root).unwrap().display().to_string();
            (name, fs::read_to_string(&p).unwrap())
        })
        .collect()
}

fn is_id_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '-' || c == '_'
}

/// Every record ID (`INC-…`, `NC-…`, `IA-…`, `MR-…`) written in `text`, as a whole word:
/// `INC-2026-03` is one citation, not also an `NC-2026-03`.
fn cited_ids(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for (start, _) in text.char_indices() {
        let before = text[..start].chars().next_back();
        if before.is_some_and(is_id_char) {
            continue;
        }
        let rest = &text[start..];
        if !RECORD_PREFIXES.iter().any(|p| rest.starts_with(p)) {
            continue;
        }
        let end = rest.find(|c: char| !is_id_char(c)).unwrap_or(rest.len());
        let id = rest[..end].trim_end_matches(['-', '_']);
        // A bare prefix ("NC-") cites nothing.
        if RECORD_PREFIXES
            .iter()
            .any(|p| id.starts_with(p) && id.len() > p.len())
        {
            out.push(id.to_string());
        }
    }
    out
}

fn strings_of_field(field: &Field, out: &mut Vec<String>) {
    for value in field.args.iter().flat_map(|a| &a.values) {
        match &value.kind {
            ValueKind::Str(s) | ValueKind::Text(s) => out.push(s.clone()),
            ValueKind::Word(_)
            | ValueKind::Int(_)
            | ValueKind::Decimal(_)
            | ValueKind::Date(_)
            | ValueKind::Range(..) => {}
        }
    }
    for nested in field.block.iter().flat_map(|b| &b.fields) {
        strings_of_field(nested, out);
    }
}

/// Record IDs cited in the project's free text that no declaration of the project
/// declares, each with the file that cites it.
fn uncited_records(files: &[(String, String)]) -> BTreeSet<(String, String)> {
    let inputs = files
        .iter()
        .map(|(name, text)| Input::new(name.as_str(), text.as_bytes().to_vec()))
        .collect();
    let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
    let c = compile(inputs, &Options { today });
    let declared: BTreeSet<&str> = DeclKind::ALL
        .iter()
        .flat_map(|&kind| c.model.declared_names(kind))
        .map(|(_, name)| name.text.as_str())
        .collect();
    assert!(
        declared.contains("NC-1") || files.len() < 2,
        "the model's declared names were not collected"
    );
    let mut missing = BTreeSet::new();
    for (ast, (name, _)) in c.asts.iter().zip(files) {
        for decl in &ast.decls {
            let mut strings: Vec<String> = decl.doc.iter().cloned().collect();
            for arg in &decl.args {
                for value in &arg.values {
                    if let ValueKind::Str(s) | ValueKind::Text(s) = &value.kind {
                        strings.push(s.clone());
                    }
                }
            }
            for field in decl.block.iter().flat_map(|b| &b.fields) {
                strings_of_field(field, &mut strings);
            }
            for id in strings.iter().flat_map(|s| cited_ids(s)) {
                if !declared.contains(id.as_str()) {
                    missing.insert((name.clone(), id));
                }
            }
        }
    }
    missing
}

#[test]
fn cited_ids_finds_whole_record_ids_only() {
    assert_eq!(
        cited_ids("tickets for INC-2026-03 and INC-2026-007; see NC-2, IA-2026-1 (MR-2026)."),
        [
            "INC-2026-03",
            "INC-2026-007",
            "NC-2",
            "IA-2026-1",
            "MR-2026"
        ]
    );
    // Not record IDs: other prefixes, a prefix inside a longer word, a bare prefix.
    assert!(
        cited_ids("policy CY-2026-4471, statement AUP-1, SYNC-3, MRI-2, an NC- form").is_empty()
    );
}

#[test]
fn the_example_cites_only_records_it_declares() {
    let missing = uncited_records(&example());
    assert!(
        missing.is_empty(),
        "the example cites records it does not declare: {missing:?}"
    );
}

#[test]
fn a_citation_of_a_missing_record_is_found() {
    // The broken copy the test must catch: evidence citing an incident, and a
    // verification citing an audit, that the project does not hold.
    let mut files = example();
    let mut broken = 0;
    for (_, text) in &mut files {
        for (from, to) in [
            ("INC-2026-03\"", "INC-2026-007\""),
            ("in IA-2026-2", "in IA-2026-9"),
        ] {
            if text.contains(from) {
                *text = text.replace(from, to);
                broken += 1;
            }
        }
    }
    assert_eq!(
        broken, 2,
        "the example no longer holds the citations this test breaks"
    );
    let missing: Vec<(String, String)> = uncited_records(&files).into_iter().collect();
    assert_eq!(
        missing,
        [
            ("controls.isms".to_string(), "INC-2026-007".to_string()),
            ("lifecycle.isms".to_string(), "IA-2026-9".to_string()),
        ]
    );
}
