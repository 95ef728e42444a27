//! The shipped catalogs (`stdlib/`), lowered once per process instead of on every
//! compile.
//!
//! They come after the project's files, so their `FileId`s (which every span holds)
//! depend on how many files the project has: the cache is keyed by the first one. A
//! language server with several projects, or a project that gains a file, adds an entry;
//! the few most recent are kept.

use std::sync::{Arc, Mutex};

use super::lowered::{LoweredFile, Origin};
use super::Input;
use crate::source::FileId;

/// How many first ids to remember (one per open project, in practice).
const KEPT: usize = 8;

type Lowered = Arc<Vec<LoweredFile>>;

static CACHE: Mutex<Vec<(FileId, Lowered)>> = Mutex::new(Vec::new());

/// The shipped catalogs lowered as the files from `first` on.
pub(crate) fn lowered(first: FileId) -> Lowered {
    // A poisoned lock only means a lowering panicked: the entries are whole or absent.
    let mut cache = CACHE.lock().unwrap_or_else(|p| p.into_inner());
    if let Some((_, files)) = cache.iter().find(|(id, _)| *id == first) {
        return Arc::clone(files);
    }
    let files: Lowered = Arc::new(
        crate::stdlib::FILES
            .iter()
            .enumerate()
            .map(|(offset, (name, text))| {
                let id = FileId(first.0.saturating_add(u32::try_from(offset).unwrap_or(0)));
                LoweredFile::new(id, Input::new(*name, text.as_bytes()), Origin::Shipped)
            })
            .collect(),
    );
    if cache.len() >= KEPT {
        cache.remove(0);
    }
    cache.push((first, Arc::clone(&files)));
    files
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn catalogs_are_lowered_once_per_first_id_with_that_id_in_their_spans() {
        let first = lowered(FileId(7));
        assert!(Arc::ptr_eq(&first, &lowered(FileId(7))), "lowered again");
        let moved = lowered(FileId(8));
        assert!(!Arc::ptr_eq(&first, &moved));
        for (files, id) in [(&first, 7), (&moved, 8)] {
            let catalog = files
                .first()
                .and_then(|f| f.model.catalogs.first())
                .map(|c| c.id.span.file);
            assert_eq!(catalog, Some(FileId(id)));
            assert!(files.iter().all(|f| f.diagnostics.is_empty()));
        }
    }
}
