//! Finding a project's files on disk: every `*.isms` below the root, in path order,
//! skipping hidden directories and `target/`.
//!
//! Symbolic links are followed, to files and to directories alike, so a project that links
//! in shared files checks and builds them. What cannot be followed (a link into a loop, a
//! link whose target is missing, an unreadable directory) is never skipped silently: it is
//! a [`WalkProblem`] of the [`Discovery`], and the CLI refuses to run on an incomplete
//! project.
//!
//! The one place the library touches the file system; the pipeline itself ([`crate::compile`])
//! does no IO. The CLI and the language server both discover files here.

use std::fmt;
use std::path::{Path, PathBuf};

/// A project file: its name relative to the root (with `/`), and its path on disk.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct ProjectFile {
    pub name: String,
    pub path: PathBuf,
}

/// What the walk found, and what it could not enter or read.
#[derive(Debug, Default)]
pub struct Discovery {
    /// Sorted by name.
    pub files: Vec<ProjectFile>,
    pub problems: Vec<WalkProblem>,
}

/// A path below the root that the walk could not follow: its files are missing from
/// [`Discovery::files`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WalkProblem {
    pub path: Option<PathBuf>,
    pub message: String,
    /// A link whose target does not exist.
    pub dangling: bool,
}

impl fmt::Display for WalkProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.path {
            Some(path) => write!(f, "`{}`: {}", path.display(), self.message),
            None => f.write_str(&self.message),
        }
    }
}

/// The `.isms` files below `root`, sorted by name, following symbolic links.
pub fn discover(root: &Path) -> Discovery {
    let walker = ignore::WalkBuilder::new(root)
        .standard_filters(false)
        .hidden(true)
        // `ignore` remembers the directories it is inside and reports a link back to one
        // of them as a loop instead of descending forever.
        .follow_links(true)
        .filter_entry(|e| {
            !(e.depth() > 0
                && e.file_type().is_some_and(|t| t.is_dir())
                && e.file_name() == "target")
        })
        .build();
    let mut found = Discovery::default();
    for entry in walker {
        let entry = match entry {
            Ok(entry) => entry,
            Err(e) => {
                let problem = problem(&e);
                // A dangling link holds no files; only one named like a project file
                // (`risks.isms` → a deleted target) stands for a missing one.
                let dangling_other = problem.dangling
                    && problem
                        .path
                        .as_deref()
                        .is_some_and(|p| p.extension().is_none_or(|x| x != "isms"));
                if !dangling_other {
                    found.problems.push(problem);
                }
                continue;
            }
        };
        let path = entry.path();
        let is_file = entry.file_type().is_some_and(|t| t.is_file());
        if !is_file || path.extension().is_none_or(|x| x != "isms") {
            continue;
        }
        let relative = path.strip_prefix(root).unwrap_or(path);
        let name = relative
            .components()
            .map(|c| c.as_os_str().to_string_lossy())
            .collect::<Vec<_>>()
            .join("/");
        found.files.push(ProjectFile {
            name,
            path: path.to_path_buf(),
        });
    }
    found.files.sort();
    found
}

/// One sentence per walk error, naming the path it concerns.
fn problem(e: &ignore::Error) -> WalkProblem {
    let mut path = None;
    let mut inner = e;
    loop {
        match inner {
            ignore::Error::WithPath { path: p, err } => {
                path = Some(p.clone());
                inner = err;
            }
            ignore::Error::WithDepth { err, .. } | ignore::Error::WithLineNumber { err, .. } => {
                inner = err;
            }
            _ => break,
        }
    }
    let mut dangling = false;
    let message = match inner {
        ignore::Error::Loop { ancestor, child } => {
            path = Some(child.clone());
            format!(
                "symbolic link loop: it leads back to `{}`, so its files are not read",
                ancestor.display()
            )
        }
        ignore::Error::Io(io) if io.kind() == std::io::ErrorKind::NotFound => {
            dangling = true;
            "cannot be followed: the file or directory it names does not exist".to_string()
        }
        other => format!("cannot be read: {other}"),
    };
    WalkProblem {
        path,
        message,
        dangling,
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;
    use std::fs;

    #[cfg(unix)]
    #[test]
    fn follows_symlinked_files_and_directories() {
        let dir = tempfile::tempdir().unwrap();
        let shared = tempfile::tempdir().unwrap();
        fs::write(shared.path().join("risks.isms"), "").unwrap();
        fs::create_dir(shared.path().join("more")).unwrap();
        fs::write(shared.path().join("more/assets.isms"), "").unwrap();
        fs::write(dir.path().join("isms.isms"), "").unwrap();
        std::os::unix::fs::symlink(
            shared.path().join("risks.isms"),
            dir.path().join("risks.isms"),
        )
        .unwrap();
        std::os::unix::fs::symlink(shared.path().join("more"), dir.path().join("linked")).unwrap();
        let found = discover(dir.path());
        let names: Vec<_> = found.files.iter().map(|f| f.name.as_str()).collect();
        assert_eq!(names, ["isms.isms", "linked/assets.isms", "risks.isms"]);
        assert!(found.problems.is_empty(), "{:?}", found.problems);
    }

    #[cfg(unix)]
    #[test]
    fn reports_loops_and_dangling_links() {
        let dir = tempfile::tempdir().unwrap();
        fs::create_dir(dir.path().join("sub")).unwrap();
        fs::write(dir.path().join("sub/a.isms"), "").unwrap();
        std::os::unix::fs::symlink("..", dir.path().join("sub/up")).unwrap();
        std::os::unix::fs::symlink("missing.isms", dir.path().join("gone.isms")).unwrap();
        // A dangling link to anything else holds no project file: not a problem.
        std::os::unix::fs::symlink("missing", dir.path().join("notes")).unwrap();
        let found = discover(dir.path());
        let names: Vec<_> = found.files.iter().map(|f| f.name.as_str()).collect();
        assert_eq!(names, ["sub/a.isms"]);
        let messages: Vec<String> = found.problems.iter().map(|p| p.to_string()).collect();
        assert_eq!(messages.len(), 2, "{messages:?}");
        assert!(
            messages
                .iter()
                .any(|m| m.contains("sub/up") && m.contains("loop")),
            "{messages:?}"
        );
        assert!(
            messages
                .iter()
                .any(|m| m.contains("gone.isms") && m.contains("does not exist")),
            "{messages:?}"
        );
    }
}
