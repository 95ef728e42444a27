//! The supervisor: starts the workers, reads their event lines, and turns what only an
//! outside process can see into failures: a worker that died on an input (an abort, a
//! stack overflow) and an input that runs for longer than `HANG`. A dead or killed worker
//! is started again after the input it died on.

use std::collections::BTreeMap;
use std::fs;
use std::io::{BufRead, BufReader};
use std::process::{Child, Command, ExitCode, Stdio};
use std::sync::mpsc::{self, RecvTimeoutError, Sender};
use std::thread;
use std::time::{Duration, Instant};

use crate::corpus::Seed;
use crate::{mutate, Args};

/// An input still running after this long is a hang (the per-input bound is one second;
/// this one leaves room for a loaded machine before killing).
const HANG: Duration = Duration::from_secs(10);

enum Event {
    Line(String),
    End,
}

struct Worker {
    child: Child,
    /// The input it is running, and since when.
    running: Option<(u64, Instant)>,
    killed_for_hang: bool,
}

#[derive(Default)]
struct Tally {
    done: u64,
    slowest: (u128, u64),
    failures: BTreeMap<u64, Vec<String>>,
}

pub fn run(args: &Args, corpus: &[Seed]) -> ExitCode {
    let jobs = args.jobs.max(1);
    let limit = args.inputs.unwrap_or(u64::MAX);
    let deadline = args.seconds.map(Duration::from_secs);
    println!(
        "isms-fuzz: seed {}, {} worker(s), {} corpus files, {}{}",
        args.seed,
        jobs,
        corpus.len(),
        args.inputs
            .map_or("no input limit".to_string(), |n| format!("{n} inputs")),
        args.seconds
            .map_or(String::new(), |s| format!(", at most {s} s")),
    );
    let started = Instant::now();
    let (tx, rx) = mpsc::channel();
    let mut workers: BTreeMap<u64, Worker> = BTreeMap::new();
    for w in 0..jobs.min(limit) {
        match spawn(args, w, w, &tx) {
            Ok(worker) => {
                workers.insert(w, worker);
            }
            Err(e) => {
                eprintln!("isms-fuzz: cannot start a worker: {e}");
                return ExitCode::from(2);
            }
        }
    }
    let mut tally = Tally::default();
    let mut last_progress = Instant::now();
    let mut stopping = false;
    while !workers.is_empty() {
        if !stopping && deadline.is_some_and(|d| started.elapsed() >= d) {
            stopping = true;
            for worker in workers.values_mut() {
                let _ = worker.child.kill();
            }
        }
        for worker in workers.values_mut() {
            if let Some((index, since)) = worker.running {
                if !worker.killed_for_hang && since.elapsed() > HANG {
                    worker.killed_for_hang = true;
                    let _ = worker.child.kill();
                    tally.fail(
                        index,
                        format!("hang: still running after {} s", HANG.as_secs()),
                    );
                }
            }
        }
        if last_progress.elapsed() > Duration::from_secs(30) {
            last_progress = Instant::now();
            println!(
                "  … {} inputs, {} failing, {} s",
                tally.done,
                tally.failures.len(),
                started.elapsed().as_secs()
            );
        }
        let (w, event) = match rx.recv_timeout(Duration::from_millis(200)) {
            Ok(message) => message,
            Err(RecvTimeoutError::Timeout) => continue,
            Err(RecvTimeoutError::Disconnected) => break,
        };
        match event {
            Event::Line(line) => tally.line(workers.get_mut(&w), &line),
            Event::End => {
                let Some(mut worker) = workers.remove(&w) else {
                    continue;
                };
                let status = worker.child.wait();
                let Some((index, _)) = worker.running else {
                    continue; // finished its inputs
                };
                if stopping {
                    continue;
                }
                if !worker.killed_for_hang {
                    let how = status.map_or_else(|e| e.to_string(), |s| s.to_string());
                    tally.fail(index, format!("the process died: {how}"));
                }
                let next = index + jobs;
                if next < limit {
                    match spawn(args, w, next, &tx) {
                        Ok(worker) => {
                            workers.insert(w, worker);
                        }
                        Err(e) => eprintln!("isms-fuzz: cannot restart a worker: {e}"),
                    }
                }
            }
        }
    }
    report(args, corpus, &tally, started.elapsed())
}

impl Tally {
    fn fail(&mut self, index: u64, why: String) {
        self.failures.entry(index).or_default().push(why);
    }

    fn line(&mut self, worker: Option<&mut Worker>, line: &str) {
        let mut parts = line.splitn(3, ' ');
        let kind = parts.next().unwrap_or("");
        let Some(index) = parts.next().and_then(|i| i.parse::<u64>().ok()) else {
            return;
        };
        let rest = parts.next().unwrap_or("");
        match kind {
            "S" => {
                if let Some(worker) = worker {
                    worker.running = Some((index, Instant::now()));
                }
            }
            "F" => self.fail(index, rest.to_string()),
            "D" => {
                if let Some(worker) = worker {
                    worker.running = None;
                }
                self.done += 1;
                let micros = rest.parse::<u128>().unwrap_or(0);
                if micros > self.slowest.0 {
                    self.slowest = (micros, index);
                }
            }
            _ => {}
        }
    }
}

fn spawn(args: &Args, w: u64, from: u64, tx: &Sender<(u64, Event)>) -> std::io::Result<Worker> {
    let exe = std::env::current_exe()?;
    let mut command = Command::new(exe);
    command
        .args(["--worker", &w.to_string(), "--from", &from.to_string()])
        .args(["--jobs", &args.jobs.max(1).to_string()])
        .args(["--seed", &args.seed.to_string(), "--today", &args.today])
        .args(["--binary-every", &args.binary_every.to_string()])
        .arg("--out")
        .arg(&args.out);
    if let Some(n) = args.inputs {
        command.args(["--inputs", &n.to_string()]);
    }
    if let Some(isms) = &args.isms {
        command.arg("--isms").arg(isms);
    }
    for root in &args.corpus {
        command.arg("--corpus").arg(root);
    }
    let mut child = command
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()?;
    let stdout = child
        .stdout
        .take()
        .ok_or_else(|| std::io::Error::other("no stdout"))?;
    let tx = tx.clone();
    thread::spawn(move || read_events(w, stdout, &tx));
    Ok(Worker {
        child,
        running: None,
        killed_for_hang: false,
    })
}

fn read_events(w: u64, stdout: std::process::ChildStdout, tx: &Sender<(u64, Event)>) {
    for line in BufReader::new(stdout).lines() {
        let Ok(line) = line else { break };
        if tx.send((w, Event::Line(line))).is_err() {
            return;
        }
    }
    let _ = tx.send((w, Event::End));
}

fn report(args: &Args, corpus: &[Seed], tally: &Tally, took: Duration) -> ExitCode {
    let (micros, index) = tally.slowest;
    println!(
        "isms-fuzz: {} inputs in {} s; slowest: input {index}, {} ms",
        tally.done,
        took.as_secs(),
        micros / 1000
    );
    if !tally.failures.is_empty() {
        let _ = fs::create_dir_all(&args.out);
        let mut summary = String::new();
        for (index, whys) in &tally.failures {
            let path = args
                .out
                .join(format!("seed-{}-input-{index}.isms", args.seed));
            let _ = fs::write(&path, mutate::input(args.seed, *index, corpus));
            for why in whys {
                println!("FAILED input {index}: {why}");
                summary.push_str(&format!("{index}\t{why}\n"));
            }
        }
        let _ = fs::write(args.out.join("failures.txt"), summary);
        println!(
            "reproduce one with: isms-fuzz --seed {} --only INDEX (inputs written to {})",
            args.seed,
            args.out.display()
        );
    }
    let failed = tally.failures.len() as u64;
    println!(
        "fuzz: {} passed, {failed} failed",
        tally.done.saturating_sub(failed)
    );
    if failed == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}
