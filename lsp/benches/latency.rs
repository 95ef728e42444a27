//! Latency from `textDocument/didChange` to `textDocument/publishDiagnostics`, through the
//! real server binary over stdio, on workspaces of about 1 kB, 140 kB and 1.4 MB built by
//! replicating `examples/acme` with renamed IDs.
//!
//! `cargo bench -p isms-lsp` (the server is built with the bench profile). Prints p50 and
//! p95 per workspace; the server's debounce (50 ms by default) is part of what an editor
//! waits, so it is included, and a second run with the debounce off shows the rest (the
//! check itself: compile, convert, publish).
//!
//! Environment: `ISMS_LSP_BENCH_ONLY=140` runs only the workspaces whose label contains
//! `140`; `ISMS_LSP_BENCH_SERVER=PATH` times another build of the server (an older commit's,
//! to compare).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::BTreeSet;
use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{channel, Receiver};
use std::time::{Duration, Instant};

use isms::syntax::ValueKind;
use serde_json::{json, Value};

const SERVER: &str = env!("CARGO_BIN_EXE_isms-lsp");

fn main() {
    let acme = Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples/acme");
    let out = std::env::temp_dir().join(format!("isms-lsp-bench-{}", std::process::id()));
    let server = std::env::var("ISMS_LSP_BENCH_SERVER").unwrap_or_else(|_| SERVER.to_string());
    let only = std::env::var("ISMS_LSP_BENCH_ONLY").unwrap_or_default();
    println!("didChange → publishDiagnostics through {server}\n");
    println!("| workspace | files | debounce | p50 | p95 | runs |");
    println!("|---|---|---|---|---|---|");
    for (label, target, runs) in [
        ("1 kB", 1_000, 60),
        ("140 kB", 140_000, 200),
        ("1.4 MB", 1_400_000, 20),
    ] {
        if !label.contains(only.as_str()) {
            continue;
        }
        let root = out.join(label.replace([' ', '.'], "-"));
        let (files, bytes, edited) = generate(&acme, &root, target);
        for debounce in [50, 0] {
            let mut times = measure(&server, &root, &edited, debounce, runs);
            times.sort();
            let p = |q: f64| times[((times.len() as f64 - 1.0) * q).round() as usize];
            println!(
                "| {label} ({:.1} kB) | {files} | {debounce} ms | {:.1} ms | {:.1} ms | {runs} |",
                bytes as f64 / 1000.0,
                ms(p(0.5)),
                ms(p(0.95))
            );
        }
    }
    let _ = std::fs::remove_dir_all(&out);
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// Write a project of about `target` bytes under `root`: copy 0 is acme itself, copies
/// 1.. are its named declarations with every declared name suffixed (`R-01-c1`), without
/// the project singletons, the catalog control records and the exclusions (which would be
/// duplicates). Returns the file count, the byte count and the file to edit.
fn generate(acme: &Path, root: &Path, target: usize) -> (usize, usize, PathBuf) {
    let _ = std::fs::remove_dir_all(root);
    let files = isms::project::discover(acme).files;
    let sources: Vec<(String, String)> = files
        .iter()
        .map(|f| (f.name.clone(), std::fs::read_to_string(&f.path).unwrap()))
        .collect();
    let names = declared_names(&sources);
    let (mut total, mut count) = (0usize, 0usize);
    let mut edited = None;
    'copies: for copy in 0.. {
        for (name, text) in &sources {
            if total >= target {
                break 'copies;
            }
            let ast = isms::syntax::parse(isms::source::FileId(0), text);
            let mut out = String::new();
            // A small target is cut at a declaration boundary; larger ones take whole files.
            let mut full = false;
            for d in &ast.decls {
                let keyword = d.keyword.text.as_str();
                let first = d.args.first().and_then(|a| a.single()).map(|v| &v.kind);
                let catalog_control = matches!(first, Some(ValueKind::Word(w)) if keyword == "control" && w.starts_with("A."));
                let singleton = matches!(keyword, "use" | "organization" | "scope" | "methodology");
                if copy > 0 && (singleton || catalog_control || keyword == "exclude") {
                    continue;
                }
                let decl = text.get(d.span.start()..d.span.end()).unwrap_or("");
                let decl = if copy == 0 {
                    decl.to_string()
                } else {
                    rename(decl, &names, copy)
                };
                if total + out.len() + decl.len() > target
                    && total + out.len() > 0
                    && target < 10_000
                {
                    full = true;
                    break;
                }
                out.push_str(&decl);
                out.push_str("\n\n");
            }
            if out.is_empty() {
                if full {
                    break 'copies;
                }
                continue;
            }
            let path = root.join(format!("copy{copy}")).join(name);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(&path, &out).unwrap();
            total += out.len();
            count += 1;
            if edited.is_none() {
                edited = Some(path);
            }
            if full {
                break 'copies;
            }
        }
    }
    (count, total, edited.unwrap())
}

/// Every name the acme project declares (people, roles, assets, risks, requirements,
/// policies, custom controls).
fn declared_names(sources: &[(String, String)]) -> BTreeSet<String> {
    let inputs = sources
        .iter()
        .map(|(n, t)| isms::Input::new(n.clone(), t.clone()))
        .collect();
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
    let c = isms::compile(inputs, &isms::Options { today });
    let m = &c.model;
    let mut names = BTreeSet::new();
    names.extend(m.persons.iter().map(|x| x.id.text.clone()));
    names.extend(m.roles.iter().map(|x| x.id.text.clone()));
    names.extend(m.assets.iter().map(|x| x.id.text.clone()));
    names.extend(m.risks.iter().map(|x| x.id.text.clone()));
    names.extend(m.requirements.iter().map(|x| x.id.text.clone()));
    names.extend(m.policies.iter().map(|x| x.id.text.clone()));
    names.extend(
        m.slots
            .iter()
            .filter(|s| s.is_custom())
            .map(|s| s.id.clone()),
    );
    names
}

/// `text` with every whole word that is a declared name suffixed with `-c<copy>`.
fn rename(text: &str, names: &BTreeSet<String>, copy: usize) -> String {
    let is_word = |c: char| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.' | ':');
    let mut out = String::with_capacity(text.len() + 64);
    let mut word = String::new();
    let flush = |word: &mut String, out: &mut String| {
        out.push_str(word);
        if names.contains(word.as_str()) {
            out.push_str(&format!("-c{copy}"));
        }
        word.clear();
    };
    for c in text.chars() {
        if is_word(c) {
            word.push(c);
        } else {
            flush(&mut word, &mut out);
            out.push(c);
        }
    }
    flush(&mut word, &mut out);
    out
}

/// A minimal LSP client over the server's stdio.
struct Client {
    child: Child,
    stdin: ChildStdin,
    incoming: Receiver<Value>,
    next_id: i64,
}

impl Client {
    fn start(server: &str, root: &Path, debounce: u64) -> Client {
        let mut child = Command::new(server)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .unwrap();
        let stdin = child.stdin.take().unwrap();
        let stdout = child.stdout.take().unwrap();
        let (tx, incoming) = channel();
        std::thread::spawn(move || {
            let mut reader = BufReader::new(stdout);
            loop {
                let mut length = 0usize;
                loop {
                    let mut line = String::new();
                    if reader.read_line(&mut line).unwrap_or(0) == 0 {
                        return;
                    }
                    let line = line.trim_end();
                    if line.is_empty() {
                        break;
                    }
                    if let Some(n) = line.strip_prefix("Content-Length: ") {
                        length = n.parse().unwrap();
                    }
                }
                let mut body = vec![0; length];
                reader.read_exact(&mut body).unwrap();
                if tx.send(serde_json::from_slice(&body).unwrap()).is_err() {
                    return;
                }
            }
        });
        let mut client = Client {
            child,
            stdin,
            incoming,
            next_id: 1,
        };
        let uri = uri(root);
        client.request(
            "initialize",
            json!({
                "processId": null,
                "capabilities": {},
                "workspaceFolders": [{"uri": uri, "name": "bench"}],
                "initializationOptions": {"today": "2026-11-23", "debounceMs": debounce},
            }),
        );
        client.notify("initialized", json!({}));
        client
    }

    fn send(&mut self, message: Value) {
        let body = message.to_string();
        write!(self.stdin, "Content-Length: {}\r\n\r\n{body}", body.len()).unwrap();
        self.stdin.flush().unwrap();
    }

    fn notify(&mut self, method: &str, params: Value) {
        self.send(json!({"jsonrpc": "2.0", "method": method, "params": params}));
    }

    fn request(&mut self, method: &str, params: Value) -> Value {
        let id = self.next_id;
        self.next_id += 1;
        self.send(json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        loop {
            let message = self.incoming.recv().unwrap();
            if message.get("id") == Some(&json!(id)) && message.get("method").is_none() {
                return message;
            }
        }
    }

    /// Wait for diagnostics of `uri`, answering nothing else.
    fn diagnostics_of(&mut self, uri: &str) {
        loop {
            let message = self.incoming.recv_timeout(Duration::from_secs(60)).unwrap();
            let is_it = message.get("method") == Some(&json!("textDocument/publishDiagnostics"))
                && message["params"]["uri"] == json!(uri);
            if is_it {
                return;
            }
            // A server request (client/registerCapability …) gets an empty reply.
            if let (Some(id), Some(_)) = (message.get("id"), message.get("method")) {
                let id = id.clone();
                self.send(json!({"jsonrpc": "2.0", "id": id, "result": null}));
            }
        }
    }

    fn drain(&mut self) {
        while self
            .incoming
            .recv_timeout(Duration::from_millis(100))
            .is_ok()
        {}
    }

    fn stop(mut self) {
        self.request("shutdown", Value::Null);
        self.notify("exit", Value::Null);
        let _ = self.child.wait();
    }
}

fn uri(path: &Path) -> String {
    format!("file://{}", path.canonicalize().unwrap().display())
}

/// `runs` edits of `file`, each timed from sending `didChange` to its diagnostics.
fn measure(server: &str, root: &Path, file: &Path, debounce: u64, runs: usize) -> Vec<Duration> {
    let mut client = Client::start(server, root, debounce);
    let uri = uri(file);
    let text = std::fs::read_to_string(file).unwrap();
    client.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": uri, "languageId": "isms", "version": 1, "text": text}}),
    );
    client.diagnostics_of(&uri);
    client.drain();
    let lines = text.lines().count() as u32;
    let mut times = Vec::with_capacity(runs);
    for run in 0..runs {
        // Type one character at the end of the file, then delete it again.
        let (range, new) = if run % 2 == 0 {
            (
                json!({"start": {"line": lines, "character": 0}, "end": {"line": lines, "character": 0}}),
                "x",
            )
        } else {
            (
                json!({"start": {"line": lines, "character": 0}, "end": {"line": lines, "character": 1}}),
                "",
            )
        };
        let started = Instant::now();
        client.notify(
            "textDocument/didChange",
            json!({
                "textDocument": {"uri": uri, "version": run + 2},
                "contentChanges": [{"range": range, "text": new}],
            }),
        );
        client.diagnostics_of(&uri);
        times.push(started.elapsed());
        client.drain();
    }
    client.stop();
    times
}
