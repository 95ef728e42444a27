//! Everything the commands print goes through here, so that an output error never panics
//! (`println!` does, on a closed pipe or a full disk) and always ends the same way:
//!
//! - standard output closed by its reader (`isms check | head -1`): the process ends
//!   quietly with status 141, as a Unix tool killed by `SIGPIPE` does;
//! - any other write error (`> /dev/full`): one message on standard error, status 2.
//!
//! Standard error is best effort: when it cannot be written either, there is nobody left
//! to tell.

use std::fmt;
use std::io::{self, Write};
use std::path::Path;

use miette::{Diagnostic, Report};

/// The exit status when standard output was closed by its reader: 128 + `SIGPIPE` (13),
/// what a shell reports for a tool the signal ended.
pub const CLOSED_PIPE_STATUS: u8 = 141;

/// Standard output was closed by its reader: not a failure of the command, so nothing is
/// reported.
#[derive(Debug)]
pub struct ClosedPipe;

impl fmt::Display for ClosedPipe {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("standard output was closed")
    }
}

impl std::error::Error for ClosedPipe {}
impl Diagnostic for ClosedPipe {}

/// A path for a message: a file name from a cloned repository may hold an escape
/// sequence, which must reach the terminal as a picture, not as a command.
pub fn shown(path: impl AsRef<Path>) -> String {
    let path = path.as_ref();
    isms::control::one_line(&path.display().to_string()).into_owned()
}

/// Write `text` to standard output.
pub fn print(text: &str) -> miette::Result<()> {
    io::stdout()
        .lock()
        .write_all(text.as_bytes())
        .map_err(stdout_error)
}

/// Write `text` and a line break to standard output.
pub fn println(text: &str) -> miette::Result<()> {
    let mut out = io::stdout().lock();
    out.write_all(text.as_bytes())
        .and_then(|()| out.write_all(b"\n"))
        .map_err(stdout_error)
}

/// Push out what standard output still buffers, so its error is seen before the exit.
pub fn flush() -> miette::Result<()> {
    io::stdout().lock().flush().map_err(stdout_error)
}

/// Write a line to standard error, ignoring failure (see the module comment).
pub fn eprintln(text: &str) {
    let _ = writeln!(io::stderr().lock(), "{text}");
}

fn stdout_error(e: io::Error) -> Report {
    if e.kind() == io::ErrorKind::BrokenPipe {
        Report::new(ClosedPipe)
    } else {
        miette::miette!("cannot write to standard output: {e}")
    }
}

/// Whether `report` says the reader closed standard output.
pub fn is_closed_pipe(report: &Report) -> bool {
    report.downcast_ref::<ClosedPipe>().is_some()
}
