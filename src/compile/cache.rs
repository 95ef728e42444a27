//! The language server's memory between compiles of one project: each file's parse,
//! lowered model and diagnostics, kept while the file's name, text and position stay the
//! same, so that a keystroke parses and lowers only the file it changed.

use super::lowered::{LoweredFile, Origin};
use super::Input;
use crate::source::FileId;

/// What an earlier compilation of the same project made of each file, by position.
///
/// The key is the position, the name and the text: a file's spans hold its position
/// (`FileId`), so a file that moved is compiled again even if its text did not change.
#[derive(Debug, Default)]
pub struct ParseCache {
    /// By `FileId`: the project's files only (the shipped catalogs are lowered once per
    /// process, see `compile::shipped`).
    files: Vec<Option<LoweredFile>>,
}

impl ParseCache {
    pub fn new() -> Self {
        Self::default()
    }

    /// Compile the files of `inputs` that this cache does not hold as they are now, and
    /// forget files past the last input. Returns how many files were compiled.
    pub(crate) fn update(&mut self, inputs: Vec<Input>) -> usize {
        self.files.truncate(inputs.len());
        self.files.resize_with(inputs.len(), || None);
        let mut compiled = 0;
        for ((index, input), slot) in inputs.into_iter().enumerate().zip(&mut self.files) {
            if slot
                .as_ref()
                .is_some_and(|f| f.is_for(&input.name, &input.bytes))
            {
                continue;
            }
            let id = FileId(u32::try_from(index).unwrap_or(u32::MAX));
            *slot = Some(LoweredFile::new(id, input, Origin::Project));
            compiled += 1;
        }
        compiled
    }

    /// The project's files, in order (all present after [`ParseCache::update`]).
    pub(crate) fn files(&self) -> impl Iterator<Item = &LoweredFile> {
        self.files.iter().flatten()
    }
}
