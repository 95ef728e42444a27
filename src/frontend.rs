//! The front end of a report-only compile (`isms check`, `isms build`): parse and lower
//! every file, on all cores, without ever holding a whole syntax tree.
//!
//! Files are cut into chunks of roughly equal size, and chunks are parsed and lowered in
//! parallel, each into a model of its own; the models are then appended in order. A large
//! file is cut where a line holding only `}` ends, which is where a top-level declaration
//! usually ends. That is a guess, and it is checked: each item of the grammar is parsed
//! from the rest of the file alone, so a chunk's result is the whole file's exactly when
//! the chunk before it stopped at the very byte where it starts. When it did not (the `}`
//! closed a nested block, or sat in a text block), the chunk is parsed again, in order,
//! from where the one before it stopped. Guessing wrong costs time, never correctness.
//!
//! The lowering only ever appends to the model, so lowering chunks separately and
//! appending their models in order is the same as lowering the files in one go.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

use crate::diagnostics::{Diagnostic, Sink};
use crate::model::{lower, Model};
use crate::source::FileId;
use crate::syntax::{self, Parser, SyntaxError};

/// Chunks smaller than this are not worth a thread.
const MIN_CHUNK: usize = 128 * 1024;

/// One file to parse and lower.
pub struct FrontInput<'t> {
    pub id: FileId,
    pub text: &'t str,
}

/// The lowered declarations of all files, in file order then source order, and the
/// syntax and lowering diagnostics.
pub fn lower_all(files: &[FrontInput<'_>], threads: usize) -> (Model, Vec<Diagnostic>) {
    let total: usize = files.iter().map(|f| f.text.len()).sum();
    // A few chunks per thread, so a thread that finishes early takes another.
    let target = (total / (threads.max(1) * 4)).max(MIN_CHUNK);
    lower_all_with(files, threads, target)
}

/// [`lower_all`] with a chosen chunk size (bytes; a cut is made at the first guess at or
/// after each multiple). The result is the same for any size and number of threads; the
/// tests check that with tiny chunks.
pub fn lower_all_with(
    files: &[FrontInput<'_>],
    threads: usize,
    chunk_size: usize,
) -> (Model, Vec<Diagnostic>) {
    let threads = threads.clamp(1, 64);
    let target = chunk_size.max(1);
    let mut diagnostics = Vec::new();
    let mut chunks = Vec::new();
    for (index, file) in files.iter().enumerate() {
        if let Some(error) = syntax::nesting_error(file.id, file.text) {
            diagnostics.push(error.diagnostic());
            continue;
        }
        let cuts = cuts(file.text, target);
        for (start, stop) in cuts.iter().zip(cuts.iter().skip(1)) {
            chunks.push(Chunk {
                file: index,
                start: *start,
                stop: *stop,
            });
        }
    }
    let results = run_parallel(files, &chunks, threads);

    let mut model = Model::default();
    // The file and end of the chunk before, once it is final.
    let mut previous: Option<(usize, usize)> = None;
    for (chunk, result) in chunks.iter().zip(results) {
        let mut result = match (previous, result) {
            (Some((file, end)), Some(result)) if file == chunk.file && end != chunk.start => {
                // The guess was wrong: parse this chunk again from where the one before
                // stopped, so it goes on exactly where a whole-file parse would.
                drop(result);
                lower_chunk(
                    files,
                    &Chunk {
                        start: end,
                        ..*chunk
                    },
                )
            }
            (_, Some(result)) => result,
            (_, None) => lower_chunk(files, chunk),
        };
        previous = Some((chunk.file, result.end));
        model.append(std::mem::take(&mut result.model));
        diagnostics.append(&mut result.diagnostics);
    }
    (model, diagnostics)
}

#[derive(Debug, Clone, Copy)]
struct Chunk {
    file: usize,
    start: usize,
    /// Parse items until one ends at or after this byte.
    stop: usize,
}

struct Lowered {
    model: Model,
    diagnostics: Vec<Diagnostic>,
    /// Where the last item ended.
    end: usize,
}

fn lower_chunk(files: &[FrontInput<'_>], chunk: &Chunk) -> Lowered {
    let mut model = Model::default();
    let mut sink = Sink::default();
    let Some(file) = files.get(chunk.file) else {
        return Lowered {
            model,
            diagnostics: Vec::new(),
            end: chunk.start,
        };
    };
    let mut parser = Parser::at(file.id, file.text, chunk.start);
    // Past the stop, go on while doc comments wait for a declaration: they were read
    // here, so their declaration must be lowered here too.
    while parser.position() < chunk.stop || parser.has_pending_doc() {
        match parser.next_item() {
            Some(Some(decl)) => lower::lower_decl(&decl, &mut model, &mut sink),
            Some(None) => {}
            None => break,
        }
    }
    let end = parser.position();
    let (_, errors) = parser.finish();
    let mut diagnostics = sink.into_vec();
    diagnostics.extend(errors.iter().map(SyntaxError::diagnostic));
    Lowered {
        model,
        diagnostics,
        end,
    }
}

/// Lower every chunk, on up to `threads` threads taking chunks in turn.
fn run_parallel(
    files: &[FrontInput<'_>],
    chunks: &[Chunk],
    threads: usize,
) -> Vec<Option<Lowered>> {
    let slots: Vec<Mutex<Option<Lowered>>> = chunks.iter().map(|_| Mutex::new(None)).collect();
    let next = AtomicUsize::new(0);
    let work = || loop {
        let i = next.fetch_add(1, Ordering::Relaxed);
        let Some(chunk) = chunks.get(i) else { break };
        let lowered = lower_chunk(files, chunk);
        if let Some(slot) = slots.get(i) {
            if let Ok(mut slot) = slot.lock() {
                *slot = Some(lowered);
            }
        }
    };
    let helpers = threads.min(chunks.len()).saturating_sub(1);
    std::thread::scope(|scope| {
        for _ in 0..helpers {
            scope.spawn(work);
        }
        work();
    });
    slots
        .into_iter()
        .map(|slot| slot.into_inner().ok().flatten())
        .collect()
}

/// Where to cut `text` into chunks of about `target` bytes: the start, the guesses, and
/// the end. A guess is just after a `}` that is alone on its line at column 0.
fn cuts(text: &str, target: usize) -> Vec<usize> {
    let mut cuts = vec![0];
    let mut from = target;
    while from < text.len() {
        let Some(found) = text.get(from..).and_then(|rest| rest.find("\n}")) else {
            break;
        };
        let after = from + found + 2;
        let line_ends = matches!(text.as_bytes().get(after), Some(b'\n' | b'\r'));
        if line_ends && after < text.len() {
            cuts.push(after);
            from = after + target;
        } else {
            from = after;
        }
    }
    cuts.push(text.len());
    cuts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cuts_fall_after_a_closing_brace_alone_on_its_line() {
        let text = "a {\n  b {\n  }\n}\nc {\n}\nd {\n}\n";
        let cuts = cuts(text, 4);
        assert_eq!(cuts.first(), Some(&0));
        assert_eq!(cuts.last(), Some(&text.len()));
        for cut in &cuts[1..cuts.len() - 1] {
            assert_eq!(&text[cut - 2..*cut], "\n}", "cut at {cut}");
        }
    }
}
