//! README's "short tour of the language" is text a newcomer copies: it must be valid. It is
//! a fragment (it decides one Annex A control of 93), so the one finding it may have is
//! `soa/unaddressed`; anything else means the README teaches something that does not check.

use chrono::NaiveDate;
use isms::{compile, Input, Options};

/// The first ```isms block of the README.
fn tour() -> Option<&'static str> {
    let readme = include_str!("../README.md");
    let start = readme.find("```isms\n")? + "```isms\n".len();
    let end = start + readme[start..].find("```")?;
    Some(&readme[start..end])
}

#[test]
fn the_readme_tour_checks_with_only_the_undecided_controls() {
    let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
    let tour = tour().expect("README has a closed ```isms block");
    let c = compile(vec![Input::new("tour.isms", tour)], &Options { today });
    let codes: Vec<&str> = c.diagnostics.iter().map(|d| d.code.as_str()).collect();
    assert_eq!(codes, ["soa/unaddressed"], "{:#?}", c.diagnostics);
}
