//! The real `isms-lsp` binary against broken frames: each gets one error reply (or none,
//! where JSON-RPC gives none), the server goes on answering, and the exit status follows
//! LSP (0 after `shutdown` then `exit`, 1 otherwise).

// Test helpers outside #[test] functions may fail loudly too.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::io::{BufRead, BufReader, Read, Write};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{channel, Receiver};
use std::time::{Duration, Instant};

use serde_json::{json, Value};

const TIMEOUT: Duration = Duration::from_secs(20);

struct Server {
    child: Child,
    stdin: Option<ChildStdin>,
    messages: Receiver<Value>,
}

fn frame(body: &[u8]) -> Vec<u8> {
    let mut out = format!("Content-Length: {}\r\n\r\n", body.len()).into_bytes();
    out.extend_from_slice(body);
    out
}

fn request(id: i64, method: &str, params: Value) -> Vec<u8> {
    frame(
        json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params})
            .to_string()
            .as_bytes(),
    )
}

fn notification(method: &str) -> Vec<u8> {
    frame(
        json!({"jsonrpc": "2.0", "method": method})
            .to_string()
            .as_bytes(),
    )
}

impl Server {
    fn start() -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_isms-lsp"))
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let stdin = child.stdin.take();
        let stdout = child.stdout.take().unwrap();
        let (tx, messages) = channel();
        std::thread::spawn(move || {
            let mut out = BufReader::new(stdout);
            loop {
                let mut length = None;
                loop {
                    let mut line = String::new();
                    if out.read_line(&mut line).unwrap_or(0) == 0 {
                        return;
                    }
                    let line = line.trim_end();
                    if line.is_empty() {
                        break;
                    }
                    if let Some(n) = line.strip_prefix("Content-Length: ") {
                        length = n.parse::<usize>().ok();
                    }
                }
                let mut body = vec![0; length.expect("the server sent a frame without length")];
                if out.read_exact(&mut body).is_err() {
                    return;
                }
                let message: Value =
                    serde_json::from_slice(&body).expect("the server sent non-JSON");
                if tx.send(message).is_err() {
                    return;
                }
            }
        });
        Server {
            child,
            stdin,
            messages,
        }
    }

    fn send(&mut self, bytes: &[u8]) {
        let stdin = self.stdin.as_mut().unwrap();
        stdin.write_all(bytes).unwrap();
        stdin.flush().unwrap();
    }

    /// Every reply (a message with an `id` and no `method`) up to and including the one
    /// to request `id`; the server's own requests and notifications are left out.
    fn replies_until(&self, id: i64) -> Vec<Value> {
        let deadline = Instant::now() + TIMEOUT;
        let mut replies = Vec::new();
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            let message = self
                .messages
                .recv_timeout(left)
                .unwrap_or_else(|_| panic!("no reply to {id}; replies so far: {replies:?}"));
            if message.get("method").is_some() {
                continue;
            }
            let done = message["id"] == json!(id);
            replies.push(message);
            if done {
                return replies;
            }
        }
    }

    /// `initialize` and `initialized`; the replies that came before `initialize`'s.
    fn initialize(&mut self) -> Vec<Value> {
        self.send(&request(1, "initialize", json!({"capabilities": {}})));
        let mut replies = self.replies_until(1);
        let reply = replies.pop().unwrap();
        assert!(reply["result"]["capabilities"].is_object(), "{reply}");
        self.send(&frame(
            br#"{"jsonrpc":"2.0","method":"initialized","params":{}}"#,
        ));
        replies
    }

    /// The exit status, waited for with stdin still open (a client may keep it open).
    fn status(&mut self) -> i32 {
        let deadline = Instant::now() + TIMEOUT;
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                return status.code().unwrap_or(-1);
            }
            if Instant::now() > deadline {
                let _ = self.child.kill();
                panic!("the server did not exit");
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

const PARSE_ERROR: i64 = -32700;
const INVALID_REQUEST: i64 = -32600;

/// The broken inputs, and the error code of the one reply each should get (`None`: no
/// reply, as for any notification).
fn broken_inputs() -> Vec<(&'static str, Vec<u8>, Option<i64>)> {
    let header = |h: &str, body: &str| [h.as_bytes(), body.as_bytes()].concat();
    vec![
        (
            "a body that is not JSON",
            frame(b"hello"),
            Some(PARSE_ERROR),
        ),
        ("an empty body", frame(b""), Some(PARSE_ERROR)),
        (
            "JSON that is not an object",
            frame(b"42"),
            Some(INVALID_REQUEST),
        ),
        (
            "a batch array",
            frame(br#"[{"jsonrpc":"2.0","id":5,"method":"shutdown"}]"#),
            Some(INVALID_REQUEST),
        ),
        (
            "a request with an id of the wrong type",
            frame(br#"{"jsonrpc":"2.0","id":{"no":1},"method":"textDocument/hover","params":{}}"#),
            Some(INVALID_REQUEST),
        ),
        (
            "a notification with bad params",
            frame(br#"{"jsonrpc":"2.0","method":"textDocument/didOpen","params":42}"#),
            None,
        ),
        (
            "invalid UTF-8 in the body",
            frame(b"{\"jsonrpc\":\"2.0\",\"method\":\"\xff\xfe\"}"),
            Some(PARSE_ERROR),
        ),
        (
            "a Content-Length smaller than the body",
            header(
                "Content-Length: 12\r\n\r\n",
                r#"{"jsonrpc":"2.0","id":9,"method":"shutdown"}"#,
            ),
            Some(PARSE_ERROR),
        ),
        (
            "a Content-Length larger than the body, then a valid message",
            header(
                "Content-Length: 400\r\n\r\n",
                r#"{"jsonrpc":"2.0","method":"$/setTrace","params":{"value":"off"}}"#,
            ),
            Some(PARSE_ERROR),
        ),
        (
            "a missing Content-Length",
            header(
                "Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n",
                r#"{"jsonrpc":"2.0","method":"$/setTrace","params":{"value":"off"}}"#,
            ),
            Some(PARSE_ERROR),
        ),
        (
            "a negative Content-Length",
            header("Content-Length: -5\r\n\r\n", "{}"),
            Some(PARSE_ERROR),
        ),
        (
            "a huge Content-Length",
            header("Content-Length: 99999999999999999999999\r\n\r\n", "{}"),
            Some(PARSE_ERROR),
        ),
        (
            "a header without its blank line",
            header(
                "Content-Length: 30\r\n",
                r#"{"jsonrpc":"2.0","method":"x"}"#,
            ),
            Some(PARSE_ERROR),
        ),
        (
            "bytes that are no frame at all",
            b"\x00\x01 garbage\r\n\r\n".to_vec(),
            Some(PARSE_ERROR),
        ),
        // Not broken: an unknown header is allowed, so the frame is read as usual.
        (
            "an unknown header",
            [
                b"X-Unknown: 1\r\n".as_slice(),
                &notification("$/setTrace")[..],
            ]
            .concat(),
            None,
        ),
    ]
}

#[test]
fn each_broken_frame_gets_one_reply_and_the_server_goes_on() {
    for (what, input, expected) in broken_inputs() {
        let mut server = Server::start();
        server.initialize();
        server.send(&input);
        server.send(&request(2, "shutdown", Value::Null));
        let replies = server.replies_until(2);
        let (last, errors) = replies.split_last().unwrap();
        assert_eq!(last["result"], Value::Null, "{what}: {last}");
        assert!(last.get("error").is_none(), "{what}: {last}");
        let codes: Vec<i64> = errors
            .iter()
            .map(|e| e["error"]["code"].as_i64().unwrap())
            .collect();
        assert_eq!(
            codes,
            expected.into_iter().collect::<Vec<_>>(),
            "{what}: {errors:?}"
        );
        server.send(&notification("exit"));
        assert_eq!(server.status(), 0, "{what}");
    }
}

#[test]
fn a_broken_frame_before_initialize_does_not_end_the_session() {
    let mut server = Server::start();
    server.send(&frame(b"not json"));
    let before = server.initialize();
    assert_eq!(before.len(), 1, "{before:?}");
    assert_eq!(before[0]["error"]["code"], json!(PARSE_ERROR));
    server.send(&request(2, "shutdown", Value::Null));
    server.replies_until(2);
    server.send(&notification("exit"));
    assert_eq!(server.status(), 0);
}

#[test]
fn a_broken_frame_that_shows_its_id_is_answered_with_it() {
    let mut server = Server::start();
    server.initialize();
    // The next frame's header cuts this request short: its sender learns which failed.
    server
        .send(b"Content-Length: 300\r\n\r\n{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"shutdown\"}");
    server.send(&request(2, "shutdown", Value::Null));
    let replies = server.replies_until(2);
    assert_eq!(replies[0]["id"], json!(7), "{replies:?}");
    assert_eq!(replies[0]["error"]["code"], json!(PARSE_ERROR));
}

#[test]
fn exit_without_shutdown_exits_1() {
    let mut server = Server::start();
    server.initialize();
    server.send(&notification("exit"));
    assert_eq!(server.status(), 1);
}

#[test]
fn shutdown_then_exit_exits_0_even_with_stdin_open() {
    let mut server = Server::start();
    server.initialize();
    server.send(&request(2, "shutdown", Value::Null));
    server.replies_until(2);
    server.send(&notification("exit"));
    assert_eq!(server.status(), 0);
}

#[test]
fn closing_the_input_without_exit_exits_1() {
    let mut server = Server::start();
    server.initialize();
    server.stdin = None;
    assert_eq!(server.status(), 1);
}
