//! The seed corpus: every `.isms` file the repository ships (fixtures, examples, the
//! stdlib) plus the conformance cases when `../shared` is beside the checkout. Mutating
//! real files reaches deep into the grammar and the rules; random bytes alone would
//! mostly stop at the first token.

use std::fs;
use std::path::{Path, PathBuf};

/// A corpus file's bytes.
pub struct Seed {
    pub bytes: Vec<u8>,
}

/// The `.isms` files below each root, in path order (so a seed and index mean the same
/// input on every machine with the same checkout).
pub fn load(roots: &[PathBuf]) -> Vec<Seed> {
    let mut paths = Vec::new();
    for root in roots {
        collect(root, &mut paths);
    }
    paths.sort();
    paths.dedup();
    paths
        .into_iter()
        .filter_map(|path| {
            let bytes = fs::read(&path).ok()?;
            Some(Seed { bytes })
        })
        .collect()
}

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let Ok(kind) = entry.file_type() else {
            continue;
        };
        if kind.is_dir() {
            if entry.file_name() != "target" {
                collect(&path, out);
            }
        } else if path.extension().is_some_and(|x| x == "isms") {
            out.push(path);
        }
    }
}
