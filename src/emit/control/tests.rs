//! The declared fields, the approver's role and the draft reasons of a document's control.

use chrono::NaiveDate;

use super::{document_control, BuiltFrom};
use crate::emit::tree::{DocumentControl, DraftReason, History};
use crate::history::ProjectHistory;
use crate::model::Kind;
use crate::{compile, Compilation, Input, Options};

/// The minimal complete project, clean on this date.
const CLEAN: &str = include_str!("../../../tests/fixtures/cli/clean.isms");

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
}

fn compiled(extra: &str) -> Compilation {
    compile(
        vec![
            Input::new("clean.isms", CLEAN),
            Input::new("documents.isms", extra),
        ],
        &Options { today: today() },
    )
}

fn soa(c: &Compilation) -> DocumentControl {
    document_control(c, "soa", "ISMS-SOA", BuiltFrom::Kinds(&[Kind::Control]))
}

const APPROVED: &str = "document soa {\n  id \"DOC-7\"\n  version \"1.4\"\n  owner alice\n  approved_by bob on 2026-10-01\n  classification confidential\n  next_review 2027-10-01\n}\n";

#[test]
fn declared_fields_fill_the_control_and_an_approved_document_is_no_draft() {
    let c = compiled(APPROVED);
    assert!(c.diagnostics.is_empty(), "{:?}", c.diagnostics);
    let d = soa(&c);
    assert_eq!(d.organization, "Acme Cloud GmbH");
    assert_eq!(d.id, "DOC-7");
    assert_eq!(d.version.as_deref(), Some("1.4"));
    assert_eq!(
        d.owner.as_ref().map(|p| p.name.as_str()),
        Some("Alice Meyer")
    );
    assert_eq!(
        d.approver.as_ref().map(|p| p.name.as_str()),
        Some("Bob Schmidt")
    );
    // Bob signs in the role he holds.
    assert_eq!(d.approver_role.as_deref(), Some("Chief Executive Officer"));
    assert_eq!(d.approved, NaiveDate::from_ymd_opt(2026, 10, 1));
    assert_eq!(d.classification, "confidential");
    assert_eq!(d.next_review, NaiveDate::from_ymd_opt(2027, 10, 1));
    assert_eq!(d.draft, []);
    assert_eq!(
        d.history,
        History::Unavailable("the revision history was not read".into())
    );
}

#[test]
fn an_undeclared_document_is_an_unapproved_internal_draft_with_its_default_id() {
    let c = compiled("");
    assert!(c.diagnostics.is_empty(), "{:?}", c.diagnostics);
    let d = soa(&c);
    assert_eq!(d.id, "ISMS-SOA");
    assert_eq!(d.classification, "internal");
    assert_eq!(d.draft, [DraftReason::Unapproved]);
    // A document declared for another stem is not this one's.
    let other = compiled(&APPROVED.replace("document soa", "document scope"));
    assert_eq!(soa(&other).draft, [DraftReason::Unapproved]);
}

#[test]
fn an_approval_without_a_date_is_none() {
    let c = compiled(&APPROVED.replace("bob on 2026-10-01", "bob"));
    assert_eq!(soa(&c).draft, [DraftReason::Unapproved]);
}

#[test]
fn the_approver_role_is_the_role_that_signed_or_the_one_written() {
    let by_role = compiled(&APPROVED.replace("approved_by bob", "approved_by ceo"));
    assert_eq!(
        soa(&by_role).approver_role.as_deref(),
        Some("Chief Executive Officer")
    );
    let written =
        compiled(&APPROVED.replace("  classification", "  approver_role ciso\n  classification"));
    assert_eq!(
        soa(&written).approver_role.as_deref(),
        Some("Chief Information Security Officer")
    );
}

#[test]
fn a_placeholder_approver_an_overdue_review_and_warnings_make_a_draft() {
    let text = APPROVED
        .replace("approved_by bob", "approved_by tbd")
        .replace("next_review 2027-10-01", "next_review 2026-11-01")
        + "person tbd \"TODO: Full Name\" { roles ceo }\n";
    let c = compiled(&text);
    let warnings = c
        .diagnostics
        .iter()
        .filter(|d| d.severity == crate::diagnostics::Severity::Warning)
        .count();
    // `text/placeholder` and `document/review-overdue` warn.
    assert!(warnings >= 2, "{:?}", c.diagnostics);
    assert_eq!(
        soa(&c).draft,
        [
            DraftReason::PlaceholderApprover,
            DraftReason::ReviewOverdue(NaiveDate::from_ymd_opt(2026, 11, 1).unwrap()),
            DraftReason::ProjectWarnings(warnings),
        ]
    );
    // The review is due on its date, overdue the day after.
    let on_the_day = APPROVED.replace("next_review 2027-10-01", "next_review 2026-11-23");
    assert_eq!(soa(&compiled(&on_the_day)).draft, []);
}

#[test]
fn suppressed_warnings_do_not_count() {
    let text = "@allow(document/review-overdue, reason = \"reviewed at the next board meeting\")\n"
        .to_string()
        + &APPROVED.replace("next_review 2027-10-01", "next_review 2026-11-01");
    let c = compiled(&text);
    assert!(c.diagnostics.is_empty(), "{:?}", c.diagnostics);
    assert_eq!(
        soa(&c).draft,
        [DraftReason::ReviewOverdue(
            NaiveDate::from_ymd_opt(2026, 11, 1).unwrap()
        )]
    );
}

#[test]
fn a_policy_is_controlled_by_its_own_fields() {
    let c = compiled("");
    let d = document_control(
        &c,
        "policies/infosec",
        "POL-INFOSEC",
        BuiltFrom::Decl(Kind::Policy, 0),
    );
    assert_eq!(d.id, "POL-INFOSEC");
    assert_eq!(d.version.as_deref(), Some("1.0"));
    assert_eq!(d.approver_role.as_deref(), Some("Chief Executive Officer"));
    assert_eq!(d.next_review, NaiveDate::from_ymd_opt(2027, 1, 10));
    assert_eq!(d.draft, []);
    let late = compile(
        vec![Input::new("clean.isms", CLEAN)],
        &Options {
            today: NaiveDate::from_ymd_opt(2027, 1, 11).unwrap(),
        },
    );
    let d = document_control(
        &late,
        "policies/infosec",
        "POL-INFOSEC",
        BuiltFrom::Decl(Kind::Policy, 0),
    );
    assert_eq!(
        d.draft[0],
        DraftReason::ReviewOverdue(NaiveDate::from_ymd_opt(2027, 1, 10).unwrap())
    );
    let classified = compiled("");
    assert_eq!(
        document_control(
            &classified,
            "policies/infosec",
            "P",
            BuiltFrom::Decl(Kind::Policy, 0)
        )
        .classification,
        "internal"
    );
}

#[test]
fn the_history_lists_the_commits_of_the_files_it_is_built_from() {
    use crate::history::{Commit, GitLog};
    let commit = |hash: &str, subject: &str, files: &[&str]| Commit {
        hash: hash.to_string(),
        date: today(),
        author: "Ann".to_string(),
        subject: subject.to_string(),
        files: files.iter().map(|f| f.to_string()).collect(),
    };
    let mut c = compiled(APPROVED);
    c.history = ProjectHistory::Read(GitLog {
        commits: vec![
            commit("3333333333", "approve the soa", &["documents.isms"]),
            commit("2222222222", "risks only", &["elsewhere.isms"]),
            commit("1111111111", "first", &["clean.isms", "documents.isms"]),
        ],
        uncommitted: ["clean.isms".to_string()].into_iter().collect(),
    });
    let History::Revisions(revisions) = soa(&c).history else {
        panic!("no revisions");
    };
    let seen: Vec<_> = revisions
        .iter()
        .map(|r| (r.commit.as_str(), r.subject.as_str()))
        .collect();
    assert_eq!(
        seen,
        [
            ("", "uncommitted changes"),
            ("3333333333", "approve the soa"),
            ("1111111111", "first"),
        ]
    );
    assert!(revisions[0].is_uncommitted());
    // The policy is declared in clean.isms only.
    let policy = document_control(
        &c,
        "policies/infosec",
        "P",
        BuiltFrom::Decl(Kind::Policy, 0),
    );
    let History::Revisions(revisions) = policy.history else {
        panic!("no revisions");
    };
    assert_eq!(
        revisions
            .iter()
            .map(|r| r.commit.as_str())
            .collect::<Vec<_>>(),
        ["", "1111111111"]
    );
}
