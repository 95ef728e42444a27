//! A compile that reuses an earlier one's files (`compile_incremental` with a
//! `ParseCache`, the language server's) equals a compile from scratch (`compile_with`),
//! through a sequence of edits to a project of many files: one file edited among many,
//! files renamed, reordered, deleted and added, a file whose lowering reports
//! diagnostics, a syntax error, invalid UTF-8, and a file that declares a name another
//! file uses. Between steps some files' models are copied ahead (`ParseCache::prepare`).

// clippy.toml allows these in #[test] functions only; the helpers here are test code too.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::Path;

use chrono::NaiveDate;
use isms::model::Index;
use isms::{
    compile_incremental, compile_lean, compile_with, Compilation, Input, Options, ParseCache,
    Settings,
};

fn options() -> Options {
    Options {
        today: NaiveDate::from_ymd_opt(2026, 11, 23).unwrap(),
    }
}

/// Everything a compilation says, as text, part by part: files, trees, the lowered and
/// resolved model (without the name index, a hash map whose order is not stable), the
/// diagnostics and the suppressions.
fn describe(c: &Compilation) -> Vec<(&'static str, String)> {
    let files: Vec<FileSummary> = c
        .sources
        .iter()
        .map(|(_, f)| (f.name.clone(), f.text.clone()))
        .collect();
    let mut model = c.model.clone();
    model.index = Index::default();
    vec![
        ("files", format!("{files:?} {}", c.project_files)),
        ("trees", format!("{:?}", c.asts)),
        ("model", format!("{model:?}")),
        ("diagnostics", format!("{:?}", c.diagnostics)),
        ("suppressions", format!("{:?}", c.suppressions)),
    ]
}

/// Panics naming the first part where the two compilations differ (the parts are long).
fn assert_same(step: &str, incremental: &Compilation, scratch: &Compilation) {
    for ((part, a), (_, b)) in describe(incremental).into_iter().zip(describe(scratch)) {
        assert!(
            a == b,
            "{step}: the incremental compile's {part} differ from a compile from scratch's"
        );
    }
}

type FileSummary = (String, String);

/// The example project's files, plus `extra` files of risks that use its names.
fn acme(extra: usize) -> Vec<(String, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/acme");
    let mut files: Vec<(String, String)> = isms::project::discover(&root)
        .files
        .iter()
        .map(|f| (f.name.clone(), std::fs::read_to_string(&f.path).unwrap()))
        .collect();
    for i in 0..extra {
        files.push((
            format!("extra/r{i:02}.isms"),
            format!("risk R-X{i} \"Extra {i}\" {{\n  owner ciso\n  likelihood 2\n  impact 3\n}}\n"),
        ));
    }
    files
}

fn inputs(files: &[(String, String)]) -> Vec<Input> {
    files
        .iter()
        .map(|(name, text)| Input::new(name.clone(), text.as_bytes()))
        .collect()
}

/// Compile `files` incrementally with `cache` and from scratch; both must agree.
fn check_step(step: &str, files: &[(String, String)], cache: &mut ParseCache) -> Compilation {
    let settings = Settings::default();
    let incremental = compile_incremental(inputs(files), &options(), &settings, cache);
    let scratch = compile_with(inputs(files), &options(), &settings);
    assert_same(step, &incremental, &scratch);
    // The report-only front end (parallel, no trees) takes the shipped catalogs from the
    // same once-per-process lowering.
    let lean = compile_lean(inputs(files), &options(), &settings);
    for ((part, a), (_, b)) in describe(&lean).into_iter().zip(describe(&scratch)) {
        assert!(
            part == "trees" || a == b,
            "{step}: the lean compile's {part} differ"
        );
    }
    // Copy some files' models ahead, as the language server does between compiles: the
    // next compile moves those and copies the rest, and must not tell the difference.
    cache.prepare(5);
    incremental
}

fn index_of(files: &[(String, String)], name: &str) -> usize {
    files.iter().position(|(n, _)| n == name).unwrap()
}

#[test]
fn every_edit_gives_what_a_compile_from_scratch_gives() {
    let mut files = acme(12);
    let mut cache = ParseCache::new();
    let first = check_step("first compile", &files, &mut cache);
    let codes =
        |c: &Compilation| -> Vec<&str> { c.diagnostics.iter().map(|d| d.code.as_str()).collect() };

    // One file among many: a risk's owner becomes an unknown name.
    let r3 = index_of(&files, "extra/r03.isms");
    files[r3].1 = files[r3].1.replace("owner ciso", "owner cisoo");
    let edited = check_step("edit one file", &files, &mut cache);
    assert!(codes(&edited).contains(&"ref/unknown"));
    assert_ne!(codes(&first), codes(&edited));

    // A file whose lowering reports diagnostics: an unknown field and a bad value.
    files[r3].1 = "risk R-X3 \"Extra\" {\n  ownr ciso\n  likelihood high\n}\n".to_string();
    let lowered = check_step("lowering diagnostics", &files, &mut cache);
    assert!(codes(&lowered).iter().any(|c| c.starts_with("field/")));
    // Compiled again unchanged: the cached lowering diagnostics are reported again.
    let again = check_step("unchanged after lowering diagnostics", &files, &mut cache);
    assert_eq!(again.diagnostics, lowered.diagnostics);

    // A syntax error, then invalid UTF-8 (compared as text: the cache must not keep it).
    files[r3].1 = "risk R-X3 \"Extra\" {\n  owner ciso\n  likelihood 2 3 }}\n".to_string();
    check_step("syntax error", &files, &mut cache);
    let mut bad = inputs(&files);
    bad[r3].bytes = b"risk R-X3 \"Ext\xffra\" {\n  owner ciso\n}\n".to_vec();
    let settings = Settings::default();
    let incremental = compile_incremental(bad.clone(), &options(), &settings, &mut cache);
    let scratch = compile_with(bad, &options(), &settings);
    assert_same("invalid UTF-8", &incremental, &scratch);
    check_step("back to valid UTF-8", &files, &mut cache);

    // The file declaring a name others use is edited: every user is re-resolved.
    let people = index_of(&files, "people.isms");
    files[people].1 = files[people].1.replace("role ciso", "role chief");
    let renamed_role = check_step("a declaration others use renamed", &files, &mut cache);
    assert!(
        codes(&renamed_role)
            .iter()
            .filter(|c| **c == "ref/unknown")
            .count()
            > 10
    );
    files[people].1 = files[people].1.replace("role chief", "role ciso");
    check_step("and back", &files, &mut cache);

    // A file renamed (same text, same position).
    files[r3].0 = "extra/renamed.isms".to_string();
    check_step("renamed file", &files, &mut cache);

    // Two files swap places.
    files.swap(1, 2);
    check_step("reordered files", &files, &mut cache);

    // A file deleted in the middle (the ones after it move up), then one added at the end.
    files.remove(3);
    check_step("deleted file", &files, &mut cache);
    files.push((
        "zz/new.isms".to_string(),
        "role auditor \"Auditor\"\n".to_string(),
    ));
    check_step("added file", &files, &mut cache);

    // Fewer files than the shipped catalogs' first id had before, then none at all.
    files.truncate(2);
    check_step("most files deleted", &files, &mut cache);
    files.clear();
    check_step("no files", &files, &mut cache);
}

#[test]
fn an_unchanged_file_keeps_its_tree_and_text_and_a_changed_one_gets_new_ones() {
    let mut files = acme(4);
    let mut cache = ParseCache::new();
    let first = check_step("first", &files, &mut cache);
    let last = files.len() - 1;
    files[last].1.push_str("// a comment\n");
    let second = check_step("comment added", &files, &mut cache);
    for index in 0..files.len() {
        let id = isms::source::FileId(index as u32);
        let (a, b) = (&first.asts[index], &second.asts[index]);
        let same_text = std::ptr::eq(
            first.sources.get(id).unwrap().text.as_str(),
            second.sources.get(id).unwrap().text.as_str(),
        );
        if index == last {
            assert!(
                !std::sync::Arc::ptr_eq(a, b),
                "the edited file kept its tree"
            );
            assert!(!same_text, "the edited file kept its text");
        } else {
            assert!(
                std::sync::Arc::ptr_eq(a, b),
                "file {index} was parsed again"
            );
            assert!(same_text, "file {index}'s text was copied");
        }
    }
}
