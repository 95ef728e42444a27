//! GitHub Actions workflow commands: one `::error` / `::warning` line per diagnostic, which
//! GitHub shows as an annotation on the file and line of a pull request.

use super::{Diagnostic, Severity};
use crate::control;
use crate::source::SourceMap;

/// The annotation lines for the diagnostics, one per line.
pub fn annotations(sources: &SourceMap, diagnostics: &[Diagnostic]) -> String {
    let mut out = String::new();
    for d in diagnostics {
        let command = match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "notice",
        };
        let file = sources.get(d.span.file);
        let (line, col) = file.map_or((1, 1), |f| f.line_column(d.span.start()));
        let (end_line, end_col) = file.map_or((1, 1), |f| f.line_column(d.span.end()));
        let mut message = d.message.clone();
        if let Some(help) = &d.help {
            message.push_str(&format!("\nhelp: {help}"));
        }
        out.push_str(&format!(
            "::{command} file={},line={line},col={col},endLine={end_line},endColumn={end_col},title={}::{}\n",
            property(sources.name(d.span.file)),
            property(d.code.as_str()),
            data(&message),
        ));
    }
    out
}

/// Escaping of a command's message (GitHub's `escapeData`): a `\r` or `\n` would end the
/// command, and what follows could read as a command of its own. Control characters are
/// shown as pictures, as in every other output.
fn data(s: &str) -> String {
    control::visible(s)
        .replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escaping of a command property (GitHub's `escapeProperty`).
fn property(s: &str) -> String {
    data(s).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_like_the_actions_toolkit() {
        assert_eq!(data("50%\nnext"), "50%25%0Anext");
        assert_eq!(property("risk/a:b,c"), "risk/a%3Ab%2Cc");
    }

    #[test]
    fn a_carriage_return_cannot_start_a_command() {
        let shown = data("risk `x\r::error file=a.isms::fake` \u{1b}[2J");
        assert_eq!(shown, "risk `x%0D::error file=a.isms::fake` ␛[2J");
        assert!(!shown.contains(['\r', '\n', '\u{1b}']));
    }
}
