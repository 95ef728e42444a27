//! A worker: runs inputs `from`, `from + jobs`, … and reports each on stdout, one line per
//! event, so the supervisor knows which input was running if the worker dies:
//!
//! ```text
//! S <index>              started
//! F <index> <failure>    a property failed
//! D <index> <micros>     done
//! ```

use std::fs;
use std::io::{self, Write};
use std::process::ExitCode;

use chrono::NaiveDate;

use crate::corpus::Seed;
use crate::oracle::{self, Failure};
use crate::{binary, mutate, Args};

pub fn run(args: &Args, corpus: &[Seed], today: NaiveDate) -> ExitCode {
    let stdout = io::stdout();
    let mut out = stdout.lock();
    let limit = args.inputs.unwrap_or(u64::MAX);
    let mut index = args.from;
    while index < limit {
        // The start is flushed before the input runs: it names the input if this process
        // dies on it.
        if writeln!(out, "S {index}")
            .and_then(|()| out.flush())
            .is_err()
        {
            return ExitCode::SUCCESS; // the supervisor is gone
        }
        let (micros, failures) = one(args, index, corpus, today);
        for failure in &failures {
            let line = failure.to_string().replace(['\n', '\r'], " ");
            let _ = writeln!(out, "F {index} {line}");
        }
        if writeln!(out, "D {index} {micros}").is_err() {
            return ExitCode::SUCCESS;
        }
        index += args.jobs.max(1);
    }
    let _ = out.flush();
    ExitCode::SUCCESS
}

fn one(args: &Args, index: u64, corpus: &[Seed], today: NaiveDate) -> (u128, Vec<Failure>) {
    let bytes = mutate::input(args.seed, index, corpus);
    let verdict = oracle::judge(&bytes, today);
    let mut failures = verdict.failures;
    if let Some(isms) = &args.isms {
        if index.is_multiple_of(args.binary_every.max(1)) {
            failures.extend(binary::judge(isms, &bytes, &args.today));
        }
    }
    (verdict.elapsed.as_micros(), failures)
}

/// `--only I`: run one input, print its failures, and keep the input for a bug report.
pub fn reproduce(args: &Args, index: u64, corpus: &[Seed], today: NaiveDate) -> ExitCode {
    let bytes = mutate::input(args.seed, index, corpus);
    let path = args
        .out
        .join(format!("seed-{}-input-{index}.isms", args.seed));
    if fs::create_dir_all(&args.out)
        .and_then(|()| fs::write(&path, &bytes))
        .is_ok()
    {
        println!("input written to {}", path.display());
    }
    let (micros, failures) = one(args, index, corpus, today);
    println!("{} bytes, {} ms", bytes.len(), micros / 1000);
    for failure in &failures {
        println!("failed: {failure}");
    }
    if failures.is_empty() {
        println!("no property failed");
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}
