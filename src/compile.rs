//! The whole pipeline over in-memory files: source → syntax → model → checks.
//!
//! INVARIANT: no IO here. The CLI reads files from disk and the language server passes
//! its open buffers; both call [`compile_with`] (or [`compile_incremental`]) and get the
//! same diagnostics.
//!
//! Each file is parsed and lowered alone (`lowered`), and the project's model is the
//! files' models appended in order, then resolved and checked as a whole. So the language
//! server's [`ParseCache`] keeps each file's lowered model and recompiles only the files
//! that changed, and the shipped catalogs are lowered once per process (`shipped`);
//! `tests/incremental.rs` holds the result equal to a compile from scratch.

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
use crate::model::{resolve, Model};
use crate::source::{FileId, SourceFile, SourceMap};
use crate::syntax::Ast;

mod cache;
mod lowered;
mod shipped;

pub use cache::ParseCache;
use lowered::{LoweredFile, Origin};

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
    /// The project's git history, for the documents' revision histories. Compiling never
    /// reads it (the core does no IO): `isms build` reads it once and sets it here.
    pub history: crate::history::ProjectHistory,
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

/// Compile reusing what `cache` holds of the files that did not change (their text, tree,
/// lowered model and diagnostics), and leave this run's files in it: only changed files
/// are parsed and lowered, resolution and the rules run over the whole model. Same
/// result as [`compile_with`] on the same inputs.
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
    model.shrink_to_fit();
    resolve::resolve(&mut model, &mut sink);
    let trace = Trace::build(&model);
    {
        let cx = Context::new(&model, &trace, options.today);
        check::run(&cx, &mut sink);
    }
    let (mut diagnostics, suppressions) =
        suppress::apply(&model, options.today, &settings.overrides, sink.into_vec());
    crate::fix::offer(
        &crate::fix::Project {
            model: &model,
            trace: &trace,
            today: options.today,
            sources: &sources,
            project_files,
        },
        &mut diagnostics,
    );
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
        history: crate::history::ProjectHistory::NotRead,
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

/// The shipped catalogs' files, ids and lowered models, once per process.
fn shipped_after(project_files: usize) -> Arc<Vec<LoweredFile>> {
    shipped::lowered(FileId(u32::try_from(project_files).unwrap_or(u32::MAX)))
}

impl Front {
    fn new(project_files: usize) -> Front {
        Front {
            sources: SourceMap::new(),
            model: Model::default(),
            diagnostics: Vec::new(),
            asts: Vec::new(),
            project_files,
        }
    }

    /// Add the next file, its model appended after the files before it (the lowering
    /// only appends, so this equals lowering the files in one go).
    fn push(&mut self, file: LoweredFile, keep_tree: bool) {
        let LoweredFile {
            source,
            ast,
            model,
            mut diagnostics,
        } = file;
        self.sources.add_shared(source);
        if keep_tree {
            self.asts.push(ast);
        }
        self.model.append(model);
        self.diagnostics.append(&mut diagnostics);
    }

    /// The shipped catalogs after the project's files: a project may shadow them.
    fn push_shipped(&mut self) {
        for file in shipped_after(self.project_files).iter() {
            self.push(file.clone(), false);
        }
    }
}

/// Parse and lower without keeping trees, in parallel (see [`crate::frontend`]).
fn front_lean(inputs: Vec<Input>, settings: &Settings) -> Front {
    let mut front = Front::new(inputs.len());
    for (index, input) in inputs.into_iter().enumerate() {
        let id = FileId(u32::try_from(index).unwrap_or(u32::MAX));
        let (name, text, mut errors) = lowered::decode(id, input);
        front.diagnostics.append(&mut errors);
        let mut sink = Sink::default();
        check::run_on_text(id, &text, &mut sink);
        front.diagnostics.append(&mut sink.into_vec());
        front.sources.add(SourceFile::new(name, text));
    }
    let files: Vec<FrontInput<'_>> = front
        .sources
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
    front.model = model;
    front.diagnostics.append(&mut lowered);
    front.push_shipped();
    front
}

/// Parse and lower every file, keeping its tree: anew, or reusing what `cache` holds of
/// the files that did not change and leaving this run's files in it.
fn front_with_trees(inputs: Vec<Input>, cache: Option<&mut ParseCache>) -> Front {
    let mut front = Front::new(inputs.len());
    match cache {
        Some(cache) => {
            cache.update(inputs);
            // The cache keeps each file for the next compile: its text and tree are
            // shared, its diagnostics copied, its model moved from the copy made ahead.
            for (file, model) in cache.files_for_compile() {
                front.push(
                    LoweredFile {
                        source: Arc::clone(&file.source),
                        ast: Arc::clone(&file.ast),
                        model,
                        diagnostics: file.diagnostics.clone(),
                    },
                    true,
                );
            }
        }
        None => {
            for (index, input) in inputs.into_iter().enumerate() {
                let id = FileId(u32::try_from(index).unwrap_or(u32::MAX));
                front.push(LoweredFile::new(id, input, Origin::Project), true);
            }
        }
    }
    front.push_shipped();
    front
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
