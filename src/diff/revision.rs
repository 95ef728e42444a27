//! Which commits to compare, and the project's files at a commit, read from git's object
//! store (`ls-tree`, `cat-file`) without checking anything out.

use std::path::Path;

use serde::Serialize;

use super::error::DiffError;
use super::git::Git;
use crate::config;
use crate::Input;

/// The project inside a repository: the directory git runs in, and that directory's path
/// from the repository root (`""` at the root, `compliance/` below it).
#[derive(Debug, Clone)]
pub struct Repository {
    git: Git,
    prefix: String,
}

/// One side of a comparison, as reports name it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Side {
    /// What the user named (`HEAD~1`), `merge base with main`, or `working tree`.
    pub label: String,
    /// The commit, or `None` for the working tree.
    pub commit: Option<String>,
}

impl Side {
    pub fn working_tree() -> Side {
        Side {
            label: "working tree".to_string(),
            commit: None,
        }
    }

    /// `HEAD~1 (1a2b3c4)`, or `working tree`.
    pub fn describe(&self) -> String {
        match &self.commit {
            Some(id) => format!("{} ({})", self.label, short(id)),
            None => self.label.clone(),
        }
    }
}

/// The project's files at a commit: its `.isms` files, named as `isms::project::discover`
/// names them on disk, and its `isms.toml`.
#[derive(Debug, Clone)]
pub struct Files {
    pub inputs: Vec<Input>,
    pub config: Option<String>,
}

/// The branches the default comparison starts from, in order of preference: a local
/// `main` or `master`, else the remote's (a CI checkout often has no local branch), else
/// the branch the remote's HEAD names.
const MAIN_BRANCHES: &[(&str, &str)] = &[
    ("refs/heads/main", "main"),
    ("refs/heads/master", "master"),
    ("refs/remotes/origin/main", "origin/main"),
    ("refs/remotes/origin/master", "origin/master"),
    ("refs/remotes/origin/HEAD", "origin/HEAD"),
];

impl Repository {
    /// The repository holding `dir`.
    pub fn open(dir: &Path) -> Result<Repository, DiffError> {
        let git = Git::new(dir);
        let prefix = match git.run(&["rev-parse", "--show-prefix"])? {
            Ok(out) => String::from_utf8_lossy(&out).trim_end().to_string(),
            Err(message) => {
                return Err(DiffError::NotARepository {
                    dir: dir.display().to_string(),
                    message,
                })
            }
        };
        Ok(Repository { git, prefix })
    }

    /// The commit `rev` names, or a clear error when it names none.
    pub fn resolve(&self, rev: &str) -> Result<Side, DiffError> {
        let missing = || -> Result<DiffError, DiffError> {
            Ok(DiffError::NoSuchRevision {
                rev: rev.to_string(),
                shallow: self.is_shallow()?,
            })
        };
        // A revision is never read as an option of git's.
        if rev.is_empty() || rev.starts_with('-') {
            return Err(missing()?);
        }
        let spec = format!("{rev}^{{commit}}");
        match self.git.run(&[
            "rev-parse",
            "--verify",
            "--quiet",
            "--end-of-options",
            &spec,
        ])? {
            Ok(out) => Ok(Side {
                label: rev.to_string(),
                commit: Some(String::from_utf8_lossy(&out).trim().to_string()),
            }),
            Err(_) => Err(missing()?),
        }
    }

    /// The merge base of `HEAD` with the main branch: what a pull request changes.
    pub fn merge_base_with_main(&self) -> Result<Side, DiffError> {
        let (reference, name) = self.main_branch()?;
        let base = match self.git.run(&["merge-base", "HEAD", reference])? {
            Ok(out) => String::from_utf8_lossy(&out).trim().to_string(),
            Err(_) => {
                return Err(DiffError::NoMergeBase {
                    base: name.to_string(),
                    shallow: self.is_shallow()?,
                })
            }
        };
        Ok(Side {
            label: format!("merge base with {name}"),
            commit: Some(base),
        })
    }

    fn main_branch(&self) -> Result<(&'static str, &'static str), DiffError> {
        for (reference, name) in MAIN_BRANCHES {
            let found = self
                .git
                .run(&["rev-parse", "--verify", "--quiet", reference])?
                .is_ok();
            if found {
                return Ok((reference, name));
            }
        }
        Err(DiffError::NoMainBranch)
    }

    fn is_shallow(&self) -> Result<bool, DiffError> {
        Ok(self.git.text(&["rev-parse", "--is-shallow-repository"])? == "true")
    }

    /// The project's files at `commit`. A project directory that did not exist yet is an
    /// empty project: everything in the other revision is then new.
    pub fn files(&self, commit: &str) -> Result<Files, DiffError> {
        let tree = format!("{commit}:{}", self.prefix);
        if self.git.run(&["cat-file", "-e", &tree])?.is_err() {
            return Ok(Files {
                inputs: Vec::new(),
                config: None,
            });
        }
        let listing = match self
            .git
            .run(&["ls-tree", "-r", "-z", "--full-tree", &tree])?
        {
            Ok(out) => out,
            Err(message) => {
                return Err(DiffError::Git {
                    command: format!("ls-tree {tree}"),
                    message,
                })
            }
        };
        let mut wanted: Vec<(String, String)> = Vec::new();
        let mut config_id = None;
        for entry in listing.split(|&b| b == 0).filter(|e| !e.is_empty()) {
            let entry = String::from_utf8_lossy(entry);
            let Some((meta, path)) = entry.split_once('\t') else {
                continue;
            };
            let mut meta = meta.split(' ');
            let (Some(mode), Some(kind), Some(id)) = (meta.next(), meta.next(), meta.next()) else {
                continue;
            };
            // Regular files only: a link's target may lie outside the revision, and a
            // submodule is another repository.
            if kind != "blob" || !mode.starts_with("100") {
                continue;
            }
            if path == config::FILE_NAME {
                config_id = Some(id.to_string());
            } else if is_project_file(path) {
                wanted.push((path.to_string(), id.to_string()));
            }
        }
        wanted.sort();
        let mut ids: Vec<String> = wanted.iter().map(|(_, id)| id.clone()).collect();
        ids.extend(config_id.iter().cloned());
        let mut blobs = self.git.blobs(&ids)?;
        let config = match config_id {
            Some(_) => blobs
                .pop()
                .map(|b| String::from_utf8_lossy(&b).into_owned()),
            None => None,
        };
        let inputs = wanted
            .into_iter()
            .zip(blobs)
            .map(|((name, _), bytes)| Input::new(name, bytes))
            .collect();
        Ok(Files { inputs, config })
    }
}

/// What `isms::project::discover` reads on disk: `.isms` files outside hidden
/// directories and `target/` directories.
fn is_project_file(path: &str) -> bool {
    let parts: Vec<&str> = path.split('/').collect();
    let Some((file, dirs)) = parts.split_last() else {
        return false;
    };
    file.ends_with(".isms")
        && !file.starts_with('.')
        && dirs.iter().all(|d| !d.starts_with('.') && *d != "target")
}

/// The first seven characters of a commit ID, as people quote them.
pub fn short(id: &str) -> &str {
    id.get(..7).unwrap_or(id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn project_files_are_those_discovery_reads() {
        assert!(is_project_file("isms.isms"));
        assert!(is_project_file("risks/cloud.isms"));
        assert!(!is_project_file(".hidden/a.isms"));
        assert!(!is_project_file("target/a.isms"));
        assert!(!is_project_file(".a.isms"));
        assert!(!is_project_file("notes.md"));
    }
}
