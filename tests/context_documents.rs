//! The context, registers, audit coverage and management review (issue #12 items 5 and
//! 6): the `issue` kind, the audit coverage computation the rule, readiness and the
//! document share, the roles derivation, and the document trees built from the example.
// Helpers outside `#[test]` functions unwrap too: a failure there is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use std::fmt::Write as _;

use chrono::NaiveDate;
use isms::check::readiness::State;
use isms::emit::tree::{plain, Block, Document};
use isms::emit::Derived;
use isms::model::coverage::audit_coverage;
use isms::model::responsibilities::{responsibilities, Duty, Who};
use isms::model::{DeclKind, IssueKind};
use isms::{compile, Compilation, Input, Options};
use support::acme;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
}

fn run(text: &str) -> Compilation {
    compile(
        vec![Input::new("a.isms", text)],
        &Options { today: today() },
    )
}

fn codes(c: &Compilation) -> Vec<&'static str> {
    c.diagnostics.iter().map(|d| d.code.as_str()).collect()
}

const BASE: &str = "organization acme \"Acme\"\nscope \"S\" { includes \"E\" }\n\
role ciso \"CISO\"\nperson alice \"Alice\" { roles ciso }\nperson max \"Max\"\n\
issue remote \"Remote work\" { kind internal }\n\
interested_party customers \"Customers\" { needs \"Availability\" }\n";

fn programme(cycle: &str) -> String {
    format!("programme p \"P\" {{\n  owner ciso\n  interval every 6 months\n{cycle}}}\n")
}

fn audit(id: &str, date: &str, clauses: &str, controls: &str) -> String {
    let mut s = format!("audit {id} \"A\" {{\n  date {date}\n  auditor max\n");
    if !clauses.is_empty() {
        let _ = writeln!(s, "  clauses {clauses}");
    }
    if !controls.is_empty() {
        let _ = writeln!(s, "  controls {controls}");
    }
    s.push_str("}\n");
    s
}

#[test]
fn an_issue_is_lowered_with_its_kind_owner_and_risks() {
    let c = acme();
    let issues = &c.model.issues;
    assert_eq!(issues.len(), 5);
    assert_eq!(issues[0].id.text, "remote-first");
    assert_eq!(issues[0].kind, Some(IssueKind::Internal));
    assert_eq!(issues[0].owner.as_ref().unwrap().name, "ciso");
    let risks: Vec<_> = issues[0].risks.iter().map(|r| r.name.as_str()).collect();
    assert_eq!(risks, ["R-05", "R-06", "R-20"]);
    // A misspelt kind is one diagnostic with the valid words.
    let c = run("issue x \"X\" { kind internl }\n");
    let invalid: Vec<_> = c
        .diagnostics
        .iter()
        .filter(|d| d.code.as_str() == "value/invalid")
        .collect();
    assert_eq!(invalid.len(), 1, "{:#?}", c.diagnostics);
    assert!(invalid[0].message.contains("internl"));
}

#[test]
fn the_cycle_counts_only_the_audits_within_it_and_a_heading_covers_its_clauses() {
    let c = run(&format!(
        "{BASE}{}{}{}",
        programme("  cycle every 3 years\n"),
        audit("old", "2023-05-01", "\"9\", \"10\"", ""),
        audit("new", "2026-10-01", "\"4\", \"5\", \"6\", \"7\", \"8\"", ""),
    ));
    let cov = audit_coverage(&c.model, today()).unwrap();
    assert_eq!(cov.after, NaiveDate::from_ymd_opt(2023, 11, 23));
    assert_eq!(cov.audits, [1], "only the audit within three years counts");
    let gaps: Vec<_> = cov.clause_gaps().map(|c| c.id).collect();
    assert_eq!(
        gaps,
        ["9.1", "9.2.1", "9.2.2", "9.3.1", "9.3.2", "9.3.3", "10.1", "10.2"]
    );
    assert!(codes(&c).contains(&"audit/coverage-gap"), "{:?}", codes(&c));

    // Without a cycle every audit so far makes one cycle: then nothing is missing.
    let c = run(&format!(
        "{BASE}{}{}{}",
        programme(""),
        audit("old", "2023-05-01", "\"9\", \"10\"", ""),
        audit("new", "2026-10-01", "\"4\", \"5\", \"6\", \"7\", \"8\"", ""),
    ));
    let cov = audit_coverage(&c.model, today()).unwrap();
    assert_eq!(cov.audits, [0, 1]);
    assert!(!cov.has_gaps());
    assert!(
        !codes(&c).contains(&"audit/coverage-gap"),
        "{:?}",
        codes(&c)
    );
    // An audit dated after today is planned, not held.
    let c = run(&format!(
        "{BASE}{}{}",
        programme(""),
        audit("planned", "2027-01-10", "\"4\"", ""),
    ));
    assert!(audit_coverage(&c.model, today()).unwrap().audits.is_empty());
}

#[test]
fn applicable_controls_are_covered_only_by_the_audits_that_name_them() {
    let c = run(&format!(
        "{BASE}use iso27001:2022\nrequirement q \"Q\" {{\n  kind legal\n  controls A.5.15, A.8.5\n}}\n{}{}",
        programme("  cycle every 3 years\n"),
        audit("a", "2026-10-01", "\"4\"", "A.5.15, A.5.1"),
    ));
    let cov = audit_coverage(&c.model, today()).unwrap();
    let ids = |slots: Vec<usize>| -> Vec<String> {
        slots
            .into_iter()
            .map(|s| c.model.slots[s].id.clone())
            .collect()
    };
    // A.5.1 was audited but is not applicable: it is no row of the matrix.
    assert_eq!(
        ids(cov.controls.iter().map(|x| x.what).collect()),
        ["A.5.15", "A.8.5"]
    );
    assert_eq!(ids(cov.control_gaps().collect()), ["A.8.5"]);
    assert!(!cov.uncertain);
}

#[test]
fn a_misspelt_clause_is_one_diagnostic_and_silences_the_gap() {
    let c = run(&format!(
        "{BASE}{}{}",
        programme("  cycle every 3 years\n"),
        audit("a", "2026-10-01", "\"4\", \"9.4\"", ""),
    ));
    let ours: Vec<_> = c
        .diagnostics
        .iter()
        .filter(|d| d.code.as_str() == "value/invalid" || d.code.as_str() == "audit/coverage-gap")
        .collect();
    assert_eq!(ours.len(), 1, "{ours:#?}");
    assert!(ours[0].message.contains("`9.4` is no clause"));
    assert_eq!(ours[0].help.as_deref(), Some("did you mean `9.3`?"));
    assert!(audit_coverage(&c.model, today()).unwrap().uncertain);
}

#[test]
fn context_missing_waits_for_an_isms_in_operation() {
    let bare = "organization acme \"Acme\"\nscope \"S\" { includes \"E\" }\nrole ciso \"CISO\"\nperson max \"Max\" { roles ciso }\n";
    assert!(!codes(&run(bare)).contains(&"context/missing"));
    let c = run(&format!("{bare}{}", programme("")));
    assert!(codes(&c).contains(&"context/missing"), "{:?}", codes(&c));
    let c = run(&format!("{BASE}{}", programme("")));
    assert!(!codes(&c).contains(&"context/missing"), "{:?}", codes(&c));
}

#[test]
fn roles_are_derived_from_every_owner_approver_auditor_and_acceptor() {
    let c = run(&format!(
        "{BASE}policy p \"P\" {{\n  owner ciso\n  version \"1\"\n  approved_by alice on 2026-01-10\n  review every 12 months\n}}\n{}{}",
        programme(""),
        audit("a", "2026-10-01", "\"4\"", ""),
    ));
    let holders = responsibilities(&c.model);
    let duties = |who: Who| -> Vec<(Duty, DeclKind)> {
        holders
            .iter()
            .find(|h| h.party == who)
            .unwrap()
            .duties
            .iter()
            .map(|d| (d.duty, d.kind))
            .collect()
    };
    // Roles first, then persons, each in model order.
    assert_eq!(holders.len(), 3);
    assert_eq!(
        duties(Who::Role(0)),
        [
            (Duty::Owns, DeclKind::Policy),
            (Duty::Owns, DeclKind::Programme)
        ]
    );
    assert_eq!(duties(Who::Person(0)), [(Duty::Approves, DeclKind::Policy)]);
    assert_eq!(duties(Who::Person(1)), [(Duty::Audits, DeclKind::Audit)]);
}

#[test]
fn the_example_provides_context_roles_and_a_covered_audit_cycle() {
    let c = acme();
    assert!(c.diagnostics.is_empty(), "{:#?}", c.diagnostics);
    let cov = audit_coverage(&c.model, today()).unwrap();
    assert!(!cov.has_gaps(), "{cov:#?}");
    assert_eq!(cov.controls.len(), 82);
    let r = c.readiness();
    for clause in ["4.1", "4.2", "5.3", "9.2.2"] {
        let item = r.items.iter().find(|i| i.clause == clause).unwrap();
        assert_eq!(item.state, State::Provided, "{item:?}");
    }
}

#[test]
fn readiness_is_partial_where_a_check_warns_and_uses_the_coverage() {
    let c = run(&format!(
        "{BASE}{}{}",
        programme("  cycle every 3 years\n"),
        audit("a", "2026-10-01", "\"4\"", ""),
    ));
    let r = c.readiness();
    let item = r.items.iter().find(|i| i.clause == "9.2.2").unwrap();
    assert_eq!(item.state, State::Partial, "{item:?}");
    assert!(item.gaps.iter().any(|g| g.contains("5.1")), "{item:?}");
    // A role nobody holds is `role/unassigned`: 5.3 is partial.
    let c = run(&format!("{BASE}role dpo \"DPO\"\n"));
    let item = c
        .readiness()
        .items
        .into_iter()
        .find(|i| i.clause == "5.3")
        .unwrap();
    assert_eq!(item.state, State::Partial, "{item:?}");
}

#[test]
fn the_review_covers_an_input_by_its_text_or_its_four_trends() {
    let review = |body: &str| {
        run(&format!(
            "{BASE}management_review mr \"MR\" {{\n  date 2026-06-01\n  attendees alice\n{body}}}\n"
        ))
    };
    let all_but_performance = "  inputs previous-actions, issues, interested-parties, feedback, risk-assessment\n  input improvement \"Automate deprovisioning\"\n";
    let c = review(all_but_performance);
    assert!(
        codes(&c).contains(&"review/inputs-missing"),
        "{:?}",
        codes(&c)
    );
    let trends = "  trend nonconformities \"n\"\n  trend monitoring \"m\"\n  trend audits \"a\"\n  trend objectives \"o\"\n";
    let c = review(&format!("{all_but_performance}{trends}"));
    assert!(
        !codes(&c).contains(&"review/inputs-missing"),
        "{:#?}",
        c.diagnostics
    );
    let r = &c.model.reviews[0];
    assert_eq!(
        r.presented(isms::model::ReviewInput::Improvement)
            .collect::<Vec<_>>(),
        ["Automate deprovisioning"]
    );
    // Three trends do not cover performance.
    let c = review(&format!(
        "{all_but_performance}{}",
        &trends[..trends.rfind("  trend").unwrap()]
    ));
    assert!(codes(&c).contains(&"review/inputs-missing"));
    // The old syntax stays valid: a decision of strings only.
    let c = review("  inputs previous-actions, issues, interested-parties, performance, feedback, risk-assessment, improvement\n  decision \"Keep\"\n  decision resources \"Budget\"\n");
    assert!(c.diagnostics.is_empty(), "{:#?}", c.diagnostics);
    assert_eq!(c.model.reviews[0].decisions.len(), 2);
    // A decision about something unknown is one diagnostic.
    let c = review("  inputs previous-actions, issues, interested-parties, performance, feedback, risk-assessment, improvement\n  decision budget \"x\"\n");
    assert_eq!(codes(&c), ["value/invalid"], "{:#?}", c.diagnostics);
}

/// A compact dump of a document's tree: headings, fields, tables (columns then rows, one
/// line each, cells as plain text), bullets, paragraphs.
fn dump(d: &Document) -> String {
    let mut out = format!("# {} [{}] ({})\n", d.title, d.stem, d.clause);
    for b in &d.body {
        match b {
            Block::Heading {
                level,
                text,
                anchor,
            } => {
                let _ = writeln!(
                    out,
                    "{} {text}{}",
                    "#".repeat(usize::from(*level)),
                    anchor
                        .as_ref()
                        .map(|a| format!(" {{#{a}}}"))
                        .unwrap_or_default()
                );
            }
            Block::Paragraph(run) => {
                let _ = writeln!(out, "{}", plain(run));
            }
            Block::Fields(fields) => {
                for f in fields {
                    let _ = writeln!(out, "- {}: {}", f.label, plain(&f.value));
                }
            }
            Block::Table(t) => {
                assert!(
                    t.rows.iter().all(|r| r.len() == t.columns.len()),
                    "{}",
                    t.key
                );
                let titles: Vec<_> = t.columns.iter().map(|c| c.title.as_str()).collect();
                let _ = writeln!(out, "[{}] {}", t.key, titles.join(" | "));
                for row in &t.rows {
                    let cells: Vec<_> = row.iter().map(|c| plain(c).replace('\n', " / ")).collect();
                    let _ = writeln!(out, "  {}", cells.join(" | "));
                }
            }
            Block::Bullets(items) => {
                for i in items {
                    let _ = writeln!(out, "* {}", plain(i));
                }
            }
            Block::Banner { text, .. } => {
                let _ = writeln!(out, "! {}", plain(text));
            }
            Block::Prose(p) => {
                let _ = writeln!(out, "{p}");
            }
            Block::Chart(_) => out.push_str("(chart)\n"),
        }
    }
    out
}

#[test]
fn the_documents_of_the_example() {
    let c = acme();
    let derived = Derived::build(&c);
    let docs = isms::emit::documents::all(&c, &derived);
    for stem in [
        "context",
        "legal-register",
        "asset-inventory",
        "roles",
        "audit-coverage",
        "management-review",
    ] {
        let d = docs.iter().find(|d| d.stem == stem).unwrap();
        insta::assert_snapshot!(stem, dump(d));
    }
    // Deterministic: built twice, the same trees.
    assert_eq!(docs, isms::emit::documents::all(&c, &derived));
}

#[test]
fn the_binary_reports_the_coverage_gap_and_explains_it() {
    let fixture = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/rules/audit/coverage-gap.isms"
    );
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_isms"))
        .args([
            "check",
            fixture,
            "--format",
            "json",
            "--today",
            "2026-11-23",
        ])
        .output()
        .unwrap();
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let codes: Vec<&str> = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|d| d["code"].as_str())
        .collect();
    assert_eq!(codes, ["audit/coverage-gap"], "{report:#}");
    // A warning alone: status 0, unless warnings are denied.
    assert_eq!(out.status.code(), Some(0));
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_isms"))
        .args(["explain", "audit/coverage-gap"])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&out.stdout).contains("current cycle"));
}
