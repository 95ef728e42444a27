//! The whole pipeline over in-memory files: source → syntax → model → checks.
//!
//! INVARIANT: no IO here. The CLI reads files from disk and the language server passes
//! its open buffers; both call [`compile`] and get the same diagnostics.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use crate::check::suppress::{self, ActiveSuppression, Override};
use crate::check::{self, Context};
use crate::diagnostics::{Code, Diagnostic, Sink};
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
}

/// Everything the pipeline produced.
#[derive(Debug)]
pub struct Compilation {
    pub sources: SourceMap,
    /// One tree per project file, in input order (the formatter and editors use them).
    pub asts: Vec<Ast>,
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
}

/// Compile a project given as files in path order.
pub fn compile(inputs: Vec<Input>, options: &Options) -> Compilation {
    compile_with(inputs, options, &Settings::default())
}

/// Compile with the project's settings (`isms.toml`) applied.
pub fn compile_with(inputs: Vec<Input>, options: &Options, settings: &Settings) -> Compilation {
    let mut sources = SourceMap::new();
    let mut sink = Sink::default();
    let mut asts = Vec::with_capacity(inputs.len());
    let project_files = inputs.len();
    for input in inputs {
        let (text, bad_byte) = decode(input.bytes);
        let id = sources.add(SourceFile::new(input.name, text));
        if let Some(offset) = bad_byte {
            sink.push(
                Diagnostic::new(
                    Code::SyntaxError,
                    Span::new(id, offset, offset + '\u{FFFD}'.len_utf8()),
                    "this file is not valid UTF-8",
                )
                .with_label("invalid byte sequence")
                .with_help("save the file as UTF-8; the invalid bytes are read as `\u{FFFD}`"),
            );
        }
        asts.push(parse_into(&sources, id, &mut sink));
    }
    let mut model = Model::default();
    for ast in &asts {
        lower::lower_file(ast, &mut model, &mut sink);
    }
    // The shipped catalogs come after the project's own, so a project may shadow them.
    for (name, text) in crate::stdlib::FILES {
        let id = sources.add(SourceFile::new(*name, *text));
        let ast = parse_into(&sources, id, &mut sink);
        lower::lower_file(&ast, &mut model, &mut sink);
    }
    resolve::resolve(&mut model, &mut sink);
    let trace = Trace::build(&model);
    {
        let cx = Context::new(&model, &trace, options.today);
        check::run(&cx, &mut sink);
    }
    let (mut diagnostics, suppressions) =
        suppress::apply(&model, options.today, &settings.overrides, sink.into_vec());
    diagnostics.sort_by(|a, b| {
        (a.span.file, a.span.start, a.code, &a.message).cmp(&(
            b.span.file,
            b.span.start,
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

fn parse_into(sources: &SourceMap, id: FileId, sink: &mut Sink) -> Ast {
    let text = sources.get(id).map_or("", |f| f.text.as_str());
    let ast = syntax::parse(id, text);
    for e in &ast.errors {
        let mut d = Diagnostic::new(Code::SyntaxError, e.span, &e.message).with_label(&e.label);
        if let Some(help) = &e.help {
            d = d.with_help(help);
        }
        if let Some((span, message)) = &e.related {
            d = d.with_secondary(*span, message);
        }
        sink.push(d);
    }
    ast
}

/// The text of `bytes`, and the offset of the first invalid UTF-8 sequence if any (the
/// text then holds U+FFFD there, at the same offset, since the prefix is valid).
fn decode(bytes: Vec<u8>) -> (String, Option<usize>) {
    match String::from_utf8(bytes) {
        Ok(text) => (text, None),
        Err(e) => {
            let offset = e.utf8_error().valid_up_to();
            (
                String::from_utf8_lossy(e.as_bytes()).into_owned(),
                Some(offset),
            )
        }
    }
}
