//! `isms build`: the documents of a small fixture as snapshots, the SoA of the example,
//! the tabular formats agreeing row by row, HTML escaping, byte-identical rebuilds, and
//! nothing written from a model with errors.

// Helpers outside `#[test]` functions unwrap too: a failure there is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::BTreeMap;
use std::fs;
use std::io::Cursor;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};

use calamine::{Data, Reader, Xlsx};
use chrono::NaiveDate;
use isms::emit::{self, Document, Format};
use isms::{compile, Compilation, Input, Options};
use serde_json::Value;

const SMALL: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/build/small");
const ACME: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/acme");
const TODAY: &str = "2026-11-23";

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
}

/// Every `.isms` file below `root`, named relative to it, in path order.
fn inputs(root: &Path) -> Vec<Input> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        for entry in fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|x| x == "isms") {
                out.push(path);
            }
        }
    }
    let mut files = Vec::new();
    walk(root, &mut files);
    let mut named: Vec<(String, PathBuf)> = files
        .into_iter()
        .map(|p| {
            let name = p
                .strip_prefix(root)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            (name, p)
        })
        .collect();
    named.sort();
    named
        .into_iter()
        .map(|(name, p)| Input::new(name, fs::read(p).unwrap()))
        .collect()
}

fn compiled(inputs: Vec<Input>) -> Compilation {
    let c = compile(inputs, &Options { today: today() });
    let errors: Vec<_> = c.diagnostics.iter().filter(|d| d.is_error()).collect();
    assert!(errors.is_empty(), "the project has errors: {errors:#?}");
    c
}

fn all_formats() -> Vec<Format> {
    // The paged formats have their own tests (`emit::pdf`, `emit::docx`, `.ci/pdf-check`).
    Format::ALL
        .iter()
        .map(|(_, f)| *f)
        .filter(|f| f.is_default())
        .collect()
}

fn build(c: &Compilation) -> BTreeMap<String, Vec<u8>> {
    emit::documents(c, &all_formats())
        .unwrap()
        .into_iter()
        .map(|Document { path, bytes }| (path, bytes))
        .collect()
}

fn text(docs: &BTreeMap<String, Vec<u8>>, path: &str) -> String {
    String::from_utf8(
        docs.get(path)
            .unwrap_or_else(|| panic!("no {path}"))
            .clone(),
    )
    .unwrap()
}

// ----- snapshots ----------------------------------------------------------------------

#[test]
fn every_text_document_of_the_small_fixture() {
    let docs = build(&compiled(inputs(Path::new(SMALL))));
    let paths: Vec<&str> = docs.keys().map(String::as_str).collect();
    insta::assert_snapshot!("small-files", paths.join("\n"));
    for (path, bytes) in &docs {
        if path.ends_with(".xlsx") {
            assert!(bytes.starts_with(b"PK"), "{path} is not a zip file");
            continue;
        }
        let text = String::from_utf8(bytes.clone()).unwrap();
        if path.ends_with(".csv") {
            // RFC 4180: every record ends with CRLF. The snapshot shows plain lines.
            assert!(text.ends_with("\r\n"), "{path}");
            assert_eq!(
                text.matches('\n').count(),
                text.matches("\r\n").count(),
                "{path}"
            );
        }
        let name = format!("small-{}", path.replace('/', "-"));
        insta::assert_snapshot!(name, without_stylesheet(&text.replace("\r\n", "\n")));
    }
}

/// The embedded stylesheet is the same in every page and is reviewed as
/// `src/emit/html/style.css`: snapshots show a placeholder.
fn without_stylesheet(html: &str) -> String {
    match (html.find("<style>"), html.find("</style>")) {
        (Some(a), Some(b)) if a < b => {
            format!("{}<style>/* style.css */{}", &html[..a], &html[b..])
        }
        _ => html.to_string(),
    }
}

// ----- the example --------------------------------------------------------------------

#[test]
fn acme_soa_lists_every_catalog_control_once_in_catalog_order() {
    let docs = build(&compiled(inputs(Path::new(ACME))));
    let soa: Value = serde_json::from_str(&text(&docs, "soa.json")).unwrap();
    let controls = soa["controls"].as_array().unwrap();
    assert_eq!(controls.len(), 93);
    let ids: Vec<&str> = controls.iter().map(|c| c["id"].as_str().unwrap()).collect();
    let catalog = include_str!("../stdlib/iso27001-2022.isms");
    let expected: Vec<&str> = catalog
        .lines()
        .filter_map(|l| l.trim_start().strip_prefix("entry "))
        .filter_map(|l| l.split_whitespace().next())
        .collect();
    assert_eq!(ids, expected);
    for c in controls {
        let excluded = !c["exclusion_reason"].is_null();
        assert_ne!(c["applicable"].as_bool().unwrap(), excluded, "{c}");
    }
    assert_eq!(
        soa["summary"]["total"]["controls"],
        93 + soa["additional_controls"].as_array().unwrap().len()
    );
    // Every policy gets its pages.
    for p in ["infosec", "access-control"] {
        assert!(docs.contains_key(&format!("policies/{p}.html")), "{p}");
        assert!(docs.contains_key(&format!("policies/{p}.md")), "{p}");
    }
}

// ----- the tabular formats agree ------------------------------------------------------

fn list(v: &Value, sep: &str) -> String {
    v.as_array()
        .map(|a| {
            a.iter()
                .map(|x| x.as_str().unwrap_or_default().to_string())
                .collect::<Vec<_>>()
                .join(sep)
        })
        .unwrap_or_default()
}

fn s(v: &Value) -> String {
    match v {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        Value::Bool(b) => if *b { "yes" } else { "no" }.to_string(),
        other => other.to_string(),
    }
}

/// The SoA columns, computed from `soa.json` independently of the emitter's table code.
fn soa_expected(row: &Value) -> Vec<String> {
    vec![
        s(&row["id"]),
        s(&row["title"]),
        s(&row["theme"]),
        s(&row["applicable"]),
        s(&row["justification"]),
        list(&row["risks"], ", "),
        list(&row["requirements"], ", "),
        s(&row["exclusion_reason"]),
        s(&row["status"]),
        s(&row["owner"]),
        s(&row["owner_name"]),
        list(&row["policies"], ", "),
        list(&row["evidence"], "; "),
        list(&row["open_nonconformities"], ", "),
    ]
}

fn risk_expected(r: &Value) -> Vec<String> {
    let assets: Vec<String> = r["assets"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| s(&a["id"]))
        .collect();
    let controls: Vec<String> = r["controls"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            let status = if c["status"].is_null() {
                "no record".to_string()
            } else {
                s(&c["status"])
            };
            format!("{} ({status})", s(&c["id"]))
        })
        .collect();
    vec![
        s(&r["id"]),
        s(&r["title"]),
        assets.join(", "),
        s(&r["threat"]),
        s(&r["vulnerability"]),
        s(&r["likelihood"]["value"]),
        s(&r["likelihood"]["label"]),
        s(&r["impact"]["value"]),
        s(&r["impact"]["label"]),
        s(&r["score"]),
        s(&r["level"]),
        s(&r["owner"]["id"]),
        s(&r["owner"]["name"]),
        s(&r["treatment"]),
        s(&r["rationale"]),
        s(&r["transfer_to"]),
        controls.join(", "),
        s(&r["current_score"]),
        s(&r["current_level"]),
        s(&r["residual_likelihood"]["value"]),
        s(&r["residual_impact"]["value"]),
        s(&r["residual_score"]),
        s(&r["residual_level"]),
        s(&r["accepted_by"]["id"]),
        s(&r["accepted_by"]["name"]),
        s(&r["accepted_as"]),
        s(&r["accepted_on"]),
        s(&r["due"]),
        s(&r["done"]),
        s(&r["reviewed"]),
        s(&r["next_review"]),
    ]
}

fn plan_expected(p: &Value) -> Vec<String> {
    vec![
        s(&p["risk"]),
        s(&p["risk_title"]),
        s(&p["level"]),
        s(&p["treatment"]),
        s(&p["control"]),
        s(&p["action"]),
        s(&p["status"]),
        s(&p["owner"]["id"]),
        s(&p["owner"]["name"]),
        s(&p["accepted_by"]["id"]),
        s(&p["accepted_as"]),
        s(&p["accepted_on"]),
        s(&p["control_owner"]["id"]),
        s(&p["control_due"]),
        s(&p["treatment_due"]),
        s(&p["overdue"]),
    ]
}

/// Data rows of a CSV file (the header row dropped).
fn csv_rows(text: &str) -> Vec<Vec<String>> {
    let mut r = csv::Reader::from_reader(text.as_bytes());
    r.records()
        .map(|rec| rec.unwrap().iter().map(str::to_string).collect())
        .collect()
}

/// Data rows of a worksheet (the header row dropped), cells as CSV would write them.
fn xlsx_rows(bytes: &[u8], sheet: &str) -> Vec<Vec<String>> {
    let mut wb: Xlsx<_> = Xlsx::new(Cursor::new(bytes.to_vec())).unwrap();
    let range = wb.worksheet_range(sheet).unwrap();
    range
        .rows()
        .skip(1)
        .map(|row| {
            row.iter()
                .map(|c| match c {
                    Data::Empty => String::new(),
                    Data::String(s) => s.clone(),
                    Data::Float(f) => format!("{f}"),
                    Data::Int(n) => n.to_string(),
                    other => panic!("unexpected cell {other:?}"),
                })
                .collect()
        })
        .collect()
}

fn agree(what: &str, json: Vec<Vec<String>>, csv: Vec<Vec<String>>, xlsx: Vec<Vec<String>>) {
    assert_eq!(json.len(), csv.len(), "{what}: JSON and CSV row counts");
    assert_eq!(json.len(), xlsx.len(), "{what}: JSON and XLSX row counts");
    for (i, ((j, c), x)) in json.iter().zip(&csv).zip(&xlsx).enumerate() {
        assert_eq!(j, c, "{what} row {i}: JSON vs CSV");
        assert_eq!(j, x, "{what} row {i}: JSON vs XLSX");
    }
}

fn assert_formats_agree(docs: &BTreeMap<String, Vec<u8>>) {
    let soa: Value = serde_json::from_str(&text(docs, "soa.json")).unwrap();
    let rows: Vec<Vec<String>> = soa["controls"]
        .as_array()
        .unwrap()
        .iter()
        .chain(soa["additional_controls"].as_array().unwrap())
        .map(soa_expected)
        .collect();
    let xlsx = &docs["soa.xlsx"];
    agree(
        "soa",
        rows,
        csv_rows(&text(docs, "soa.csv")),
        xlsx_rows(xlsx, "Statement of Applicability"),
    );

    let summary = xlsx_rows(xlsx, "Summary");
    let total = summary.last().unwrap();
    assert_eq!(total[0], "Total");
    assert_eq!(total[1], s(&soa["summary"]["total"]["controls"]));

    let register: Value = serde_json::from_str(&text(docs, "risk-register.json")).unwrap();
    let xlsx = &docs["risk-register.xlsx"];
    let risks = register["risks"]
        .as_array()
        .unwrap()
        .iter()
        .map(risk_expected)
        .collect();
    agree(
        "risks",
        risks,
        csv_rows(&text(docs, "risk-register.csv")),
        xlsx_rows(xlsx, "Risk register"),
    );
    let plan = register["treatment_plan"]
        .as_array()
        .unwrap()
        .iter()
        .map(plan_expected)
        .collect();
    agree(
        "plan",
        plan,
        csv_rows(&text(docs, "treatment-plan.csv")),
        xlsx_rows(xlsx, "Treatment plan"),
    );
}

#[test]
fn csv_json_and_xlsx_agree_row_by_row() {
    assert_formats_agree(&build(&compiled(inputs(Path::new(SMALL)))));
    assert_formats_agree(&build(&compiled(inputs(Path::new(ACME)))));
}

#[test]
fn risks_are_sorted_by_level_then_id() {
    let docs = build(&compiled(inputs(Path::new(SMALL))));
    let register: Value = serde_json::from_str(&text(&docs, "risk-register.json")).unwrap();
    let ids: Vec<String> = register["risks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| s(&r["id"]))
        .collect();
    // R-1, R-3 and R-10 are high (R-10 after R-3: natural order), R-2 is low.
    assert_eq!(ids, ["R-1", "R-3", "R-10", "R-2"]);
}

// ----- escaping -----------------------------------------------------------------------

#[test]
fn user_text_is_escaped_in_every_html_file() {
    const EVIL: &str = "<script>alert(1)</script>";
    let mut files = inputs(Path::new(SMALL));
    for input in &mut files {
        let text = String::from_utf8(input.bytes.clone()).unwrap();
        let text = text
            .replace("Fixture Analytics GmbH", &format!("Fixture {EVIL} GmbH"))
            .replace("Development and operation", &format!("{EVIL} Development"))
            .replace("Ada Lovelace", &format!("Ada {EVIL}"))
            .replace("Event data exfiltrated", &format!("{EVIL} exfiltrated"))
            .replace("Phishing of administrators", EVIL)
            .replace(
                "Hardware security keys for administrators",
                &format!("Keys {EVIL}"),
            )
            .replace("Okta group rules export", &format!("Okta {EVIL}"))
            .replace(
                "\"Information Security Policy\"",
                &format!("\"Policy {EVIL}\""),
            )
            .replace(
                "section \"Purpose\"",
                &format!("section \"Purpose {EVIL}\""),
            )
            .replace(
                "It applies to all staff",
                &format!("{EVIL}\n\n    <img src=x onerror=alert(1)> It applies to all staff"),
            )
            .replace(
                "Every information asset",
                &format!("{EVIL} Every information asset"),
            )
            .replace("\"Rare: less than", &format!("\"{EVIL} Rare: less than"))
            .replace("\"Switch the last", &format!("\"{EVIL} Switch the last"));
        input.bytes = text.into_bytes();
    }
    let docs = build(&compiled(files));
    let mut html_files = 0;
    let mut escaped = 0;
    for (path, bytes) in &docs {
        if !path.ends_with(".html") {
            continue;
        }
        html_files += 1;
        let html = String::from_utf8(bytes.clone()).unwrap().to_lowercase();
        assert!(!html.contains("<script"), "{path} holds a raw <script");
        assert!(!html.contains("<img"), "{path} holds a raw <img");
        if html.contains("&lt;script&gt;") {
            escaped += 1;
        }
    }
    // Every page shows the organization's name, so every page shows the escaped text.
    assert_eq!(escaped, html_files, "some HTML file lost the escaped text");
    assert!(html_files >= 7, "{html_files}");
}

// ----- the command --------------------------------------------------------------------

/// A fresh directory under the system temp dir, removed when dropped.
struct TempDir(PathBuf);

impl TempDir {
    fn new(tag: &str) -> TempDir {
        static NEXT: AtomicUsize = AtomicUsize::new(0);
        let n = NEXT.fetch_add(1, Ordering::Relaxed);
        let dir = std::env::temp_dir().join(format!("isms-build-{tag}-{}-{n}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        TempDir(dir)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

fn isms_build(project: &Path, out: &Path) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_isms"))
        .args(["build", "--today", TODAY, "--out"])
        .arg(out)
        .arg(project)
        .output()
        .unwrap()
}

/// Every file below `dir`, relative path → bytes.
fn read_tree(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    fn walk(root: &Path, dir: &Path, out: &mut BTreeMap<String, Vec<u8>>) {
        for entry in fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(root, &path, out);
            } else {
                let name = path
                    .strip_prefix(root)
                    .unwrap()
                    .to_string_lossy()
                    .replace('\\', "/");
                out.insert(name, fs::read(&path).unwrap());
            }
        }
    }
    let mut out = BTreeMap::new();
    if dir.exists() {
        walk(dir, dir, &mut out);
    }
    out
}

#[test]
fn two_builds_are_byte_identical() {
    let tmp = TempDir::new("twice");
    let (one, two) = (tmp.0.join("one"), tmp.0.join("two"));
    for out in [&one, &two] {
        let o = isms_build(Path::new(SMALL), out);
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    }
    let (a, b) = (read_tree(&one), read_tree(&two));
    assert!(a.keys().any(|k| k.ends_with(".xlsx")));
    assert_eq!(a.keys().collect::<Vec<_>>(), b.keys().collect::<Vec<_>>());
    for (path, bytes) in &a {
        assert!(bytes == &b[path], "{path} differs between two builds");
    }
    // The library gives the same bytes as the command.
    let docs = build(&compiled(inputs(Path::new(SMALL))));
    assert_eq!(docs, a);
}

#[test]
fn a_model_with_errors_writes_nothing() {
    let tmp = TempDir::new("errors");
    let project = tmp.0.join("project");
    fs::create_dir_all(&project).unwrap();
    for input in inputs(Path::new(SMALL)) {
        fs::write(project.join(&input.name), &input.bytes).unwrap();
    }
    fs::write(
        project.join("broken.isms"),
        "risk R-99 \"Nobody owns this\" {\n  likelihood 1\n  impact 1\n  treatment accept {\n    rationale \"x\"\n  }\n}\n",
    )
    .unwrap();
    let out = tmp.0.join("out");
    fs::create_dir_all(&out).unwrap();
    fs::write(out.join("notes.txt"), "mine").unwrap();
    let o = isms_build(&project, &out);
    assert_eq!(
        o.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&o.stdout)
    );
    assert!(String::from_utf8_lossy(&o.stdout).contains("risk/missing-owner"));
    let left = read_tree(&out);
    assert_eq!(left.keys().collect::<Vec<_>>(), ["notes.txt"]);
}

// ----- one SoA framework (issue #11) -----------------------------------------------------

const DORA: &str = r#"catalog dora:2022 "DORA ICT risk management (IDs only)" {
  theme ict "ICT risk management"
  entry ART-6 "ICT risk management framework" {
    theme ict
  }
}

use dora:2022
exclude ART-6 because "Covered by the group's ICT risk framework"
"#;

const OPEN_NC: &str = r#"nonconformity NC-7 "Policy review not recorded" {
  raised 2026-10-05
  owner ciso
  action "Record the review"
  due 2027-01-31
  status open
  controls A.5.1, fx-keys
}
"#;

/// The small fixture with a project catalog in a file named `name`.
fn soa_json_with_catalog_in(name: &str) -> (Value, BTreeMap<String, Vec<u8>>) {
    let mut files = inputs(Path::new(SMALL));
    files.push(Input::new(name, DORA));
    files.push(Input::new("nc.isms", OPEN_NC));
    let docs = build(&compiled(files));
    (
        serde_json::from_str(&text(&docs, "soa.json")).unwrap(),
        docs,
    )
}

#[test]
fn a_project_catalog_sorting_first_does_not_take_over_the_soa() {
    let (first, docs) = soa_json_with_catalog_in("0-dora.isms");
    let (last, _) = soa_json_with_catalog_in("zz-dora.isms");
    assert_eq!(first["framework"], "iso27001:2022");
    let ids: Vec<&str> = first["controls"]
        .as_array()
        .unwrap()
        .iter()
        .chain(first["additional_controls"].as_array().unwrap())
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids.first(), Some(&"A.5.1"));
    assert!(!ids.contains(&"ART-6"), "{ids:?}");
    assert!(ids.contains(&"fx-keys"), "{ids:?}");
    assert_eq!(ids.len(), 94, "93 Annex A controls and one custom control");
    let themes: Vec<&str> = first["summary"]["themes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["title"].as_str().unwrap())
        .collect();
    assert!(!themes.contains(&"ICT risk management"), "{themes:?}");
    // The file order changes nothing.
    assert_eq!(first["controls"], last["controls"]);
    assert_eq!(first["framework"], last["framework"]);
    let md = text(&docs, "soa.md");
    assert!(md.contains("Framework: iso27001:2022."), "{md}");
    assert!(!md.contains("ART-6"));
    assert!(!text(&docs, "soa.csv").contains("ART-6"));
    assert!(!text(&docs, "soa.html").contains("ART-6"));
}

#[test]
fn the_soa_shows_open_nonconformities_in_every_format() {
    let (soa, docs) = soa_json_with_catalog_in("dora.isms");
    let row = |id: &str| {
        soa["controls"]
            .as_array()
            .unwrap()
            .iter()
            .chain(soa["additional_controls"].as_array().unwrap())
            .find(|r| r["id"] == id)
            .unwrap()
            .clone()
    };
    assert_eq!(
        row("A.5.1")["open_nonconformities"],
        serde_json::json!(["NC-7"])
    );
    assert_eq!(
        row("fx-keys")["open_nonconformities"],
        serde_json::json!(["NC-7"])
    );
    assert_eq!(row("A.5.15")["open_nonconformities"], serde_json::json!([]));
    let csv = csv_rows(&text(&docs, "soa.csv"));
    let a51 = csv.iter().find(|r| r[0] == "A.5.1").unwrap();
    assert_eq!(a51.last().map(String::as_str), Some("NC-7"));
    assert!(text(&docs, "soa.md")
        .lines()
        .any(|l| l.starts_with("| A.5.1 |") && l.ends_with("| NC-7 |")));
    assert!(text(&docs, "soa.html").contains("corrective-actions.html#nc-NC-7"));
    assert_formats_agree(&docs);
}

/// Two catalogs in use and none ISO/IEC 27001: `isms build` refuses until `for soa` says
/// which one the SoA covers, then writes that catalog's rows only.
#[test]
fn without_an_iso_catalog_the_soa_covers_the_for_soa_catalog() {
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/rules/soa/framework-ambiguous.isms");
    let source = fs::read_to_string(fixture).unwrap();
    let tmp = TempDir::new("for-soa");
    let project = tmp.0.join("project");
    fs::create_dir_all(&project).unwrap();
    let out = tmp.0.join("out");
    fs::write(project.join("isms.isms"), &source).unwrap();
    let o = isms_build(&project, &out);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stdout).contains("soa/framework-ambiguous"));

    let chosen = source.replacen("use nis2:2022\n", "use nis2:2022 for soa\n", 1);
    assert_ne!(chosen, source);
    fs::write(project.join("isms.isms"), chosen).unwrap();
    let o = isms_build(&project, &out);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stdout)
    );
    let soa: Value = serde_json::from_slice(&fs::read(out.join("soa.json")).unwrap()).unwrap();
    assert_eq!(soa["framework"], "nis2:2022");
    let ids: Vec<&str> = soa["controls"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["ART-21"]);
}
