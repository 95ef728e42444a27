//! The HTML backend of the document tree: synthetic documents that use every block and
//! inline (with hostile user text), a draft with a revision history, the index, and a
//! differential test holding every table a page shows to the tree's table.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;
#[path = "support/html_tables.rs"]
mod html_tables;

use chrono::NaiveDate;
use html_tables::{tables, HtmlTable};
use isms::control::visible;
use isms::emit::heatmap::{HeatCell, HeatMap, Rating};
use isms::emit::html::{self, Nav};
use isms::emit::names::Party;
use isms::emit::tree::{
    plain, Block, Cell, Chart, Column, Document, DocumentControl, DraftReason, Field, History,
    Inline, Revision, Table, Target, Tone,
};

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, d).unwrap()
}

fn party(id: &str, name: &str) -> Party {
    Party {
        id: id.to_string(),
        name: name.to_string(),
    }
}

fn text(s: &str) -> Inline {
    Inline::text(s)
}

fn doc_link(text: &str, stem: &str, anchor: Option<&str>) -> Inline {
    Inline::Link {
        text: text.to_string(),
        to: Target::Doc {
            stem: stem.to_string(),
            anchor: anchor.map(str::to_string),
        },
    }
}

fn url(text: &str, url: &str) -> Inline {
    Inline::Link {
        text: text.to_string(),
        to: Target::Url(url.to_string()),
    }
}

fn column(title: &str, width: f64) -> Column {
    Column {
        title: title.to_string(),
        width,
    }
}

/// A draft Statement of Applicability: every block and inline, a revision history.
fn draft() -> Document {
    let control = DocumentControl {
        organization: "Acme GmbH".to_string(),
        id: "ISMS-SOA".to_string(),
        version: Some("1.3".to_string()),
        owner: Some(party("lena", "Lena Wagner")),
        approver: Some(party("TODO", "TODO")),
        approver_role: Some("Chief Executive Officer".to_string()),
        approved: None,
        classification: "internal".to_string(),
        next_review: Some(day(1)),
        built: day(23),
        draft: vec![
            DraftReason::Unapproved,
            DraftReason::PlaceholderApprover,
            DraftReason::ReviewOverdue(day(1)),
            DraftReason::ProjectWarnings(2),
        ],
        history: History::Revisions(vec![
            Revision {
                commit: "a1b2c3d".to_string(),
                date: day(20),
                author: "Lena Wagner".to_string(),
                subject: "Exclude A.7.4: no premises <of our own>".to_string(),
            },
            Revision {
                commit: "0f9e8d7".to_string(),
                date: day(2),
                author: "Max O'Brien".to_string(),
                subject: "First SoA | all controls".to_string(),
            },
        ]),
    };
    let rows: Vec<Vec<Cell>> = vec![
        vec![
            vec![Inline::Code("A.5.1".to_string())],
            vec![text("Policies for information security")],
            vec![Inline::Badge {
                text: "implemented".to_string(),
                tone: Tone::Good,
            }],
            vec![
                doc_link("Access control", "policies/access", None),
                Inline::Break,
                doc_link("R-01", "risk-register", Some("R-01")),
            ],
        ],
        vec![
            vec![Inline::Code("A.7.4".to_string())],
            vec![text("Physical security monitoring")],
            vec![Inline::Badge {
                text: "excluded".to_string(),
                tone: Tone::Neutral,
            }],
            vec![],
        ],
        vec![
            vec![Inline::Code("A.8.<1>".to_string())],
            vec![text("Pipes | and \"quotes\" & <b>tags</b>")],
            vec![Inline::Badge {
                text: "overdue".to_string(),
                tone: Tone::Bad,
            }],
            vec![Inline::Strong("partial".to_string()), text(" since 2026")],
        ],
    ];
    let map = HeatMap {
        likelihood: vec![
            Rating {
                value: 1,
                label: "Rare".to_string(),
            },
            Rating {
                value: 2,
                label: "Likely <often>".to_string(),
            },
        ],
        impact: vec![
            Rating {
                value: 1,
                label: "Minor".to_string(),
            },
            Rating {
                value: 2,
                label: "Severe".to_string(),
            },
        ],
        levels: 2,
        cells: [(1, 1, 0), (1, 2, 1), (2, 1, 1), (2, 2, 1)]
            .into_iter()
            .map(|(l, i, rank)| HeatCell {
                likelihood: l,
                impact: i,
                score: l * i,
                level: Some(if rank == 0 { "low" } else { "high" }.to_string()),
                rank: Some(rank),
                risks: if (l, i) == (2, 2) {
                    vec!["R-01".to_string(), "R-<2>".to_string()]
                } else {
                    vec![]
                },
            })
            .collect(),
    };
    Document {
        stem: "soa".to_string(),
        title: "Statement of Applicability".to_string(),
        clause: "6.1.3 d".to_string(),
        control,
        body: vec![
            Block::Banner {
                tone: Tone::Warning,
                text: vec![text("2 controls have no record.")],
            },
            Block::Heading {
                level: 2,
                text: "Summary".to_string(),
                anchor: Some("summary".to_string()),
            },
            Block::Paragraph(vec![
                text("Applicable: "),
                Inline::Strong("92".to_string()),
                text(" of 93; see "),
                doc_link("the scope", "scope", None),
                text(", "),
                Inline::Link {
                    text: "the controls".to_string(),
                    to: Target::Anchor("controls".to_string()),
                },
                text(" and "),
                url("ISO", "https://www.iso.org/standard/27001"),
                text("."),
            ]),
            Block::Fields(vec![
                Field {
                    label: "Catalog".to_string(),
                    value: vec![Inline::Code("iso27001:2022".to_string())],
                },
                Field {
                    label: "Notes".to_string(),
                    value: vec![],
                },
            ]),
            Block::Heading {
                level: 3,
                text: "Controls".to_string(),
                anchor: Some("controls".to_string()),
            },
            Block::Table(Table {
                key: "soa",
                caption: Some("Annex A controls".to_string()),
                columns: vec![
                    column("Control", 8.0),
                    column("Title", 40.0),
                    column("Status", 12.0),
                    column("Justification", 60.0),
                ],
                rows,
            }),
            Block::Bullets(vec![
                vec![text("first")],
                vec![Inline::Code("A.5.1".to_string()), text(" second")],
            ]),
            Block::Banner {
                tone: Tone::Good,
                text: vec![text("Every risk is treated.")],
            },
            Block::Prose("Some *Markdown* with a [link](https://example.com).\n".to_string()),
            Block::Chart(Chart::HeatMap {
                caption: "Residual risk".to_string(),
                map,
            }),
        ],
    }
}

/// An approved policy whose user text is hostile everywhere it can be.
fn hostile() -> Document {
    let evil = "<script>alert('x')</script> | \"q\" \u{1b}[2J \u{202e}rev";
    Document {
        stem: "policies/access".to_string(),
        title: format!("Access {evil}"),
        clause: "A.5.15".to_string(),
        control: DocumentControl {
            organization: "Acme <img src=x onerror=alert(1)> GmbH".to_string(),
            id: "POL-\"AC\"".to_string(),
            version: Some("2<".to_string()),
            owner: Some(party("max", "Max O'Brien")),
            approver: Some(party("ceo", "Dr. <b>Boss</b>")),
            approver_role: Some("CEO & founder".to_string()),
            approved: Some(day(3)),
            classification: "confidential <i>".to_string(),
            next_review: Some(day(30)),
            built: day(23),
            draft: vec![],
            history: History::Unavailable("not built from a git work tree <here>".to_string()),
        },
        body: vec![
            Block::Heading {
                level: 1,
                text: evil.to_string(),
                anchor: Some("a\"><script>x</script>".to_string()),
            },
            Block::Paragraph(vec![
                url("click", "javascript:alert(1)"),
                text(" "),
                url("upper", " JavaScript:alert(2)"),
                text(" "),
                url("data", "data:text/html,<script>alert(3)</script>"),
                text(" "),
                url("relative", "//evil.example/x"),
                text(" "),
                doc_link("SoA", "soa", Some("A.5.15")),
                text(" "),
                doc_link("other policy", "policies/backup", None),
            ]),
            Block::Table(Table {
                key: "hostile",
                caption: Some(evil.to_string()),
                columns: vec![column(evil, 10.0), column("| b |", 10.0)],
                rows: vec![vec![
                    vec![text(evil)],
                    vec![Inline::Badge {
                        text: evil.to_string(),
                        tone: Tone::Draft,
                    }],
                ]],
            }),
            Block::Prose(
                "<script>alert(1)</script>\n\n![pixel](https://tracker.example/p.png) [x](javascript:alert(1))\n"
                    .to_string(),
            ),
        ],
    }
}

fn nav(docs: &[Document]) -> Nav {
    let written = [
        "index.html",
        "soa.html",
        "soa.md",
        "soa.pdf",
        "soa.csv",
        "soa.xlsx",
        "policies/access.html",
        "policies/access.docx",
        "policies/access.md",
        "scope.html",
    ]
    .map(str::to_string);
    Nav::new("Acme GmbH", day(23), docs, written)
}

/// The page from the navigation on: the stylesheet is the same on every page.
fn body_of(page: &str) -> &str {
    &page[page.find("<body").unwrap()..]
}

fn render_all() -> Vec<(Document, String)> {
    let docs = vec![draft(), hostile()];
    let nav = nav(&docs);
    let out: Vec<(Document, String)> = docs
        .iter()
        .map(|d| (d.clone(), html::render(d, &nav)))
        .collect();
    // For a look in a browser: target/tmp/html_tree/.
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("html_tree");
    for (d, page) in &out {
        let path = dir.join(format!("{}.html", d.stem));
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, page).unwrap();
    }
    out
}

#[test]
fn every_block_and_inline_of_a_draft() {
    let (_, page) = &render_all()[0];
    insta::assert_snapshot!("tree-draft", body_of(page));
}

#[test]
fn hostile_user_text_is_escaped() {
    let (_, page) = &render_all()[1];
    insta::assert_snapshot!("tree-hostile", body_of(page));
    let lower = page.to_ascii_lowercase();
    assert!(!lower.contains("<script"), "a script element");
    assert!(!lower.contains("<img"), "an image element");
    assert!(!lower.contains("<b>"), "user markup");
    assert!(!lower.contains("href=\"javascript"), "a script link");
    assert!(!lower.contains("href=\" javascript"), "a script link");
    assert!(!lower.contains("href=\"data:"), "a data link");
    assert!(!lower.contains("href=\"//"), "a scheme-relative link");
    assert!(!page.contains(['\u{1b}', '\u{202e}']), "a hidden character");
    // The policy is under `policies/`: the SoA is one level up, its sibling beside it.
    assert!(page.contains("href=\"../soa.html#A.5.15\""));
    assert!(page.contains("href=\"../policies/backup.html\""));
    assert!(page.contains("href=\"../index.html\""));
}

#[test]
fn pages_load_nothing() {
    for (_, page) in render_all() {
        assert_eq!(page.matches("Content-Security-Policy").count(), 1);
        // Inside tags only: user text may say `src=`, escaped, as text.
        for tag in page.split('<').skip(1).map(|t| &t[..t.find('>').unwrap()]) {
            assert!(!tag.contains(" src="), "a loaded resource: <{tag}>");
            assert!(!tag.starts_with("link"), "a linked resource: <{tag}>");
        }
    }
}

#[test]
fn the_draft_is_marked_on_the_page_and_in_print() {
    let (_, draft) = &render_all()[0];
    assert!(draft.contains("<span class=\"pill tone-draft\">DRAFT</span>"));
    for reason in [
        "not approved",
        "approved by a placeholder",
        "review overdue since 2026-11-01",
        "the project has 2 warnings",
    ] {
        assert!(draft.contains(reason), "{reason}");
    }
    let foot = &draft[draft.find("<div class=\"running foot\"").unwrap()..];
    assert!(foot[..foot.find("</div>").unwrap()].contains("DRAFT"));
    let (_, approved) = &render_all()[1];
    assert!(
        !approved.contains("DRAFT"),
        "an approved document marked DRAFT"
    );
}

#[test]
fn printed_pages_repeat_identity_and_table_headers() {
    let (_, page) = &render_all()[0];
    let head = &page[page.find("<div class=\"running head\"").unwrap()..];
    let head = &head[..head.find("</div>").unwrap()];
    for part in ["Acme GmbH", "ISMS-SOA", "1.3", "internal"] {
        assert!(head.contains(part), "{part} not in the running head");
    }
    for rule in [
        "position: fixed",
        "thead { display: table-header-group; }",
        "tr { break-inside: avoid; }",
        "@page",
    ] {
        assert!(page.contains(rule), "{rule}");
    }
}

/// The tables of the tree in `doc`, as a reader should see them: header and cells'
/// plain text, hidden characters shown as the page shows them.
fn expected(doc: &Document) -> Vec<HtmlTable> {
    // The control block is tree blocks too, printed before the body.
    let control = isms::emit::documents::control_block::blocks(&doc.control);
    control
        .iter()
        .chain(&doc.body)
        .filter_map(|b| match b {
            Block::Table(t) => Some(HtmlTable {
                key: Some(t.key.to_string()),
                header: t
                    .columns
                    .iter()
                    .map(|c| visible(&c.title).into_owned())
                    .collect(),
                rows: t
                    .rows
                    .iter()
                    .map(|r| r.iter().map(|c| visible(&plain(c)).into_owned()).collect())
                    .collect(),
            }),
            _ => None,
        })
        .collect()
}

/// The tables of the page that come from the tree (the control block's included).
fn shown(page: &str) -> Vec<HtmlTable> {
    tables(page)
        .into_iter()
        .filter(|t| t.key.is_some())
        .collect()
}

#[test]
fn every_table_shows_the_tree_s_rows_cells_and_headers() {
    for (doc, page) in render_all() {
        let want = expected(&doc);
        assert!(!want.is_empty());
        assert_eq!(shown(&page), want, "{}", doc.stem);
    }
}

#[test]
fn a_dropped_column_is_caught() {
    let (doc, page) = &render_all()[0];
    // Drop the second column: its header cell and the second cell of every row.
    let mut broken = page.replacen("<th scope=\"col\">Title</th>", "", 1);
    for title in [
        "Policies for information security",
        "Physical security monitoring",
    ] {
        broken = broken.replacen(&format!("<td>{title}</td>"), "", 1);
    }
    assert_ne!(broken, *page);
    assert_ne!(shown(&broken), expected(doc));
    assert_eq!(shown(page), expected(doc));
}

#[test]
fn the_reader_reads_headers_rows_breaks_and_entities() {
    let t = tables(
        "<table data-key=\"k\"><caption>c</caption><thead><tr><th>A</th><th>B &amp; C</th></tr></thead>\
         <tbody><tr><td>1<br>2</td><td><a href=\"x\">&lt;x&gt;</a></td></tr></tbody></table>",
    );
    assert_eq!(
        t,
        [HtmlTable {
            key: Some("k".to_string()),
            header: vec!["A".to_string(), "B & C".to_string()],
            rows: vec![vec!["1\n2".to_string(), "<x>".to_string()]],
        }]
    );
}

#[test]
fn the_control_block_and_history() {
    let (_, page) = &render_all()[0];
    let all = tables(page);
    // The identity line, then the control table of the tree (`control_block`).
    assert!(
        page.contains("<p class=\"identity\">Acme GmbH · ISMS-SOA · version 1.3 · internal</p>")
    );
    let control = all
        .iter()
        .find(|t| t.key.as_deref() == Some("document-control"))
        .unwrap();
    assert_eq!(
        control.header,
        [
            "Owner",
            "Approved by",
            "Approved on",
            "Next review",
            "Built on"
        ]
    );
    assert_eq!(
        control.rows[0],
        [
            "Lena Wagner (lena)",
            "TODO, Chief Executive Officer",
            "—",
            "2026-11-01",
            "2026-11-23"
        ]
    );
    let history = all
        .iter()
        .find(|t| t.header.first().is_some_and(|h| h == "Date"))
        .unwrap();
    assert_eq!(history.header, ["Date", "Author", "Change", "Commit"]);
    assert_eq!(
        history.rows[1],
        [
            "2026-11-02",
            "Max O'Brien",
            "First SoA | all controls",
            "0f9e8d7"
        ]
    );
    let (_, approved) = &render_all()[1];
    assert!(
        approved.contains("Revision history</strong>: not built from a git work tree &lt;here&gt;")
    );
}

#[test]
fn the_index_lists_each_document_with_its_own_files() {
    let docs = vec![draft(), hostile()];
    let nav = nav(&docs);
    let intro = [Block::Paragraph(vec![text(
        "Scope: development <and> operation",
    )])];
    let page = html::index(&docs, &nav, &intro);
    insta::assert_snapshot!("tree-index", body_of(&page));
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("html_tree");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("index.html"), &page).unwrap();
    let all = tables(&page);
    assert_eq!(all.len(), 2);
    assert_eq!(all[0].rows.len(), 1);
    assert_eq!(all[0].rows[0][0], "Statement of Applicability");
    assert_eq!(all[0].rows[0][4], "DRAFT");
    assert_eq!(all[0].rows[0][5], "MarkdownHTMLPDFCSVExcel");
    assert_eq!(all[1].rows[0][0], visible(&hostile().title));
    assert_eq!(all[1].rows[0][4], "approved");
    assert_eq!(all[1].rows[0][5], "MarkdownHTMLWord");
    // Every link of a row points at a file of that row's document.
    let tbodies: Vec<&str> = page.split("<tr>").skip(1).collect();
    for row in tbodies {
        let row = &row[..row.find("</tr>").unwrap()];
        let hrefs: Vec<&str> = row
            .split("href=\"")
            .skip(1)
            .map(|s| &s[..s.find('"').unwrap()])
            .collect();
        if let Some(first) = hrefs.first() {
            let stem = &first[..first.rfind('.').unwrap()];
            for h in &hrefs {
                assert_eq!(&h[..h.rfind('.').unwrap()], stem, "{row}");
            }
        }
    }
}

#[test]
fn the_bar_lists_today_s_pages_that_exist_in_order() {
    let mut scope = hostile();
    scope.stem = "scope".to_string();
    let mut methodology = hostile();
    methodology.stem = "methodology".to_string();
    let docs = vec![methodology, draft(), scope];
    let nav = Nav::new("Acme", day(23), &docs, Vec::new());
    let bar: Vec<(&str, Option<&str>, &str)> = nav
        .bar
        .iter()
        .map(|l| (l.stem.as_str(), l.anchor.as_deref(), l.label.as_str()))
        .collect();
    assert_eq!(
        bar,
        [
            ("index", None, "Overview"),
            ("soa", None, "Statement of Applicability"),
            ("scope", None, "Scope"),
            ("methodology", None, "Methodology"),
        ]
    );
    // Nothing written: the index names each document without a link.
    let page = html::index(&docs, &nav, &[]);
    let list = &page[page.find("<h2 id=\"documents\">").unwrap()..];
    assert!(list.contains("<td>Statement of Applicability</td>"));
    assert!(!list.contains("href="), "a link to a file not written");
}

/// A word of user text: markup, entities, pipes, quotes, hidden characters, spaces.
fn word(rng: &mut common::Rng) -> String {
    const PIECES: &[&str] = &[
        "a", "Z9", " ", "<", ">", "&", "&amp;", "\"", "'", "|", "<td>", "</table>", "\u{1b}",
        "\u{202e}", "é", "—", "&#60;", "<br>",
    ];
    (0..rng.below(5))
        .map(|_| PIECES[rng.below(PIECES.len())])
        .collect()
}

fn random_inline(rng: &mut common::Rng) -> Inline {
    let text = word(rng);
    match rng.below(7) {
        0 => Inline::Text(text),
        1 => Inline::Strong(text),
        2 => Inline::Code(text),
        3 => url(&text, &word(rng)),
        4 => doc_link(&text, "policies/x", Some(&word(rng))),
        5 => Inline::Badge {
            text,
            tone: Tone::Warning,
        },
        _ => Inline::Break,
    }
}

#[test]
fn random_tables_read_back_as_the_tree() {
    let mut rng = common::Rng(0x5eed_1234_abcd_0001);
    for round in 0..300 {
        let columns: Vec<Column> = (0..1 + rng.below(5))
            .map(|_| column(&word(&mut rng), 10.0))
            .collect();
        let rows = (0..rng.below(6))
            .map(|_| {
                (0..columns.len())
                    .map(|_| (0..rng.below(4)).map(|_| random_inline(&mut rng)).collect())
                    .collect()
            })
            .collect();
        let mut doc = draft();
        doc.stem = "policies/random".to_string();
        doc.body = vec![Block::Table(Table {
            key: "random",
            caption: Some(word(&mut rng)),
            columns,
            rows,
        })];
        let page = html::render(&doc, &nav(std::slice::from_ref(&doc)));
        assert_eq!(shown(&page), expected(&doc), "round {round}");
    }
}
