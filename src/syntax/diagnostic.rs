//! A syntax error as a diagnostic (`syntax/error`): the one place the parser's errors
//! become the compiler's diagnostics, for every front end.

use super::ast::SyntaxError;
use crate::diagnostics::{Code, Diagnostic};

impl SyntaxError {
    pub fn diagnostic(&self) -> Diagnostic {
        let mut d =
            Diagnostic::new(Code::SyntaxError, self.span, &self.message).with_label(&self.label);
        if let Some(help) = &self.help {
            d = d.with_help(help);
        }
        if let Some((span, message)) = &self.related {
            d = d.with_secondary(*span, message);
        }
        d
    }
}
