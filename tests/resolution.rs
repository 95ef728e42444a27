//! Resolution records every name once (`Model::resolution`): on the example project and on
//! every rule fixture, each reference of the model and each declared name has exactly one
//! entry in the table, in the field it is written in, and a resolved entry points at a
//! declaration with the name that was written.

// clippy.toml allows these in #[test] functions only; the helpers here are test code too.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use isms::model::{Kind, Model, Ref, Referent, Resolution};
use isms::source::Span;
use isms::{compile, Compilation, Input, Options};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
}

/// Every reference of the model with its field, walked by hand over every kind: the
/// oracle the table is held to (resolution itself may walk them any way it likes).
fn references(m: &Model) -> Vec<(&Ref, &'static str)> {
    let mut out: Vec<(&Ref, &'static str)> = Vec::new();
    macro_rules! refs {
        ($items:expr, $field:literal, |$x:ident| $get:expr) => {
            for $x in IntoIterator::into_iter(&$items) {
                for r in IntoIterator::into_iter($get) {
                    out.push((r, $field));
                }
            }
        };
    }
    refs!(m.persons, "roles", |x| &x.roles);
    refs!(m.assets, "owner", |x| &x.owner);
    refs!(m.assets, "depends_on", |x| &x.depends_on);
    refs!(m.risks, "owner", |x| &x.owner);
    refs!(m.risks, "assets", |x| &x.assets);
    refs!(m.risks, "controls", |x| x
        .treatment
        .iter()
        .flat_map(|t| &t.controls));
    refs!(m.risks, "accepted_by", |x| x
        .treatment
        .iter()
        .flat_map(|t| t.accepted.as_ref().map(|s| &s.by)));
    refs!(m.controls, "owner", |x| &x.owner);
    refs!(m.exclusions, "exclude", |x| &x.controls);
    refs!(m.requirements, "controls", |x| &x.controls);
    refs!(m.policies, "owner", |x| &x.owner);
    refs!(m.policies, "approved_by", |x| x
        .approved
        .as_ref()
        .map(|s| &s.by));
    refs!(m.policies, "parent", |x| &x.parent);
    refs!(m.policies, "implements", |x| &x.implements);
    refs!(m.objectives, "owner", |x| &x.owner);
    refs!(m.objectives, "risks", |x| &x.risks);
    refs!(m.objectives, "controls", |x| &x.controls);
    refs!(m.metrics, "owner", |x| &x.owner);
    refs!(m.metrics, "objectives", |x| &x.objectives);
    refs!(m.trainings, "owner", |x| &x.owner);
    refs!(m.trainings, "audience", |x| &x.audience);
    refs!(m.programmes, "owner", |x| &x.owner);
    refs!(m.audits, "auditor", |x| &x.auditor);
    refs!(m.audits, "controls", |x| &x.controls);
    refs!(m.audits, "policies", |x| &x.policies);
    refs!(m.audits, "findings", |x| &x.findings);
    refs!(m.reviews, "attendees", |x| &x.attendees);
    refs!(m.incidents, "assets", |x| &x.assets);
    refs!(m.incidents, "risks", |x| &x.risks);
    refs!(m.incidents, "nonconformities", |x| &x.nonconformities);
    refs!(m.incidents, "controls", |x| &x.controls);
    refs!(m.nonconformities, "owner", |x| &x.owner);
    refs!(m.nonconformities, "controls", |x| &x.controls);
    refs!(m.nonconformities, "risks", |x| &x.risks);
    refs!(m.requirements, "owner", |x| &x.owner);
    refs!(m.interested_parties, "requirements", |x| &x.requirements);
    refs!(m.interested_parties, "owner", |x| &x.owner);
    refs!(m.issues, "owner", |x| &x.owner);
    refs!(m.issues, "risks", |x| &x.risks);
    refs!(m.documents, "owner", |x| &x.owner);
    refs!(m.documents, "approved_by", |x| x
        .approved
        .as_ref()
        .map(|s| &s.by));
    refs!(m.documents, "approver_role", |x| &x.approver_role);
    // Only the methodology in effect: a second one is reported and not read.
    refs!(m.methodologies.first(), "accept", |x| &x.accept);
    refs!(m.methodologies.first(), "accept", |x| x
        .authorities
        .iter()
        .map(|a| &a.level));
    // The party of `accept LEVEL by PARTY` is a name like any other, in every methodology.
    refs!(m.methodologies, "accept", |x| x
        .authorities
        .iter()
        .map(|a| &a.by));
    out
}

/// Every declared name: (span, name, kind), catalog entries as controls.
fn definitions(m: &Model) -> Vec<(Span, &str, Option<Kind>)> {
    let mut out: Vec<(Span, &str, Option<Kind>)> = Vec::new();
    macro_rules! defs {
        ($items:expr, $kind:expr) => {
            for x in &$items {
                out.push((x.id.span, x.id.text.as_str(), Some($kind)));
            }
        };
    }
    defs!(m.persons, Kind::Person);
    defs!(m.roles, Kind::Role);
    defs!(m.assets, Kind::Asset);
    defs!(m.risks, Kind::Risk);
    defs!(m.controls, Kind::Control);
    defs!(m.requirements, Kind::Requirement);
    defs!(m.policies, Kind::Policy);
    defs!(m.objectives, Kind::Objective);
    defs!(m.metrics, Kind::Metric);
    defs!(m.trainings, Kind::Training);
    defs!(m.audits, Kind::Audit);
    defs!(m.reviews, Kind::Review);
    defs!(m.incidents, Kind::Incident);
    defs!(m.nonconformities, Kind::Nonconformity);
    defs!(m.interested_parties, Kind::InterestedParty);
    defs!(m.issues, Kind::Issue);
    defs!(m.documents, Kind::Document);
    for c in &m.catalogs {
        out.push((c.id.span, c.id.text.as_str(), None));
        for e in &c.entries {
            out.push((e.span, e.id.as_str(), Some(Kind::Control)));
        }
    }
    out
}

/// The name a referent was declared with, found by walking the model (not the table).
fn name(m: &Model, r: Referent) -> &str {
    m.name_of(r)
        .unwrap_or_else(|| panic!("{r:?} is not in the model"))
}

fn check(what: &str, c: &Compilation) -> usize {
    let m = &c.model;
    let table = &m.resolution;
    let refs = references(m);
    let defs = definitions(m);
    let uses: Vec<&isms::model::Use> = m.uses.iter().collect();
    // A mapping's `from` and `to` name catalogs, as `use` does.
    let ends: Vec<&isms::model::Name> = m
        .mappings
        .iter()
        .flat_map(|x| x.from.iter().chain(x.to.iter()))
        .collect();
    assert_eq!(
        table.all().len(),
        refs.len() + defs.len() + uses.len() + ends.len(),
        "{what}: the table has entries for names the model does not hold, or misses some"
    );
    for (r, field) in &refs {
        let found: Vec<_> = table.all().iter().filter(|x| x.span == r.span).collect();
        assert_eq!(found.len(), 1, "{what}: `{}` at {:?}", r.name, r.span);
        let entry = found[0];
        assert!(!entry.definition, "{what}: `{}` is a reference", r.name);
        assert_eq!(table.field(entry), Some(*field), "{what}: `{}`", r.name);
        match entry.resolution {
            Resolution::Resolved(to) | Resolution::WrongKind(to) => {
                assert_eq!(name(m, to), r.name, "{what}: `{}` at {:?}", r.name, r.span)
            }
            Resolution::Unknown(_) => {}
        }
    }
    for (span, text, kind) in &defs {
        let entry = table
            .of_span(*span)
            .unwrap_or_else(|| panic!("{what}: `{text}`"));
        assert!(entry.definition, "{what}: `{text}` is a definition");
        match (entry.resolution, kind) {
            (Resolution::Resolved(to @ Referent::Decl(k, _)), Some(kind)) => {
                assert_eq!(k, *kind, "{what}: `{text}`");
                assert_eq!(name(m, to), *text, "{what}: `{text}`");
            }
            (Resolution::Resolved(to @ Referent::Catalog(_)), None) => {
                assert_eq!(name(m, to), *text)
            }
            // An entry of a catalog the project does not use names no control.
            (Resolution::Unknown(Some(Kind::Control)), Some(Kind::Control)) => {}
            (other, _) => panic!("{what}: `{text}` resolved to {other:?}"),
        }
    }
    for framework in uses.iter().map(|u| &u.framework).chain(ends) {
        let entry = table.of_span(framework.span).unwrap();
        assert!(!entry.definition);
        if let Resolution::Resolved(to) = entry.resolution {
            assert_eq!(name(m, to), framework.text);
        }
    }
    // The table's own order and its query by target agree with a scan.
    let spans: Vec<Span> = table.all().iter().map(|x| x.span).collect();
    assert!(spans.windows(2).all(|w| w[0] < w[1]), "{what}: not sorted");
    for x in table.all() {
        if let Some(to) = x.named() {
            let of: Vec<Span> = table.of(to).map(|y| y.span).collect();
            let mut scan: Vec<(bool, Span)> = table
                .all()
                .iter()
                .filter(|y| y.named() == Some(to))
                .map(|y| (!y.definition, y.span))
                .collect();
            scan.sort();
            assert_eq!(of, scan.into_iter().map(|(_, s)| s).collect::<Vec<_>>());
        }
    }
    refs.len()
}

fn files_under(root: &Path) -> Vec<PathBuf> {
    isms::project::discover(root)
        .files
        .into_iter()
        .map(|f| f.path)
        .collect()
}

fn manifest() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn every_reference_of_the_example_is_recorded_once() {
    let root = manifest().join("examples/acme");
    let inputs: Vec<Input> = isms::project::discover(&root)
        .files
        .iter()
        .map(|f| Input::new(f.name.clone(), std::fs::read(&f.path).unwrap()))
        .collect();
    let c = compile(inputs, &Options { today: today() });
    let n = check("examples/acme", &c);
    assert!(n > 50, "the example has only {n} references");
    // The lifecycle kinds are there too.
    let table = &c.model.resolution;
    for field in ["findings", "objectives", "audience", "attendees"] {
        assert!(
            table.all().iter().any(|x| table.field(x) == Some(field)),
            "no `{field}` reference recorded"
        );
    }
}

#[test]
fn every_reference_of_every_rule_fixture_is_recorded_once() {
    let files = files_under(&manifest().join("tests/fixtures/rules"));
    assert!(files.len() > 40);
    let mut total = 0;
    for path in files {
        let input = Input::new(path.display().to_string(), std::fs::read(&path).unwrap());
        let c = compile(vec![input], &Options { today: today() });
        total += check(&path.display().to_string(), &c);
    }
    assert!(total > 100, "only {total} references in the fixtures");
}

#[test]
fn wrong_kinds_unknowns_and_duplicates() {
    let text = "role ciso \"CISO\"\nrole ciso \"Again\"\nasset app \"App\" {\n  kind software\n  owner app\n  depends_on ghost\n}\nperson bob \"Bob\" { roles ciso }\n";
    let c = compile(
        vec![Input::new("a.isms", text)],
        &Options { today: today() },
    );
    check("inline", &c);
    let table = &c.model.resolution;
    let at = |needle: &str, nth: usize| {
        let start = text.match_indices(needle).nth(nth).unwrap().0;
        table.at(isms::source::FileId(0), start).unwrap()
    };
    let ciso = Referent::Decl(Kind::Role, 0);
    // The second `ciso` is a definition of the first, as its references are.
    assert_eq!(at("ciso", 0).resolution, Resolution::Resolved(ciso));
    assert_eq!(at("ciso", 1).resolution, Resolution::Resolved(ciso));
    assert_eq!(at("ciso", 2).resolution, Resolution::Resolved(ciso));
    assert_eq!(table.of(ciso).count(), 3);
    assert_eq!(
        at("app", 1).resolution,
        Resolution::WrongKind(Referent::Decl(Kind::Asset, 0))
    );
    assert_eq!(
        at("ghost", 0).resolution,
        Resolution::Unknown(Some(Kind::Asset))
    );
}

#[test]
fn a_metric_measures_the_objective_it_names_for_the_rule_and_the_readiness_report() {
    let text = "role ciso \"CISO\"\nperson kim \"Kim\" { roles ciso }\nobjective measured \"M\" {\n  owner ciso\n  target \"t\"\n}\nobjective unmeasured \"U\" {\n  owner ciso\n  target \"t\"\n}\nmetric m1 \"M\" {\n  objectives measured\n  owner ciso\n  target below 5\n}\n";
    let c = compile(
        vec![Input::new("a.isms", text)],
        &Options { today: today() },
    );
    let flagged: Vec<&str> = c
        .diagnostics
        .iter()
        .filter(|d| d.code == isms::diagnostics::Code::ObjectiveNoMetric)
        .map(|d| c.sources.slice(d.span))
        .collect();
    assert_eq!(flagged, ["unmeasured"]);
    let report = c.readiness();
    let gaps: Vec<&String> = report
        .items
        .iter()
        .flat_map(|i| &i.gaps)
        .filter(|g| g.starts_with("no metric measures"))
        .collect();
    assert_eq!(gaps, ["no metric measures objective `unmeasured`"]);
}

#[test]
fn exclusion_of_finds_the_first_exclude_naming_the_control() {
    let files = vec![
        Input::new(
            "a.isms",
            "use iso27001:2022\nexclude A.7.1 because \"one\"\n",
        ),
        Input::new(
            "b.isms",
            "exclude A.7.2, A.7.3 because \"two\"\nexclude A.7.3 because \"again\"\n",
        ),
    ];
    let c = compile(files, &Options { today: today() });
    let m = &c.model;
    let reason = |id: &str| {
        let (e, r) = m.exclusion_of(id)?;
        assert_eq!(r.name, id);
        e.reason.clone()
    };
    assert_eq!(reason("A.7.1").as_deref(), Some("one"));
    assert_eq!(reason("A.7.2").as_deref(), Some("two"));
    assert_eq!(reason("A.7.3").as_deref(), Some("two"));
    assert_eq!(reason("A.7.4"), None);
    assert_eq!(reason("nothing"), None);
}
