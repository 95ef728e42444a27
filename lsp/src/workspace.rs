//! What the editor and the disk say the projects are: the workspace roots, the open
//! buffers (which win over the disk), and each project's files.
//!
//! A file below a workspace root belongs to that root's project (all its `.isms` files,
//! found by `isms::project::discover`); a file outside every root is a project alone, as
//! with `isms check FILE`. No compiling happens here: [`Workspace::inputs`] hands the
//! compiler a snapshot.

use std::collections::HashMap;
use std::io::Write as _;
use std::path::{Path, PathBuf};

use tower_lsp_server::ls_types::{Position, Range, TextDocumentContentChangeEvent, Uri};

use crate::position::LineIndex;
use crate::project::{file_path, uri_of, ProjectKey, SourceInput};

#[derive(Debug, Clone)]
pub struct OpenDoc {
    pub text: String,
    pub version: i32,
}

#[derive(Debug, Default)]
pub struct Workspace {
    roots: Vec<PathBuf>,
    open: HashMap<Uri, OpenDoc>,
    /// Files found on disk below each root, in path order: (name, path).
    discovered: HashMap<PathBuf, Vec<(String, PathBuf)>>,
    /// File contents read from disk, until the file is saved, closed or changes on disk.
    disk: HashMap<PathBuf, String>,
    /// Bumped whenever anything a project is compiled from changes.
    generations: HashMap<ProjectKey, u64>,
    next_generation: u64,
}

impl Workspace {
    pub fn set_roots(&mut self, roots: Vec<PathBuf>) {
        // The deepest root wins for nested roots, so look at longer paths first.
        let mut roots = roots;
        roots.sort_by_key(|r| std::cmp::Reverse(r.components().count()));
        roots.dedup();
        self.roots = roots;
        self.discovered.clear();
    }

    pub fn roots(&self) -> &[PathBuf] {
        &self.roots
    }

    pub fn project_of(&self, uri: &Uri) -> ProjectKey {
        if let Some(path) = file_path(uri) {
            if let Some(root) = self.roots.iter().find(|r| path.starts_with(r)) {
                return ProjectKey::Root(root.clone());
            }
        }
        ProjectKey::Single(uri.clone())
    }

    pub fn generation(&self, key: &ProjectKey) -> u64 {
        self.generations.get(key).copied().unwrap_or(0)
    }

    /// Record that `key`'s inputs changed; returns the new generation.
    pub fn touch(&mut self, key: &ProjectKey) -> u64 {
        self.next_generation += 1;
        self.generations.insert(key.clone(), self.next_generation);
        self.next_generation
    }

    pub fn open(&mut self, uri: Uri, text: String, version: i32) -> ProjectKey {
        let key = self.project_of(&uri);
        if let ProjectKey::Root(root) = &key {
            // A file created in the editor is not in the discovered list yet.
            let known = self.discovered.get(root).is_some_and(|files| {
                file_path(&uri).is_some_and(|p| files.iter().any(|(_, f)| *f == p))
            });
            if !known {
                self.discovered.remove(root);
            }
        }
        self.open.insert(uri, OpenDoc { text, version });
        self.touch(&key);
        key
    }

    /// Apply an editor's changes (incremental or whole-text) to an open buffer.
    pub fn change(
        &mut self,
        uri: &Uri,
        version: i32,
        changes: Vec<TextDocumentContentChangeEvent>,
    ) -> Option<ProjectKey> {
        let doc = self.open.get_mut(uri)?;
        for change in changes {
            match change.range {
                Some(range) => apply(&mut doc.text, range, &change.text),
                None => doc.text = change.text,
            }
        }
        doc.version = version;
        let key = self.project_of(uri);
        self.touch(&key);
        Some(key)
    }

    /// The buffer was saved: its text on disk is now the buffer's.
    pub fn saved(&mut self, uri: &Uri, text: Option<String>) -> ProjectKey {
        if let (Some(text), Some(doc)) = (text, self.open.get_mut(uri)) {
            doc.text = text;
        }
        if let Some(path) = file_path(uri) {
            self.disk.remove(&path);
        }
        let key = self.project_of(uri);
        self.touch(&key);
        key
    }

    pub fn close(&mut self, uri: &Uri) -> ProjectKey {
        self.open.remove(uri);
        if let Some(path) = file_path(uri) {
            self.disk.remove(&path);
        }
        let key = self.project_of(uri);
        self.touch(&key);
        key
    }

    /// A file changed, appeared or disappeared on disk.
    pub fn changed_on_disk(&mut self, uri: &Uri) -> ProjectKey {
        if let Some(path) = file_path(uri) {
            self.disk.remove(&path);
        }
        let key = self.project_of(uri);
        if let ProjectKey::Root(root) = &key {
            self.discovered.remove(root);
        }
        self.touch(&key);
        key
    }

    pub fn open_doc(&self, uri: &Uri) -> Option<&OpenDoc> {
        self.open.get(uri)
    }

    pub fn is_open(&self, uri: &Uri) -> bool {
        self.open.contains_key(uri)
    }

    /// The files of a project as the compiler should see them: open buffers over the disk.
    /// Unreadable files are skipped (a deleted file vanishes from the project).
    pub fn inputs(&mut self, key: &ProjectKey) -> Vec<SourceInput> {
        match key {
            ProjectKey::Single(uri) => {
                let name = file_path(uri)
                    .and_then(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
                    .unwrap_or_else(|| uri.as_str().to_string());
                let text = match self.open.get(uri) {
                    Some(doc) => Some(doc.text.clone()),
                    None => file_path(uri).and_then(|p| self.read(&p)),
                };
                text.map(|text| SourceInput {
                    uri: uri.clone(),
                    name,
                    text,
                })
                .into_iter()
                .collect()
            }
            ProjectKey::Root(root) => self.root_inputs(root),
        }
    }

    fn root_inputs(&mut self, root: &Path) -> Vec<SourceInput> {
        let files = match self.discovered.get(root) {
            Some(files) => files.clone(),
            None => {
                let discovery = isms::project::discover(root);
                // Symlinks are followed as by the CLI; what cannot be followed (a loop, a
                // dangling `*.isms` link) goes to the client's log (the server's stderr)
                // rather than vanishing: the CLI refuses such a project outright.
                for problem in &discovery.problems {
                    // Best effort: a closed stderr must not take the server down.
                    let _ = writeln!(std::io::stderr(), "isms-lsp: not read: {problem}");
                }
                let found: Vec<(String, PathBuf)> = discovery
                    .files
                    .into_iter()
                    .map(|f| (f.name, f.path))
                    .collect();
                self.discovered.insert(root.to_path_buf(), found.clone());
                found
            }
        };
        let mut inputs: Vec<SourceInput> = Vec::with_capacity(files.len());
        for (name, path) in files {
            let Some(uri) = uri_of(&path) else {
                continue;
            };
            let text = match self.open.get(&uri) {
                Some(doc) => Some(doc.text.clone()),
                None => self.read(&path),
            };
            if let Some(text) = text {
                inputs.push(SourceInput { uri, name, text });
            }
        }
        // Open buffers below the root that are not on disk (yet): new, unsaved files.
        for (uri, doc) in &self.open {
            let Some(path) = file_path(uri) else { continue };
            let Ok(relative) = path.strip_prefix(root) else {
                continue;
            };
            if inputs.iter().any(|i| &i.uri == uri) || !is_project_file(relative) {
                continue;
            }
            inputs.push(SourceInput {
                uri: uri.clone(),
                name: relative_name(relative),
                text: doc.text.clone(),
            });
        }
        inputs.sort_by(|a, b| a.name.cmp(&b.name));
        inputs
    }

    fn read(&mut self, path: &Path) -> Option<String> {
        if let Some(text) = self.disk.get(path) {
            return Some(text.clone());
        }
        let bytes = std::fs::read(path).ok()?;
        // Invalid UTF-8 is the compiler's diagnostic; keep the text it would have read.
        let text = String::from_utf8_lossy(&bytes).into_owned();
        self.disk.insert(path.to_path_buf(), text.clone());
        Some(text)
    }
}

/// Whether a path below a root is one `discover` would find: `*.isms`, not in a hidden
/// directory or `target/`.
fn is_project_file(relative: &Path) -> bool {
    let parts: Vec<String> = relative
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    let Some((file, dirs)) = parts.split_last() else {
        return false;
    };
    file.ends_with(".isms") && dirs.iter().all(|d| !d.starts_with('.') && d != "target")
}

fn relative_name(relative: &Path) -> String {
    relative
        .components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

/// The path of a `file:` URI.
/// Replace `range` (UTF-16 positions) of `text` by `new`.
fn apply(text: &mut String, range: Range, new: &str) {
    let index = LineIndex::new(text);
    let clamp = |p: Position| index.offset(text, p);
    let (start, end) = (clamp(range.start), clamp(range.end));
    let (start, end) = (start.min(end), start.max(end));
    text.replace_range(start..end, new);
}

#[cfg(test)]
mod tests {
    use std::str::FromStr;

    use super::*;

    #[test]
    fn incremental_edits_use_utf16_positions() {
        let mut text = "person jürgen \"😀\" { roles cisoo }\n".to_string();
        // Replace `cisoo` (UTF-16 columns 27..32) with `ciso`.
        let range = Range::new(Position::new(0, 27), Position::new(0, 32));
        apply(&mut text, range, "ciso");
        assert_eq!(text, "person jürgen \"😀\" { roles ciso }\n");
    }

    #[test]
    fn project_files_skip_hidden_and_target() {
        assert!(is_project_file(Path::new("risks/cloud.isms")));
        assert!(!is_project_file(Path::new(".git/x.isms")));
        assert!(!is_project_file(Path::new("target/x.isms")));
        assert!(!is_project_file(Path::new("notes.txt")));
    }

    #[test]
    fn files_outside_roots_are_projects_alone() {
        let mut ws = Workspace::default();
        ws.set_roots(vec![PathBuf::from("/w"), PathBuf::from("/w/inner")]);
        let at = |p: &str| Uri::from_str(p).unwrap();
        assert_eq!(
            ws.project_of(&at("file:///w/inner/a.isms")),
            ProjectKey::Root(PathBuf::from("/w/inner"))
        );
        assert_eq!(
            ws.project_of(&at("file:///w/a.isms")),
            ProjectKey::Root(PathBuf::from("/w"))
        );
        let outside = at("file:///elsewhere/a.isms");
        assert_eq!(ws.project_of(&outside), ProjectKey::Single(outside.clone()));
    }

    /// Issue #16: the server discovers symlinked files as `isms check` does.
    #[cfg(unix)]
    #[test]
    fn symlinked_files_and_directories_are_part_of_the_project() {
        let root = tempfile::tempdir().unwrap();
        let elsewhere = tempfile::tempdir().unwrap();
        std::fs::write(root.path().join("isms.isms"), "// here\n").unwrap();
        std::fs::write(elsewhere.path().join("risks.isms"), "// linked\n").unwrap();
        std::fs::create_dir(elsewhere.path().join("more")).unwrap();
        std::fs::write(elsewhere.path().join("more/assets.isms"), "// dir\n").unwrap();
        std::os::unix::fs::symlink(
            elsewhere.path().join("risks.isms"),
            root.path().join("risks.isms"),
        )
        .unwrap();
        std::os::unix::fs::symlink(elsewhere.path().join("more"), root.path().join("shared"))
            .unwrap();
        let mut ws = Workspace::default();
        ws.set_roots(vec![root.path().to_path_buf()]);
        let inputs = ws.inputs(&ProjectKey::Root(root.path().to_path_buf()));
        let names: Vec<(&str, &str)> = inputs
            .iter()
            .map(|i| (i.name.as_str(), i.text.as_str()))
            .collect();
        assert_eq!(
            names,
            [
                ("isms.isms", "// here\n"),
                ("risks.isms", "// linked\n"),
                ("shared/assets.isms", "// dir\n")
            ]
        );
    }
}
