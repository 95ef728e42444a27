//! Every date written in a declaration's fields is visited by its kind's
//! `Declaration::dates`, with the field that holds it, so `date/in-future` covers each
//! date of a past event by construction: a new date field that its kind does not visit
//! fails here as soon as a fixture or the example writes it.

// clippy.toml allows these in #[test] functions only; the helpers here are test code too.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use isms::syntax::{Field, ValueKind};
use isms::{compile, Input, Options};

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

/// (start, end) of every well-formed `YYYY-MM-DD` date in the field and its nested fields.
fn written_dates(field: &Field, out: &mut BTreeSet<(usize, usize)>) {
    for value in field.args.iter().flat_map(|a| &a.values) {
        if let ValueKind::Date(text) = &value.kind {
            if NaiveDate::parse_from_str(text, "%Y-%m-%d").is_ok() && text.len() == 10 {
                out.insert((value.span.start(), value.span.end()));
            }
        }
    }
    for nested in field.block.iter().flat_map(|b| &b.fields) {
        written_dates(nested, out);
    }
}

#[test]
fn every_date_of_every_fixture_is_visited_with_its_field() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut paths = Vec::new();
    isms_files(&root.join("examples/acme"), &mut paths);
    isms_files(&root.join("tests/fixtures/rules"), &mut paths);
    let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
    let mut fields_seen = BTreeSet::new();
    for path in paths {
        let c = compile(
            vec![Input::new("f.isms", fs::read(&path).unwrap())],
            &Options { today },
        );
        let mut written = BTreeSet::new();
        for decl in &c.asts[0].decls {
            for field in decl.block.iter().flat_map(|b| &b.fields) {
                written_dates(field, &mut written);
            }
        }
        let mut visited = BTreeSet::new();
        c.model.each_date(&mut |d, field| {
            if d.span.file.0 == 0 {
                visited.insert((d.span.start(), d.span.end()));
                fields_seen.insert(field.name);
            }
        });
        let missed: Vec<_> = written.difference(&visited).collect();
        assert!(
            missed.is_empty(),
            "{}: dates not visited at {missed:?}",
            path.display()
        );
    }
    // The walk reaches the fields of past events that `date/in-future` needs.
    for field in [
        "approved_by",
        "accepted_by",
        "reviewed",
        "raised",
        "closed",
        "date",
        "measured",
        "completed",
    ] {
        assert!(fields_seen.contains(field), "no date of `{field}` visited");
    }
}
