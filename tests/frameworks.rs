//! The shipped frameworks and their mappings (`stdlib/nist-*.isms`,
//! `stdlib/cc-by-sa/bsi-gspp.isms`): used together with the example, they name only IDs
//! their catalogs have, map no pair twice, and ask for no exclusion; a project's own
//! catalog and mapping are read the same way.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use chrono::NaiveDate;
use isms::{compile, Compilation, Input, Options};

const ACME: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/acme");

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
}

/// The example's files, plus `extra` as one more file.
fn acme_with(extra: &str) -> Compilation {
    let mut inputs: Vec<Input> = isms::project::discover(std::path::Path::new(ACME))
        .files
        .iter()
        .map(|p| Input::new(p.name.clone(), std::fs::read(&p.path).unwrap()))
        .collect();
    inputs.push(Input::new("frameworks.isms", extra));
    compile(inputs, &Options { today: today() })
}

fn codes(c: &Compilation) -> Vec<String> {
    c.diagnostics
        .iter()
        .map(|d| format!("{} {}", d.code.as_str(), d.message))
        .collect()
}

#[test]
fn every_shipped_mapping_names_known_ids_once_and_its_framework_needs_no_exclusions() {
    let c = acme_with("use nist-csf:2.0\nuse nist-sp800-53:r5\nuse bsi-gspp\n");
    assert_eq!(codes(&c), Vec::<String>::new());
    let m = &c.model;
    let in_use = m
        .mappings
        .iter()
        .filter(|x| isms::model::crosswalk::in_use(m, x).is_some())
        .count();
    assert_eq!(in_use, 3);
    // The SoA stays the ISO one.
    let soa = m.soa_catalog.and_then(|i| m.catalogs.get(i)).unwrap();
    assert_eq!(soa.id.text, "iso27001:2022");
}

#[test]
fn the_shipped_mappings_name_only_the_93_annex_a_controls_and_clauses_4_to_10() {
    let c = acme_with("");
    let m = &c.model;
    let iso = m
        .catalogs
        .iter()
        .find(|x| x.id.text == "iso27001:2022")
        .unwrap();
    assert_eq!(iso.entries.len(), 93);
    let annex: Vec<&str> = iso.entries.iter().map(|e| e.id.as_str()).collect();
    let mut named = 0;
    for mapping in &m.mappings {
        let (from, to) = (mapping.from.as_ref().unwrap(), mapping.to.as_ref().unwrap());
        for row in &mapping.rows {
            let iso_side: Vec<&str> = if from.text == "iso27001:2022" {
                vec![row.source.text.as_str()]
            } else if to.text == "iso27001:2022" {
                row.targets.iter().map(|t| t.text.as_str()).collect()
            } else {
                Vec::new()
            };
            for id in iso_side {
                named += 1;
                let ok = annex.contains(&id)
                    || isms::model::crosswalk::clause_number(id)
                        .is_some_and(|n| isms::model::crosswalk::CLAUSES.contains(&n));
                assert!(ok, "`{id}` in `{}`", mapping.id.text);
            }
        }
    }
    assert!(named > 1000, "{named}");
}

#[test]
fn a_project_catalog_and_mapping_are_checked_like_the_shipped_ones() {
    let own = "catalog soc2:2017 \"SOC 2 (IDs only)\" {\n  entry CC6.1\n  entry CC6.2\n}\n\
        mapping soc2-to-iso \"SOC 2 to ISO\" {\n  from soc2:2017\n  to iso27001:2022\n  \
        map CC6.1 A.5.15, A.8.5 subset-of\n  map CC6.2 A.5.16 intersects-with\n}\n\
        use soc2:2017\n";
    assert_eq!(codes(&acme_with(own)), Vec::<String>::new());
    let typo = own.replace("A.5.16", "A.5.166");
    let c = acme_with(&typo);
    assert_eq!(
        codes(&c),
        vec!["mapping/unknown-control `A.5.166` is not a control of `iso27001:2022`"]
    );
    // Without the mapping, the SOC 2 entries must each be decided like any catalog's.
    let unmapped = own
        .replace("to iso27001:2022", "to soc2:2017")
        .replace("A.5.15, A.8.5", "CC6.2")
        .replace("A.5.16", "CC6.1");
    let c = acme_with(&unmapped);
    assert!(
        codes(&c).iter().any(|d| d.starts_with("soa/unaddressed")),
        "{:?}",
        codes(&c)
    );
}

#[test]
fn each_mapped_framework_gets_one_coverage_document_listing_every_requirement() {
    let c = acme_with("use bsi-gspp\n");
    let d = isms::emit::Derived::build(&c);
    let docs: Vec<_> = isms::emit::documents::all(&c, &d)
        .into_iter()
        .filter(|x| x.stem.starts_with("coverage/"))
        .collect();
    let stems: Vec<&str> = docs.iter().map(|x| x.stem.as_str()).collect();
    assert_eq!(stems, ["coverage/nist-csf-2.0", "coverage/bsi-gspp"]);
    let csf = isms::emit::coverage::all(&c, &d.soa);
    let requirements = &csf[0].requirements;
    assert_eq!(requirements.len(), 6 + 22 + 106);
    // Each row of the document is one requirement, with as many cells as columns.
    let table = docs[0]
        .body
        .iter()
        .find_map(|b| match b {
            isms::emit::tree::Block::Table(t) if t.key == "coverage" => Some(t),
            _ => None,
        })
        .unwrap();
    assert_eq!(table.rows.len(), requirements.len());
    assert!(table.rows.iter().all(|r| r.len() == table.columns.len()));
    // The example implements some of what CSF asks and not all of it.
    use isms::emit::coverage::Coverage;
    let count = |k: Coverage| requirements.iter().filter(|r| r.coverage == k).count();
    let counts: Vec<usize> = [
        Coverage::Covered,
        Coverage::Partial,
        Coverage::NotCovered,
        Coverage::Excluded,
    ]
    .map(count)
    .to_vec();
    assert!(counts[0] > 0 && counts[1] > 0, "{counts:?}");
    assert_eq!(counts.iter().sum::<usize>(), requirements.len());
    // Every requirement NIST relates only to clauses 4–10 is covered: every ISMS meets them.
    let mut clause_only = requirements
        .iter()
        .filter(|r| !r.related.is_empty() && r.related.iter().all(|x| x.id.starts_with("clause:")));
    assert!(clause_only.clone().count() > 0);
    assert!(clause_only.all(|r| r.coverage == Coverage::Covered));
}

#[test]
fn a_project_framework_gets_the_same_coverage_document() {
    let own = "catalog soc2:2017 \"SOC 2 (IDs only)\" {\n  entry CC6.1\n  entry CC9.9\n}\n\
        mapping soc2-to-iso \"SOC 2 to ISO\" {\n  from soc2:2017\n  to iso27001:2022\n  \
        map CC6.1 A.5.15, A.8.5 subset-of\n}\nuse soc2:2017\n";
    let c = acme_with(own);
    let d = isms::emit::Derived::build(&c);
    let f = isms::emit::coverage::all(&c, &d.soa);
    let frameworks: Vec<&str> = f.iter().map(|x| x.framework.as_str()).collect();
    // The example's own `use nist-csf:2.0` comes first, in `use` order.
    assert_eq!(frameworks, ["nist-csf:2.0", "soc2:2017"]);
    let ids: Vec<(&str, usize)> = f[1]
        .requirements
        .iter()
        .map(|r| (r.id.as_str(), r.related.len()))
        .collect();
    assert_eq!(ids, [("CC6.1", 2), ("CC9.9", 0)]);
}

/// `isms check --framework` on a copy of the example with `extra` added, on the real binary.
fn check_framework(extra: &str, args: &[&str]) -> std::process::Output {
    let dir = tempfile::tempdir().unwrap();
    for f in isms::project::discover(std::path::Path::new(ACME)).files {
        let to = dir.path().join(&f.name);
        std::fs::create_dir_all(to.parent().unwrap()).unwrap();
        std::fs::copy(&f.path, to).unwrap();
    }
    std::fs::write(dir.path().join("frameworks.isms"), extra).unwrap();
    std::process::Command::new(env!("CARGO_BIN_EXE_isms"))
        .arg("check")
        .arg(dir.path())
        .args(["--today", "2026-11-23"])
        .args(args)
        .output()
        .unwrap()
}

#[test]
fn check_framework_lists_the_uncovered_requirements_and_deny_uncovered_fails_on_them() {
    let own = "catalog soc2:2017 \"SOC 2 (IDs only)\" {\n  entry CC6.1\n  entry CC9.9\n}\n\
        mapping soc2-to-iso \"SOC 2 to ISO\" {\n  from soc2:2017\n  to iso27001:2022\n  \
        map CC6.1 A.5.15\n}\nuse soc2:2017\n";
    let out = check_framework(own, &["--framework", "soc2:2017"]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{text}");
    assert!(
        text.contains("1 of 2 requirements of `soc2:2017` not covered"),
        "{text}"
    );
    assert!(
        text.contains("  CC9.9: no mapping relates it to the ISMS"),
        "{text}"
    );
    assert!(!text.contains("  CC6.1"), "{text}");
    let out = check_framework(own, &["--framework", "soc2:2017", "--deny", "uncovered"]);
    assert_eq!(out.status.code(), Some(1));
    let covered = own.replace("  entry CC9.9\n", "");
    let out = check_framework(
        &covered,
        &["--framework", "soc2:2017", "--deny", "uncovered"],
    );
    assert_eq!(out.status.code(), Some(0));
    let out = check_framework(own, &["--framework", "nist-csf:2.0"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("`nist-csf:2.0` is not a catalog in `use`")
    );
    let out = check_framework(own, &["--deny", "uncovered"]);
    assert_eq!(out.status.code(), Some(2));
}
