//! One compiled project: the compiler's [`Compilation`] over the files as the editor sees
//! them, plus what the server needs to talk about it (each file's URI and line index, and
//! the table of names at positions).
//!
//! A project is re-analysed on every change, so an analysis reuses what the previous one
//! of the same project computed for files that did not change: their parses and lowered
//! models (through the compiler's [`ParseCache`]) and their line indexes. The table of
//! names is a view of the compiler's resolution table, built on first use, so that
//! publishing diagnostics never waits for it.

use std::sync::{Arc, OnceLock};

use chrono::NaiveDate;
use isms::source::{FileId, Span};
use isms::{Compilation, Input, Options, ParseCache};
use tower_lsp_server::ls_types::{Location, Position, Range, Uri};

use crate::config::ProjectConfig;
use crate::names::{Names, Occurrence};
use crate::position::LineIndex;
// Re-exported where it was defined before it moved to the leaf module.
pub use crate::project::SourceInput;

/// A project compiled once; every request reads one of these, never the live buffers.
#[derive(Debug)]
pub struct Analysis {
    pub compilation: Compilation,
    /// URI and line index of each project file, by `FileId` (the embedded catalogs come
    /// after them and have neither). A file's index is shared with the previous analysis
    /// while its text stays the same.
    files: Vec<(Uri, Arc<LineIndex>)>,
    names: OnceLock<Names>,
    /// `isms.toml`'s URI and what is wrong with it, when it does not parse.
    pub config_problem: Option<(Uri, tower_lsp_server::ls_types::Diagnostic)>,
}

impl Analysis {
    /// Compile a project from scratch.
    pub fn new(inputs: Vec<SourceInput>, today: NaiveDate) -> Analysis {
        let config = ProjectConfig::default();
        Analysis::incremental(inputs, today, &config, &mut ParseCache::new(), None)
    }

    /// Compile a project, reusing the parses in `cache` and the line indexes of
    /// `previous` (an earlier analysis of the same project) for the files that did not
    /// change. The result is the same as [`Analysis::new`]'s.
    pub fn incremental(
        inputs: Vec<SourceInput>,
        today: NaiveDate,
        config: &ProjectConfig,
        cache: &mut ParseCache,
        previous: Option<&Analysis>,
    ) -> Analysis {
        let mut uris = Vec::with_capacity(inputs.len());
        let mut compiler_inputs = Vec::with_capacity(inputs.len());
        for input in inputs {
            uris.push(input.uri);
            compiler_inputs.push(Input::new(input.name, input.text.into_bytes()));
        }
        let compilation =
            isms::compile_incremental(compiler_inputs, &Options { today }, &config.settings, cache);
        let files = uris
            .into_iter()
            .enumerate()
            .map(|(index, uri)| {
                let id = FileId(u32::try_from(index).unwrap_or(u32::MAX));
                let new = compilation.sources.get(id);
                let unchanged = previous.and_then(|p| {
                    let (old_uri, lines) = p.files.get(index)?;
                    let old = p.compilation.sources.get(id)?;
                    // A file the compiler reused is the very same `SourceFile`: no need
                    // to compare a large project's texts on every change.
                    let same_text =
                        new.is_some_and(|new| std::ptr::eq(old, new) || old.text == new.text);
                    (*old_uri == uri && same_text).then(|| Arc::clone(lines))
                });
                let lines = unchanged.unwrap_or_else(|| {
                    Arc::new(LineIndex::new(new.map_or("", |f| f.text.as_str())))
                });
                (uri, lines)
            })
            .collect();
        Analysis {
            compilation,
            files,
            names: OnceLock::new(),
            config_problem: config.problem.clone(),
        }
    }

    /// Every declaration and reference, at its position.
    pub fn names(&self) -> &Names {
        self.names.get_or_init(|| Names::build(&self.compilation))
    }

    /// The project's files in path order.
    pub fn file_ids(&self) -> impl Iterator<Item = (FileId, &Uri)> {
        self.files
            .iter()
            .enumerate()
            .map(|(i, (uri, _))| (FileId(u32::try_from(i).unwrap_or(u32::MAX)), uri))
    }

    pub fn file_of(&self, uri: &Uri) -> Option<FileId> {
        self.file_ids().find(|(_, u)| *u == uri).map(|(id, _)| id)
    }

    pub fn uri(&self, file: FileId) -> Option<&Uri> {
        self.files.get(file.0 as usize).map(|(uri, _)| uri)
    }

    /// The text of a project file ("" for anything else).
    pub fn text(&self, file: FileId) -> &str {
        self.compilation
            .sources
            .get(file)
            .map_or("", |f| f.text.as_str())
    }

    pub fn lines(&self, file: FileId) -> Option<&LineIndex> {
        self.files
            .get(file.0 as usize)
            .map(|(_, lines)| lines.as_ref())
    }

    /// Whether a span lies in a project file (not in an embedded catalog).
    pub fn in_project(&self, span: Span) -> bool {
        (span.file.0 as usize) < self.files.len()
    }

    pub fn range(&self, span: Span) -> Option<Range> {
        let lines = self.lines(span.file)?;
        Some(lines.range(self.text(span.file), span.start(), span.end()))
    }

    pub fn position(&self, file: FileId, offset: usize) -> Option<Position> {
        Some(self.lines(file)?.position(self.text(file), offset))
    }

    pub fn offset(&self, file: FileId, position: Position) -> Option<usize> {
        Some(self.lines(file)?.offset(self.text(file), position))
    }

    pub fn location(&self, span: Span) -> Option<Location> {
        Some(Location::new(
            self.uri(span.file)?.clone(),
            self.range(span)?,
        ))
    }

    /// The declaration or reference at `offset`, as the compiler resolved it.
    pub fn target_at(&self, file: FileId, offset: usize) -> Option<Occurrence> {
        self.names().at(file, offset).cloned()
    }

    /// Every occurrence of what `at` names, declarations first, then in source order.
    pub fn occurrences_of(&self, at: &Occurrence) -> Vec<&Occurrence> {
        self.names().of(&self.compilation.model.resolution, at)
    }
}

#[cfg(test)]
mod tests {
    use std::str::FromStr;

    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 23).unwrap_or_default()
    }

    fn inputs(risk_title: &str) -> Vec<SourceInput> {
        let files = [
            ("a.isms", "role ciso \"CISO\"\nasset db \"DB\" {\n  kind information\n  owner ciso\n}\n".to_string()),
            ("b.isms", format!("risk R-1 \"{risk_title}\" {{\n  owner cisoo\n  assets db\n  likelihood 9\n}}\n")),
        ];
        files
            .into_iter()
            .map(|(name, text)| SourceInput {
                uri: Uri::from_str(&format!("file:///w/{name}")).unwrap(),
                name: name.to_string(),
                text,
            })
            .collect()
    }

    /// An incremental analysis with the default settings.
    fn recheck(
        inputs: Vec<SourceInput>,
        cache: &mut ParseCache,
        previous: Option<&Analysis>,
    ) -> Analysis {
        Analysis::incremental(inputs, today(), &ProjectConfig::default(), cache, previous)
    }

    #[test]
    fn unchanged_files_keep_their_parse_and_line_index() {
        let mut cache = ParseCache::new();
        let first = recheck(inputs("T"), &mut cache, None);
        let second = recheck(inputs("Changed"), &mut cache, Some(&first));
        let (a, b) = (&first.compilation.asts, &second.compilation.asts);
        assert!(Arc::ptr_eq(&a[0], &b[0]), "a.isms parsed again");
        assert!(!Arc::ptr_eq(&a[1], &b[1]), "b.isms not parsed again");
        assert!(Arc::ptr_eq(&first.files[0].1, &second.files[0].1));
        assert!(!Arc::ptr_eq(&first.files[1].1, &second.files[1].1));
        let scratch = Analysis::new(inputs("Changed"), today());
        assert!(!scratch.compilation.diagnostics.is_empty());
        assert_eq!(
            second.compilation.diagnostics,
            scratch.compilation.diagnostics
        );
        assert_eq!(second.files, scratch.files);
        assert_eq!(second.names().all(), scratch.names().all());
    }

    #[test]
    fn a_file_moved_to_another_position_gets_its_own_line_index() {
        let mut cache = ParseCache::new();
        let first = recheck(inputs("T"), &mut cache, None);
        let mut swapped = inputs("T");
        swapped.reverse();
        let second = recheck(swapped.clone(), &mut cache, Some(&first));
        let scratch = Analysis::new(swapped, today());
        assert_eq!(second.files, scratch.files);
        assert_eq!(
            second.compilation.diagnostics,
            scratch.compilation.diagnostics
        );
    }

    type Edit = dyn Fn(&mut Vec<SourceInput>);

    /// `n` files: roles, and risks that use them (one with a lowering error).
    fn many(n: usize) -> Vec<SourceInput> {
        (0..n)
            .map(|i| {
                let text = match i % 3 {
                    0 => format!("role r{i} \"Role {i}\"\n"),
                    1 => format!("risk R-{i} \"Risk\" {{\n  owner r{}\n  likelihood 2\n  impact 2\n}}\n", i - 1),
                    _ => format!("asset a{i} \"Asset\" {{\n  kind information\n  owner r{}\n  colour blue\n}}\n", i - 2),
                };
                let name = format!("f{i:02}.isms");
                SourceInput {
                    uri: Uri::from_str(&format!("file:///w/{name}")).unwrap(),
                    name,
                    text,
                }
            })
            .collect()
    }

    #[test]
    fn edits_renames_reorders_and_deletions_agree_with_a_fresh_analysis() {
        let mut files = many(30);
        let mut cache = ParseCache::new();
        let mut previous = recheck(files.clone(), &mut cache, None);
        let edits: Vec<(&str, Box<Edit>)> = vec![
            (
                "edit one file among many",
                Box::new(|f| f[10].text.push_str("role extra \"E\"\n")),
            ),
            (
                "declaration others use renamed",
                Box::new(|f| f[0].text = "role q0 \"Q\"\n".to_string()),
            ),
            (
                "rename",
                Box::new(|f| {
                    f[4].name = "renamed.isms".to_string();
                    f[4].uri = Uri::from_str("file:///w/renamed.isms").unwrap();
                }),
            ),
            ("reorder", Box::new(|f| f.swap(5, 6))),
            (
                "delete",
                Box::new(|f| {
                    f.remove(7);
                }),
            ),
            ("unchanged", Box::new(|_| {})),
        ];
        for (step, edit) in edits {
            edit(&mut files);
            let next = recheck(files.clone(), &mut cache, Some(&previous));
            let scratch = Analysis::new(files.clone(), today());
            assert!(
                next.compilation
                    .diagnostics
                    .iter()
                    .any(|d| d.code.as_str() == "field/unknown"),
                "{step}: the lowering error is reported"
            );
            assert_eq!(
                next.compilation.diagnostics, scratch.compilation.diagnostics,
                "{step}"
            );
            assert_eq!(next.files, scratch.files, "{step}");
            assert_eq!(next.names().all(), scratch.names().all(), "{step}");
            assert_eq!(
                crate::diagnostics::by_file(&next),
                crate::diagnostics::by_file(&scratch),
                "{step}"
            );
            previous = next;
        }
    }
}
