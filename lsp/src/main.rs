//! `isms-lsp`: the `.isms` language server, speaking LSP over stdin and stdout.

#[tokio::main]
async fn main() {
    if std::env::args().any(|a| a == "--version" || a == "-V") {
        println!("isms-lsp {}", env!("CARGO_PKG_VERSION"));
        return;
    }
    let status = isms_lsp::serve_stdio().await;
    // Not a return from `main`: the runtime would wait for the thread blocked reading
    // stdin, which a client that keeps stdin open after `exit` never ends.
    std::process::exit(status);
}
