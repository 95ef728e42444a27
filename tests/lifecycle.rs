//! The ISMS lifecycle (issue #7): lowering and resolution of the lifecycle declarations,
//! the readiness report, and the lifecycle documents of the example.

// Helpers outside `#[test]` functions unwrap too: a failure there is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::Path;
use std::process::Command;

use chrono::NaiveDate;
use isms::check::readiness::State;
use isms::emit::{self, Format};
use isms::{compile, Compilation, Input, Options};

const ACME: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/acme");

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

fn acme() -> Compilation {
    fn walk(dir: &Path, out: &mut Vec<(String, Vec<u8>)>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|x| x == "isms") {
                let name = path
                    .strip_prefix(ACME)
                    .unwrap()
                    .to_string_lossy()
                    .replace('\\', "/");
                out.push((name, std::fs::read(&path).unwrap()));
            }
        }
    }
    let mut files = Vec::new();
    walk(Path::new(ACME), &mut files);
    files.sort();
    let inputs = files.into_iter().map(|(n, b)| Input::new(n, b)).collect();
    compile(inputs, &Options { today: today() })
}

const PEOPLE: &str = "organization acme \"Acme\"\nscope \"S\" { includes \"E\" }\nrole ciso \"CISO\"\nperson alice \"Alice\" { roles ciso }\n";

#[test]
fn review_fields_still_parse_beside_the_new_keywords() {
    let c = run(&format!(
        "{PEOPLE}policy p \"P\" {{\n  owner ciso\n  version \"1\"\n  approved_by alice on 2026-06-01\n  review every 12 months\n}}\n"
    ));
    assert!(!codes(&c).contains(&"syntax/error"), "{:?}", codes(&c));
}

#[test]
fn missing_and_malformed_lifecycle_fields_are_reported() {
    let c = run(&format!(
        "{PEOPLE}management_review MR \"R\" {{\n  date 2026-06-01\n  attendees alice\n}}\n\
         metric m \"M\" {{\n  target below 5\n  measured 2026-01-01\n}}\n\
         training t \"T\" {{\n  audience ciso\n  frequency every 12 months\n  completed 2026-06-01\n  completion 120\n}}\n"
    ));
    let got = codes(&c);
    // A review with neither `inputs` nor `input` lines covers none of 9.3.2.
    assert!(got.contains(&"review/inputs-missing"), "{got:?}");
    assert_eq!(
        got.iter().filter(|c| **c == "value/invalid").count(),
        2,
        "{got:?}"
    );
}

#[test]
fn lifecycle_references_resolve_by_kind() {
    let c = run(&format!(
        "{PEOPLE}audit A \"A\" {{\n  date 2026-05-01\n  auditor ciso\n  findings NC-9\n}}\n\
         programme p1 \"P\" {{ interval every 6 months }}\nprogramme p2 \"P\" {{ interval every 6 months }}\n"
    ));
    let got = codes(&c);
    assert!(
        got.contains(&"ref/wrong-kind"),
        "auditor is a role: {got:?}"
    );
    assert!(
        got.contains(&"ref/unknown"),
        "no nonconformity NC-9: {got:?}"
    );
    assert!(got.contains(&"project/multiple"), "two programmes: {got:?}");
}

#[test]
fn the_example_is_ready_and_clean() {
    let c = acme();
    assert!(c.diagnostics.is_empty(), "{:#?}", c.diagnostics);
    let r = c.readiness();
    let not_provided: Vec<_> = r
        .items
        .iter()
        .filter(|i| i.state != State::Provided)
        .map(|i| i.clause)
        .collect();
    assert!(not_provided.is_empty(), "{not_provided:?}");
    assert!(r.ready());
}

#[test]
fn an_item_whose_only_evidence_is_a_placeholder_is_partial() {
    let item = |c: &isms::Compilation, clause: &str| {
        c.readiness()
            .items
            .into_iter()
            .find(|i| i.clause == clause)
            .unwrap()
    };
    let control = |evidence: &str| {
        format!(
            "{PEOPLE}control c \"C\" {{\n  status implemented\n  owner ciso\n  evidence \"{evidence}\"\n}}\n"
        )
    };
    let real = run(&control("Identity provider policy export"));
    assert_eq!(item(&real, "8.1").state, State::Provided);
    let placeholder = run(&control("TODO: attach the export"));
    let it = item(&placeholder, "8.1");
    assert_eq!(it.state, State::Partial, "{it:?}");
    assert!(it.gaps.iter().any(|g| g.contains("placeholder")), "{it:?}");

    // A policy approved by a person whose name is a placeholder is not approved.
    let approved = |name: &str| {
        run(&format!(
            // Bob holds another role than the policy's owner: not `policy/self-approved`.
            "{PEOPLE}role ceo \"CEO\"\nperson bob \"{name}\" {{ roles ceo }}\n\
             policy p \"P\" {{\n  owner ciso\n  version \"1\"\n  approved_by bob on 2026-06-01\n  review every 12 months\n}}\n"
        ))
    };
    assert_eq!(item(&approved("Bob Schmidt"), "5.2").state, State::Provided);
    assert_eq!(
        item(&approved("TODO: Full Name"), "5.2").state,
        State::Partial
    );
}

#[test]
fn a_project_without_its_lifecycle_is_not_ready() {
    let c = run(PEOPLE);
    let r = c.readiness();
    assert!(!r.ready());
    let missing: Vec<_> = r
        .items
        .iter()
        .filter(|i| i.state == State::Missing)
        .map(|i| i.clause)
        .collect();
    for clause in ["6.2", "7.2", "9.1", "9.2.2", "9.3.3", "10.2"] {
        assert!(
            missing.contains(&clause),
            "{clause} not missing: {missing:?}"
        );
    }
}

#[test]
fn readiness_report_on_the_command_line() {
    let out = Command::new(env!("CARGO_BIN_EXE_isms"))
        .args(["check", ACME, "--today", "2026-11-23", "--readiness"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(out.status.success(), "{text}");
    assert!(text.contains("provided 9.3.3"), "{text}");
    assert!(text.contains("Ready for a Stage 1 audit"), "{text}");
    let refused = Command::new(env!("CARGO_BIN_EXE_isms"))
        .args(["check", ACME, "--format", "json", "--readiness"])
        .output()
        .unwrap();
    assert!(!refused.status.success());
}

#[test]
fn lifecycle_documents_of_the_example() {
    let c = acme();
    let docs = emit::documents(&c, &[Format::Markdown, Format::Html]).unwrap();
    for name in [
        "audit-programme.md",
        "management-review.md",
        "corrective-actions.md",
        "objectives.md",
        "readiness.md",
    ] {
        let doc = docs.iter().find(|d| d.path == name).unwrap();
        insta::assert_snapshot!(name, String::from_utf8(doc.bytes.clone()).unwrap());
    }
    let html = docs.iter().find(|d| d.path == "objectives.html").unwrap();
    let html = String::from_utf8(html.bytes.clone()).unwrap();
    let start = html.find("<main>").unwrap();
    let end = html.find("</main>").unwrap();
    insta::assert_snapshot!("objectives.html-main", &html[start..end]);
    assert!(!html.contains("<script"));
}

#[test]
fn lifecycle_html_escapes_user_text() {
    let c = run(&format!(
        "{PEOPLE}objective o \"<script>alert(1)</script>\" {{\n  owner ciso\n  target \"a & b\"\n}}\n\
         metric m \"<b>m</b>\" {{\n  objectives o\n  target below 5\n  measured 2026-01-01 3\n}}\n\
         nonconformity n \"<img src=x>\" {{\n  owner ciso\n  action \"x\"\n  due 2027-01-01\n  status open\n}}\n"
    ));
    let docs = emit::documents(&c, &[Format::Html]).unwrap();
    for d in docs {
        let text = String::from_utf8(d.bytes).unwrap();
        assert!(!text.contains("<script>alert"), "{}", d.path);
        assert!(!text.contains("<img src=x>"), "{}", d.path);
        assert!(!text.contains("<b>m</b>"), "{}", d.path);
    }
}

#[test]
fn metric_values_may_be_decimal_with_two_places_at_most() {
    let c = run("metric m \"M\" {\n  target below 4.5\n  measured 2026-01-31 4.25\n}\n");
    assert!(
        codes(&c).iter().all(|code| code.starts_with("project/")),
        "{:?}",
        codes(&c)
    );
    let metric = &c.model.metrics[0];
    assert_eq!(
        metric.target.map(|t| t.value.to_string()),
        Some("4.5".to_string())
    );
    assert_eq!(metric.measurements[0].value.to_string(), "4.25");
    assert!(metric
        .target
        .is_some_and(|t| t.met_by(metric.measurements[0].value)));
    let c = run("metric m \"M\" {\n  target below 5\n  measured 2026-01-31 4.125\n}\n");
    assert!(codes(&c).contains(&"value/invalid"), "{:?}", codes(&c));
}
