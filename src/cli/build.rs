//! `isms build [PATH] [--out DIR] [--format md,html,pdf,docx,csv,json,xlsx,oscal] [--today DATE] [--since REV]`

use std::path::{Component, Path, PathBuf};

use miette::{miette, Result};

use super::output::{eprintln, print, println, shown};
use super::{project, today, use_color, Outcome};
use isms::diagnostics::render;
use isms::diagnostics::Summary;
use isms::emit::{self, Format};
use isms::history::ProjectHistory;
use isms::{compile_lean, Options};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The project directory or file (default: the current directory).
    path: Option<PathBuf>,
    /// The directory to write the documents into (created if missing; default: `[build] out`
    /// of the project's isms.toml).
    #[arg(long, value_name = "DIR")]
    out: Option<PathBuf>,
    /// Comma-separated formats to write: md, html, pdf, docx, csv, json, xlsx, oscal
    /// (default: md, html, csv, json, xlsx; pdf needs a build with the `pdf` feature).
    #[arg(long, value_delimiter = ',', value_name = "FORMATS")]
    format: Vec<String>,
    /// The date printed on the documents and used for overdue checks (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    today: Option<String>,
    /// Add the changes since this git revision (the last audit), for a surveillance audit.
    #[arg(long, value_name = "REV")]
    since: Option<String>,
}

pub fn run(args: Args) -> Result<Outcome> {
    let formats = formats(&args.format)?;
    let path = args.path.unwrap_or_else(|| PathBuf::from("."));
    let p = project::load(&path, None)?;
    let today = match (&args.today, p.config.today) {
        (None, Some(fixed)) => fixed,
        _ => today(args.today.as_deref())?,
    };
    let out = match (args.out, &p.config.out) {
        (Some(out), _) => out,
        (None, Some(configured)) => inside_project(&p.root, configured)?,
        (None, None) => {
            return Err(miette!(
                help = "pass `--out DIR`, or set `out` under `[build]` in isms.toml",
                "no output directory"
            ))
        }
    };
    let mut c = compile_lean(p.inputs, &Options { today }, &p.config.settings);
    if c.has_errors() {
        // Documents from a model with errors would mislead an auditor: show why, write
        // nothing.
        print(&render::human(&c.sources, &c.diagnostics, use_color()))?;
        let summary = Summary::of(&c.diagnostics);
        eprintln(&format!(
            "error: no documents written: {}",
            render::summary_line(summary, c.project_files)
        ));
        return Ok(Outcome::Problems);
    }
    // Read once here, shared by every document's revision history.
    c.history = ProjectHistory::read(&p.root);
    let mut extra = Vec::new();
    let mut changes_json = None;
    if let Some(rev) = &args.since {
        let changes = super::diff::since(&p.root, rev, &c)
            .map_err(|e| miette!("no documents written: {e}"))?;
        extra.push(isms::diff::render::tree::document(&c, &changes));
        if formats.contains(&Format::Json) {
            let json = isms::diff::render::json(&changes)
                .map_err(|e| miette!("no documents written: {e}"))?;
            changes_json = Some(emit::Output::new("changes.json", json));
        }
    }
    let mut docs = emit::documents_with(&c, &formats, extra)
        .map_err(|e| miette!("no documents written: {e}"))?;
    if let Some(json) = changes_json {
        docs.push(json);
        docs.sort_by(|a, b| a.path.cmp(&b.path));
    }
    let written = emit::writer::write_all(&out, &docs)
        .map_err(|e| miette!("cannot write documents into `{}`: {e}", shown(out)))?;
    for path in written {
        println(&format!("wrote {}", shown(path)))?;
    }
    Ok(Outcome::Clean)
}

/// The documents of `--since REV`: the JSON of the comparison (`changes.json`, the same
/// as `isms diff --format json`). The readable "Changes since REV" document is the tree
/// `diff::render::tree::document`, for the renderers of the document tree.
fn formats(requested: &[String]) -> Result<Vec<Format>> {
    if requested.is_empty() {
        return Ok(Format::defaults());
    }
    let mut out = Vec::new();
    for name in requested {
        let name = name.trim();
        let format = Format::parse(name).ok_or_else(|| {
            let known: Vec<&str> = Format::ALL.iter().map(|(n, _)| *n).collect();
            miette!(
                help = format!("this version writes: {}", known.join(", ")),
                "unknown document format `{name}`"
            )
        })?;
        if format == Format::Pdf && !cfg!(feature = "pdf") {
            // Refused before compiling anything: the other formats would be written
            // without the one asked for.
            return Err(miette!(
                help = "install with PDF support: `cargo install isms --features pdf` \
                        (see docs/pdf.md); `--format docx` works in every build",
                "this `isms` was built without PDF support"
            ));
        }
        if !out.contains(&format) {
            out.push(format);
        }
    }
    Ok(out)
}

/// `[build] out` of isms.toml, refused unless it stays inside the project: a cloned
/// repository must not decide where `isms build` writes. `..`, an absolute path, and a
/// symbolic link leading out of the project are refused alike; `--out` is the way to
/// write elsewhere.
fn inside_project(root: &Path, configured: &str) -> Result<PathBuf> {
    let refuse = |why: &str| {
        miette!(
            help = "a project's isms.toml may only name a directory inside the project; \
                    pass `--out DIR` to write elsewhere",
            "`[build] out` in isms.toml {why}: `{configured}`"
        )
    };
    let relative = Path::new(configured);
    if relative
        .components()
        .any(|c| !matches!(c, Component::Normal(_) | Component::CurDir))
    {
        return Err(refuse("leaves the project"));
    }
    let out = root.join(relative);
    // Resolve the longest existing part through its symbolic links.
    let real_root =
        std::fs::canonicalize(root).map_err(|e| miette!("cannot read `{}`: {e}", shown(root)))?;
    let mut existing = out.as_path();
    let real = loop {
        if let Ok(real) = std::fs::canonicalize(existing) {
            break real;
        }
        if std::fs::symlink_metadata(existing).is_ok() {
            // There but unresolvable: a dangling link, whose target could appear anywhere.
            return Err(refuse("goes through a symbolic link that leads nowhere"));
        }
        match existing.parent() {
            Some(parent) => existing = parent,
            None => break real_root.clone(),
        }
    };
    if !real.starts_with(&real_root) {
        return Err(refuse("leads out of the project through a symbolic link"));
    }
    // Only an existing `out` can be the root itself; a missing one lies below `existing`.
    if existing == out && real == real_root {
        return Err(refuse("is the project directory itself"));
    }
    Ok(out)
}
