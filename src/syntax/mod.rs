//! Stage 1: text → owned syntax tree. Parsing never fails: it returns a tree and errors.

pub mod ast;
mod diagnostic;
mod errors;
mod indent;
mod parser;
mod text;

pub use ast::*;
pub use parser::{nesting_error, parse, Parser};
