//! A document as one typst source: the page set-up (size, header, footer, draft
//! watermark), the title, the control block and the body.

use std::collections::BTreeMap;

use chrono::Datelike;

use super::block::Writer;
use super::inline::Labels;
use super::literal::{string, text};
use crate::emit::paged;
use crate::emit::paged::tone::colours;
use crate::emit::tree::{Block, Document, Tone};

/// The typst source of `doc`.
pub fn source(doc: &Document) -> String {
    let labels = labels(doc);
    let mut w = Writer {
        out: preamble(doc),
        labels: &labels,
        stem: &doc.stem,
    };
    w.out
        .push_str(&format!("#heading(level: 1)[{}]\n\n", text(&doc.title)));
    for b in paged::front_matter(doc).iter().chain(&doc.body) {
        w.block(b);
    }
    w.out
}

fn preamble(doc: &Document) -> String {
    let c = &doc.control;
    let (fill, ink) = colours(Tone::Draft);
    let draft_badge = if c.is_draft() {
        format!(
            "#h(0.6em)#box(fill: rgb(\"{fill}\"), inset: (x: 3pt), outset: (y: 2pt), radius: 2pt)[#text(fill: rgb(\"{ink}\"), weight: \"bold\")[#\"DRAFT\"]]"
        )
    } else {
        String::new()
    };
    let watermark = if c.is_draft() {
        "place(center + horizon, rotate(-40deg, text(size: 110pt, weight: \"bold\", fill: rgb(200, 40, 40, 22), \"DRAFT\")))"
    } else {
        "none"
    };
    let built = c.built;
    format!(
        r##"#set document(title: {title}, author: {author}, date: datetime(year: {y}, month: {m}, day: {d}))
#set page(paper: "a4", flipped: {wide}, margin: (top: 2.4cm, bottom: 2.2cm, x: 1.8cm),
  header: [
    #set text(size: 8pt, fill: luma(70))
    #grid(columns: (1fr, auto), column-gutter: 1em, [{identity}], [{classification}{draft_badge}])
    #v(-0.5em)
    #line(length: 100%, stroke: 0.4pt + luma(170))
  ],
  footer: context [
    #set text(size: 8pt, fill: luma(70))
    #grid(columns: (1fr, auto), column-gutter: 1em, [{classification}], [#"Page "#counter(page).display("1")#" of "#str(counter(page).final().first())])
  ],
  background: {watermark},
)
#set text(font: "Libertinus Serif", size: 10pt, lang: "en")
#set par(justify: false)
#show heading.where(level: 1): set text(size: 17pt)
#show heading.where(level: 2): set text(size: 13pt)
#show heading: set block(above: 1.3em, below: 0.7em)
#set table(stroke: 0.4pt + luma(170), inset: (x: 4pt, y: 3pt))
#set table.cell(breakable: false)
#show table: set text(size: 8.5pt)
#show table: set par(justify: false)
#show table: set text(hyphenate: true)

"##,
        title = string(&doc.title),
        author = string(&c.organization),
        y = built.year(),
        m = built.month(),
        d = built.day(),
        wide = paged::is_wide(doc),
        identity = text(&paged::header_identity(c)),
        classification = text(&paged::classification(c)),
    )
}

/// The heading anchors that can be typst labels: valid label names that occur once.
fn labels(doc: &Document) -> Labels {
    let mut seen: BTreeMap<&str, usize> = BTreeMap::new();
    for b in &doc.body {
        if let Block::Heading {
            anchor: Some(a), ..
        } = b
        {
            *seen.entry(a.as_str()).or_default() += 1;
        }
    }
    Labels(
        seen.into_iter()
            .filter(|(a, n)| *n == 1 && is_label(a))
            .map(|(a, _)| a.to_string())
            .collect(),
    )
}

/// What typst's `<…>` syntax accepts (conservatively: ASCII letters and digits, `_`, `-`,
/// `.`, `:`, starting with a letter or `_`).
fn is_label(a: &str) -> bool {
    let mut chars = a.chars();
    chars
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.' | ':'))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::emit::paged::sample;

    #[test]
    fn user_text_appears_only_inside_string_literals() {
        let src = source(&sample::document());
        // The hostile text is escaped, so its raw form never appears in the markup.
        assert!(!src.contains(sample::HOSTILE), "hostile text unquoted");
        assert!(src.contains(&string(
            "#set page(fill: red) *bold* $x$ <a> @ref \\ \" ] [ & </w:t> \u{241b}"
        )));
    }

    #[test]
    fn labels_are_valid_and_unique() {
        assert!(is_label("a-5.1:x"));
        assert!(!is_label("5-a"));
        assert!(!is_label("a b"));
        assert!(!is_label(""));
    }

    #[test]
    fn a_draft_gets_a_badge_and_a_watermark() {
        let mut doc = sample::document();
        assert!(source(&doc).contains("rotate(-40deg"));
        doc.control.draft.clear();
        let src = source(&doc);
        assert!(!src.contains("rotate(-40deg"));
        assert!(!src.contains("[#\"DRAFT\"]"));
    }
}
