//! Finding a project's files on disk: every `*.isms` below the root, in path order,
//! skipping hidden directories and `target/`.
//!
//! The one place the library touches the file system; the pipeline itself ([`crate::compile`])
//! does no IO. The CLI and the language server both discover files here.

use std::io;
use std::path::{Path, PathBuf};

/// A project file: its name relative to the root (with `/`), and its path on disk.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct ProjectFile {
    pub name: String,
    pub path: PathBuf,
}

/// The `.isms` files below `root`, sorted by name.
pub fn discover(root: &Path) -> io::Result<Vec<ProjectFile>> {
    let walker = ignore::WalkBuilder::new(root)
        .standard_filters(false)
        .hidden(true)
        .filter_entry(|e| {
            !(e.depth() > 0
                && e.file_type().is_some_and(|t| t.is_dir())
                && e.file_name() == "target")
        })
        .build();
    let mut files = Vec::new();
    for entry in walker {
        let entry = entry.map_err(|e| io::Error::other(e.to_string()))?;
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
        files.push(ProjectFile {
            name,
            path: path.to_path_buf(),
        });
    }
    files.sort();
    Ok(files)
}
