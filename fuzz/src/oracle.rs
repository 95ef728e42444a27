//! What must hold for every input, whatever it is: the properties the harness checks.
//!
//! - No stage panics (a panic is caught and reported with its stage and message; an abort,
//!   such as a stack overflow, kills the worker and the supervisor reports it).
//! - The whole input takes under a second (`SLOW`).
//! - Report-only compiling (`compile_lean`, chunked on two threads, as `isms check` runs
//!   it) gives the same diagnostics as compiling with trees (as the language server does).
//! - A model without errors builds every document in every format.
//! - The formatter is idempotent and keeps every comment with its declaration.

use std::cell::RefCell;
use std::num::NonZeroUsize;
use std::panic::{self, AssertUnwindSafe};
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use isms::emit::{self, Format};
use isms::format::format_text;
use isms::source::FileId;
use isms::syntax::{self, Ast};
use isms::{compile_lean, compile_with, Input, Options, Settings};

/// An input slower than this is a failure (the bound).
pub const SLOW: Duration = Duration::from_secs(1);

/// What went wrong with one input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Failure {
    Panic {
        stage: &'static str,
        message: String,
    },
    Slow {
        millis: u128,
    },
    LeanDiffers {
        detail: String,
    },
    FormatNotIdempotent,
    FormatRefusedOwnOutput {
        why: String,
    },
    CommentMoved {
        comment: String,
    },
    ExitCode {
        command: &'static str,
        status: String,
    },
}

impl std::fmt::Display for Failure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Failure::Panic { stage, message } => write!(f, "panic in {stage}: {message}"),
            Failure::Slow { millis } => write!(f, "slow: {millis} ms"),
            Failure::LeanDiffers { detail } => {
                write!(f, "compile_lean and compile_with disagree: {detail}")
            }
            Failure::FormatNotIdempotent => write!(f, "fmt is not idempotent"),
            Failure::FormatRefusedOwnOutput { why } => {
                write!(f, "fmt refused its own output: {why}")
            }
            Failure::CommentMoved { comment } => {
                write!(f, "fmt moved a comment to another declaration: {comment:?}")
            }
            Failure::ExitCode { command, status } => {
                write!(f, "`isms {command}` ended with {status}")
            }
        }
    }
}

/// The result of one input: how long it took and what failed.
#[derive(Debug)]
pub struct Verdict {
    pub elapsed: Duration,
    pub failures: Vec<Failure>,
}

thread_local! {
    static LAST_PANIC: RefCell<String> = const { RefCell::new(String::new()) };
}

/// Keep panic messages for the report instead of printing them for every input.
pub fn install_panic_hook() {
    panic::set_hook(Box::new(|info| {
        let at = info
            .location()
            .map(|l| format!(" at {}:{}", l.file(), l.line()))
            .unwrap_or_default();
        let message = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_default();
        LAST_PANIC.with(|p| *p.borrow_mut() = format!("{message}{at}"));
    }));
}

fn guarded<T>(
    stage: &'static str,
    failures: &mut Vec<Failure>,
    f: impl FnOnce() -> T,
) -> Option<T> {
    match panic::catch_unwind(AssertUnwindSafe(f)) {
        Ok(value) => Some(value),
        Err(_) => {
            let message = LAST_PANIC.with(|p| p.borrow().clone());
            failures.push(Failure::Panic { stage, message });
            None
        }
    }
}

/// Run every in-process property on one input.
pub fn judge(bytes: &[u8], today: NaiveDate) -> Verdict {
    let started = Instant::now();
    let mut failures = Vec::new();
    let options = Options { today };
    let input = || vec![Input::new("fuzz.isms", bytes.to_vec())];

    let full = guarded("compile", &mut failures, || {
        compile_with(input(), &options, &Settings::default())
    });
    let two_threads = Settings {
        threads: NonZeroUsize::new(2),
        ..Settings::default()
    };
    let lean = guarded("compile_lean", &mut failures, || {
        compile_lean(input(), &options, &two_threads)
    });
    if let (Some(full), Some(lean)) = (&full, &lean) {
        if full.diagnostics != lean.diagnostics {
            let detail = format!(
                "{} diagnostics with trees, {} lean",
                full.diagnostics.len(),
                lean.diagnostics.len()
            );
            failures.push(Failure::LeanDiffers { detail });
        }
    }
    if let Some(full) = &full {
        if !full.has_errors() {
            // Every format this build can write (PDF only with the `pdf` feature: without
            // it, asking for PDF is an error before HTML is rendered).
            let formats: Vec<Format> = Format::ALL
                .iter()
                .map(|(_, f)| *f)
                .filter(|f| *f != Format::Pdf || emit::pdf::AVAILABLE)
                .collect();
            // A format's own limits are errors, not failures; only a panic is.
            let _ = guarded("build", &mut failures, || emit::documents(full, &formats));
        }
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        let found = guarded("fmt", &mut failures, || format_properties(text));
        failures.extend(found.into_iter().flatten());
    }
    let elapsed = started.elapsed();
    if elapsed > SLOW {
        failures.push(Failure::Slow {
            millis: elapsed.as_millis(),
        });
    }
    Verdict { elapsed, failures }
}

/// Formatting twice changes nothing, and every comment keeps its declaration.
fn format_properties(text: &str) -> Vec<Failure> {
    let mut failures = Vec::new();
    let Ok(once) = format_text(text) else {
        // Refusing a file (syntax errors, or a change of meaning it would not make) is
        // the formatter's right; the input is left alone.
        return failures;
    };
    match format_text(&once) {
        Ok(twice) if twice == once => {}
        Ok(_) => failures.push(Failure::FormatNotIdempotent),
        Err(e) => failures.push(Failure::FormatRefusedOwnOutput { why: e.to_string() }),
    }
    let before = comment_owners(text);
    let after = comment_owners(&once);
    if let Some(((comment, _), _)) = before.iter().zip(&after).find(|(b, a)| b != a) {
        failures.push(Failure::CommentMoved {
            comment: comment.clone(),
        });
    } else if before.len() != after.len() {
        failures.push(Failure::CommentMoved {
            comment: format!("{} comments before, {} after", before.len(), after.len()),
        });
    }
    failures
}

/// Each comment's text with the declaration it belongs to: the one it stands in or trails
/// on the same line as its end, else the next one (its number; the count of declarations
/// for a comment after the last).
fn comment_owners(text: &str) -> Vec<(String, usize)> {
    let ast: Ast = syntax::parse(FileId(0), text);
    ast.comments
        .iter()
        .map(|c| {
            let at = c.span.start();
            let before = ast
                .decls
                .iter()
                .take_while(|d| d.span.start() <= at)
                .count();
            let owner = match before.checked_sub(1).map(|i| (i, &ast.decls[i])) {
                Some((i, d)) if d.span.end() > at => i,
                Some((i, d)) if !text[d.span.end().min(at)..at].contains(['\n', '\r']) => i,
                _ => before,
            };
            (c.text.trim_end().to_string(), owner)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 23).unwrap_or_default()
    }

    #[test]
    fn a_clean_file_passes() {
        let v = judge(
            b"// lead\nrole a \"A\" {\n  // inside\n  description \"x\"\n}\n",
            today(),
        );
        assert!(v.failures.is_empty(), "{:?}", v.failures);
    }

    #[test]
    fn a_panic_is_caught_and_named_by_its_stage() {
        install_panic_hook();
        let mut failures = Vec::new();
        let value: Option<()> = guarded("stage", &mut failures, || panic!("boom"));
        assert!(value.is_none());
        match failures.as_slice() {
            [Failure::Panic { stage, message }] => {
                assert_eq!(*stage, "stage");
                assert!(message.starts_with("boom"), "{message}");
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_trailing_comment_belongs_to_the_declaration_on_its_line() {
        let a = comment_owners("person a \"A\" // c\n{ roles x }\nrole x \"X\"\n");
        let b = comment_owners("person a \"A\" { roles x }  // c\nrole x \"X\"\n");
        assert_eq!(a, b);
        assert_eq!(a[0].1, 0);
    }

    #[test]
    fn comment_owners_see_a_moved_comment() {
        let a = comment_owners("role a \"A\" {\n  // c\n}\nrole b \"B\"\n");
        let b = comment_owners("role a \"A\" {\n}\n// c\nrole b \"B\"\n");
        assert_ne!(a, b);
    }
}
