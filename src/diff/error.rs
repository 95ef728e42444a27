//! Why a comparison could not be made: each is one clear sentence for the person at the
//! terminal (the CLI exits with status 2), never a panic.

use std::fmt;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DiffError {
    /// `git` is not on the PATH, or could not be started.
    GitMissing(String),
    /// The project directory is not inside a git work tree.
    NotARepository { dir: String, message: String },
    /// A revision the user named does not name a commit.
    NoSuchRevision { rev: String, shallow: bool },
    /// No `main`, `master` nor remote HEAD to take the merge base with.
    NoMainBranch,
    /// The merge base with the main branch is not in the history (a shallow clone).
    NoMergeBase { base: String, shallow: bool },
    /// The project's `isms.toml` at a revision does not parse.
    Config { rev: String, message: String },
    /// Any other failure of a git command.
    Git { command: String, message: String },
}

impl fmt::Display for DiffError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DiffError::GitMissing(why) => write!(
                f,
                "cannot run `git` ({why}): `isms diff` reads revisions with git, which must be on the PATH"
            ),
            DiffError::NotARepository { dir, message } => write!(
                f,
                "`{dir}` is not inside a git repository ({message})"
            ),
            DiffError::NoSuchRevision { rev, shallow } => {
                write!(f, "revision `{rev}` does not exist in this repository")?;
                if *shallow {
                    f.write_str(
                        "; this clone is shallow, so older commits are missing: fetch the \
                         whole history (`git fetch --unshallow`, or `fetch-depth: 0` in \
                         actions/checkout)",
                    )?;
                }
                Ok(())
            }
            DiffError::NoMainBranch => f.write_str(
                "cannot find the main branch (`main`, `master` or the remote's HEAD) to \
                 compare with: name the revision, e.g. `isms diff origin/main`",
            ),
            DiffError::NoMergeBase { base, shallow } => {
                write!(f, "`HEAD` and `{base}` have no merge base in this repository")?;
                if *shallow {
                    f.write_str(
                        ": this clone is shallow, so their history is cut off; fetch the \
                         whole history (`fetch-depth: 0` in actions/checkout, or \
                         `git fetch --unshallow`), or name both revisions \
                         (`isms diff REV_A REV_B`)",
                    )
                } else {
                    f.write_str(": name both revisions (`isms diff REV_A REV_B`)")
                }
            }
            DiffError::Config { rev, message } => {
                write!(f, "invalid `isms.toml` at revision `{rev}`: {message}")
            }
            DiffError::Git { command, message } => {
                write!(f, "`git {command}` failed: {message}")
            }
        }
    }
}

impl std::error::Error for DiffError {}
