//! The language server's memory between compiles of one project: each file's parse,
//! lowered model and diagnostics, kept while the file's name, text and position stay the
//! same, so that a keystroke parses and lowers only the file it changed.

use super::lowered::{LoweredFile, Origin};
use super::Input;
use crate::model::Model;
use crate::source::FileId;

/// What an earlier compilation of the same project made of each file, by position.
///
/// The key is the position, the name and the text: a file's spans hold its position
/// (`FileId`), so a file that moved is compiled again even if its text did not change.
///
/// Each compilation owns its model, so a file's lowered model is copied into every
/// compile. Copying many small strings costs about what lowering does; so the copy can be
/// made ahead, between compiles ([`ParseCache::prepare`], which the language server runs
/// after publishing), and a compile then moves it instead.
#[derive(Debug, Default)]
pub struct ParseCache {
    /// By `FileId`: the project's files only (the shipped catalogs are lowered once per
    /// process, see `compile::shipped`).
    files: Vec<Option<Slot>>,
}

#[derive(Debug)]
struct Slot {
    file: LoweredFile,
    /// A copy of `file.model` made ahead for the next compile to take.
    spare: Option<Model>,
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
                .is_some_and(|s| s.file.is_for(&input.name, &input.bytes))
            {
                continue;
            }
            let id = FileId(u32::try_from(index).unwrap_or(u32::MAX));
            *slot = Some(Slot {
                file: LoweredFile::new(id, input, Origin::Project),
                spare: None,
            });
            compiled += 1;
        }
        compiled
    }

    /// The project's files in order (all present after [`ParseCache::update`]), each with
    /// a model of its own for the compile: the copy made ahead, else a new copy.
    pub(crate) fn files_for_compile(&mut self) -> impl Iterator<Item = (&LoweredFile, Model)> {
        self.files.iter_mut().flatten().map(|slot| {
            let model = slot.spare.take().unwrap_or_else(|| slot.file.model.clone());
            (&slot.file, model)
        })
    }

    /// Copy the lowered models of up to `files` files for the next compile to move
    /// instead of copying. Returns whether some file still lacks its copy. Called a few
    /// files at a time, so that a compile waiting for the cache waits little.
    pub fn prepare(&mut self, files: usize) -> bool {
        let mut pending = self
            .files
            .iter_mut()
            .flatten()
            .filter(|slot| slot.spare.is_none());
        for slot in pending.by_ref().take(files) {
            slot.spare = Some(slot.file.model.clone());
        }
        pending.next().is_some()
    }
}
