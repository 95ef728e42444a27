//! `isms check [PATH…] [--format human|json|sarif|github] [--today DATE] [--deny warnings|uncovered]
//! [--framework CATALOG]`

use std::path::{Path, PathBuf};

use clap::ValueEnum;
use miette::Result;

use super::output::{print, println};
use super::{project, today, use_color, Outcome};
use isms::diagnostics::render::{self, JsonDiagnostic};
use isms::diagnostics::Summary;
use isms::diagnostics::{github, sarif};
use isms::{compile_lean, Options};

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
    /// After the diagnostics, print which documented information of clauses 4-10 the
    /// project provides and what is missing before a Stage 1 audit (human format only).
    #[arg(long)]
    readiness: bool,
    /// After the diagnostics, list the requirements of this framework in `use` that the
    /// ISMS does not cover (human format only); `--deny uncovered` fails on them.
    #[arg(long, value_name = "CATALOG")]
    framework: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    /// Diagnostics with source excerpts, for people.
    Human,
    /// The JSON report of the CLI contract.
    Json,
    /// SARIF 2.1.0, for code-scanning services.
    Sarif,
    /// GitHub Actions annotations (workflow commands).
    Github,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Deny {
    Warnings,
    /// Requirements of the `--framework` that are not covered.
    Uncovered,
}

pub fn run(args: Args) -> Result<Outcome> {
    if args.readiness && args.format != Format::Human {
        return Err(miette::miette!(
            "`--readiness` prints a report for people: use it with `--format human`"
        ));
    }
    if args.framework.is_some() && args.format != Format::Human {
        return Err(miette::miette!(
            "`--framework` prints a report for people: use it with `--format human`"
        ));
    }
    if args.deny == Some(Deny::Uncovered) && args.framework.is_none() {
        return Err(miette::miette!(
            "`--deny uncovered` needs `--framework CATALOG`"
        ));
    }
    let paths = if args.paths.is_empty() {
        vec![PathBuf::from(".")]
    } else {
        args.paths
    };
    // Code scanning and annotations locate files from the repository root (the current
    // directory), so those formats name files by the path as given.
    let from_cwd = paths.len() > 1 || matches!(args.format, Format::Sarif | Format::Github);
    // Load everything first: an unreadable path stops the command before any output.
    let mut projects = Vec::new();
    for path in &paths {
        let prefix = (from_cwd && path != Path::new(".")).then(|| path.display().to_string());
        projects.push(project::load(path, prefix.as_deref())?);
    }
    let color = use_color();
    let mut summary = Summary::default();
    let mut files = 0;
    let mut json: Vec<JsonDiagnostic> = Vec::new();
    let mut text = String::new();
    let mut compilations = Vec::new();
    let mut suppressions = Vec::new();
    let mut suppression_text = String::new();
    let mut suppression_count = 0;
    let mut readiness = String::new();
    let mut uncovered = 0;
    for p in projects {
        // `--today` wins over the project's `[check] today`, which wins over the clock.
        let today = match (&args.today, p.config.today) {
            (None, Some(fixed)) => fixed,
            _ => today(args.today.as_deref())?,
        };
        let c = compile_lean(p.inputs, &Options { today }, &p.config.settings);
        files += c.project_files;
        let s = Summary::of(&c.diagnostics);
        summary.errors += s.errors;
        summary.warnings += s.warnings;
        suppression_count += c.suppressions.len();
        suppressions.extend(render::json_suppressions(&c.sources, &c.suppressions));
        suppression_text.push_str(&render::suppression_lines(&c.sources, &c.suppressions));
        if args.readiness {
            readiness.push('\n');
            let report = c.readiness().text();
            // It quotes the project: no control character reaches the terminal.
            readiness.push_str(&isms::control::visible(&report));
        }
        if let Some(framework) = &args.framework {
            let (report, open) = super::uncovered::report(&c, framework)?;
            readiness.push_str(&report);
            uncovered += open;
        }
        match args.format {
            Format::Human => text.push_str(&render::human(&c.sources, &c.diagnostics, color)),
            Format::Json => {
                json.extend(render::json_report(&c.sources, &c.diagnostics).diagnostics)
            }
            Format::Github => text.push_str(&github::annotations(&c.sources, &c.diagnostics)),
            Format::Sarif => compilations.push(c),
        }
    }
    match args.format {
        Format::Human => {
            print(&text)?;
            println(&render::summary_line(summary, files))?;
            if suppression_count > 0 {
                let noun = if suppression_count == 1 {
                    "suppression"
                } else {
                    "suppressions"
                };
                println(&format!("{suppression_count} {noun} in force:"))?;
                print(&suppression_text)?;
            }
            print(&readiness)?;
        }
        Format::Github => print(&text)?,
        Format::Sarif => {
            let projects: Vec<_> = compilations
                .iter()
                .map(|c| (&c.sources, c.diagnostics.as_slice()))
                .collect();
            let log = sarif::log(&projects);
            let text = serde_json::to_string_pretty(&log)
                .map_err(|e| miette::miette!("cannot write the SARIF log: {e}"))?;
            println(&text)?;
        }
        Format::Json => {
            let report = render::JsonReport {
                diagnostics: json,
                summary,
                suppressions,
            };
            let text = serde_json::to_string_pretty(&report)
                .map_err(|e| miette::miette!("cannot write the JSON report: {e}"))?;
            println(&text)?;
        }
    }
    let fails = summary.errors > 0
        || (args.deny == Some(Deny::Warnings) && summary.warnings > 0)
        || (args.deny == Some(Deny::Uncovered) && uncovered > 0);
    Ok(if fails {
        Outcome::Problems
    } else {
        Outcome::Clean
    })
}
