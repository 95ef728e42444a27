//! Fixes as data (as in Ruff): a diagnostic carries the edits that would repair it, and
//! the language server and `isms fix` only apply them. Nobody reads a help sentence to
//! find out what to change.

use crate::source::Span;

/// Whether a fix may be applied without a human looking at it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Applicability {
    /// The fix only repairs what is unambiguous (a misspelling with exactly one close
    /// candidate of the right kind): `isms fix` applies it, editors prefer it.
    Safe,
    /// The fix asserts something a human must decide (an owner, a status, a reason), or
    /// picks one of several candidates: `isms fix` applies it only with `--unsafe`.
    NeedsReview,
}

impl Applicability {
    pub fn as_str(self) -> &'static str {
        match self {
            Applicability::Safe => "safe",
            Applicability::NeedsReview => "needs-review",
        }
    }
}

/// Replace the text at `span` (an insertion when it is empty) with `replacement`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Edit {
    pub span: Span,
    pub replacement: String,
}

impl Edit {
    pub fn replace(span: Span, replacement: impl Into<String>) -> Self {
        Edit {
            span,
            replacement: replacement.into(),
        }
    }

    /// Whether two edits of the same file cannot both be applied: their ranges share a
    /// byte, or one inserts strictly inside the other's range. Two insertions at the same
    /// point do not conflict (they are applied one after the other).
    pub fn overlaps(&self, other: &Edit) -> bool {
        if self.span.file != other.span.file {
            return false;
        }
        let (a, b) = (self.span.range(), other.span.range());
        if a.is_empty() && b.is_empty() {
            return false;
        }
        if a.is_empty() {
            return b.start < a.start && a.start < b.end;
        }
        if b.is_empty() {
            return a.start < b.start && b.start < a.end;
        }
        a.start < b.end && b.start < a.end
    }
}

/// One way to repair a diagnostic: every edit applies, or none.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Fix {
    /// What it does, in the imperative: "Replace with `owner`".
    pub title: String,
    /// In any order; they may touch several files but never overlap each other.
    pub edits: Vec<Edit>,
    pub applicability: Applicability,
}

impl Fix {
    pub fn new(title: impl Into<String>, edits: Vec<Edit>, applicability: Applicability) -> Self {
        Fix {
            title: title.into(),
            edits,
            applicability,
        }
    }

    /// "did you mean `best`?" as an edit: replace `span` with the candidate. Safe only
    /// when no other candidate was as close (`unique`).
    pub fn did_you_mean(span: Span, best: &str, unique: bool) -> Self {
        let applicability = if unique {
            Applicability::Safe
        } else {
            Applicability::NeedsReview
        };
        Fix::new(
            format!("Replace with `{best}`"),
            vec![Edit::replace(span, best)],
            applicability,
        )
    }

    pub fn is_safe(&self) -> bool {
        self.applicability == Applicability::Safe
    }
}

#[cfg(test)]
mod tests {
    use super::Edit;
    use crate::source::{FileId, Span};

    fn edit(file: u32, start: usize, end: usize) -> Edit {
        Edit::replace(Span::new(FileId(file), start, end), "x")
    }

    #[test]
    fn overlapping_edits() {
        assert!(edit(0, 0, 5).overlaps(&edit(0, 4, 6)));
        assert!(!edit(0, 0, 5).overlaps(&edit(0, 5, 6)), "touching ranges");
        assert!(!edit(0, 0, 5).overlaps(&edit(1, 0, 5)), "other file");
        assert!(edit(0, 0, 5).overlaps(&edit(0, 3, 3)), "insertion inside");
        assert!(
            !edit(0, 0, 5).overlaps(&edit(0, 5, 5)),
            "insertion at the end"
        );
        assert!(
            !edit(0, 0, 5).overlaps(&edit(0, 0, 0)),
            "insertion at the start"
        );
        assert!(!edit(0, 3, 3).overlaps(&edit(0, 3, 3)), "two insertions");
    }
}
