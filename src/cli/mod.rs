//! Argument parsing and the commands. Everything that touches the disk or the terminal
//! lives here, outside the compiler library.

mod build;
mod check;
mod diff;
mod explain;
mod fix;
mod fmt;
mod import;
mod import_oscal;
mod init;
mod output;
mod project;
mod uncovered;

use std::process::ExitCode;

use chrono::NaiveDate;
use clap::{Parser, Subcommand};

#[derive(Debug, Parser)]
#[command(
    name = "isms",
    version,
    about = "Compiler and linter for ISO/IEC 27001:2022 information security management systems",
    long_about = "Compiler and linter for ISO/IEC 27001:2022 information security management \
                  systems kept as `.isms` files: checks the model as an auditor would and \
                  builds the Statement of Applicability."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Check a project (a directory of `.isms` files, or one file) and report problems.
    Check(check::Args),
    /// Build the auditor documents (Statement of Applicability, …) into a directory.
    Build(build::Args),
    /// Explain a diagnostic code, or list all codes.
    Explain(explain::Args),
    /// Rewrite `.isms` files in the canonical layout (comments and meaning kept).
    Fmt(fmt::Args),
    /// Apply the fixes the diagnostics carry: safe ones, and with `--unsafe` those that
    /// need review.
    Fix(fix::Args),
    /// Compare the ISMS at two git revisions: applicability, statuses, risks, acceptances,
    /// policies, owners, nonconformities, incidents and diagnostics that changed.
    Diff(diff::Args),
    /// Create a new ISMS project that checks clean, with every Annex A control to decide.
    Init(init::Args),
    /// Import a Statement of Applicability, risk register or asset list from spreadsheets
    /// (.xlsx, .ods, .csv), or an OSCAL catalog (`--oscal-catalog`), into .isms files.
    Import(import::Args),
}

/// How the command ended, as the process exit status.
pub enum Outcome {
    Clean,
    Problems,
}

pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => return clap_exit(&e),
    };
    let result = match cli.command {
        Command::Check(args) => check::run(args),
        Command::Build(args) => build::run(args),
        Command::Explain(args) => explain::run(args),
        Command::Fmt(args) => fmt::run(args),
        Command::Fix(args) => fix::run(args),
        Command::Init(args) => init::run(args),
        Command::Diff(args) => diff::run(args),
        Command::Import(args) => import::run(args),
    };
    // What is still buffered is written now, so that its error decides the status too.
    let result = result.and_then(|outcome| output::flush().map(|()| outcome));
    match result {
        Ok(Outcome::Clean) => ExitCode::SUCCESS,
        Ok(Outcome::Problems) => ExitCode::from(1),
        Err(report) if output::is_closed_pipe(&report) => {
            ExitCode::from(output::CLOSED_PIPE_STATUS)
        }
        Err(report) => {
            output::eprintln(&format!("{report:?}"));
            ExitCode::from(2)
        }
    }
}

/// Help and version text goes through the one stdout writer like every other output (clap
/// would drop a write error and exit 0); usage errors are clap's own, on stderr.
fn clap_exit(e: &clap::Error) -> ExitCode {
    if e.use_stderr() {
        let _ = e.print();
        return ExitCode::from(u8::try_from(e.exit_code()).unwrap_or(2));
    }
    let text = if use_color() {
        e.render().ansi().to_string()
    } else {
        e.render().to_string()
    };
    match output::print(&text).and_then(|()| output::flush()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(report) if output::is_closed_pipe(&report) => {
            ExitCode::from(output::CLOSED_PIPE_STATUS)
        }
        Err(report) => {
            output::eprintln(&format!("{report:?}"));
            ExitCode::from(2)
        }
    }
}

/// `--today YYYY-MM-DD`, or the system date.
pub fn today(arg: Option<&str>) -> miette::Result<NaiveDate> {
    match arg {
        None => Ok(chrono::Local::now().date_naive()),
        Some(text) => NaiveDate::parse_from_str(text, "%Y-%m-%d").map_err(|_| {
            miette::miette!(
                help = "write the date as YYYY-MM-DD, for example `--today 2026-11-23`",
                "`{text}` is not a valid date for --today"
            )
        }),
    }
}

/// Colour on a terminal only, and never when NO_COLOR is set (https://no-color.org).
pub fn use_color() -> bool {
    use std::io::IsTerminal;
    std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}
