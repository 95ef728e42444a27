//! `isms check [PATH…] [--format human|json] [--today DATE] [--deny warnings]`

use std::path::PathBuf;

use clap::ValueEnum;
use miette::Result;

use super::{project, today, use_color, Outcome};
use isms::diagnostics::render::{self, JsonDiagnostic};
use isms::diagnostics::{Severity, Summary};
use isms::{compile, Options};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Project directories or single files (default: the current directory).
    paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    format: Format,
    /// The date to check review and due dates against (YYYY-MM-DD; default: today).
    #[arg(long, value_name = "DATE")]
    today: Option<String>,
    /// Treat warnings as errors for the exit status.
    #[arg(long, value_enum, value_name = "KIND")]
    deny: Option<Deny>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    Human,
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Deny {
    Warnings,
}

pub fn run(args: Args) -> Result<Outcome> {
    let today = today(args.today.as_deref())?;
    let paths = if args.paths.is_empty() {
        vec![PathBuf::from(".")]
    } else {
        args.paths
    };
    let several = paths.len() > 1;
    // Load everything first: an unreadable path stops the command before any output.
    let mut projects = Vec::new();
    for path in &paths {
        let prefix = several.then(|| path.display().to_string());
        projects.push(project::load(path, prefix.as_deref())?);
    }
    let color = use_color();
    let mut summary = Summary::default();
    let mut files = 0;
    let mut json: Vec<JsonDiagnostic> = Vec::new();
    let mut human = String::new();
    for p in projects {
        let c = compile(p.inputs, &Options { today });
        files += c.project_files;
        let s = Summary::of(&c.diagnostics);
        summary.errors += s.errors;
        summary.warnings += s.warnings;
        match args.format {
            Format::Human => human.push_str(&render::human(&c.sources, &c.diagnostics, color)),
            Format::Json => {
                json.extend(render::json_report(&c.sources, &c.diagnostics).diagnostics)
            }
        }
    }
    match args.format {
        Format::Human => {
            print!("{human}");
            println!("{}", render::summary_line(summary, files));
        }
        Format::Json => {
            let report = render::JsonReport {
                diagnostics: json,
                summary,
            };
            let text = serde_json::to_string_pretty(&report)
                .map_err(|e| miette::miette!("cannot write the JSON report: {e}"))?;
            println!("{text}");
        }
    }
    let fails = summary.errors > 0 || (args.deny == Some(Deny::Warnings) && summary.warnings > 0);
    let _ = Severity::Error;
    Ok(if fails {
        Outcome::Problems
    } else {
        Outcome::Clean
    })
}
