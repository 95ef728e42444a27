//! No input makes `isms check` panic or print anything but the report: hostile and broken
//! inputs through the real binary, and a deterministic mutation loop through the library.

// clippy.toml allows these in #[test] functions only; the helpers here are test code too.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::fs;
use std::path::PathBuf;
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};

use chrono::NaiveDate;
use isms::diagnostics::render;
use isms::{compile, Compilation, Input, Options};
use serde_json::Value;

mod common;
use common::{mutate, Rng};

const CLEAN: &str = include_str!("fixtures/cli/clean.isms");
const ERROR: &str = include_str!("fixtures/cli/error.isms");

const TODAY: &str = "2026-11-23";

/// A file under the system temp dir, removed when dropped.
struct TempFile(PathBuf);

impl TempFile {
    fn new(tag: &str, bytes: &[u8]) -> TempFile {
        static NEXT: AtomicUsize = AtomicUsize::new(0);
        let n = NEXT.fetch_add(1, Ordering::Relaxed);
        let dir =
            std::env::temp_dir().join(format!("isms-robust-{tag}-{}-{n}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        let file = dir.join("input.isms");
        fs::write(&file, bytes).unwrap();
        TempFile(file)
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        if let Some(dir) = self.0.parent() {
            let _ = fs::remove_dir_all(dir);
        }
    }
}

/// Run `isms check --format json --today TODAY FILE` on `bytes` and check the contract:
/// exit 0 or 1, stdout is the JSON report (consistent with its own summary), stderr empty.
fn check_bytes(tag: &str, bytes: &[u8]) -> Value {
    let file = TempFile::new(tag, bytes);
    let out = Command::new(env!("CARGO_BIN_EXE_isms"))
        .args(["check", "--format", "json", "--today", TODAY])
        .arg(&file.0)
        .env_remove("NO_COLOR")
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    let shown = preview(bytes);
    let code = out.status.code().unwrap_or_else(|| {
        panic!(
            "{tag}: killed by a signal ({:?}) on {shown}\n{stderr}",
            out.status
        )
    });
    assert!(
        code == 0 || code == 1,
        "{tag}: exit status {code} on {shown}\n{stderr}"
    );
    assert!(
        stderr.is_empty(),
        "{tag}: stderr not empty on {shown}:\n{stderr}"
    );
    let report: Value = serde_json::from_str(&stdout)
        .unwrap_or_else(|e| panic!("{tag}: stdout is not JSON ({e}) on {shown}:\n{stdout}"));
    let diagnostics = report["diagnostics"]
        .as_array()
        .unwrap_or_else(|| panic!("{tag}: {report}"));
    let errors = diagnostics
        .iter()
        .filter(|d| d["severity"] == "error")
        .count() as u64;
    let warnings = diagnostics
        .iter()
        .filter(|d| d["severity"] == "warning")
        .count() as u64;
    assert_eq!(report["summary"]["errors"].as_u64(), Some(errors), "{tag}");
    assert_eq!(
        report["summary"]["warnings"].as_u64(),
        Some(warnings),
        "{tag}"
    );
    assert_eq!(
        code == 1,
        errors > 0,
        "{tag}: exit status {code} with {errors} errors"
    );
    for d in diagnostics {
        for key in ["line", "column", "end_line", "end_column"] {
            assert!(
                d[key].as_u64().is_some_and(|n| n >= 1),
                "{tag}: {key} in {d}"
            );
        }
    }
    report
}

fn preview(bytes: &[u8]) -> String {
    let text = String::from_utf8_lossy(bytes);
    if text.chars().count() > 200 {
        format!(
            "{} bytes starting {:?}…",
            bytes.len(),
            text.chars().take(200).collect::<String>()
        )
    } else {
        format!("{text:?}")
    }
}

fn codes(report: &Value) -> Vec<&str> {
    report["diagnostics"]
        .as_array()
        .map(|ds| ds.iter().filter_map(|d| d["code"].as_str()).collect())
        .unwrap_or_default()
}

fn has_code(report: &Value, code: &str) -> bool {
    codes(report).contains(&code)
}

// ----- broken and hostile inputs through the binary -----------------------------------

#[test]
fn every_truncation_of_a_valid_file() {
    let bytes = CLEAN.as_bytes();
    for end in (0..bytes.len()).step_by(7) {
        check_bytes(&format!("truncated-{end}"), &bytes[..end]);
    }
}

#[test]
fn unbalanced_braces() {
    check_bytes("open-brace", b"{");
    check_bytes("close-brace", b"}");
    check_bytes(
        "open-risk-at-eof",
        format!("{CLEAN}\nrisk R-1 \"x\" {{").as_bytes(),
    );
    check_bytes(
        "many-closing",
        format!("{CLEAN}\n{}\n", "}".repeat(1000)).as_bytes(),
    );
    let report = check_bytes(
        "closing-inside",
        CLEAN
            .replacen("{ roles ciso }", "{ roles ciso }}}}}", 1)
            .as_bytes(),
    );
    assert!(has_code(&report, "syntax/error"), "{report:#}");
}

#[test]
fn unterminated_strings() {
    let report = check_bytes(
        "unterminated-string",
        CLEAN
            .replacen("\"Invoicing application\"", "\"Invoicing application", 1)
            .as_bytes(),
    );
    assert!(has_code(&report, "syntax/error"), "{report:#}");
    check_bytes(
        "unterminated-string-at-eof",
        format!("{CLEAN}\norganization x \"abc").as_bytes(),
    );
    let triple = format!(
        "{CLEAN}\npolicy p \"P\" {{\n  owner ciso\n  version \"1\"\n  \
         section \"S\" \"\"\"\n    text\n"
    );
    let report = check_bytes("unterminated-triple", triple.as_bytes());
    assert!(has_code(&report, "syntax/error"), "{report:#}");
    check_bytes("lone-triple", b"\"\"\"");
    check_bytes("escape-at-eof", b"organization x \"abc\\");
}

#[test]
fn invalid_utf8_is_a_syntax_error() {
    let middle = CLEAN.find("asset app").unwrap();
    let mut bytes = CLEAN.as_bytes()[..middle].to_vec();
    bytes.extend_from_slice(&[0xFF, 0xFE]);
    bytes.extend_from_slice(&CLEAN.as_bytes()[middle..]);
    let report = check_bytes("invalid-utf8", &bytes);
    assert!(has_code(&report, "syntax/error"), "{report:#}");
    // A truncated multi-byte sequence at the end of the file.
    let mut cut = CLEAN.as_bytes().to_vec();
    cut.extend_from_slice("ü".as_bytes().get(..1).unwrap());
    let report = check_bytes("truncated-utf8", &cut);
    assert!(has_code(&report, "syntax/error"), "{report:#}");
    // Invalid bytes inside a string.
    let mut in_string = b"organization acme \"Acme ".to_vec();
    in_string.extend_from_slice(&[0xC0, 0x80, 0xED, 0xA0, 0x80]);
    in_string.extend_from_slice(b"\"\n");
    let report = check_bytes("invalid-utf8-in-string", &in_string);
    assert!(has_code(&report, "syntax/error"), "{report:#}");
}

#[test]
fn nul_bytes() {
    check_bytes("nul-only", b"\0\0\0");
    let with_nul = CLEAN.replacen("asset app", "asset \0app", 1);
    check_bytes("nul-in-ident", with_nul.as_bytes());
    let in_string = CLEAN.replacen("\"Invoicing application\"", "\"Invoicing\0application\"", 1);
    check_bytes("nul-in-string", in_string.as_bytes());
}

#[test]
fn very_long_line_and_string() {
    check_bytes(
        "long-line",
        format!("{CLEAN}\n{}\n", "x".repeat(10_000)).as_bytes(),
    );
    check_bytes(
        "long-comment",
        format!("{CLEAN}\n// {}\n", "é".repeat(10_000)).as_bytes(),
    );
    let long = CLEAN.replacen(
        "\"Invoicing application\"",
        &format!("\"{}\"", "a".repeat(100_000)),
        1,
    );
    let report = check_bytes("long-string", long.as_bytes());
    assert_eq!(
        codes(&report),
        Vec::<&str>::new(),
        "a long string is still valid"
    );
}

#[test]
fn many_declarations() {
    let mut text = CLEAN.to_string();
    for i in 0..5_000 {
        text.push_str(&format!(
            "risk R-x{i} \"Risk {i}\" {{\n  assets app\n  likelihood 1\n  impact 1\n  \
             owner ciso\n  treatment accept {{\n    rationale \"Low\"\n    \
             accepted_by ciso on 2026-01-10\n  }}\n}}\n"
        ));
    }
    let report = check_bytes("many-risks", text.as_bytes());
    assert_eq!(
        report["summary"]["errors"],
        0,
        "{}",
        codes(&report).join(", ")
    );
    // The same block 5,000 times under one name: duplicates, one each.
    let block = "risk R-9 \"Dup\" {\n  owner ciso\n}\n".repeat(5_000);
    let report = check_bytes("many-duplicates", format!("{CLEAN}{block}").as_bytes());
    assert!(has_code(&report, "ref/duplicate"));
}

#[test]
fn deep_nesting() {
    check_bytes("nested-open", "{".repeat(10_000).as_bytes());
    check_bytes(
        "nested-risk",
        format!("{CLEAN}\nrisk R-2 \"x\" {}", "{".repeat(10_000)).as_bytes(),
    );
    check_bytes(
        "nested-balanced",
        format!("{}{}", "{".repeat(10_000), "}".repeat(10_000)).as_bytes(),
    );
}

#[test]
fn comments_only_and_empty() {
    let report = check_bytes(
        "comments-only",
        b"// nothing here\n/// a doc comment on nothing\n//\n",
    );
    assert!(
        has_code(&report, "project/missing-organization"),
        "{report:#}"
    );
    let report = check_bytes("empty", b"");
    assert!(
        has_code(&report, "project/missing-organization"),
        "{report:#}"
    );
    check_bytes("whitespace", b" \n\t\n\r\n   ");
    check_bytes(
        "doc-comment-at-eof",
        format!("{CLEAN}\n/// dangling").as_bytes(),
    );
}

/// (code, line, column, end_line) of every diagnostic.
fn positions(report: &Value) -> Vec<(String, u64, u64, u64)> {
    report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["code"].as_str().unwrap_or_default().to_string(),
                d["line"].as_u64().unwrap_or_default(),
                d["column"].as_u64().unwrap_or_default(),
                d["end_line"].as_u64().unwrap_or_default(),
            )
        })
        .collect()
}

#[test]
fn crlf_checks_like_lf() {
    // Errors from several stages, a syntax error and a triple-quoted section.
    let lf = format!(
        "{ERROR}\npolicy guide \"Guide\" {{\n  owner nobody\n  version \"1\"\n  \
         section \"Intro\" \"\"\"\n    Some *Markdown*.\n  \"\"\"\n  kind = policy\n}}\n\
         asset db \"DB\" {{\n  kind software\n}}\n"
    );
    let crlf = lf.replace('\n', "\r\n");
    let a = check_bytes("lf", lf.as_bytes());
    let b = check_bytes("crlf", crlf.as_bytes());
    assert!(positions(&a).len() >= 4, "{a:#}");
    assert_eq!(positions(&a), positions(&b));
    // And a clean file stays clean.
    let report = check_bytes("crlf-clean", CLEAN.replace('\n', "\r\n").as_bytes());
    assert_eq!(codes(&report), Vec::<&str>::new(), "{report:#}");
}

#[test]
fn utf8_bom() {
    let report = check_bytes("bom", format!("\u{feff}{CLEAN}").as_bytes());
    assert_eq!(report["summary"]["errors"], 0, "{report:#}");
    let report = check_bytes("bom-error", format!("\u{feff}{ERROR}").as_bytes());
    assert_eq!(
        positions(&report),
        positions(&check_bytes("no-bom-error", ERROR.as_bytes()))
    );
}

#[test]
fn non_ascii_text() {
    let strings = CLEAN
        .replacen("\"Alice Meyer\"", "\"Jürgen Müller 🔐 — Ærøskøbing\"", 1)
        .replacen(
            "\"Invoicing application\"",
            "\"Rechnungs-App 🧾 für Kunden\"",
            1,
        );
    let report = check_bytes("unicode-strings", strings.as_bytes());
    assert_eq!(codes(&report), Vec::<&str>::new(), "{report:#}");
    // Non-ASCII where identifiers, keywords, numbers and dates go.
    for (i, (from, to)) in [
        ("asset app", "asset äpp"),
        ("asset app", "asset 🚀"),
        ("owner alice", "owner 👩"),
        ("likelihood 2", "likelihood ²"),
        ("kind software", "kind söftware"),
        (
            "approved_by bob on 2026-01-10",
            "approved_by bob on ２０２６-01-10",
        ),
        ("organization acme", "örganization acme"),
    ]
    .into_iter()
    .enumerate()
    {
        let text = CLEAN.replacen(from, to, 1);
        assert_ne!(text, CLEAN, "{from}");
        let report = check_bytes(&format!("unicode-ident-{i}"), text.as_bytes());
        assert!(
            report["summary"]["errors"].as_u64() > Some(0),
            "{to}: {report:#}"
        );
    }
}

#[test]
fn columns_count_unicode_scalar_values() {
    // `nobody` is an unknown role after a string of multi-byte characters.
    let text = CLEAN.replacen(
        "person alice \"Alice Meyer\" { roles ciso }",
        "person alice \"Ä🔐ü\" { roles nobody }",
        1,
    );
    let report = check_bytes("columns", text.as_bytes());
    let line = text.lines().position(|l| l.contains("nobody")).unwrap() as u64 + 1;
    let d = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["code"] == "ref/unknown")
        .unwrap_or_else(|| panic!("no ref/unknown: {report:#}"));
    // `person alice "Ä🔐ü" { roles ` is 27 characters (but 32 bytes).
    assert_eq!(
        (d["line"].as_u64(), d["column"].as_u64()),
        (Some(line), Some(28)),
        "{d}"
    );
    assert_eq!(d["end_column"].as_u64(), Some(34), "{d}");
}

// ----- mutations through the library --------------------------------------------------

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).unwrap_or_default()
}

/// Every span fits its file on char boundaries, and both renderers accept the result.
fn assert_well_formed(c: &Compilation, what: &str) {
    for d in &c.diagnostics {
        let spans = std::iter::once(d.span).chain(d.labels.iter().map(|l| l.span));
        for span in spans {
            let file = c
                .sources
                .get(span.file)
                .unwrap_or_else(|| panic!("{what}: bad file in {d:?}"));
            assert!(
                span.start() <= span.end()
                    && span.end() <= file.text.len()
                    && file.text.is_char_boundary(span.start())
                    && file.text.is_char_boundary(span.end()),
                "{what}: span {span:?} does not fit `{}` ({} bytes): {d:?}",
                file.name,
                file.text.len()
            );
        }
    }
    let report = render::json_report(&c.sources, &c.diagnostics);
    assert_eq!(report.diagnostics.len(), c.diagnostics.len());
    serde_json::to_string(&report).unwrap();
    let human = render::human(&c.sources, &c.diagnostics, false);
    assert!(c.diagnostics.is_empty() || !human.is_empty(), "{what}");
}

#[test]
fn random_mutations_do_not_crash() {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let options = Options { today: today() };
    for originals in [CLEAN, ERROR] {
        for i in 0..150 {
            let bytes = mutate(&mut rng, originals.as_bytes());
            let what = format!("mutation {i} of {}", preview(&bytes));
            let result = std::panic::catch_unwind(|| {
                let c = compile(vec![Input::new("input.isms", bytes.clone())], &options);
                assert_well_formed(&c, &what);
            });
            assert!(result.is_ok(), "{what}: the compiler panicked");
        }
    }
}

#[test]
fn truncations_through_the_library_are_well_formed() {
    let options = Options { today: today() };
    for text in [CLEAN, ERROR] {
        let bytes = text.as_bytes();
        // Every 6th byte from 1 (the binary test takes every 7th from 0); every byte would
        // take over half a minute in debug mode.
        for end in (1..=bytes.len()).step_by(6) {
            let c = compile(vec![Input::new("input.isms", &bytes[..end])], &options);
            assert_well_formed(&c, &format!("truncated at {end}"));
        }
    }
}

#[test]
fn mutations_are_deterministic() {
    let options = Options { today: today() };
    let mut rng = Rng(0xDEAD_BEEF_CAFE_F00D);
    for _ in 0..20 {
        let bytes = mutate(&mut rng, CLEAN.as_bytes());
        let a = compile(vec![Input::new("input.isms", bytes.clone())], &options);
        let b = compile(vec![Input::new("input.isms", bytes)], &options);
        assert_eq!(a.diagnostics, b.diagnostics);
    }
}
