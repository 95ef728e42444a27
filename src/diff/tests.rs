//! The comparison on pairs of small models: each kind of change is reported once, and
//! nothing else is.

use chrono::NaiveDate;

use super::changes::*;
use super::snapshot::{Applicability, Snapshot};
use super::{compare, Side};
use crate::{compile, Input, Options};

const BASE: &str = include_str!("../../tests/fixtures/cli/clean.isms");

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).unwrap_or_default()
}

fn snapshot(text: &str) -> Snapshot {
    Snapshot::of(&compile(
        vec![Input::new("isms.isms", text)],
        &Options { today: today() },
    ))
}

fn side(label: &str) -> Side {
    Side {
        label: label.to_string(),
        commit: None,
    }
}

fn diff(before: &str, after: &str) -> Changes {
    compare(side("a"), &snapshot(before), side("b"), &snapshot(after))
}

/// `BASE` with `from` replaced by `to`, which must occur.
fn edit(text: &str, from: &str, to: &str) -> String {
    assert!(text.contains(from), "`{from}` is not in the text");
    text.replacen(from, to, 1)
}

#[test]
fn the_same_model_has_no_changes_even_when_reformatted_or_moved() {
    assert!(diff(BASE, BASE).is_empty());
    // Declarations in another order and another layout mean the same.
    let moved = edit(BASE, "role ceo \"Chief Executive Officer\"\n", "").replace(
        "role ciso",
        "role ceo \"Chief Executive Officer\"\nrole   ciso",
    );
    assert!(diff(BASE, &moved).is_empty(), "{:?}", diff(BASE, &moved));
}

#[test]
fn a_status_change_is_reported_once() {
    let after = edit(BASE, "status implemented", "status partial");
    let c = diff(BASE, &after);
    assert_eq!(
        c.statuses,
        vec![StatusChange {
            control: "mfa".to_string(),
            before: Some("implemented".to_string()),
            after: Some("partial".to_string()),
        }]
    );
    assert!(c.applicability.is_empty() && c.risks.is_empty() && c.owners.is_empty());
}

#[test]
fn a_rerated_risk_has_its_levels_before_and_after() {
    let after = edit(BASE, "likelihood 2\n  impact 3", "likelihood 1\n  impact 3");
    let c = diff(BASE, &after);
    assert_eq!(
        c.risks,
        vec![RiskChange::Rerated {
            risk: "R-1".to_string(),
            level_before: Some("high".to_string()),
            level_after: Some("medium".to_string()),
            residual_before: Some("medium".to_string()),
            residual_after: Some("medium".to_string()),
        }]
    );
    assert!(c.treatments.is_empty() && c.acceptances.is_empty());
}

#[test]
fn new_and_removed_risks_are_named_with_their_levels() {
    let risk = "risk R-1 \"Administrator account takeover\"";
    let after = edit(BASE, risk, "risk R-2 \"Administrator account takeover\"");
    let c = diff(BASE, &after);
    assert_eq!(c.risks.len(), 2, "{:?}", c.risks);
    assert!(matches!(&c.risks[0], RiskChange::New { risk, level, .. }
        if risk == "R-2" && level.as_deref() == Some("high")));
    assert!(
        matches!(&c.risks[1], RiskChange::Removed { risk, level, .. }
        if risk == "R-1" && level.as_deref() == Some("high"))
    );
}

#[test]
fn a_treatment_change_shows_both_treatments() {
    let after = edit(
        BASE,
        "    controls mfa\n",
        "    controls mfa\n    due 2027-03-31\n",
    );
    let c = diff(BASE, &after);
    assert_eq!(c.treatments.len(), 1);
    assert_eq!(c.treatments[0].before.due, None);
    assert_eq!(c.treatments[0].after.due.as_deref(), Some("2027-03-31"));
    assert_eq!(c.treatments[0].after.controls, vec!["mfa".to_string()]);
}

#[test]
fn acceptances_given_withdrawn_and_expired() {
    let unaccepted = edit(BASE, "    accepted_by ciso on 2026-01-10\n", "");
    let given = diff(&unaccepted, BASE);
    assert!(
        matches!(given.acceptances.as_slice(), [AcceptanceChange::Given { risk, acceptance }]
            if risk == "R-1" && acceptance.on.as_deref() == Some("2026-01-10")),
        "{:?}",
        given.acceptances
    );
    let withdrawn = diff(BASE, &unaccepted);
    assert!(matches!(
        withdrawn.acceptances.as_slice(),
        [AcceptanceChange::Withdrawn { .. }]
    ));
    // The target rises above what the owner may accept: the signature no longer covers it.
    let above = edit(
        BASE,
        "residual likelihood 1 impact 3",
        "residual likelihood 2 impact 3",
    );
    let expired = diff(BASE, &above);
    assert!(
        matches!(expired.acceptances.as_slice(), [AcceptanceChange::Expired { acceptance, .. }]
            if acceptance.lapsed.as_deref().is_some_and(|w| w.contains("may not accept"))),
        "{:?}",
        expired.acceptances
    );
}

#[test]
fn policies_reapproved_and_overdue() {
    let approval = "approved_by bob on 2026-01-10";
    let after = edit(BASE, approval, "approved_by bob on 2026-06-01");
    let after = edit(&after, "version \"1.0\"", "version \"1.1\"");
    let c = diff(BASE, &after);
    assert_eq!(
        c.policies,
        vec![PolicyChange::Reapproved {
            policy: "infosec".to_string(),
            approved_by: Some("Bob Schmidt (bob)".to_string()),
            on_before: Some("2026-01-10".to_string()),
            on_after: Some("2026-06-01".to_string()),
            version_before: Some("1.0".to_string()),
            version_after: Some("1.1".to_string()),
        }]
    );
    let shorter = edit(BASE, "review every 12 months", "review every 6 months");
    let c = diff(BASE, &shorter);
    assert_eq!(
        c.policies,
        vec![PolicyChange::Overdue {
            policy: "infosec".to_string(),
            since: "2026-07-10".to_string(),
        }]
    );
}

#[test]
fn owners_changed() {
    let after = edit(
        BASE,
        "kind software\n  owner alice",
        "kind software\n  owner bob",
    );
    let c = diff(BASE, &after);
    assert_eq!(
        c.owners,
        vec![OwnerChange {
            kind: "asset",
            id: "app".to_string(),
            before: Some("Alice Meyer (alice)".to_string()),
            after: Some("Bob Schmidt (bob)".to_string()),
        }]
    );
}

#[test]
fn new_nonconformities_and_incidents() {
    let after = format!(
        "{BASE}\nincident INC-1 \"Phishing\" {{\n  date 2026-11-01\n  severity low\n  assets app\n  risks R-1\n}}\n\nnonconformity NC-1 \"Late review\" {{\n  raised 2026-11-02\n  owner ciso\n  root_cause \"No reminder\"\n  action \"Add a reminder\"\n  due 2026-12-31\n  status open\n}}\n"
    );
    let c = diff(BASE, &after);
    assert!(
        matches!(c.incidents.as_slice(), [RecordChange::New(r)] if r.id == "INC-1"
            && r.state.as_deref() == Some("low")),
        "{:?}",
        c.incidents
    );
    assert!(
        matches!(c.nonconformities.as_slice(), [RecordChange::New(r)] if r.id == "NC-1"
            && r.date.as_deref() == Some("2026-11-02")),
        "{:?}",
        c.nonconformities
    );
}

#[test]
fn diagnostics_appear_and_disappear_wherever_they_sit() {
    let after = edit(BASE, "kind software\n  owner alice\n", "kind software\n");
    let c = diff(BASE, &after);
    assert_eq!(c.diagnostics.appeared.len(), 1, "{:?}", c.diagnostics);
    assert_eq!(c.diagnostics.appeared[0].code, "asset/missing-owner");
    assert!(c.diagnostics.disappeared.is_empty());
    let back = diff(&after, BASE);
    assert_eq!(back.diagnostics.disappeared, c.diagnostics.appeared);
    // The same finding further down the file is not a change.
    let shifted = format!("// a comment\n\n{after}");
    assert!(diff(&after, &shifted).is_empty());
}

#[test]
fn applicability_with_its_reason() {
    let catalog = format!("use iso27001:2022\n{BASE}");
    let excluded = format!("{catalog}\nexclude A.7.4 because \"No premises\"\n");
    let c = diff(&catalog, &excluded);
    assert_eq!(
        c.applicability,
        vec![ApplicabilityChange {
            control: "A.7.4".to_string(),
            before: Some(Applicability::Unaddressed),
            after: Some(Applicability::Excluded("No premises".to_string())),
        }]
    );
    let treated = edit(&catalog, "    controls mfa\n", "    controls mfa, A.7.4\n");
    let c = diff(&catalog, &treated);
    assert!(
        matches!(c.applicability.as_slice(), [ApplicabilityChange { control, after: Some(Applicability::Applicable(why)), .. }]
            if control == "A.7.4" && why.contains("R-1")),
        "{:?}",
        c.applicability
    );
}

#[test]
fn the_order_is_the_newer_model_then_what_only_the_older_had() {
    let after = edit(
        BASE,
        "risk R-1 ",
        "risk R-0 \"First\" {\n  assets app\n}\n\nrisk R-1 ",
    );
    let after = edit(
        &after,
        "risk R-1 \"Administrator account takeover\"",
        "risk R-9 \"Administrator account takeover\"",
    );
    let ids: Vec<String> = diff(BASE, &after)
        .risks
        .iter()
        .map(|r| match r {
            RiskChange::New { risk, .. }
            | RiskChange::Removed { risk, .. }
            | RiskChange::Rerated { risk, .. } => risk.clone(),
        })
        .collect();
    assert_eq!(ids, ["R-0", "R-9", "R-1"]);
}
