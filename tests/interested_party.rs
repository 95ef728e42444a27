//! `interested_party` (clause 4.2), the kind added to show what a new declaration kind
//! costs: lowered against its schema, named in its own namespace, its `requirements`
//! resolved like every other reference.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use chrono::NaiveDate;
use isms::diagnostics::Code;
use isms::model::Kind;
use isms::{compile, Compilation, Input, Options};

/// A role, a control and a requirement, then two interested parties.
const FIXTURE: &str = include_str!("fixtures/interested_party.isms");

fn fixture() -> Compilation {
    let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
    compile(
        vec![Input::new("parties.isms", FIXTURE)],
        &Options { today },
    )
}

/// The diagnostics from the first party on (the rest of the fixture is not a whole
/// project: it lacks an organization and a scope): (code, line, message, help).
fn in_parties(c: &Compilation) -> Vec<(Code, usize, String, Option<String>)> {
    let first = FIXTURE.find("interested_party").unwrap();
    c.diagnostics
        .iter()
        .filter(|d| d.span.start() >= first)
        .map(|d| {
            let file = c.sources.get(d.span.file).unwrap();
            let (line, _) = file.line_column(d.span.start());
            (d.code, line, d.message.clone(), d.help.clone())
        })
        .collect()
}

#[test]
fn a_party_is_lowered_and_named_in_its_own_namespace() {
    let c = fixture();
    let parties = &c.model.interested_parties;
    assert_eq!(parties.len(), 2);
    let regulator = &parties[0];
    assert_eq!(regulator.id.text, "regulator");
    assert_eq!(
        regulator.title.as_deref(),
        Some("Data protection authority")
    );
    assert_eq!(
        regulator.needs.as_deref(),
        Some("Breach notification within 72 hours")
    );
    let names = |refs: &[isms::model::Ref]| refs.iter().map(|r| r.name.clone()).collect::<Vec<_>>();
    assert_eq!(names(&regulator.requirements), ["gdpr-art33"]);
    assert_eq!(
        regulator.owner.as_ref().map(|r| r.name.as_str()),
        Some("dpo")
    );
    assert_eq!(c.model.index.get(Kind::InterestedParty, "press"), Some(1));
    assert_eq!(c.model.index.get(Kind::Requirement, "press"), None);
    assert_eq!(Kind::InterestedParty.noun(), "interested_party");
}

#[test]
fn an_unknown_requirement_and_a_missing_need_are_reported_once_each() {
    let c = fixture();
    assert_eq!(
        in_parties(&c),
        [
            (
                Code::FieldMissing,
                20,
                "interested_party `press` has no `needs`".to_string(),
                Some("add `needs \"what the party needs from the ISMS\"`".to_string()),
            ),
            (
                Code::RefUnknown,
                21,
                "no requirement named `gdpr-art34`".to_string(),
                Some("did you mean `gdpr-art33`?".to_string()),
            ),
        ]
    );
}

#[test]
fn a_party_named_as_an_owner_is_the_wrong_kind() {
    let text = "role dpo \"DPO\"\ninterested_party dpo \"D\" {\n  needs \"n\"\n  owner regulator\n}\ninterested_party regulator \"R\" { needs \"n\" }\n";
    let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
    let c = compile(vec![Input::new("a.isms", text)], &Options { today });
    let d = c
        .diagnostics
        .iter()
        .find(|d| d.code == Code::RefWrongKind)
        .expect("ref/wrong-kind");
    assert_eq!(
        d.message,
        "`regulator` is an interested_party, but `owner` needs a person or a role"
    );
}
