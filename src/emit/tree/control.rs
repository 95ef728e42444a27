//! Document control (ISO/IEC 27001 7.5.2 and 7.5.3): what identifies a document, who
//! approved which version, how it is classified, and how it changed.

use chrono::NaiveDate;

use crate::emit::names::Party;

/// The control block of one document. Backends print the identity (organisation, ID,
/// version, classification) on every page, and the rest in a block at the top.
#[derive(Debug, Clone, PartialEq)]
pub struct DocumentControl {
    pub organization: String,
    /// The document's ID as declared, or the default for its kind (`ISMS-SOA`).
    pub id: String,
    pub version: Option<String>,
    pub owner: Option<Party>,
    pub approver: Option<Party>,
    /// The approver's role, as the approval names it.
    pub approver_role: Option<String>,
    pub approved: Option<NaiveDate>,
    /// Printed on every page: `internal` unless declared.
    pub classification: String,
    pub next_review: Option<NaiveDate>,
    /// The build date (`--today`).
    pub built: NaiveDate,
    /// Why the document is a draft; empty when it is not. A draft is marked DRAFT on
    /// every page.
    pub draft: Vec<DraftReason>,
    pub history: History,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DraftReason {
    /// No approver or no approval date is declared.
    Unapproved,
    /// The approver is a placeholder (`TODO`), who signs nothing.
    PlaceholderApprover,
    /// The next review date has passed.
    ReviewOverdue(NaiveDate),
    /// The project has warnings: the document may not say what the ISMS is.
    ProjectWarnings(usize),
}

/// The revision history: from git, or why there is none.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum History {
    /// Newest first.
    Revisions(Vec<Revision>),
    /// Not built from a git work tree (or git is not installed): the reason, printed in
    /// the history's place.
    Unavailable(String),
}

/// One commit that touched what a document is built from; or, with an empty `commit`,
/// the uncommitted changes of the work tree (see [`Revision::uncommitted`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Revision {
    /// The abbreviated commit hash (10 hex digits); empty for uncommitted changes.
    pub commit: String,
    pub date: NaiveDate,
    pub author: String,
    pub subject: String,
}

impl DocumentControl {
    pub fn is_draft(&self) -> bool {
        !self.draft.is_empty()
    }
}

impl Revision {
    /// The work tree's uncommitted changes to the document's sources, listed first in its
    /// history, dated the build date. A row like a commit, so that every backend prints
    /// it without knowing it.
    pub fn uncommitted(built: NaiveDate) -> Revision {
        Revision {
            commit: String::new(),
            date: built,
            author: String::new(),
            subject: "uncommitted changes".to_string(),
        }
    }

    pub fn is_uncommitted(&self) -> bool {
        self.commit.is_empty()
    }
}

impl DraftReason {
    /// The reason in words, for the draft notice.
    pub fn describe(&self) -> String {
        match self {
            DraftReason::Unapproved => "not approved".to_string(),
            DraftReason::PlaceholderApprover => "approved by a placeholder".to_string(),
            DraftReason::ReviewOverdue(d) => {
                format!("review overdue since {}", d.format("%Y-%m-%d"))
            }
            DraftReason::ProjectWarnings(1) => "the project has 1 warning".to_string(),
            DraftReason::ProjectWarnings(n) => format!("the project has {n} warnings"),
        }
    }
}
