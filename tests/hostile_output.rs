//! Nothing the tool writes can be turned against its reader: a project full of hostile
//! strings (a formula for a name, Markdown and HTML in descriptions, remote images in a
//! policy, ESC, BEL and U+202E in strings, a measurement of 10^15) built into every
//! format, and `isms check` printing such a project to a terminal and to GitHub Actions.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::BTreeMap;
use std::fs;
use std::io::Cursor;
use std::path::{Path, PathBuf};
use std::process::Command;

use calamine::{Data, Reader, Xlsx};
use chrono::NaiveDate;
use isms::check::suppress::Override;
use isms::diagnostics::Code;
use isms::emit::{self, Format, Output};
use isms::{compile_with, Input, Options, Settings};

const FORMULA: &str = "=HYPERLINK(\"http://x\")";
const HIDDEN: [char; 3] = ['\u{1b}', '\u{7}', '\u{202e}'];

/// The hostile project. Its control characters are errors (`text/control-character`), so
/// the documents are built with that code lowered to a warning, as `isms.toml` can.
fn project() -> String {
    format!(
        r#"organization acme "Acme <script>alert(1)</script> GmbH"

scope "Development and operation" {{
  includes "Engineering"
}}

role ciso "Chief Information Security Officer"
person alice "{}" {{ roles ciso }}

methodology {{
  likelihood {{
    1 "Rare"
    2 "Possible"
    3 "Likely"
  }}
  impact {{
    1 "Minor"
    2 "Moderate"
    3 "Severe"
  }}
  levels {{
    low 1..2
    medium 3..4
    high 5..9
  }}
  accept medium
}}

asset app "Invoicing application" {{
  kind software
  owner alice
}}

control mfa "Multi-factor authentication" {{
  status implemented
  owner alice
  evidence "@SUM(1+1)"
}}

/// a
/// # Fake heading
risk R-1 "ESC{esc}]0;pwned{bel} BEL and {rlo}override" {{
  assets app
  threat "-2+3"
  vulnerability "+cmd"
  likelihood 2
  impact 3
  owner alice
  treatment mitigate {{
    controls mfa
    residual likelihood 1 impact 3
    accepted_by alice on 2026-01-10
  }}
}}

/// <!-- hidden
risk R-2 "<script>alert(2)</script>" {{
  assets app
  threat "t"
  vulnerability "v"
  likelihood 1
  impact 1
  owner ciso
  treatment accept {{
    rationale "low"
    accepted_by ciso on 2026-01-10
  }}
}}

policy infosec "Information Security Policy" {{
  owner ciso
  version "1.0"
  approved_by alice on 2026-01-10
  review every 12 months
  section "Purpose" """
    Intro ![x](https://example.invalid/a.png) and ![y](//example.invalid/a.png).

    <!-- hidden

    <script>alert(3)</script>
  """
}}

objective obj "Objective" {{
  owner ciso
  target "t"
  due 2026-12-31
}}

metric big "Big numbers" {{
  objectives obj
  owner ciso
  unit "x"
  target below 5
  measured 2026-03-31 1000000000000000
  measured 2026-06-30 1
}}
"#,
        FORMULA.replace('"', "\\\""),
        esc = '\u{1b}',
        bel = '\u{7}',
        rlo = '\u{202e}',
    )
}

fn options() -> Options {
    Options {
        today: NaiveDate::from_ymd_opt(2026, 11, 23).unwrap(),
    }
}

fn documents() -> BTreeMap<String, Vec<u8>> {
    let settings = Settings {
        overrides: BTreeMap::from([(Code::TextControlCharacter, Override::Warn)]),
        threads: None,
    };
    let c = compile_with(
        vec![Input::new("isms.isms", project())],
        &options(),
        &settings,
    );
    let errors: Vec<_> = c.diagnostics.iter().filter(|d| d.is_error()).collect();
    assert!(errors.is_empty(), "the project has errors: {errors:#?}");
    let hidden = c
        .diagnostics
        .iter()
        .filter(|d| d.code == Code::TextControlCharacter)
        .count();
    // One per string (the title of R-1), not one per character.
    assert_eq!(hidden, 1, "{:#?}", c.diagnostics);
    let formats: Vec<Format> = Format::ALL
        .iter()
        .map(|(_, f)| *f)
        .filter(|f| f.is_default())
        .collect();
    emit::documents(&c, &formats)
        .unwrap()
        .into_iter()
        .map(|Output { path, bytes }| (path, bytes))
        .collect()
}

fn texts(docs: &BTreeMap<String, Vec<u8>>, ext: &str) -> Vec<(String, String)> {
    let found: Vec<_> = docs
        .iter()
        .filter(|(p, _)| p.ends_with(ext))
        .map(|(p, b)| (p.clone(), String::from_utf8(b.clone()).unwrap()))
        .collect();
    assert!(!found.is_empty(), "no {ext} documents");
    found
}

/// The text a reader sees in HTML: tags dropped, entities decoded, blanks collapsed.
fn visible_text(html: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => {
                in_tag = false;
                out.push(' ');
            }
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    let decoded = out
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&");
    decoded.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// What a CommonMark viewer makes of a Markdown document.
fn markdown_as_html(md: &str) -> String {
    let mut html = String::new();
    let parser = pulldown_cmark::Parser::new_ext(md, pulldown_cmark::Options::ENABLE_TABLES);
    pulldown_cmark::html::push_html(&mut html, parser);
    html
}

#[test]
fn csv_cells_never_start_a_formula() {
    let docs = documents();
    let mut owner_seen = false;
    for (path, text) in texts(&docs, ".csv") {
        assert!(!text.contains(HIDDEN), "{path} holds a hidden character");
        let mut reader = csv::Reader::from_reader(text.as_bytes());
        for record in reader.records() {
            for cell in record.unwrap().iter() {
                assert!(
                    !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                    "{path}: cell {cell:?} starts a formula"
                );
                owner_seen |= cell == format!("'{FORMULA}");
            }
        }
    }
    assert!(
        owner_seen,
        "the owner's name is not in the CSV, neutralised"
    );
}

#[test]
fn xlsx_cells_are_strings_never_formulas() {
    let docs = documents();
    let mut owner_seen = false;
    for (path, bytes) in docs.iter().filter(|(p, _)| p.ends_with(".xlsx")) {
        let mut wb: Xlsx<_> = Xlsx::new(Cursor::new(bytes.clone())).unwrap();
        for sheet in wb.sheet_names() {
            let formulas = wb.worksheet_formula(&sheet).unwrap();
            assert!(
                formulas.used_cells().all(|(_, _, f)| f.is_empty()),
                "{path}/{sheet} holds a formula"
            );
            for cell in wb.worksheet_range(&sheet).unwrap().used_cells() {
                if let (_, _, Data::String(s)) = cell {
                    assert!(!s.contains(HIDDEN), "{path}: {s:?}");
                    owner_seen |= s == FORMULA;
                }
            }
        }
    }
    assert!(
        owner_seen,
        "the owner's name is not a string cell in the XLSX"
    );
}

#[test]
fn json_keeps_the_text_and_escapes_control_characters() {
    let docs = documents();
    let register = texts(&docs, "risk-register.json");
    let (_, text) = &register[0];
    assert!(
        !text.contains(['\u{1b}', '\u{7}']),
        "raw control character in JSON"
    );
    assert!(text.contains("\\u001b"), "ESC is not JSON-escaped");
    let value: serde_json::Value = serde_json::from_str(text).unwrap();
    let title = value["risks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == "R-1")
        .unwrap()["title"]
        .as_str()
        .unwrap()
        .to_string();
    assert_eq!(title, "ESC\u{1b}]0;pwned\u{7} BEL and \u{202e}override");
}

#[test]
fn html_pages_load_nothing_and_show_everything_as_text() {
    let docs = documents();
    for (path, html) in texts(&docs, ".html") {
        let lower = html.to_lowercase();
        assert!(
            lower.contains(
                "<meta http-equiv=\"content-security-policy\" content=\"default-src 'none';"
            ),
            "{path}: no CSP"
        );
        for bad in ["<img", "<script", "<!--", "src=", "url("] {
            assert!(!lower.contains(bad), "{path} holds {bad}");
        }
        assert!(!html.contains(HIDDEN), "{path} holds a hidden character");
    }
}

#[test]
fn markdown_adds_no_heading_html_image_or_comment() {
    let docs = documents();
    for (path, md) in texts(&docs, ".md") {
        assert!(!md.contains(HIDDEN), "{path} holds a hidden character");
        let html = markdown_as_html(&md).to_lowercase();
        for bad in [
            "<img", "<script", "<!--", "<h1>fake", "<h2>fake", "<h3>fake",
        ] {
            assert!(!html.contains(bad), "{path} renders {bad}:\n{md}");
        }
        // Only the title block is a top-level heading.
        assert_eq!(html.matches("<h1>").count(), 1, "{path}:\n{md}");
    }
}

#[test]
fn markdown_and_html_show_the_same_text() {
    let docs = documents();
    let shown = [
        FORMULA.to_string(),
        "a # Fake heading".to_string(),
        "<!-- hidden".to_string(),
        "<script>alert(2)</script>".to_string(),
        "Acme <script>alert(1)</script> GmbH".to_string(),
        "ESC␛]0;pwned␇ BEL and \\u{202e}override".to_string(),
    ];
    let page = |ext: &str| {
        let name = format!("risk-register{ext}");
        String::from_utf8(docs[&name].clone()).unwrap()
    };
    let html = visible_text(&page(".html"));
    let md = visible_text(&markdown_as_html(&page(".md")));
    for s in &shown {
        assert!(
            html.contains(s.as_str()),
            "HTML does not show {s:?}:\n{html}"
        );
        assert!(
            md.contains(s.as_str()),
            "Markdown does not show {s:?}:\n{md}"
        );
    }
    let policy = |ext: &str| {
        let name = format!("policies/infosec{ext}");
        String::from_utf8(docs[&name].clone()).unwrap()
    };
    let html = visible_text(&policy(".html"));
    let md = visible_text(&markdown_as_html(&policy(".md")));
    for s in ["<!-- hidden", "<script>alert(3)</script>", "Intro x and y"] {
        assert!(html.contains(s), "HTML does not show {s:?}:\n{html}");
        assert!(md.contains(s), "Markdown does not show {s:?}:\n{md}");
    }
}

#[test]
fn a_huge_measurement_is_printed_whole() {
    // Measurements are a table in every format (the tree has no trend chart): 10^15 is
    // printed as written, neither wrapped nor rounded, next to 1.
    let docs = documents();
    for path in ["objectives.html", "objectives.md"] {
        let text = String::from_utf8(docs[path].clone()).unwrap();
        assert!(text.contains("1000000000000000"), "{path}:\n{text}");
    }
}

// ----- the terminal -------------------------------------------------------------------

struct TempDir(PathBuf);

impl TempDir {
    fn new(tag: &str) -> TempDir {
        let dir = std::env::temp_dir().join(format!("isms-hostile-{tag}-{}", std::process::id()));
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

fn isms_check(dir: &Path, format: &str) -> (String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_isms"))
        .args(["check", "--today", "2026-11-23", "--format", format])
        .arg(dir)
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    (
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

#[test]
fn check_shows_control_characters_as_pictures_with_carets_under_them() {
    let dir = TempDir::new("terminal");
    fs::write(dir.0.join("isms.isms"), project()).unwrap();
    let (stdout, _) = isms_check(&dir.0, "human");
    assert!(!stdout.contains(HIDDEN), "raw control character:\n{stdout}");
    assert!(stdout.contains("error[text/control-character]"), "{stdout}");
    let lines: Vec<&str> = stdout.lines().collect();
    let at = lines
        .iter()
        .position(|l| l.contains("risk R-1 \"ESC␛]0;pwned␇ BEL and \\u{202e}override\""))
        .unwrap_or_else(|| panic!("no excerpt:\n{stdout}"));
    // The caret sits under the `␛`, counted in characters (both are one column wide).
    let column = |l: &str, c: char| l.chars().position(|x| x == c);
    assert_eq!(
        column(lines[at + 1], '^'),
        column(lines[at], '␛'),
        "\n{}\n{}",
        lines[at],
        lines[at + 1]
    );
}

#[test]
fn a_carriage_return_cannot_fake_a_workflow_command() {
    let dir = TempDir::new("github");
    let text = project().replace(
        "/// <!-- hidden",
        "// note\r::error file=isms.isms,line=1::all clear\n/// <!-- hidden",
    );
    fs::write(dir.0.join("isms.isms"), text).unwrap();
    for format in ["human", "github"] {
        let (stdout, _) = isms_check(&dir.0, format);
        assert!(!stdout.contains(HIDDEN), "{format}: raw control character");
        for line in stdout.split(['\n', '\r']) {
            if format == "human" {
                assert!(
                    !line.starts_with("::"),
                    "human: a line reads as a command: {line:?}"
                );
            } else if !line.is_empty() {
                assert!(
                    ["::error ", "::warning ", "::notice "]
                        .iter()
                        .any(|c| line.starts_with(c)),
                    "github: {line:?}"
                );
            }
        }
    }
}

#[test]
fn isms_toml_excerpts_show_control_characters_as_pictures() {
    let dir = TempDir::new("toml");
    fs::write(dir.0.join("isms.isms"), project()).unwrap();
    fs::write(
        dir.0.join("isms.toml"),
        "[rules]\n\"risk/no\u{1b}]0;pwned\u{7}\" = \"warn\"\n",
    )
    .unwrap();
    let (_, stderr) = isms_check(&dir.0, "human");
    // Raw control characters are not even valid TOML: the excerpt shows where they are.
    assert!(stderr.contains("invalid `isms.toml`"), "{stderr}");
    assert!(!stderr.contains(HIDDEN), "raw control character:\n{stderr}");
    assert!(stderr.contains("␛]0;pwned␇"), "{stderr}");
}

#[test]
fn file_names_from_a_cloned_repository_reach_the_terminal_as_pictures() {
    let dir = TempDir::new("names");
    // A file name that would retitle the terminal if printed raw.
    let name = "\u{1b}]0;pwned\u{7}.isms";
    fs::write(dir.0.join(name), "role a \"A\"   {\n}\n").unwrap();
    // `--check` first: it names the file without changing it; then `fmt` formats it.
    for args in [&["fmt", "--check"][..], &["fmt"][..]] {
        let out = Command::new(env!("CARGO_BIN_EXE_isms"))
            .args(args)
            .arg(&dir.0)
            .env("NO_COLOR", "1")
            .output()
            .unwrap();
        let all = format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(!all.contains('\u{1b}') && !all.contains('\u{7}'), "{all:?}");
        assert!(all.contains("␛]0;pwned␇.isms"), "{all:?}");
    }
}
