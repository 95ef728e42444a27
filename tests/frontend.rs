//! The parallel front end (`isms::frontend`) lowers exactly what a whole-file parse
//! lowers, however the files are cut: tiny chunks force a cut after nearly every `}` line,
//! including ones inside nested blocks and text blocks, where the guess is wrong and the
//! chunk must be parsed again.

// clippy.toml allows these in #[test] functions only; the helpers here are test code too.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::fs;
use std::path::{Path, PathBuf};

use isms::diagnostics::Diagnostic;
use isms::frontend::{lower_all_with, FrontInput};
use isms::model::{lower, Model};
use isms::source::FileId;

mod common;
use common::{mutate, Rng};

/// A whole-file parse and lowering, one file after another: the reference.
fn sequential(texts: &[String]) -> String {
    let mut model = Model::default();
    let mut sink = isms::diagnostics::Sink::default();
    let mut diagnostics: Vec<Diagnostic> = Vec::new();
    for (i, text) in texts.iter().enumerate() {
        let ast = isms::syntax::parse(FileId(i as u32), text);
        lower::lower_file(&ast, &mut model, &mut sink);
        for e in &ast.errors {
            diagnostics.push(Diagnostic::new(
                isms::diagnostics::Code::SyntaxError,
                e.span,
                &e.message,
            ));
        }
    }
    diagnostics.extend(sink.into_vec());
    describe(&model, diagnostics)
}

fn chunked(texts: &[String], threads: usize, chunk: usize) -> String {
    let files: Vec<FrontInput<'_>> = texts
        .iter()
        .enumerate()
        .map(|(i, text)| FrontInput {
            id: FileId(i as u32),
            text,
        })
        .collect();
    let (model, diagnostics) = lower_all_with(&files, threads, chunk);
    describe(&model, diagnostics)
}

fn describe(model: &Model, diagnostics: Vec<Diagnostic>) -> String {
    // Syntax errors are compared by code, place and message: the reference builds the
    // parser's without labels and help.
    let mut diagnostics: Vec<Diagnostic> = diagnostics
        .into_iter()
        .map(|d| match d.code {
            isms::diagnostics::Code::SyntaxError => Diagnostic::new(d.code, d.span, &d.message),
            _ => d,
        })
        .collect();
    diagnostics.sort_by(|a, b| (a.span, a.code, &a.message).cmp(&(b.span, b.code, &b.message)));
    format!("{model:#?}\n{diagnostics:#?}")
}

fn isms_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<_> = entries.flatten().map(|e| e.path()).collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            isms_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "isms") {
            out.push(path);
        }
    }
}

fn corpus() -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut paths = Vec::new();
    for dir in ["tests/fixtures", "examples", "stdlib"] {
        isms_files(&root.join(dir), &mut paths);
    }
    let mut texts: Vec<String> = paths
        .iter()
        .map(|p| String::from_utf8_lossy(&fs::read(p).unwrap()).into_owned())
        .collect();
    // Cuts that must be refused: a `}` line closing a nested block at column 0, a `}`
    // line inside a text block, a stray `}` line, and doc comments right after a cut.
    texts.push(
        "risk R-1 \"A\" {\n  treatment mitigate {\n    controls A.5.1\n}\n  owner ciso\n}\n\
         /// Doc of R-2.\nrisk R-2 \"B\" {\n  description \"\"\"\n  text\n}\n  more\n  \"\"\"\n}\n\
         }\n/// Doc of R-3,\n\n/// two lines.\nrisk R-3 \"C\" {\n}\n// trailing\n"
            .to_string(),
    );
    texts
}

#[test]
fn chunked_lowering_equals_whole_file_lowering() {
    let texts = corpus();
    assert!(texts.len() > 20, "corpus not found");
    let reference = sequential(&texts);
    for (threads, chunk) in [(1, 1), (2, 1), (2, 7), (3, 64), (2, 1 << 20)] {
        assert_eq!(
            chunked(&texts, threads, chunk),
            reference,
            "{threads} threads, chunks of {chunk} bytes"
        );
    }
}

#[test]
fn chunked_lowering_of_broken_files_equals_whole_file_lowering() {
    let texts = corpus();
    let mut rng = Rng(0x0123_4567_89AB_CDEF);
    for i in 0..200 {
        let original = &texts[rng.below(texts.len())];
        let text = String::from_utf8_lossy(&mutate(&mut rng, original.as_bytes())).into_owned();
        let texts = vec![text];
        let reference = sequential(&texts);
        let chunk = 1 + rng.below(40);
        assert_eq!(
            chunked(&texts, 2, chunk),
            reference,
            "mutation {i}, chunks of {chunk} bytes:\n{}",
            texts[0]
        );
    }
}
