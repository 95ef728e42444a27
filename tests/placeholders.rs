//! A sign-off by a person whose name is a placeholder does not count, and each mistake
//! is one message: the name is `text/placeholder`, the missing approval or acceptance is
//! the rule that needs it.

// clippy.toml allows these in #[test] functions only; the helpers here are test code too.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use chrono::NaiveDate;
use isms::{compile, Input, Options};

const BASE: &str = r#"organization acme "Acme Cloud GmbH"
scope "Development and operation of the Acme Invoicing SaaS" { includes "Engineering" }
role ciso "Chief Information Security Officer"
role ceo "Chief Executive Officer"
person alice "Alice Meyer" { roles ciso }
person bob "BOB_NAME" { roles ceo }
methodology {
  likelihood {
    1 "Rare"
    2 "Possible"
    3 "Likely"
  }
  impact {
    1 "Minor"
    2 "Moderate"
    3 "Severe"
  }
  levels {
    low 1..2
    medium 3..4
    high 5..9
  }
  accept medium
  accept high by ceo
}
asset app "Invoicing application" {
  kind software
  owner alice
}
risk R-1 "Administrator account takeover" {
  assets app
  threat "Credential stuffing"
  vulnerability "Password-only administrator login"
  likelihood 3
  impact 3
  owner ciso
  treatment accept {
    rationale "Below the cost of any control"
    accepted_by bob on 2026-01-10
  }
}
policy infosec "Information Security Policy" {
  owner ciso
  version "1.0"
  approved_by bob on 2026-01-10
  review every 12 months
}
"#;

fn codes(bob: &str) -> Vec<String> {
    let text = BASE.replace("BOB_NAME", bob);
    let c = compile(
        vec![Input::new("p.isms", text.into_bytes())],
        &Options {
            today: NaiveDate::from_ymd_opt(2026, 11, 23).unwrap(),
        },
    );
    let mut codes: Vec<String> = c.diagnostics.iter().map(|d| d.code.to_string()).collect();
    codes.sort();
    codes
}

#[test]
fn a_named_signer_signs() {
    assert!(
        codes("Bob Schmidt").is_empty(),
        "{:?}",
        codes("Bob Schmidt")
    );
}

#[test]
fn a_placeholder_signer_signs_nothing() {
    assert_eq!(
        codes("TODO: Full Name"),
        ["policy/unapproved", "risk/unaccepted", "text/placeholder"]
    );
}

#[test]
fn a_placeholder_owner_approving_is_unapproved_not_also_self_approved() {
    let text = BASE
        .replace("BOB_NAME", "TODO: Full Name")
        .replace("{ roles ceo }", "{ roles ceo, ciso }");
    let c = compile(
        vec![Input::new("p.isms", text.into_bytes())],
        &Options {
            today: NaiveDate::from_ymd_opt(2026, 11, 23).unwrap(),
        },
    );
    let codes: Vec<String> = c.diagnostics.iter().map(|d| d.code.to_string()).collect();
    assert!(
        codes.contains(&"policy/unapproved".to_string()),
        "{codes:?}"
    );
    assert!(
        !codes.contains(&"policy/self-approved".to_string()),
        "{codes:?}"
    );
}

#[test]
fn a_misspelt_authority_is_one_message() {
    let text = BASE
        .replace("BOB_NAME", "Bob Schmidt")
        .replace("accept high by ceo", "accept high by cxo");
    let c = compile(
        vec![Input::new("p.isms", text.into_bytes())],
        &Options {
            today: NaiveDate::from_ymd_opt(2026, 11, 23).unwrap(),
        },
    );
    let codes: Vec<&str> = c.diagnostics.iter().map(|d| d.code.as_str()).collect();
    assert_eq!(codes, ["ref/unknown"], "{:#?}", c.diagnostics);
}
