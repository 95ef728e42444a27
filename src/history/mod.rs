//! The project's revision history, read from git once per build: which commits touched
//! which project files, and which files have uncommitted changes. Documents list the
//! commits that touched the files their declarations live in
//! (`emit::control::document_control`).
//!
//! This is the one place the library runs a program; the core never does: the CLI reads
//! the history and hands it to the compilation (`Compilation::history`), so compiling stays
//! free of IO and "today" stays an input.
//!
//! Granularity: a commit counts for a document when it touched a *file* holding one of
//! the document's declarations, not the declaration's lines. One `git log --name-only`
//! over the project is read once and shared by every document; `git log -L` per
//! declaration is exact but runs git once per declaration. Measured on `examples/acme`
//! (205 declarations in 16 files) with 300 commits, on the 2-core build machine: the one
//! `log --name-only` took 0.1 s; `log -L` took 0.06 s per declaration, 12 s for the
//! project. A project usually keeps one concern per file, so the coarse answer is close.
//! Merge commits list no files, so they are nobody's revision.

mod git;
mod parse;

use std::collections::BTreeSet;
use std::path::Path;

use chrono::NaiveDate;

/// At most this many revisions are listed per document, newest first: enough for the
/// reviews of a few years, short enough to print.
pub const MAX_REVISIONS: usize = 20;

/// The project's history as git knows it, or why it is not known.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum ProjectHistory {
    /// Nobody asked git (a library caller, the language server).
    #[default]
    NotRead,
    /// Git could not tell: the reason in words ("the project is not in a git work tree").
    Unavailable(String),
    Read(GitLog),
}

/// What one reading of git found.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct GitLog {
    /// Newest first, as `git log` lists them.
    pub commits: Vec<Commit>,
    /// Project files (relative to the project root, `/`-separated) with changes not
    /// committed yet, untracked ones included.
    pub uncommitted: BTreeSet<String>,
}

/// One commit and the project files it touched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Commit {
    /// The first 10 hex digits of the hash: a fixed length, so the same history prints the
    /// same bytes however many objects the repository holds.
    pub hash: String,
    /// The author date, in the author's time zone.
    pub date: NaiveDate,
    pub author: String,
    pub subject: String,
    /// Relative to the project root, `/`-separated.
    pub files: Vec<String>,
}

/// The history of one document's source files.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FilesHistory<'a> {
    Unavailable(String),
    Known {
        /// Newest first, at most [`MAX_REVISIONS`].
        commits: Vec<&'a Commit>,
        /// Some of the files have changes not committed yet.
        uncommitted: bool,
    },
}

impl ProjectHistory {
    /// Read the history of the project rooted at `root` (a directory inside a git work
    /// tree, or not). Never fails: what git cannot tell becomes [`ProjectHistory::Unavailable`].
    pub fn read(root: &Path) -> ProjectHistory {
        match git::read(root) {
            Ok(log) => ProjectHistory::Read(log),
            Err(reason) => ProjectHistory::Unavailable(reason),
        }
    }

    /// The history of the project files `files` (relative to the project root).
    pub fn of_files(&self, files: &BTreeSet<&str>) -> FilesHistory<'_> {
        let log = match self {
            ProjectHistory::NotRead => {
                return FilesHistory::Unavailable("the revision history was not read".into())
            }
            ProjectHistory::Unavailable(reason) => {
                return FilesHistory::Unavailable(reason.clone())
            }
            ProjectHistory::Read(log) => log,
        };
        if files.is_empty() {
            return FilesHistory::Unavailable(
                "no project file declares what it is built from".into(),
            );
        }
        let commits: Vec<&Commit> = log
            .commits
            .iter()
            .filter(|c| c.files.iter().any(|f| files.contains(f.as_str())))
            .take(MAX_REVISIONS)
            .collect();
        let uncommitted = files.iter().any(|f| log.uncommitted.contains(*f));
        if commits.is_empty() {
            let reason = if uncommitted {
                "its source files are not committed to git yet"
            } else {
                "no git commit touched its source files"
            };
            return FilesHistory::Unavailable(reason.into());
        }
        FilesHistory::Known {
            commits,
            uncommitted,
        }
    }
}

#[cfg(test)]
mod tests;
