//! The changes as the "Changes since REV" document's sections
//! (`emit::documents::changes` lays them out): the same sentences as every other
//! rendering, identifiers as code.

use super::sentences::{sections, Piece};
use crate::diff::Changes;
use crate::emit::documents::changes::{self, Section};
use crate::emit::tree::{Document, Inline};
use crate::Compilation;

/// The document of `changes`, with `c` (the newer revision) for its document control.
pub fn document(c: &Compilation, changes: &Changes) -> Document {
    let compared = vec![
        Inline::text("Changes to the ISMS from "),
        Inline::Code(changes.from.describe()),
        Inline::text(" to "),
        match changes.to.commit {
            Some(_) => Inline::Code(changes.to.describe()),
            None => Inline::text(changes.to.describe()),
        },
        Inline::text(", compared as models: reformatted or moved declarations are no change."),
    ];
    let sections = sections(changes)
        .into_iter()
        .map(|s| Section {
            title: s.title.to_string(),
            sentences: s.sentences.into_iter().map(inlines).collect(),
        })
        .collect();
    changes::document(c, &changes.from.label, compared, sections)
}

fn inlines(sentence: Vec<Piece>) -> Vec<Inline> {
    sentence
        .into_iter()
        .map(|piece| match piece {
            Piece::Words(s) | Piece::User(s) => Inline::Text(s),
            Piece::Id(s) => Inline::Code(s),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diff::{compare, Side, Snapshot};
    use crate::emit::tree::plain;
    use crate::emit::tree::Block;
    use crate::{compile, Input, Options};

    const BEFORE: &str = include_str!("../../../tests/fixtures/diff/before.isms");
    const AFTER: &str = include_str!("../../../tests/fixtures/diff/after.isms");

    fn compiled(text: &str) -> Compilation {
        let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap_or_default();
        compile(vec![Input::new("isms.isms", text)], &Options { today })
    }

    fn side(label: &str, commit: Option<&str>) -> Side {
        Side {
            label: label.to_string(),
            commit: commit.map(str::to_string),
        }
    }

    #[test]
    fn the_document_has_a_section_per_kind_of_change_with_its_sentences() {
        let (a, b) = (compiled(BEFORE), compiled(AFTER));
        let changes = compare(
            side("v2026.1", Some("0123456789abcdef")),
            &Snapshot::of(&a),
            Side::working_tree(),
            &Snapshot::of(&b),
        );
        let doc = document(&b, &changes);
        assert_eq!(doc.stem, "changes");
        assert_eq!(doc.title, "Changes since v2026.1");
        let headings: Vec<&str> = doc
            .body
            .iter()
            .filter_map(|b| match b {
                Block::Heading { text, .. } => Some(text.as_str()),
                _ => None,
            })
            .collect();
        assert_eq!(
            headings,
            [
                "Applicability",
                "Control status",
                "Risks",
                "Treatments",
                "Acceptances",
                "Policies",
                "Owners",
                "Nonconformities",
                "Incidents",
                "Diagnostics"
            ]
        );
        let bullets: Vec<String> = doc
            .body
            .iter()
            .filter_map(|b| match b {
                Block::Bullets(items) => Some(items.iter().map(|i| plain(i)).collect::<Vec<_>>()),
                _ => None,
            })
            .flatten()
            .collect();
        assert!(bullets.contains(&"A.8.5 implemented → partial".to_string()));
        assert!(bullets.contains(&"R-1 re-rated: high → medium".to_string()));
        assert!(bullets
            .contains(&"A.7.4 excluded: No premises to monitor (was unaddressed)".to_string()));
        let Some(Block::Paragraph(first)) = doc.body.first() else {
            panic!("the document starts with what it compares");
        };
        assert_eq!(
            plain(first),
            "Changes to the ISMS from v2026.1 (0123456) to working tree, compared as models: \
             reformatted or moved declarations are no change."
        );
    }

    #[test]
    fn no_changes_says_so() {
        let a = compiled(BEFORE);
        let s = Snapshot::of(&a);
        let changes = compare(side("HEAD", Some("abc")), &s, Side::working_tree(), &s);
        let doc = document(&a, &changes);
        assert_eq!(doc.body.len(), 2);
        assert!(matches!(&doc.body[1], Block::Paragraph(p) if plain(p).starts_with("Nothing")));
    }
}
