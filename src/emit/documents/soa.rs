//! A stand-in Statement of Applicability tree (the full builder comes with the document
//! model): every SoA row with its status, and the inherent risk heat map, enough for the
//! paged backends to render a real 14-column document.

use crate::emit::control::{document_control, BuiltFrom};
use crate::emit::soa::SoaRow;
use crate::emit::tree::{Block, Chart, Column, Document, Inline, Table, Tone};
use crate::emit::Derived;
use crate::model::{Keyword, Kind, Status};
use crate::Compilation;

const COLUMNS: [(&str, f64); 14] = [
    ("ID", 7.0),
    ("Control", 22.0),
    ("Theme", 9.0),
    ("Applicable", 7.0),
    ("Status", 10.0),
    ("Owner", 10.0),
    ("Justification", 24.0),
    ("Exclusion reason", 14.0),
    ("Risks", 8.0),
    ("Requirements", 10.0),
    ("Policies", 10.0),
    ("Evidence", 12.0),
    ("Open nonconformities", 10.0),
    ("Owner ID", 8.0),
];

pub fn document(c: &Compilation, d: &Derived) -> Document {
    let control = document_control(c, "soa", "ISMS-SOA", BuiltFrom::Kinds(&[Kind::Control]));
    let mut body = vec![
        Block::Heading {
            level: 2,
            text: "Controls".to_string(),
            anchor: Some("controls".to_string()),
        },
        Block::Table(Table {
            key: "soa",
            caption: d.soa.framework.clone(),
            columns: COLUMNS
                .iter()
                .map(|(title, width)| Column {
                    title: (*title).to_string(),
                    width: *width,
                })
                .collect(),
            rows: d
                .soa
                .controls
                .iter()
                .chain(&d.soa.additional_controls)
                .map(row)
                .collect(),
        }),
    ];
    if let Some(maps) = &d.register.heat_maps {
        body.push(Block::Chart(Chart::HeatMap {
            caption: "Inherent risk".to_string(),
            map: maps.inherent.clone(),
        }));
    }
    Document {
        stem: "soa".to_string(),
        title: "Statement of Applicability".to_string(),
        clause: "6.1.3 d".to_string(),
        control,
        body,
    }
}

fn row(r: &SoaRow) -> Vec<Vec<Inline>> {
    let words = |v: &[String]| vec![Inline::text(v.join(", "))];
    let opt = |v: &Option<String>| vec![Inline::text(v.clone().unwrap_or_default())];
    let status = match r.status {
        Some(s) => vec![Inline::Badge {
            text: s.as_str().to_string(),
            tone: match s {
                Status::Implemented => Tone::Good,
                Status::Partial | Status::Planned => Tone::Warning,
                Status::NotImplemented => Tone::Bad,
            },
        }],
        None => Vec::new(),
    };
    vec![
        vec![Inline::Code(r.id.clone())],
        vec![Inline::text(r.title.clone())],
        opt(&r.theme),
        vec![Inline::text(if r.applicable { "yes" } else { "no" })],
        status,
        opt(&r.owner_name),
        vec![Inline::text(r.justification.clone())],
        opt(&r.exclusion_reason),
        words(&r.risks),
        words(&r.requirements),
        words(&r.policies),
        words(&r.evidence),
        words(&r.open_nonconformities),
        opt(&r.owner),
    ]
}
