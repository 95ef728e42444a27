//! What every other module says about projects, with no dependency on any of them: which
//! project a file belongs to ([`ProjectKey`]), a project file as handed to the compiler
//! ([`SourceInput`]), and `file:` URIs ↔ paths. A leaf, so that the workspace, the
//! project configuration and the analysis can all name these without importing each
//! other.

use std::path::{Path, PathBuf};
use std::str::FromStr;

use tower_lsp_server::ls_types::Uri;

/// Which project a file belongs to.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ProjectKey {
    /// Every `.isms` file below a workspace root.
    Root(PathBuf),
    /// A file outside every root (or not on disk at all), alone.
    Single(Uri),
}

/// One project file as given to the compiler.
#[derive(Debug, Clone)]
pub struct SourceInput {
    pub uri: Uri,
    /// Relative to the project root, with `/` (what diagnostics and documents show).
    pub name: String,
    pub text: String,
}

/// The path of a `file:` URI; `None` for any other scheme (an unsaved buffer).
pub fn file_path(uri: &Uri) -> Option<PathBuf> {
    if uri.scheme().as_str() != "file" {
        return None;
    }
    uri.to_file_path().map(|p| p.into_owned())
}

/// The `file:` URI of a path, in the one form the server uses for it.
pub fn uri_of(path: &Path) -> Option<Uri> {
    Uri::from_file_path(path).or_else(|| Uri::from_str(&format!("file://{}", path.display())).ok())
}
