//! `isms import FILE… --into DIR [--map COLUMN=FIELD]… [--partial]`: turn spreadsheets
//! into `.isms` files (the work is `isms::import`; this file reads, prints and writes).
//!
//! Nothing is written unless every row was read (or `--partial`), and never over an
//! existing file: if any file to write exists in DIR, nothing is written. Each file is
//! written to a temporary file beside its place and moved there without replacing
//! anything (`persist_noclobber`); if one fails, those already moved are taken back.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use miette::{miette, Result};

use super::output::{eprintln, println, shown};
use super::Outcome;
use isms::import::{self, Input, Options, Override, Report, SheetOutcome};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Workbooks to import: a Statement of Applicability, a risk register or an asset
    /// list, as .xlsx, .ods or .csv.
    #[arg(required_unless_present = "oscal_catalog", value_name = "FILE")]
    files: Vec<PathBuf>,
    /// The directory to write the .isms files into (created if missing).
    #[arg(long, value_name = "DIR", required_unless_present = "oscal_catalog")]
    into: Option<PathBuf>,
    /// Map a column to a field, overriding the header detection (`--map "Maßnahme=id"`,
    /// `--map "Farbe=ignore"`); repeatable.
    #[arg(long = "map", value_name = "COLUMN=FIELD")]
    map: Vec<String>,
    /// Write what could be read even if some rows could not, and list those rows.
    #[arg(long)]
    partial: bool,
    /// Import an OSCAL catalog (JSON: a baseline exported by another tool, or by `isms
    /// build --format oscal`) as a `.isms` catalog instead of workbooks.
    #[arg(long, value_name = "FILE", conflicts_with_all = ["files", "into", "map", "partial"])]
    oscal_catalog: Option<PathBuf>,
    /// With `--oscal-catalog`: write the catalog to this new file instead of standard
    /// output.
    #[arg(long, value_name = "FILE", requires = "oscal_catalog")]
    out: Option<PathBuf>,
}

pub fn run(args: Args) -> Result<Outcome> {
    if let Some(catalog) = &args.oscal_catalog {
        return super::import_oscal::run(catalog, args.out.as_deref());
    }
    let Some(into) = &args.into else {
        return Err(miette!(
            "`--into DIR` says where to write the imported files"
        ));
    };
    let overrides = args
        .map
        .iter()
        .map(|m| Override::parse(m).map_err(|e| miette!("{e}")))
        .collect::<Result<Vec<_>>>()?;
    let mut inputs = Vec::new();
    for path in &args.files {
        let bytes = fs::read(path).map_err(|e| miette!("cannot read `{}`: {e}", shown(path)))?;
        inputs.push(Input {
            name: shown(path),
            bytes,
        });
    }
    let options = Options {
        overrides,
        partial: args.partial,
    };
    let report = import::import(&inputs, &options).map_err(|e| miette!("{e}"))?;
    print_mapping(&report)?;
    for p in &report.problems {
        eprintln(&format!("error: {p}"));
    }
    if report.files.is_empty() {
        // Bad cells are problems reported, like a check's errors (status 1); the files
        // were never staged.
        eprintln(&format!(
            "nothing was written: {} could not be read; correct them, or write the rows \
             that could be read with --partial",
            cells(report.problems.len())
        ));
        return Ok(Outcome::Problems);
    }
    write_all(into, &report.files)?;
    for (name, _) in &report.files {
        println(&format!("wrote {}", shown(into.join(name))))?;
    }
    for r in &report.reminders {
        println(&format!("confirm: {r}"))?;
    }
    println(&format!(
        "next: run `isms check {}`: it lists every placeholder the import left to confirm (`text/placeholder`)",
        shown(into)
    ))?;
    if report.problems.is_empty() {
        Ok(Outcome::Clean)
    } else {
        eprintln(&format!(
            "--partial: {} left out; the rest was written",
            cells(report.problems.len())
        ));
        Ok(Outcome::Problems)
    }
}

fn cells(n: usize) -> String {
    if n == 1 {
        "1 cell".to_string()
    } else {
        format!("{n} cells")
    }
}

/// The mapping chosen for each sheet, the IDs changed and the rows passed over.
fn print_mapping(report: &Report) -> Result<()> {
    for s in &report.sheets {
        match &s.outcome {
            SheetOutcome::Imported {
                kind,
                header_row,
                columns,
                unmapped,
                rows,
            } => {
                println(&format!(
                    "{}: sheet `{}`: {} (header on row {header_row}, {rows} rows read)",
                    s.file,
                    s.sheet,
                    kind.noun()
                ))?;
                let width = columns
                    .iter()
                    .map(|(_, h, _)| h.chars().count())
                    .max()
                    .unwrap_or(0);
                for (letter, header, field) in columns {
                    let pad = width - header.chars().count();
                    println(&format!(
                        "  {letter:<3}{header}{} -> {}",
                        " ".repeat(pad),
                        field.name()
                    ))?;
                }
                if !unmapped.is_empty() {
                    println(&format!("  not imported: {}", unmapped.join(", ")))?;
                }
            }
            SheetOutcome::Skipped { headers } => {
                println(&format!(
                    "{}: sheet `{}`: skipped (no ID column and no table this command imports; headers: {})",
                    s.file,
                    s.sheet,
                    headers.join(", ")
                ))?;
            }
        }
    }
    if !report.migrations.is_empty() {
        println("control IDs changed (ISO/IEC 27001:2013 -> 2022):")?;
        for m in &report.migrations {
            println(&format!(
                "  {} -> {}  ({})",
                m.from,
                m.to.join(", "),
                m.place
            ))?;
        }
    }
    for (place, text) in &report.notes {
        println(&format!("passed over as a note: {place}: {text}"))?;
    }
    Ok(())
}

/// Write every file into `dir`, or none: refuse if any exists, and take back what was
/// written if a later file fails.
fn write_all(dir: &Path, files: &[(String, String)]) -> Result<()> {
    let existing: Vec<String> = files
        .iter()
        .map(|(name, _)| dir.join(name))
        .filter(|path| fs::symlink_metadata(path).is_ok())
        .map(|path| format!("`{}`", shown(path)))
        .collect();
    if !existing.is_empty() {
        return Err(miette!(
            help = "`isms import` never overwrites a file: import into a new directory and \
                    merge by hand",
            "{} already {}; nothing was written",
            existing.join(", "),
            if existing.len() == 1 {
                "exists"
            } else {
                "exist"
            }
        ));
    }
    fs::create_dir_all(dir)
        .map_err(|e| miette!("cannot create the directory `{}`: {e}", shown(dir)))?;
    let mut staged = Vec::new();
    for (name, text) in files {
        let fail = |e: std::io::Error| {
            miette!(
                "cannot write `{}`: {e}; nothing was written",
                shown(dir.join(name))
            )
        };
        let mut tmp = tempfile::Builder::new()
            .prefix(".isms-import-")
            .tempfile_in(dir)
            .map_err(fail)?;
        tmp.write_all(text.as_bytes()).map_err(fail)?;
        tmp.as_file().sync_all().map_err(fail)?;
        staged.push((tmp, dir.join(name)));
    }
    let mut placed: Vec<PathBuf> = Vec::new();
    for (tmp, path) in staged {
        if let Err(e) = tmp.persist_noclobber(&path) {
            for done in &placed {
                let _ = fs::remove_file(done);
            }
            return Err(miette!(
                "cannot write `{}`: {}; nothing was written",
                shown(&path),
                e.error
            ));
        }
        placed.push(path);
    }
    Ok(())
}
