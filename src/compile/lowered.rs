//! One file compiled as far as it can be alone: decoded, parsed, lowered into a model of
//! its own, and (for a project file) checked by the rule that reads its text.
//!
//! Nothing here reads another file: the lowering only appends (ARCHITECTURE.md), so the
//! project's model is these models appended in file order, and a file that did not change
//! need not be compiled again.

use std::sync::Arc;

use super::Input;
use crate::check;
use crate::diagnostics::{Code, Diagnostic, Sink};
use crate::model::{lower, Model};
use crate::source::{FileId, SourceFile, Span};
use crate::syntax::{self, Ast};

/// One file's text, tree, lowered model and the diagnostics about it alone.
#[derive(Debug, Clone)]
pub(crate) struct LoweredFile {
    /// Shared with every compilation that uses this file.
    pub source: Arc<SourceFile>,
    pub ast: Arc<Ast>,
    /// Its declarations, lowered and not resolved.
    pub model: Model,
    /// Decoding, syntax and lowering diagnostics, and `text/control-character`'s.
    pub diagnostics: Vec<Diagnostic>,
}

/// Whether the text rule runs on a file: the shipped catalogs are not the user's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Origin {
    Project,
    Shipped,
}

impl LoweredFile {
    /// Decode, parse and lower `input` as file `id`.
    pub fn new(id: FileId, input: Input, origin: Origin) -> LoweredFile {
        let (name, text, mut diagnostics) = decode(id, input);
        let ast = syntax::parse(id, &text);
        diagnostics.extend(ast.errors.iter().map(syntax::SyntaxError::diagnostic));
        let mut sink = Sink::default();
        let mut model = Model::default();
        lower::lower_file(&ast, &mut model, &mut sink);
        if origin == Origin::Project {
            check::run_on_text(id, &text, &mut sink);
        }
        diagnostics.append(&mut sink.into_vec());
        LoweredFile {
            source: Arc::new(SourceFile::new(name, text)),
            ast: Arc::new(ast),
            model,
            diagnostics,
        }
    }

    /// Whether this is what compiling `name` with `bytes` gives (at the same position,
    /// which the caller keys it by: spans hold the file's id).
    pub fn is_for(&self, name: &str, bytes: &[u8]) -> bool {
        self.source.name == name && self.source.text.as_bytes() == bytes
    }
}

/// The input's name and text, and a diagnostic at the first invalid UTF-8 sequence if
/// any (the text then holds U+FFFD there, at the same offset, since the prefix is valid).
pub(crate) fn decode(id: FileId, input: Input) -> (String, String, Vec<Diagnostic>) {
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
