//! One mistake, one message. Each `tests/fixtures/typos/<name>.typo` makes one typo in the
//! example project (`examples/acme`, clean on its own): a text to find in one file and what
//! to put instead. The whole project must then give exactly one diagnostic, with the code
//! and at the line:column the fixture expects; the snapshot holds the changed file's
//! rendered diagnostic.

// clippy.toml allows these in #[test] functions only; the helpers here are test code too.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::fs;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use isms::diagnostics::render;
use isms::{compile, Compilation, Input, Options};

const ACME: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/acme");

fn today() -> Options {
    Options {
        today: NaiveDate::from_ymd_opt(2026, 11, 23).unwrap(),
    }
}

/// Every `.isms` file of the example, as (path relative to it, text), in path order.
fn acme() -> Vec<(String, String)> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        for entry in fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "isms") {
                out.push(path);
            }
        }
    }
    let mut paths = Vec::new();
    walk(Path::new(ACME), &mut paths);
    paths.sort();
    paths
        .into_iter()
        .map(|p| {
            let name = p.strip_prefix(ACME).unwrap().to_string_lossy().into_owned();
            (name, fs::read_to_string(&p).unwrap())
        })
        .collect()
}

fn run(files: &[(String, String)]) -> Compilation {
    let inputs = files
        .iter()
        .map(|(name, text)| Input::new(name.clone(), text.as_bytes().to_vec()))
        .collect();
    compile(inputs, &today())
}

/// A typo fixture: which file, the expected `code line:column`, and the edit.
struct Typo {
    file: String,
    expect: String,
    find: String,
    replace: String,
}

fn read_typo(path: &Path) -> Typo {
    let text = fs::read_to_string(path).unwrap();
    let field = |key: &str| {
        text.lines()
            .find_map(|l| l.strip_prefix(key))
            .unwrap_or_else(|| panic!("{}: no `{key}`", path.display()))
            .trim()
            .to_string()
    };
    let (_, rest) = text.split_once("--- find\n").unwrap();
    let (find, rest) = rest.split_once("\n--- replace\n").unwrap();
    let (replace, _) = rest.split_once("\n--- end\n").unwrap();
    Typo {
        file: field("file:"),
        expect: field("expect:"),
        find: find.to_string(),
        replace: replace.to_string(),
    }
}

#[test]
fn the_example_is_clean_without_a_typo() {
    let c = run(&acme());
    assert!(c.diagnostics.is_empty(), "{:?}", c.diagnostics);
}

#[test]
fn each_typo_gives_exactly_one_diagnostic() {
    insta::glob!("fixtures/typos/*.typo", |path| {
        let typo = read_typo(path);
        let mut files = acme();
        let (_, text) = files
            .iter_mut()
            .find(|(name, _)| name.ends_with(&typo.file))
            .unwrap_or_else(|| panic!("{}: no file {}", path.display(), typo.file));
        assert!(
            text.contains(&typo.find),
            "{}: the text to find is not in {}",
            path.display(),
            typo.file
        );
        *text = text.replacen(&typo.find, &typo.replace, 1);
        let c = run(&files);
        let rendered = render::human(&c.sources, &c.diagnostics, false);
        assert_eq!(
            c.diagnostics.len(),
            1,
            "{}: expected one diagnostic, got:\n{rendered}",
            path.display()
        );
        let d = &c.diagnostics[0];
        let file = c.sources.get(d.span.file).unwrap();
        let (line, column) = file.line_column(d.span.start());
        assert_eq!(
            format!("{} {line}:{column}", d.code.as_str()),
            typo.expect,
            "{}:\n{rendered}",
            path.display()
        );
        insta::assert_snapshot!(rendered);
    });
}
