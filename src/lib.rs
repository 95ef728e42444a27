//! `isms`: a compiler and linter for information security management systems kept as
//! `.isms` files (ISO/IEC 27001:2022).
//!
//! The pipeline, one module per stage (see ARCHITECTURE.md):
//! [`syntax`] (text → tree) → [`model`] (tree → typed, resolved model and traceability
//! graph) → [`check`] (rules) → [`emit`] (documents). [`diagnostics`] is shared by all;
//! [`compile`] runs the stages over in-memory files and does no IO.

pub mod check;
pub mod compile;
pub mod config;
pub mod control;
pub mod diagnostics;
pub mod diff;
pub mod emit;
pub mod fix;
pub mod format;
pub mod frontend;
pub mod history;
pub mod import;
pub mod import_oscal;
pub mod model;
pub mod placeholder;
pub mod project;
pub mod source;
pub mod stdlib;
pub mod syntax;

pub use compile::{
    compile, compile_incremental, compile_lean, compile_with, Compilation, Input, Options,
    ParseCache, Settings,
};
