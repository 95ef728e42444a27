//! The coverage documents: one per framework in `use` besides the SoA's that a mapping
//! relates to it (`coverage/nist-csf-2.0`), read from `emit::coverage`.

use crate::emit::control::{document_control, BuiltFrom};
use crate::emit::coverage::{self, Coverage, FrameworkCoverage, State};
use crate::emit::names::status_words;
use crate::emit::tree::{Block, Column, Document, DocumentControl, Inline, Table, Tone};
use crate::emit::Derived;
use crate::model::Kind;
use crate::Compilation;

/// Every coverage document, in `use` order.
pub fn build(c: &Compilation, d: &Derived) -> Vec<Document> {
    coverage::all(c, &d.soa)
        .iter()
        .map(|f| document(c, f))
        .collect()
}

/// `nist-csf:2.0` → `coverage/nist-csf-2.0`: a stem is a path, and `:` is no file name's.
pub fn stem(framework: &str) -> String {
    format!("coverage/{}", framework.replace(':', "-"))
}

/// The control of `document coverage { … }`, which covers every coverage document; each
/// one's ID is the declared (or default) ID followed by its framework:
/// `ISMS-COVERAGE-NIST-CSF-2.0`.
fn control(c: &Compilation, framework: &str) -> DocumentControl {
    let known = crate::model::known::COVERAGE;
    let mut control = document_control(c, known.stem, known.default_id, BUILT_FROM);
    control.id = format!(
        "{}-{}",
        control.id,
        framework.replace(':', "-").to_uppercase()
    );
    control
}

const BUILT_FROM: BuiltFrom = BuiltFrom::Kinds(&[Kind::Control, Kind::Risk, Kind::Requirement]);

fn document(c: &Compilation, f: &FrameworkCoverage) -> Document {
    let stem = stem(&f.framework);
    let name = f.title.clone().unwrap_or_else(|| f.framework.clone());
    let mut body = vec![
        Block::Banner {
            tone: Tone::Neutral,
            text: vec![Inline::text(
                "A mapping is evidence that two controls are related, not proof of compliance: \
                 this page shows what the mappings relate to the ISMS's controls and how far \
                 those controls are implemented, not whether the other framework's requirements are met.",
            )],
        },
        Block::Heading {
            level: 2,
            text: "Summary".into(),
            anchor: Some("summary".into()),
        },
        summary(f),
        Block::Heading {
            level: 2,
            text: "How coverage is decided".into(),
            anchor: Some("rule".into()),
        },
        Block::Bullets(
            [
                "Excluded: every related Annex A control is excluded in the Statement of Applicability.",
                "Covered: every related control that is not excluded is implemented (a clause of 4–10 counts as implemented: every ISMS must meet it), and at least one of them answers the whole requirement (the mapping says equivalent-to, that the requirement is a subset of the control, or states no relationship).",
                "Partial: at least one related control is implemented, partly implemented or planned, but the requirement is not covered.",
                "Not covered: no mapping relates the requirement to the ISMS, or nothing related is under way.",
            ]
            .iter()
            .map(|s| vec![Inline::text(*s)])
            .collect(),
        ),
        Block::Heading {
            level: 2,
            text: "Requirements".into(),
            anchor: Some("requirements".into()),
        },
    ];
    body.push(Block::Table(table(f)));
    Document {
        stem: stem.clone(),
        title: format!("Coverage of {name}"),
        clause: "6.1.3".into(),
        control: control(c, &f.framework),
        body,
    }
}

fn summary(f: &FrameworkCoverage) -> Block {
    let count = |k: Coverage| f.requirements.iter().filter(|r| r.coverage == k).count();
    let columns = ["Coverage", "Requirements"]
        .iter()
        .map(|t| Column {
            title: (*t).into(),
            width: 14.0,
        })
        .collect();
    let rows = [
        Coverage::Covered,
        Coverage::Partial,
        Coverage::NotCovered,
        Coverage::Excluded,
    ]
    .iter()
    .map(|&k| vec![vec![badge(k)], vec![Inline::text(count(k).to_string())]])
    .collect();
    Block::Table(Table {
        key: "coverage-summary",
        caption: Some(format!(
            "{} requirements of `{}` against `{}`",
            f.requirements.len(),
            f.framework,
            f.soa
        )),
        columns,
        rows,
    })
}

fn badge(k: Coverage) -> Inline {
    let tone = match k {
        Coverage::Covered => Tone::Good,
        Coverage::Partial => Tone::Warning,
        Coverage::NotCovered => Tone::Bad,
        Coverage::Excluded => Tone::Neutral,
    };
    Inline::Badge {
        text: k.words().into(),
        tone,
    }
}

fn table(f: &FrameworkCoverage) -> Table {
    let columns = [
        ("Requirement", 14.0),
        ("Title", 30.0),
        ("Related controls", 40.0),
        ("Coverage", 12.0),
    ]
    .iter()
    .map(|(t, w)| Column {
        title: (*t).into(),
        width: *w,
    })
    .collect();
    let rows = f
        .requirements
        .iter()
        .map(|r| {
            let mut related: Vec<Inline> = Vec::new();
            for (i, x) in r.related.iter().enumerate() {
                if i > 0 {
                    related.push(Inline::Break);
                }
                related.push(Inline::Code(x.id.clone()));
                let rel = x
                    .relationship
                    .map(|r| format!(" ({r})"))
                    .unwrap_or_default();
                related.push(Inline::text(format!("{rel}: {}", state_words(x.state))));
            }
            vec![
                vec![Inline::Code(r.id.clone())],
                vec![Inline::text(r.title.clone())],
                related,
                vec![badge(r.coverage)],
            ]
        })
        .collect();
    Table {
        key: "coverage",
        caption: None,
        columns,
        rows,
    }
}

fn state_words(s: State) -> String {
    match s {
        State::Clause => "mandatory clause".into(),
        State::Applicable(Some(status)) => format!("applicable, {}", status_words(status)),
        State::Applicable(None) => "applicable, no status".into(),
        State::Excluded => "excluded".into(),
        State::Undecided => "not decided in the SoA".into(),
    }
}
