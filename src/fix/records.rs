//! Where new `control` records go, and what one looks like.
//!
//! Records go into the file where the project keeps its control records: the project file
//! holding the most `control` declarations (the first such file on a tie), or, when there
//! are none yet, the file of the earliest reference to an undocumented control. Within the
//! file they keep the catalog's order: after the record of the nearest earlier catalog
//! control, else before the nearest later one, else at the end of the file.

use super::text::{leading_start, line_end};
use crate::model::Model;
use crate::source::{FileId, SourceMap, Span};

/// The project's records file and the catalog controls already recorded in it.
pub struct Records {
    pub file: FileId,
    /// (catalog position, start, end) of each catalog control declared in `file`, by
    /// catalog position.
    recorded: Vec<((usize, usize), usize, usize)>,
}

impl Records {
    /// `first_reference`: where the earliest undocumented control is named.
    pub fn of(model: &Model, project_files: usize, first_reference: FileId) -> Records {
        let mut per_file = vec![0usize; project_files];
        for c in &model.controls {
            if let Some(n) = per_file.get_mut(c.id.span.file.0 as usize) {
                *n += 1;
            }
        }
        let most = per_file.iter().copied().max().unwrap_or(0);
        let file = match per_file.iter().position(|n| *n == most) {
            Some(i) if most > 0 => FileId(u32::try_from(i).unwrap_or(u32::MAX)),
            _ => first_reference,
        };
        let mut recorded: Vec<((usize, usize), usize, usize)> = model
            .controls
            .iter()
            .filter(|c| c.id.span.file == file)
            .filter_map(|c| {
                let entry = model.slot(&c.id.text)?.entry?;
                Some((entry, c.common.span.start(), c.common.span.end()))
            })
            .collect();
        recorded.sort_unstable();
        Records { file, recorded }
    }

    /// The edit that adds `record` (without a final newline) for the catalog control at
    /// `entry`: an insertion point and its text.
    pub fn insertion(
        &self,
        sources: &SourceMap,
        entry: (usize, usize),
        record: &str,
    ) -> Option<(Span, String)> {
        let text = sources.get(self.file)?.text.as_str();
        let before = self.recorded.partition_point(|(e, _, _)| *e < entry);
        let (at, inserted) = match (
            before.checked_sub(1).and_then(|i| self.recorded.get(i)),
            self.recorded.get(before),
        ) {
            (Some((_, _, end)), _) => (line_end(text, *end), format!("\n\n{record}")),
            (None, Some((_, start, _))) => (leading_start(text, *start), format!("{record}\n\n")),
            (None, None) => {
                let newline = if text.is_empty() || text.ends_with(['\n', '\r']) {
                    ""
                } else {
                    "\n"
                };
                let blank = if text.is_empty() { "" } else { "\n" };
                (text.len(), format!("{newline}{blank}{record}\n"))
            }
        };
        Some((Span::new(self.file, at, at), inserted))
    }
}

/// A control record as `isms fmt` writes it. The status is left out on purpose: only a
/// person can say how far a control is implemented, and `control/missing-status` keeps
/// reporting the record until someone writes it.
pub fn record(id: &str, owner: Option<&str>) -> String {
    match owner {
        Some(owner) => format!("control {id} {{\n  owner {owner}\n}}"),
        None => format!("control {id} {{}}"),
    }
}

#[cfg(test)]
mod tests {
    use super::{record, Records};
    use crate::source::FileId;
    use crate::{compile, Input, Options};

    #[test]
    fn records_keep_the_catalog_order_of_the_records_file() {
        let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap_or_default();
        let records = "/// First.\ncontrol A.5.2 {\n  status planned\n}\n\ncontrol A.5.10 {\n  status planned\n}\n";
        let c = compile(
            vec![
                Input::new(
                    "a.isms",
                    "use iso27001:2022\ncontrol A.8.1 { status planned }\n",
                ),
                Input::new("b.isms", records),
            ],
            &Options { today },
        );
        let r = Records::of(&c.model, c.project_files, FileId(0));
        assert_eq!(r.file, FileId(1), "the file with the most records");
        let entry = |id: &str| c.model.slot(id).and_then(|s| s.entry).unwrap_or_default();
        let at = |id: &str| {
            r.insertion(&c.sources, entry(id), &record(id, None))
                .map(|(span, text)| (span.start(), text))
        };
        // Before the first record, above its doc comment.
        assert_eq!(at("A.5.1"), Some((0, "control A.5.1 {}\n\n".to_string())));
        // After the nearest earlier record.
        let after_a52 = records.find("}\n").map(|i| i + 1);
        assert_eq!(at("A.5.3").map(|x| x.0), after_a52);
        assert_eq!(at("A.8.2").map(|x| x.0), Some(records.len() - 1));
        assert_eq!(
            record("A.5.1", Some("ciso")),
            "control A.5.1 {\n  owner ciso\n}"
        );
    }
}
