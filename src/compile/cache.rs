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

#[cfg(test)]
mod tests {
    use super::*;

    fn inputs(files: &[(&str, &str)]) -> Vec<Input> {
        files.iter().map(|(n, t)| Input::new(*n, *t)).collect()
    }

    #[test]
    fn only_files_whose_position_name_or_text_changed_are_compiled_again() {
        let mut cache = ParseCache::new();
        let mut files = vec![
            ("a.isms", "role a \"A\"\n"),
            ("b.isms", "role b \"B\"\n"),
            ("c.isms", "role c \"C\"\n"),
        ];
        assert_eq!(cache.update(inputs(&files)), 3);
        assert_eq!(cache.update(inputs(&files)), 0, "nothing changed");
        files[1].1 = "role b \"Bee\"\n";
        assert_eq!(cache.update(inputs(&files)), 1, "one text changed");
        files[2].0 = "renamed.isms";
        assert_eq!(cache.update(inputs(&files)), 1, "one name changed");
        files.swap(0, 1);
        assert_eq!(cache.update(inputs(&files)), 2, "two files moved");
        files.remove(2);
        assert_eq!(cache.update(inputs(&files)), 0, "the last file deleted");
        assert_eq!(cache.files_for_compile().count(), 2);
        files.remove(0);
        assert_eq!(
            cache.update(inputs(&files)),
            1,
            "the file after it moved up"
        );
    }

    #[test]
    fn a_compile_takes_the_copies_made_ahead_and_copies_the_rest() {
        let mut cache = ParseCache::new();
        let files = [("a.isms", "role a \"A\"\n"), ("b.isms", "role b \"B\"\n")];
        cache.update(inputs(&files));
        assert!(cache.prepare(1), "one file still lacks its copy");
        assert!(!cache.prepare(1));
        let roles: Vec<usize> = cache
            .files_for_compile()
            .map(|(_, model)| model.roles.len())
            .collect();
        assert_eq!(roles, [1, 1]);
        assert!(cache.prepare(1), "the copies were taken");
    }
}
