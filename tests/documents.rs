//! The documents as trees (`emit::documents`) and their Markdown: every document of the
//! example as a snapshot, the Markdown's tables held to the tree's, the tree's registers
//! held to the CSV files, the Markdown's tables held to the HTML's, and building twice
//! giving the same bytes.

// Helpers outside `#[test]` functions unwrap too: a failure there is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

#[path = "support/html_tables.rs"]
mod html_tables;
mod support;

use std::collections::BTreeMap;

use isms::emit::tree::{Block, Document};
use isms::emit::{self, documents, Derived, Format};
use support::{acme, markdown_tables, normalize, tree_table, tree_tables, Grid};

fn trees() -> Vec<Document> {
    let c = acme();
    documents::all(&c, &Derived::build(&c))
}

fn outputs(formats: &[Format]) -> BTreeMap<String, String> {
    let c = acme();
    emit::documents(&c, formats)
        .unwrap()
        .into_iter()
        .filter(|o| !o.path.ends_with(".xlsx"))
        .map(|o| (o.path, String::from_utf8(o.bytes).unwrap()))
        .collect()
}

#[test]
fn every_document_of_the_example_in_markdown() {
    let md = outputs(&[Format::Markdown]);
    let docs = trees();
    assert_eq!(md.len(), docs.len(), "one Markdown file per document");
    for d in &docs {
        let path = format!("{}.md", d.stem);
        let text = md
            .get(&path)
            .unwrap_or_else(|| panic!("{path} not written"));
        insta::assert_snapshot!(format!("acme-{}", d.stem.replace('/', "-")), text);
    }
}

#[test]
fn every_tree_row_has_a_cell_per_column() {
    let mut tables = 0;
    for d in trees() {
        for b in &d.body {
            let t = match b {
                Block::Table(t) => t.clone(),
                Block::Chart(c) => c.table(),
                _ => continue,
            };
            tables += 1;
            for (n, row) in t.rows.iter().enumerate() {
                assert_eq!(row.len(), t.columns.len(), "{}: {} row {n}", d.stem, t.key);
            }
        }
    }
    assert!(tables > 20, "{tables} tables");
}

#[test]
fn the_markdown_tables_are_the_tree_tables() {
    let md = outputs(&[Format::Markdown]);
    let mut compared = 0;
    for d in trees() {
        let path = format!("{}.md", d.stem);
        let rendered = markdown_tables(&md[&path]);
        let expected = tree_tables(&d);
        assert_eq!(
            rendered.len(),
            expected.len(),
            "{path}: the Markdown has {} tables, the tree {}",
            rendered.len(),
            expected.len()
        );
        for (i, (r, e)) in rendered.iter().zip(&expected).enumerate() {
            assert_eq!(r.columns, e.columns, "{path}: columns of table {i}");
            assert_eq!(r.rows.len(), e.rows.len(), "{path}: rows of table {i}");
            for (n, (rr, er)) in r.rows.iter().zip(&e.rows).enumerate() {
                assert_eq!(rr, er, "{path}: table {i}, row {n}");
            }
            compared += e.rows.len();
        }
    }
    // The example has hundreds of rows: a reader that found none would prove nothing.
    assert!(compared > 200, "only {compared} rows compared");
}

/// The two formats a reader compares most, read back from their bytes: every table of the
/// Markdown and of the HTML of every document has the same header and the same rows, cell
/// by cell. (Charts are tables in Markdown and pictures in HTML: they are left out here,
/// and held to the tree by the Markdown test above.)
#[test]
fn the_markdown_and_the_html_show_the_same_tables() {
    let out = outputs(&[Format::Markdown, Format::Html]);
    let mut compared = 0;
    for d in trees() {
        let blocks = documents::control_block::blocks(&d.control);
        let is_chart: Vec<bool> = blocks
            .iter()
            .chain(&d.body)
            .filter_map(|b| match b {
                Block::Table(_) => Some(false),
                Block::Chart(_) => Some(true),
                _ => None,
            })
            .collect();
        let md = markdown_tables(&out[&format!("{}.md", d.stem)]);
        assert_eq!(
            md.len(),
            is_chart.len(),
            "{}: tables in the Markdown",
            d.stem
        );
        let md: Vec<&Grid> = md
            .iter()
            .zip(&is_chart)
            .filter(|(_, chart)| !**chart)
            .map(|(g, _)| g)
            .collect();
        let html: Vec<html_tables::HtmlTable> =
            html_tables::tables(&out[&format!("{}.html", d.stem)])
                .into_iter()
                .filter(|t| t.key.is_some())
                .collect();
        assert_eq!(
            md.len(),
            html.len(),
            "{}: the Markdown has {} tables, the HTML {}",
            d.stem,
            md.len(),
            html.len()
        );
        for (i, (m, h)) in md.iter().zip(&html).enumerate() {
            let header: Vec<String> = h.header.iter().map(|c| normalize(c)).collect();
            assert_eq!(m.columns, header, "{}: header of table {i}", d.stem);
            assert_eq!(m.rows.len(), h.rows.len(), "{}: rows of table {i}", d.stem);
            for (n, (mr, hr)) in m.rows.iter().zip(&h.rows).enumerate() {
                let hr: Vec<String> = hr.iter().map(|c| normalize(c)).collect();
                assert_eq!(mr, &hr, "{}: table {i}, row {n}", d.stem);
            }
            compared += m.rows.len();
        }
    }
    assert!(compared > 200, "only {compared} rows compared");
}

fn csv_grid(text: &str) -> Grid {
    let mut r = csv::Reader::from_reader(text.as_bytes());
    Grid {
        columns: r.headers().unwrap().iter().map(normalize).collect(),
        rows: r
            .records()
            .map(|rec| rec.unwrap().iter().map(normalize).collect())
            .collect(),
    }
}

/// A tree cell as the CSV writes the same value: "—" is an empty cell.
fn bare(s: &str) -> String {
    if s == "—" {
        String::new()
    } else {
        s.to_string()
    }
}

/// "Name (id)" from the CSV's two owner columns, as the tree prints a party.
fn party(id: &str, name: &str) -> String {
    match (id, name) {
        ("", _) => String::new(),
        (id, name) if name.is_empty() || name == id => id.to_string(),
        (id, name) => format!("{name} ({id})"),
    }
}

/// How one tree column reads from the CSV row.
enum From {
    Same(&'static str),
    Party(&'static str, &'static str),
    Status(&'static str),
    FirstOf(&'static str, &'static str),
    /// Tree-only: a link or a flag the CSV keeps in another form.
    Skip,
}

fn agree(what: &str, tree: &Grid, csv: &Grid, map: &[(&str, From)]) {
    assert_eq!(tree.rows.len(), csv.rows.len(), "{what}: row counts");
    assert!(!tree.rows.is_empty(), "{what}: no rows to compare");
    // Every tree column is named here, so a new column must say how it reads.
    let named: Vec<&str> = map.iter().map(|(t, _)| *t).collect();
    assert_eq!(tree.columns, named, "{what}: the tree's columns");
    let col = |t: &str| {
        csv.column(t)
            .unwrap_or_else(|| panic!("{what}: no CSV column {t}"))
    };
    for (n, (t, c)) in tree.rows.iter().zip(&csv.rows).enumerate() {
        for (i, (title, from)) in map.iter().enumerate() {
            let want = match from {
                From::Same(x) => c[col(x)].clone(),
                From::Party(id, name) => party(&c[col(id)], &c[col(name)]),
                From::Status(x) => c[col(x)].replace('-', " "),
                From::FirstOf(a, b) => {
                    let a = &c[col(a)];
                    if a.is_empty() {
                        c[col(b)].clone()
                    } else {
                        a.clone()
                    }
                }
                From::Skip => continue,
            };
            let got = bare(&t[i]);
            // An unrecorded status reads "no record" in the tree, empty in the CSV.
            if matches!(from, From::Status(_)) && want.is_empty() {
                continue;
            }
            assert_eq!(got, want, "{what} row {n}, column {title}");
        }
    }
}

#[test]
fn the_registers_agree_with_their_csv_files() {
    let docs = trees();
    let csv = outputs(&[Format::Csv]);
    let doc = |stem: &str| docs.iter().find(|d| d.stem == stem).unwrap();

    let soa = doc("soa");
    let mut rows = tree_table(soa, "soa").unwrap();
    rows.rows
        .extend(tree_table(soa, "soa-additional").unwrap().rows);
    agree(
        "soa",
        &rows,
        &csv_grid(&csv["soa.csv"]),
        &[
            ("ID", From::Same("ID")),
            ("Title", From::Same("Title")),
            ("Theme", From::Same("Theme")),
            ("Applicable", From::Same("Applicable")),
            ("Justification", From::Same("Justification")),
            ("Status", From::Status("Status")),
            ("Target date", From::Same("Target date")),
            ("Owner", From::Party("Owner", "Owner name")),
            ("Policies", From::Same("Policy titles")),
            ("Evidence", From::Same("Evidence")),
            ("Treatment plan", From::Skip),
            ("Open nonconformities", From::Same("Open nonconformities")),
        ],
    );

    agree(
        "risk register",
        &tree_table(doc("risk-register"), "risks").unwrap(),
        &csv_grid(&csv["risk-register.csv"]),
        &[
            ("ID", From::Same("ID")),
            ("Title", From::Same("Title")),
            ("Score", From::Same("Score")),
            ("Level", From::Same("Level")),
            ("Owner", From::Party("Owner", "Owner name")),
            ("Treatment", From::Same("Treatment")),
            ("Current level", From::Same("Current level")),
            ("Target level", From::Same("Target level")),
            (
                "Accepted by",
                From::Party("Accepted by", "Accepted by name"),
            ),
            ("Accepted as", From::Same("Accepted as")),
            ("Accepted on", From::Same("Accepted on")),
            ("Due", From::Same("Due")),
        ],
    );

    agree(
        "treatment plan",
        &tree_table(doc("treatment-plan"), "treatment-plan").unwrap(),
        &csv_grid(&csv["treatment-plan.csv"]),
        &[
            ("Risk", From::Same("Risk")),
            ("Level", From::Same("Level")),
            ("Treatment", From::Same("Treatment")),
            ("Control", From::Same("Control")),
            ("Action", From::Same("Action")),
            ("Status", From::Status("Status")),
            ("Risk owner", From::Party("Risk owner", "Risk owner name")),
            ("Control owner", From::Skip),
            ("Due", From::FirstOf("Control due", "Treatment due")),
            ("Overdue", From::Skip),
        ],
    );
}

#[test]
fn building_twice_gives_the_same_bytes() {
    assert_eq!(trees(), trees());
    let formats = [Format::Markdown, Format::Csv, Format::Json];
    assert_eq!(outputs(&formats), outputs(&formats));
}

#[test]
fn the_soa_links_planned_controls_to_the_treatment_plan() {
    let md = outputs(&[Format::Markdown]);
    let soa = &md["soa.md"];
    let plan = &md["treatment-plan.md"];
    // Every anchor the SoA links to exists in the plan.
    let mut links = 0;
    for part in soa.split("(treatment-plan.md#").skip(1) {
        let anchor = part.split(')').next().unwrap();
        assert!(
            plan.contains(&format!("<a id=\"{anchor}\"></a>")),
            "no anchor {anchor} in the treatment plan"
        );
        links += 1;
    }
    assert!(links > 5, "{links} links");
    assert!(!soa.contains("96 controls"));
    assert!(soa.contains("93 Annex A controls"));
}
