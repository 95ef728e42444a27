//! Stdin and stdout: frames read and checked here, then handed to tower-lsp-server's
//! transport, which ends the session at the first frame it cannot read.
//!
//! ```text
//! stdin ──► FrameReader ──► incoming::check ──► pipe ──► tower-lsp ──► pipe ──┐
//!                 │ broken frame       │ not a message                        │
//!                 └────── error reply ─┴──────────────► one writer ◄──────────┘──► stdout
//! ```
//!
//! One task writes stdout, a whole frame at a time, so an error reply never lands inside
//! one of the server's messages. The exit status follows LSP: 0 after `shutdown` then
//! `exit`, 1 after `exit` alone; the input closing without `exit` is 1 too, with a line
//! on stderr.

use tokio::io::{AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt};
use tokio::sync::mpsc;
use tower_lsp_server::{LspService, Server as Transport};

use crate::framing::{Frame, FrameReader};
use crate::incoming::{self, Message, Rejection};
use crate::server;

/// How the client ended the session.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ending {
    /// `exit`, after a `shutdown` request or not.
    Exit { after_shutdown: bool },
    /// The input closed (or could not be read) before `exit`.
    Closed,
}

impl Ending {
    /// The process's exit status, as the LSP specification sets it for `exit`.
    pub fn status(self) -> i32 {
        match self {
            Ending::Exit {
                after_shutdown: true,
            } => 0,
            Ending::Exit { .. } | Ending::Closed => 1,
        }
    }
}

/// Serve LSP over stdin and stdout until the client exits; the process's exit status.
pub async fn serve_stdio() -> i32 {
    let mut builder = LspService::build(server::Server::new);
    if std::env::var_os("ISMS_LSP_TEST_PANIC").is_some() {
        builder = builder.custom_method("isms/testPanic", server::Server::test_panic);
    }
    let (service, socket) = builder.finish();
    let (to_server, server_in) = tokio::io::duplex(1 << 16);
    let (server_out, from_server) = tokio::io::duplex(1 << 16);
    let (frames, outgoing) = mpsc::channel::<Vec<u8>>(64);

    let writer = tokio::spawn(write_frames(tokio::io::stdout(), outgoing));
    let replies = tokio::spawn(relay(from_server, frames.clone()));
    let reader = tokio::spawn(read_client(tokio::io::stdin(), to_server, frames));
    Transport::new(server_in, server_out, socket)
        .serve(service)
        .await;
    let ending = reader.await.unwrap_or(Ending::Closed);
    let _ = replies.await;
    let _ = writer.await;
    if ending == Ending::Closed {
        eprintln!("isms-lsp: the input closed before an `exit` notification");
    }
    ending.status()
}

/// Read the client's frames: good ones go to the server, broken ones are answered.
pub async fn read_client(
    mut input: impl AsyncRead + Unpin,
    mut server: impl AsyncWrite + Unpin,
    replies: mpsc::Sender<Vec<u8>>,
) -> Ending {
    let mut reader = FrameReader::default();
    let mut shutdown = false;
    let mut chunk = vec![0u8; 1 << 16];
    loop {
        let read = match input.read(&mut chunk).await {
            Ok(0) | Err(_) => return Ending::Closed,
            Ok(n) => n,
        };
        reader.push(&chunk[..read]);
        while let Some(frame) = reader.next_frame() {
            let rejection = match frame {
                Frame::Body(body) => match incoming::check(&body) {
                    Ok(message) => {
                        if server.write_all(&framed(&body)).await.is_err() {
                            return Ending::Closed;
                        }
                        match message {
                            Message::Request { method, is_request } => {
                                shutdown |= is_request && method == "shutdown";
                                if method == "exit" {
                                    let _ = server.flush().await;
                                    return Ending::Exit {
                                        after_shutdown: shutdown,
                                    };
                                }
                            }
                            Message::Response => {}
                        }
                        continue;
                    }
                    Err(rejection) => {
                        // The rest of a body that was not a message may follow it.
                        if rejection.code == incoming::PARSE_ERROR {
                            reader.skip_to_next_header();
                        }
                        rejection
                    }
                },
                Frame::Broken { reason, body } => broken(&reason, &body),
            };
            eprintln!("isms-lsp: {}", rejection.message);
            let reply = framed(rejection.to_json().to_string().as_bytes());
            if replies.send(reply).await.is_err() {
                return Ending::Closed;
            }
        }
    }
}

/// The reply to a broken frame: a parse error, with the request's id when what stood
/// in its body shows one (its sender then learns which request failed).
fn broken(reason: &str, body: &[u8]) -> Rejection {
    let id = serde_json::from_slice::<serde_json::Value>(body)
        .ok()
        .and_then(|v| v.get("id").cloned())
        .filter(|id| id.is_number() || id.is_string())
        .unwrap_or_default();
    Rejection {
        id,
        ..Rejection::parse_error(reason)
    }
}

/// The server's frames, passed on whole to the one writer.
async fn relay(mut from_server: impl AsyncRead + Unpin, frames: mpsc::Sender<Vec<u8>>) {
    let mut reader = FrameReader::default();
    let mut chunk = vec![0u8; 1 << 16];
    while let Ok(read) = from_server.read(&mut chunk).await {
        if read == 0 {
            return;
        }
        reader.push(&chunk[..read]);
        while let Some(frame) = reader.next_frame() {
            // INVARIANT: tower-lsp-server writes only whole, well-formed frames.
            if let Frame::Body(body) = frame {
                if frames.send(framed(&body)).await.is_err() {
                    return;
                }
            }
        }
    }
}

async fn write_frames(mut out: impl AsyncWrite + Unpin, mut frames: mpsc::Receiver<Vec<u8>>) {
    while let Some(frame) = frames.recv().await {
        if out.write_all(&frame).await.is_err() || out.flush().await.is_err() {
            return;
        }
    }
}

fn framed(body: &[u8]) -> Vec<u8> {
    let mut frame = format!("Content-Length: {}\r\n\r\n", body.len()).into_bytes();
    frame.extend_from_slice(body);
    frame
}
