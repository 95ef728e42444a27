//! The `isms` command line. Exit status: 0 clean, 1 problems reported, 2 the command could
//! not run (its own errors are miette reports on stderr), 141 standard output was closed
//! by its reader (see `cli/output.rs`).

mod cli;

use std::process::ExitCode;

fn main() -> ExitCode {
    cli::main()
}
