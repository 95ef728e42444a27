//! Growth: each input of issue #16 that once took super-linear time is compiled at two
//! sizes, n and 4n, in the same run, and the ratio of the times must stay below what a
//! quadratic algorithm reaches (about 16). A ratio, never an absolute time, so the test
//! holds on a slow or busy machine; each time is the median of three runs.
//!
//! Each case also checks the diagnostics, so that it measures the path it is named after.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

#[path = "../xtask/src/growth.rs"]
#[allow(dead_code)] // each target uses some of the cases
mod growth;

use std::time::{Duration, Instant};

use chrono::NaiveDate;
use growth::Case;
use isms::diagnostics::Code;
use isms::emit::{self, Format};
use isms::{compile_lean, Compilation, Input, Options, Settings};

const SMALL: usize = 2_500;
const LARGE: usize = 4 * SMALL;
/// Linear growth gives about 4 and n log n about 4.7; quadratic about 16.
const BOUND: f64 = 8.0;

fn check(text: &str) -> Compilation {
    let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
    compile_lean(
        vec![Input::new("case.isms", text)],
        &Options { today },
        &Settings::default(),
    )
}

fn count(c: &Compilation, code: Code) -> usize {
    c.diagnostics.iter().filter(|d| d.code == code).count()
}

/// Median of three runs of `run` on the case's project of size `n`; `verify` checks the
/// first result.
fn median_time<T>(case: Case, n: usize, run: impl Fn(&str) -> T, verify: impl Fn(&T)) -> Duration {
    let text = case.text(n);
    let mut times: Vec<Duration> = (0..3)
        .map(|i| {
            let start = Instant::now();
            let out = run(&text);
            let took = start.elapsed();
            if i == 0 {
                verify(&out);
            }
            took
        })
        .collect();
    times.sort();
    times[1]
}

fn assert_grows_linearly<T>(case: Case, run: impl Fn(&str) -> T, verify: impl Fn(&T, usize)) {
    let small = median_time(case, SMALL, &run, |out| verify(out, SMALL));
    let large = median_time(case, LARGE, &run, |out| verify(out, LARGE));
    let ratio = large.as_secs_f64() / small.as_secs_f64().max(1e-9);
    eprintln!("{}: {SMALL} → {LARGE}: ×{ratio:.1}", case.name());
    assert!(
        ratio < BOUND,
        "{}: 4× the input took {ratio:.1}× the time ({small:?} → {large:?})",
        case.name()
    );
}

#[test]
fn unknown_references_grow_linearly() {
    assert_grows_linearly(Case::UnknownReferences, check, |c, n| {
        let unknown: Vec<_> = c
            .diagnostics
            .iter()
            .filter(|d| d.code == Code::RefUnknown)
            .collect();
        assert_eq!(unknown.len(), n);
        assert_eq!(
            unknown[n - 1].help.as_deref(),
            Some(format!("did you mean `server-{}`?", n - 1).as_str())
        );
    });
}

#[test]
fn allows_grow_linearly() {
    assert_grows_linearly(Case::Allows, check, |c, n| {
        assert_eq!(count(c, Code::AssetUnassessed), 0);
        assert_eq!(count(c, Code::SuppressionUnused), 0);
        assert_eq!(c.suppressions.len(), n);
    });
}

#[test]
fn a_long_list_grows_linearly() {
    assert_grows_linearly(Case::LongList, check, |c, n| {
        assert_eq!(c.model.assets[0].depends_on.len(), n);
        assert!(!c.has_errors(), "{:?}", c.diagnostics.first());
    });
}

#[test]
fn roles_of_one_person_grow_linearly() {
    assert_grows_linearly(Case::RolesOfOnePerson, check, |c, n| {
        assert_eq!(c.model.person("many").map(|p| p.roles.len()), Some(n));
        assert_eq!(count(c, Code::RoleUnassigned), 0);
    });
}

#[test]
fn building_policies_grows_linearly() {
    // The documents as `isms build` renders them, in every format; writing them to disk
    // is left out, as its time is the file system's.
    let build = |text: &str| {
        let c = check(text);
        assert!(!c.has_errors(), "{:?}", c.diagnostics.first());
        let formats: Vec<Format> = Format::ALL
            .iter()
            .map(|(_, f)| *f)
            .filter(|f| f.is_default())
            .collect();
        emit::documents(&c, &formats).unwrap()
    };
    assert_grows_linearly(Case::Policies, build, |docs, n| {
        let pages = docs
            .iter()
            .filter(|d| d.path.starts_with("policies/pol") && d.path.ends_with(".html"));
        assert_eq!(pages.count(), n);
    });
}

#[test]
fn a_deep_depends_on_chain_grows_linearly() {
    assert_grows_linearly(Case::DependsOnChain, check, |c, n| {
        assert_eq!(count(c, Code::AssetDependencyCycle), 0);
        assert_eq!(count(c, Code::AssetUnassessed), n);
    });
}

/// Issue #13: every ownerless risk carries "add `owner X`" fixes for the most used
/// owners; the counts and the declarations are looked up once, not per diagnostic.
#[test]
fn owner_fixes_grow_linearly() {
    let text = |n: usize| {
        let mut t = String::from("role ciso \"CISO\"\nrole cto \"CTO\"\n");
        for i in 0..n {
            let owner = if i % 2 == 0 { "  owner cto\n" } else { "" };
            t.push_str(&format!("risk R-{i} \"R\" {{\n  likelihood 1\n{owner}}}\n"));
        }
        t
    };
    let time = |n: usize| {
        let text = text(n);
        let mut times: Vec<Duration> = (0..3)
            .map(|_| {
                let start = Instant::now();
                let c = check(&text);
                let took = start.elapsed();
                let ownerless: Vec<_> = c
                    .diagnostics
                    .iter()
                    .filter(|d| d.code == Code::RiskMissingOwner)
                    .collect();
                assert_eq!(ownerless.len(), n / 2);
                assert!(ownerless
                    .iter()
                    .all(|d| d.fixes[0].title == "Add `owner cto`"));
                took
            })
            .collect();
        times.sort();
        times[1]
    };
    let (small, large) = (time(SMALL), time(LARGE));
    let ratio = large.as_secs_f64() / small.as_secs_f64().max(1e-9);
    eprintln!("owner fixes: {SMALL} → {LARGE}: ×{ratio:.1}");
    assert!(
        ratio < BOUND,
        "4× the input took {ratio:.1}× the time ({small:?} → {large:?})"
    );
}
