//! `isms-lsp`: the language server for `.isms` files.
//!
//! A second front door to the same compiler as the CLI: it runs `isms::compile` over the
//! workspace's files with the editor's unsaved buffers laid over the disk, and answers
//! from the result. Modules, from the protocol inwards:
//!
//! - [`transport`], [`framing`], [`incoming`]: stdin and stdout; a broken frame is
//!   answered with a parse error and costs nothing after it; the exit status;
//! - [`server`]: LSP messages, debounced re-checks, panics caught per request;
//! - [`state`], [`workspace`], [`config`], [`project`]: open buffers, project discovery,
//!   the project's `isms.toml`, the cached analysis, and what they all name (a leaf);
//! - [`analysis`], [`names`]: one compiled project, and the names at their positions
//!   with what they name (a view of the compiler's resolution table);
//! - features: [`diagnostics`], [`hover`], [`navigate`] (definition, references,
//!   highlight, rename),
//!   [`completion`], [`outline`], [`tokens`], [`folding`], [`inlay`], [`actions`],
//!   [`format`];
//! - [`position`]: byte offsets ↔ UTF-16 positions, the only place that converts.

pub mod actions;
pub mod analysis;
pub mod completion;
pub mod config;
pub mod diagnostics;
pub mod folding;
pub mod format;
pub mod framing;
pub mod hover;
mod hover_mappings;
pub mod incoming;
pub mod inlay;
pub mod names;
pub mod navigate;
pub mod outline;
pub mod position;
pub mod project;
pub mod schema;
pub mod server;
pub mod state;
pub mod summary;
pub mod tokens;
pub mod transport;
pub mod workspace;

pub use transport::serve_stdio;
