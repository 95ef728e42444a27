//! `isms build --format oscal`: every document is valid against NIST's OSCAL 1.2.1
//! schemas (`tests/oscal-schemas/`), carries what the project says, and a second export of
//! the same project is byte-identical.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::BTreeMap;
use std::path::Path;

use chrono::NaiveDate;
use isms::emit::Format;
use isms::{compile, Compilation, Input, Options};
use serde_json::Value;

const ACME: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/acme");
const SCHEMAS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/oscal-schemas");

fn acme() -> Compilation {
    let inputs: Vec<Input> = isms::project::discover(Path::new(ACME))
        .files
        .iter()
        .map(|p| Input::new(p.name.clone(), std::fs::read(&p.path).unwrap()))
        .collect();
    let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
    compile(inputs, &Options { today })
}

fn export(c: &Compilation) -> BTreeMap<String, Value> {
    isms::emit::documents(c, &[Format::Oscal])
        .unwrap()
        .into_iter()
        .map(|d| (d.path, serde_json::from_slice(&d.bytes).unwrap()))
        .collect()
}

fn validator(model: &str) -> jsonschema::Validator {
    let path = Path::new(SCHEMAS).join(format!("oscal_{model}_schema-1.2.1.json"));
    let schema: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    jsonschema::validator_for(&schema).unwrap()
}

#[test]
fn every_document_of_the_example_is_valid_oscal() {
    let c = acme();
    assert!(c.diagnostics.is_empty());
    let docs = export(&c);
    let paths: Vec<&str> = docs.keys().map(String::as_str).collect();
    assert_eq!(
        paths,
        [
            "oscal/catalog-iso27001-2022.json",
            "oscal/catalog-nist-csf-2.0.json",
            "oscal/mapping-nist-csf-2_0-to-iso27001-2022.json",
            "oscal/profile.json",
            "oscal/ssp.json",
        ]
    );
    // The validator does reject what is not OSCAL: an SSP without its UUID.
    let mut broken = docs["oscal/ssp.json"].clone();
    broken["system-security-plan"]
        .as_object_mut()
        .unwrap()
        .remove("uuid");
    assert!(validator("ssp").iter_errors(&broken).next().is_some());
    for (path, doc) in &docs {
        let model = ["catalog", "mapping", "profile", "ssp"]
            .into_iter()
            .find(|m| path.starts_with(&format!("oscal/{m}")))
            .unwrap();
        let errors: Vec<String> = validator(model)
            .iter_errors(doc)
            .map(|e| format!("{} at {}", e, e.instance_path()))
            .take(10)
            .collect();
        assert!(errors.is_empty(), "{path}: {errors:#?}");
    }
}

#[test]
fn the_profile_is_the_soa_and_the_ssp_carries_each_controls_status() {
    let c = acme();
    let docs = export(&c);
    let soa = isms::emit::soa::Soa::build(&c);
    let applicable: Vec<&str> = soa
        .controls
        .iter()
        .filter(|r| r.applicable)
        .map(|r| r.id.as_str())
        .collect();
    let profile = &docs["oscal/profile.json"]["profile"];
    let selected: Vec<&str> = profile["imports"][0]["include-controls"][0]["with-ids"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    assert_eq!(selected, applicable);
    let remarks = profile["metadata"]["remarks"].as_str().unwrap();
    for r in soa.controls.iter().filter(|r| !r.applicable) {
        assert!(
            remarks.contains(&format!("- {} excluded: ", r.id)),
            "{}",
            r.id
        );
    }
    let ssp = &docs["oscal/ssp.json"]["system-security-plan"];
    let requirements = ssp["control-implementation"]["implemented-requirements"]
        .as_array()
        .unwrap();
    assert_eq!(
        requirements.len(),
        soa.controls.len() + soa.additional_controls.len()
    );
    for (row, req) in soa.controls.iter().zip(requirements) {
        assert_eq!(req["control-id"], row.id.as_str());
        let state = req["by-components"][0]["implementation-status"]["state"].as_str();
        let expected = match (row.applicable, row.status) {
            (false, _) => Some("not-applicable"),
            (true, Some(isms::model::Status::Implemented)) => Some("implemented"),
            (true, Some(isms::model::Status::Partial)) => Some("partial"),
            (true, Some(_)) => Some("planned"),
            (true, None) => None,
        };
        assert_eq!(state, expected, "{}", row.id);
        // Each implementing policy is a component of the plan.
        assert_eq!(
            req["by-components"].as_array().unwrap().len(),
            1 + row.policies.len(),
            "{}",
            row.id
        );
    }
    let names: Vec<&str> = ssp["metadata"]["parties"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["name"].as_str().unwrap())
        .collect();
    for person in &c.model.persons {
        assert!(names.contains(&person.name.as_deref().unwrap()));
    }
    // No ISO text: the ISO catalog's controls are titled by their IDs.
    let iso = &docs["oscal/catalog-iso27001-2022.json"]["catalog"];
    for group in iso["groups"].as_array().unwrap() {
        for control in group["controls"].as_array().unwrap() {
            assert_eq!(control["title"], control["id"]);
        }
    }
}

#[test]
fn a_second_export_is_byte_identical_and_uuids_are_stable() {
    let a = isms::emit::documents(&acme(), &[Format::Oscal]).unwrap();
    let b = isms::emit::documents(&acme(), &[Format::Oscal]).unwrap();
    assert_eq!(a, b);
    let ssp: Value =
        serde_json::from_slice(&a.iter().find(|d| d.path == "oscal/ssp.json").unwrap().bytes)
            .unwrap();
    let uuid = ssp["system-security-plan"]["uuid"].as_str().unwrap();
    assert_eq!(&uuid[14..15], "5", "a UUIDv5: {uuid}");
}

#[test]
fn the_cli_writes_oscal_only_when_asked() {
    let dir = tempfile::tempdir().unwrap();
    let run = |out: &Path, format: Option<&str>| {
        let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_isms"));
        cmd.args(["build", "--today", "2026-11-23", "--out"])
            .arg(out)
            .arg(ACME);
        if let Some(f) = format {
            cmd.args(["--format", f]);
        }
        let status = cmd.output().unwrap().status;
        assert!(status.success());
    };
    let (one, two, all) = (
        dir.path().join("1"),
        dir.path().join("2"),
        dir.path().join("all"),
    );
    run(&one, Some("oscal"));
    run(&two, Some("oscal"));
    for name in ["ssp.json", "profile.json", "catalog-iso27001-2022.json"] {
        let a = std::fs::read(one.join("oscal").join(name)).unwrap();
        assert_eq!(
            a,
            std::fs::read(two.join("oscal").join(name)).unwrap(),
            "{name}"
        );
    }
    run(&all, None);
    assert!(
        !all.join("oscal").exists(),
        "oscal is not among the default formats"
    );
}

#[test]
fn an_exported_catalog_imports_back_with_the_same_ids_themes_and_titles() {
    let c = acme();
    let docs = isms::emit::documents(&c, &[Format::Oscal]).unwrap();
    for doc in docs.iter().filter(|d| d.path.starts_with("oscal/catalog-")) {
        let text = isms::import_oscal::catalog(std::str::from_utf8(&doc.bytes).unwrap()).unwrap();
        let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        let back = compile(
            vec![Input::new("imported.isms", text.as_str())],
            &Options { today },
        );
        let imported = &back.model.catalogs[0];
        let original = c
            .model
            .catalogs
            .iter()
            .find(|x| x.id.text == imported.id.text)
            .unwrap_or_else(|| panic!("{}: `{}`", doc.path, imported.id.text));
        let entries =
            |cat: &isms::model::Catalog, titles: bool| -> Vec<(String, Option<String>, String)> {
                cat.entries
                    .iter()
                    .map(|e| {
                        let title = if titles {
                            e.title.clone()
                        } else {
                            String::new()
                        };
                        (e.id.clone(), e.theme.clone(), title)
                    })
                    .collect()
            };
        // Titles travel where the licence lets them out; ISO's stay home.
        let titles = !imported.id.text.starts_with("iso27001");
        assert_eq!(
            entries(imported, titles),
            entries(original, titles),
            "{}",
            doc.path
        );
        assert_eq!(imported.themes.len(), original.themes.len());
    }
}

#[test]
fn isms_import_oscal_catalog_prints_the_catalog_and_refuses_other_files() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("baseline.json");
    std::fs::write(
        &file,
        r#"{"catalog": {"uuid": "0", "metadata": {"title": "Acme baseline"},
            "controls": [{"id": "acme-1", "title": "Laptops are encrypted"}]}}"#,
    )
    .unwrap();
    let run = |args: &[&std::ffi::OsStr]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_isms"))
            .arg("import")
            .args(args)
            .output()
            .unwrap()
    };
    let out = run(&["--oscal-catalog".as_ref(), file.as_os_str()]);
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("catalog acme-baseline \"Acme baseline\" {"),
        "{text}"
    );
    assert!(
        text.contains("  entry acme-1 \"Laptops are encrypted\"\n"),
        "{text}"
    );
    let target = dir.path().join("baseline.isms");
    let out = run(&[
        "--oscal-catalog".as_ref(),
        file.as_os_str(),
        "--out".as_ref(),
        target.as_os_str(),
    ]);
    assert!(out.status.success());
    assert_eq!(std::fs::read_to_string(&target).unwrap(), text);
    // Never over an existing file.
    let again = run(&[
        "--oscal-catalog".as_ref(),
        file.as_os_str(),
        "--out".as_ref(),
        target.as_os_str(),
    ]);
    assert_eq!(again.status.code(), Some(2));
    std::fs::write(&file, "{}").unwrap();
    // From the directory, so that the message is short enough not to be wrapped.
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_isms"))
        .current_dir(dir.path())
        .args(["import", "--oscal-catalog", "baseline.json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    // miette wraps the message where it likes: look for its parts.
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("not an OSCAL catalog") && stderr.contains("`catalog`"),
        "{stderr}"
    );
}
