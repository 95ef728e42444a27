//! `isms-lsp`: the `.isms` language server, speaking LSP over stdin and stdout.

#[tokio::main]
async fn main() {
    if std::env::args().any(|a| a == "--version" || a == "-V") {
        println!("isms-lsp {}", env!("CARGO_PKG_VERSION"));
        return;
    }
    isms_lsp::serve_stdio().await;
}
