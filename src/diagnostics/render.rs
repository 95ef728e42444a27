//! Renderers of the one diagnostic model: terminal text (codespan-reporting) and JSON.
//! Terminal text shows the project's control characters as pictures (`␛`); JSON escapes
//! them itself.

use codespan_reporting::diagnostic as cs;
use codespan_reporting::term;
use serde::Serialize;

use super::shown::ShownFiles;
use super::{ActiveSuppression, Diagnostic, Severity, Summary};
use crate::control;
use crate::source::{SourceMap, Span};

/// Terminal rendering, with ANSI colours when `color` is set.
pub fn human(sources: &SourceMap, diagnostics: &[Diagnostic], color: bool) -> String {
    let mut buffer = if color {
        term::termcolor::Buffer::ansi()
    } else {
        term::termcolor::Buffer::no_color()
    };
    let config = term::Config::default();
    // Source lines and messages quote the project: nothing of it reaches the terminal as
    // a control character (see `shown.rs`).
    let files = ShownFiles::new(sources);
    for d in diagnostics {
        // A diagnostic that cannot be rendered with its source (it cannot happen for spans
        // the compiler made) still reaches the user as a plain line.
        if term::emit_to_write_style(&mut buffer, &config, &files, &to_codespan(&files, d)).is_err()
        {
            let line = format!(
                "{}[{}]: {}\n",
                d.severity.as_str(),
                d.code.as_str(),
                control::one_line(&d.message)
            );
            let _ = std::io::Write::write_all(&mut buffer, line.as_bytes());
        }
    }
    String::from_utf8_lossy(buffer.as_slice()).into_owned()
}

fn to_codespan(files: &ShownFiles<'_>, d: &Diagnostic) -> cs::Diagnostic<crate::source::FileId> {
    let severity = match d.severity {
        Severity::Error => cs::Severity::Error,
        Severity::Warning => cs::Severity::Warning,
        Severity::Info => cs::Severity::Note,
    };
    let shown = |text: &str| control::one_line(text).into_owned();
    let range = |span: Span| files.range(span.file, span.range());
    let mut labels = vec![cs::Label::primary(d.span.file, range(d.span))
        .with_message(shown(d.label.as_deref().unwrap_or_default()))];
    labels.extend(
        d.labels.iter().map(|l| {
            cs::Label::secondary(l.span.file, range(l.span)).with_message(shown(&l.message))
        }),
    );
    let notes = d
        .help
        .iter()
        .map(|h| format!("help: {}", shown(h)))
        .chain(std::iter::once(format!(
            "see: isms explain {}",
            d.code.as_str()
        )))
        .collect();
    cs::Diagnostic::new(severity)
        .with_code(d.code.as_str())
        .with_message(shown(&d.message))
        .with_labels(labels)
        .with_notes(notes)
}

/// The summary line that ends the human report.
pub fn summary_line(summary: Summary, files: usize) -> String {
    let files = plural(files, "file");
    match (summary.errors, summary.warnings) {
        (0, 0) => format!("no problems found in {files}"),
        (e, 0) => format!("{} in {files}", plural(e, "error")),
        (0, w) => format!("{} in {files}", plural(w, "warning")),
        (e, w) => format!(
            "{} and {} in {files}",
            plural(e, "error"),
            plural(w, "warning")
        ),
    }
}

fn plural(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

#[derive(Serialize)]
pub struct JsonReport {
    pub diagnostics: Vec<JsonDiagnostic>,
    pub summary: Summary,
    /// The `@allow` suppressions that silenced something.
    pub suppressions: Vec<JsonSuppression>,
}

#[derive(Serialize)]
pub struct JsonSuppression {
    pub code: &'static str,
    pub file: String,
    pub line: usize,
    pub declaration: String,
    pub reason: String,
    pub until: Option<String>,
    pub silenced: usize,
}

/// The suppressions in force, for the JSON report.
pub fn json_suppressions(
    sources: &SourceMap,
    active: &[ActiveSuppression],
) -> Vec<JsonSuppression> {
    active
        .iter()
        .map(|a| {
            let p = position(sources, a.span);
            JsonSuppression {
                code: a.code.as_str(),
                file: p.file,
                line: p.line,
                declaration: a.declaration.clone(),
                reason: a.reason.clone(),
                until: a.until.map(|d| d.format("%Y-%m-%d").to_string()),
                silenced: a.silenced,
            }
        })
        .collect()
}

/// The lines listing suppressions after the human summary.
pub fn suppression_lines(sources: &SourceMap, active: &[ActiveSuppression]) -> String {
    let mut out = String::new();
    for a in active {
        let p = position(sources, a.span);
        let until = a.until.map(|d| format!(", until {d}")).unwrap_or_default();
        out.push_str(&format!(
            "  {} on {} ({}:{}{until}): {}\n",
            a.code.as_str(),
            control::one_line(&a.declaration),
            control::one_line(&p.file),
            p.line,
            control::one_line(&a.reason)
        ));
    }
    out
}

#[derive(Serialize)]
pub struct JsonDiagnostic {
    pub code: &'static str,
    pub severity: Severity,
    pub message: String,
    pub file: String,
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
    pub help: Option<String>,
    pub labels: Vec<JsonLabel>,
}

#[derive(Serialize)]
pub struct JsonLabel {
    pub file: String,
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
    pub message: String,
}

struct Position {
    file: String,
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
}

fn position(sources: &SourceMap, span: Span) -> Position {
    let Some(file) = sources.get(span.file) else {
        return Position {
            file: String::new(),
            line: 1,
            column: 1,
            end_line: 1,
            end_column: 1,
        };
    };
    let (line, column) = file.line_column(span.start());
    let (end_line, end_column) = file.line_column(span.end());
    Position {
        file: file.name.clone(),
        line,
        column,
        end_line,
        end_column,
    }
}

/// The JSON report (docs/cli.md, "JSON output") for the given diagnostics.
pub fn json_report(sources: &SourceMap, diagnostics: &[Diagnostic]) -> JsonReport {
    let summary = Summary::of(diagnostics);
    let diagnostics = diagnostics
        .iter()
        .map(|d| {
            let p = position(sources, d.span);
            JsonDiagnostic {
                code: d.code.as_str(),
                severity: d.severity,
                message: d.message.clone(),
                file: p.file,
                line: p.line,
                column: p.column,
                end_line: p.end_line,
                end_column: p.end_column,
                help: d.help.clone(),
                labels: d
                    .labels
                    .iter()
                    .map(|l| {
                        let p = position(sources, l.span);
                        JsonLabel {
                            file: p.file,
                            line: p.line,
                            column: p.column,
                            end_line: p.end_line,
                            end_column: p.end_column,
                            message: l.message.clone(),
                        }
                    })
                    .collect(),
            }
        })
        .collect();
    JsonReport {
        diagnostics,
        summary,
        suppressions: Vec::new(),
    }
}
