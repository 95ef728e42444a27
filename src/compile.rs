//! The whole pipeline over in-memory files: source → syntax → model → checks.
//!
//! INVARIANT: no IO here. The CLI reads files from disk and the language server passes
//! its open buffers; both call [`compile_with`] (or [`compile_incremental`]) and get the
//! same diagnostics.

use std::collections::BTreeMap;
use std::num::NonZeroUsize;
use std::sync::Arc;

use chrono::NaiveDate;

use crate::check::readiness::Readiness;
use crate::check::suppress::{self, ActiveSuppression, Override};
use crate::check::{self, Context};
use crate::diagnostics::{Code, Diagnostic, Sink};
use crate::frontend::{self, FrontInput};
use crate::model::graph::Trace;
use crate::model::{lower, resolve, Model};
use crate::source::{FileId, SourceFile, SourceMap, Span};
use crate::syntax::{self, Ast};

/// One file of a project, as bytes: invalid UTF-8 is a diagnostic, not a failure.
#[derive(Debug, Clone)]
pub struct Input {
    /// Display name, relative to the project root (`risks/cloud.isms`).
    pub name: String,
    pub bytes: Vec<u8>,
}

impl Input {
    pub fn new(name: impl Into<String>, bytes: impl Into<Vec<u8>>) -> Self {
        Input {
            name: name.into(),
            bytes: bytes.into(),
        }
    }
}

#[derive(Debug, Clone, Copy)]
pub struct Options {
    /// The date that "overdue" is measured against.
    pub today: NaiveDate,
}

/// What a project's `isms.toml` changes about checking.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Settings {
    /// Severity changes per code.
    pub overrides: BTreeMap<Code, Override>,
    /// Threads a report-only compile ([`compile_lean`]) may parse on; `None` for one per
    /// core. The result is the same for any number.
    pub threads: Option<NonZeroUsize>,
}

/// Everything the pipeline produced.
#[derive(Debug)]
pub struct Compilation {
    pub sources: SourceMap,
    /// One tree per project file, in input order (the formatter and editors use them).
    /// Empty when compiled with [`compile_lean`].
    pub asts: Vec<Arc<Ast>>,
    pub model: Model,
    pub trace: Trace,
    /// Sorted by file (input order), then position, then code.
    pub diagnostics: Vec<Diagnostic>,
    /// `@allow` suppressions that silenced something in this run.
    pub suppressions: Vec<ActiveSuppression>,
    /// How many of `sources` are project files (the rest are the shipped catalogs).
    pub project_files: usize,
    pub today: NaiveDate,
}

impl Compilation {
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }

    /// The rule context over this compilation (documents need applicability and levels).
    pub fn context(&self) -> Context<'_> {
        Context::new(&self.model, &self.trace, self.today)
    }

    /// How far the model provides the documented information of clauses 4–10.
    pub fn readiness(&self) -> Readiness {
        Readiness::of(&self.model, &self.sources, &self.diagnostics, self.today)
    }
}

/// The parses of an earlier compilation, reused for files whose name, position and text
/// have not changed. The language server keeps one per project, so a keystroke re-parses
/// only the file it changed (and lowering, resolution and the checks run over the whole
/// model, which is cheap next to parsing).
#[derive(Debug, Default)]
pub struct ParseCache {
    /// By `FileId`: the project's files, then the shipped catalogs.
    files: Vec<Option<Parsed>>,
}

/// One file's parse: its tree and its syntax diagnostics.
#[derive(Debug, Clone)]
struct Parsed {
    name: String,
    text: String,
    ast: Arc<Ast>,
    diagnostics: Vec<Diagnostic>,
}

impl ParseCache {
    pub fn new() -> Self {
        Self::default()
    }

    /// The cached parse of file `id`, taken out, if it was parsed from exactly this name
    /// and text.
    fn take(&mut self, id: FileId, name: &str, text: &[u8]) -> Option<Parsed> {
        let slot = self.files.get_mut(id.0 as usize)?;
        let parsed = slot.as_ref()?;
        if parsed.name == name && parsed.text.as_bytes() == text {
            slot.take()
        } else {
            None
        }
    }

    fn put(&mut self, id: FileId, parsed: Parsed) {
        let index = id.0 as usize;
        if self.files.len() <= index {
            self.files.resize(index + 1, None);
        }
        self.files[index] = Some(parsed);
    }

    /// Forget files beyond the ones the last compilation had.
    fn truncate(&mut self, files: usize) {
        self.files.truncate(files);
    }
}

/// Compile a project given as files in path order.
pub fn compile(inputs: Vec<Input>, options: &Options) -> Compilation {
    compile_with(inputs, options, &Settings::default())
}

/// Compile with the project's settings (`isms.toml`) applied, keeping the syntax trees.
pub fn compile_with(inputs: Vec<Input>, options: &Options, settings: &Settings) -> Compilation {
    run(front_with_trees(inputs, None), options, settings)
}

/// Compile for a report only: each syntax tree is dropped once its file is lowered, so
/// [`Compilation::asts`] is empty. Same diagnostics as [`compile_with`].
pub fn compile_lean(inputs: Vec<Input>, options: &Options, settings: &Settings) -> Compilation {
    run(front_lean(inputs, settings), options, settings)
}

/// Compile reusing the parses in `cache` for unchanged files, and leave this run's parses
/// in it. Same result as [`compile_with`] on the same inputs.
pub fn compile_incremental(
    inputs: Vec<Input>,
    options: &Options,
    settings: &Settings,
    cache: &mut ParseCache,
) -> Compilation {
    run(front_with_trees(inputs, Some(cache)), options, settings)
}

/// Resolution, the traceability graph, the rules and suppressions over what a front end
/// lowered.
fn run(front: Front, options: &Options, settings: &Settings) -> Compilation {
    let Front {
        sources,
        mut model,
        diagnostics,
        asts,
        project_files,
    } = front;
    let mut sink = Sink::default();
    diagnostics.into_iter().for_each(|d| sink.push(d));
    check::run_on_text(&sources, project_files, &mut sink);
    model.shrink_to_fit();
    resolve::resolve(&mut model, &mut sink);
    let trace = Trace::build(&model);
    {
        let cx = Context::new(&model, &trace, options.today);
        check::run(&cx, &mut sink);
    }
    let (mut diagnostics, suppressions) =
        suppress::apply(&model, options.today, &settings.overrides, sink.into_vec());
    diagnostics.sort_by(|a, b| {
        (a.span.file, a.span.start(), a.code, &a.message).cmp(&(
            b.span.file,
            b.span.start(),
            b.code,
            &b.message,
        ))
    });
    diagnostics.dedup();
    Compilation {
        sources,
        asts,
        model,
        trace,
        diagnostics,
        suppressions,
        project_files,
        today: options.today,
    }
}

/// What the front end hands to resolution: the files, the lowered model, the syntax and
/// lowering diagnostics, and the trees if they are kept.
struct Front {
    sources: SourceMap,
    model: Model,
    diagnostics: Vec<Diagnostic>,
    asts: Vec<Arc<Ast>>,
    project_files: usize,
}

/// Every file of the project followed by the shipped catalogs: the catalogs come after
/// the project's own files, so a project may shadow them.
fn with_stdlib(inputs: Vec<Input>) -> impl Iterator<Item = (FileId, Input)> {
    let stdlib = crate::stdlib::FILES
        .iter()
        .map(|(name, text)| Input::new(*name, text.as_bytes()));
    inputs
        .into_iter()
        .chain(stdlib)
        .enumerate()
        .map(|(index, input)| (FileId(u32::try_from(index).unwrap_or(u32::MAX)), input))
}

/// Parse and lower without keeping trees, in parallel (see [`crate::frontend`]).
fn front_lean(inputs: Vec<Input>, settings: &Settings) -> Front {
    let project_files = inputs.len();
    let mut sources = SourceMap::new();
    let mut diagnostics = Vec::new();
    for (id, input) in with_stdlib(inputs) {
        let (name, text, mut errors) = decode(id, input);
        diagnostics.append(&mut errors);
        sources.add(SourceFile::new(name, text));
    }
    let files: Vec<FrontInput<'_>> = sources
        .iter()
        .map(|(id, file)| FrontInput {
            id,
            text: &file.text,
        })
        .collect();
    let threads = settings
        .threads
        .or_else(|| std::thread::available_parallelism().ok())
        .map_or(1, NonZeroUsize::get);
    let (model, mut lowered) = frontend::lower_all(&files, threads);
    diagnostics.append(&mut lowered);
    Front {
        sources,
        model,
        diagnostics,
        asts: Vec::new(),
        project_files,
    }
}

/// Parse every file into a tree (reusing `cache`'s where the text is unchanged), then
/// lower it.
fn front_with_trees(inputs: Vec<Input>, mut cache: Option<&mut ParseCache>) -> Front {
    let mut sources = SourceMap::new();
    let mut sink = Sink::default();
    let mut asts = Vec::with_capacity(inputs.len());
    let mut model = Model::default();
    let project_files = inputs.len();
    for (id, input) in with_stdlib(inputs) {
        let index = id.0 as usize;
        let cached = cache
            .as_deref_mut()
            .and_then(|c| c.take(id, &input.name, &input.bytes));
        let parsed = cached.unwrap_or_else(|| parse_file(id, input));
        for d in &parsed.diagnostics {
            sink.push(d.clone());
        }
        lower::lower_file(&parsed.ast, &mut model, &mut sink);
        if index < project_files {
            asts.push(Arc::clone(&parsed.ast));
        }
        match cache.as_deref_mut() {
            Some(cache) => {
                sources.add(SourceFile::new(parsed.name.clone(), parsed.text.clone()));
                cache.put(id, parsed);
            }
            None => {
                sources.add(SourceFile::new(parsed.name, parsed.text));
            }
        }
    }
    if let Some(cache) = cache {
        cache.truncate(sources.len());
    }
    Front {
        sources,
        model,
        diagnostics: sink.into_vec(),
        asts,
        project_files,
    }
}

/// Decode and parse one file, turning its syntax errors into diagnostics.
fn parse_file(id: FileId, input: Input) -> Parsed {
    let (name, text, mut diagnostics) = decode(id, input);
    let ast = syntax::parse(id, &text);
    diagnostics.extend(ast.errors.iter().map(syntax::SyntaxError::diagnostic));
    Parsed {
        name,
        text,
        ast: Arc::new(ast),
        diagnostics,
    }
}

/// The input's name and text, and a diagnostic at the first invalid UTF-8 sequence if
/// any (the text then holds U+FFFD there, at the same offset, since the prefix is valid).
fn decode(id: FileId, input: Input) -> (String, String, Vec<Diagnostic>) {
    let (text, bad_byte) = match String::from_utf8(input.bytes) {
        Ok(text) => (text, None),
        Err(e) => {
            let offset = e.utf8_error().valid_up_to();
            (
                String::from_utf8_lossy(e.as_bytes()).into_owned(),
                Some(offset),
            )
        }
    };
    let diagnostics = bad_byte.map(|offset| {
        Diagnostic::new(
            Code::SyntaxError,
            Span::new(id, offset, offset + '\u{FFFD}'.len_utf8()),
            "this file is not valid UTF-8",
        )
        .with_label("invalid byte sequence")
        .with_help("save the file as UTF-8; the invalid bytes are read as `\u{FFFD}`")
    });
    (input.name, text, diagnostics.into_iter().collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn options() -> Options {
        Options {
            today: NaiveDate::from_ymd_opt(2026, 11, 23).unwrap_or_default(),
        }
    }

    fn project(risk_title: &str) -> Vec<Input> {
        vec![
            Input::new("a.isms", "role ciso \"CISO\"\n"),
            Input::new(
                "b.isms",
                format!("risk R-1 \"{risk_title}\" {{\n  likelihood 9\n}}\n"),
            ),
        ]
    }

    fn codes(c: &Compilation) -> Vec<(FileId, usize, Code)> {
        let d = &c.diagnostics;
        d.iter()
            .map(|d| (d.span.file, d.span.start(), d.code))
            .collect()
    }

    #[test]
    fn incremental_reuses_unchanged_parses_and_agrees_with_a_full_compile() {
        let settings = Settings::default();
        let mut cache = ParseCache::new();
        let first = compile_incremental(project("T"), &options(), &settings, &mut cache);
        let second = compile_incremental(project("Changed"), &options(), &settings, &mut cache);
        assert!(
            Arc::ptr_eq(&first.asts[0], &second.asts[0]),
            "a.isms re-parsed"
        );
        assert!(
            !Arc::ptr_eq(&first.asts[1], &second.asts[1]),
            "b.isms reused"
        );
        let full = compile_with(project("Changed"), &options(), &settings);
        assert!(!codes(&full).is_empty());
        assert_eq!(codes(&second), codes(&full));
    }

    #[test]
    fn lean_compilation_drops_trees_but_not_diagnostics() {
        let settings = Settings::default();
        let lean = compile_lean(project("T"), &options(), &settings);
        let full = compile_with(project("T"), &options(), &settings);
        assert!(lean.asts.is_empty());
        assert_eq!(full.asts.len(), 2);
        assert_eq!(codes(&lean), codes(&full));
    }
}
