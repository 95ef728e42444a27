//! `isms-lsp`: the language server for `.isms` files.
//!
//! A second front door to the same compiler as the CLI: it runs `isms::compile` over the
//! workspace's files with the editor's unsaved buffers laid over the disk, and answers
//! from the result. Modules, from the protocol inwards:
//!
//! - [`server`]: LSP messages, debounced re-checks, panics caught per request;
//! - [`state`], [`workspace`], [`config`]: open buffers, project discovery, the
//!   project's `isms.toml`, the cached analysis;
//! - [`analysis`], [`names`], [`refs`]: one compiled project, the names at their
//!   positions, and every reference as the compiler resolves it;
//! - features: [`diagnostics`], [`hover`], [`navigate`] (definition, references, rename),
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
pub mod hover;
pub mod inlay;
pub mod names;
pub mod navigate;
pub mod outline;
pub mod position;
pub mod refs;
pub mod schema;
pub mod server;
pub mod state;
pub mod tokens;
pub mod workspace;

use tower_lsp_server::{LspService, Server as Transport};

/// Serve LSP over stdin/stdout until the client exits.
pub async fn serve_stdio() {
    let mut builder = LspService::build(server::Server::new);
    if std::env::var_os("ISMS_LSP_TEST_PANIC").is_some() {
        builder = builder.custom_method("isms/testPanic", server::Server::test_panic);
    }
    let (service, socket) = builder.finish();
    Transport::new(tokio::io::stdin(), tokio::io::stdout(), socket)
        .serve(service)
        .await;
}
