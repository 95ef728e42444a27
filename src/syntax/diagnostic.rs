//! A syntax error as a diagnostic (`syntax/error`): the one place the parser's errors
//! become the compiler's diagnostics, for every front end.

use super::ast::SyntaxError;
use crate::diagnostics::{Applicability, Code, Diagnostic, Edit, Fix};

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
        if let Some(text) = &self.replacement {
            d = d.with_fix(Fix::new(
                format!("Replace with `{text}`"),
                vec![Edit::replace(self.span, text.clone())],
                Applicability::Safe,
            ));
        }
        d
    }
}
