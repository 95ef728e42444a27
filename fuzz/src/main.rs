//! `isms-fuzz`: a seeded mutation fuzzer for `isms` that runs on stable Rust.
//!
//! cargo-fuzz needs a nightly toolchain, which these machines cannot install. This
//! harness gets the properties that matter without one: inputs are a fixed function of
//! `(seed, index)` (see `mutate.rs`), workers run them in-process against the properties
//! in `oracle.rs`, and a supervisor process watches the workers, so an abort (a stack
//! overflow) or a hang is caught too and named by its index. A failure is reproduced with
//! `isms-fuzz --seed S --only I`. See `fuzz/README.md`.

mod binary;
mod corpus;
mod mutate;
mod oracle;
mod supervise;
mod worker;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;

#[derive(Debug, Parser)]
#[command(
    name = "isms-fuzz",
    about = "Seeded mutation fuzzing of isms (stable Rust)"
)]
pub struct Args {
    /// The run's seed: with an index, it names one input.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Stop after this many inputs.
    #[arg(long)]
    inputs: Option<u64>,
    /// Stop after this many seconds.
    #[arg(long)]
    seconds: Option<u64>,
    /// Worker processes.
    #[arg(long, default_value_t = 2)]
    jobs: u64,
    /// Run one input only, print what failed, and write it to `--out`.
    #[arg(long)]
    only: Option<u64>,
    /// Directories of `.isms` files to mutate (default: the repository's fixtures,
    /// examples and stdlib, and `../shared/conformance` when it is there).
    #[arg(long)]
    corpus: Vec<PathBuf>,
    /// The `isms` binary whose exit codes are checked on a sample of inputs.
    #[arg(long)]
    isms: Option<PathBuf>,
    /// Check the binary on every Nth input.
    #[arg(long, default_value_t = 250)]
    binary_every: u64,
    /// Where failing inputs and `failures.txt` are written.
    #[arg(long, default_value = "target/fuzz")]
    out: PathBuf,
    /// The date the checks measure against.
    #[arg(long, default_value = "2026-11-23")]
    today: String,
    /// Internal: run as worker number N of `--jobs`, from input `--from` (the number
    /// only tells the workers apart in `ps`).
    #[arg(long, hide = true)]
    worker: Option<u64>,
    #[arg(long, hide = true, default_value_t = 0)]
    from: u64,
}

impl Args {
    fn corpus_roots(&self) -> Vec<PathBuf> {
        if !self.corpus.is_empty() {
            return self.corpus.clone();
        }
        let repo = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..");
        [
            "tests/fixtures",
            "examples",
            "stdlib",
            "../shared/conformance",
        ]
        .iter()
        .map(|d| repo.join(d))
        .collect()
    }
}

fn main() -> ExitCode {
    let args = Args::parse();
    let Some(today) = chrono::NaiveDate::parse_from_str(&args.today, "%Y-%m-%d").ok() else {
        eprintln!("isms-fuzz: `--today` must be YYYY-MM-DD");
        return ExitCode::from(2);
    };
    let corpus = corpus::load(&args.corpus_roots());
    if args.worker.is_some() {
        oracle::install_panic_hook();
        return worker::run(&args, &corpus, today);
    }
    if let Some(index) = args.only {
        oracle::install_panic_hook();
        return worker::reproduce(&args, index, &corpus, today);
    }
    supervise::run(&args, &corpus)
}
