//! Reading a project from disk for the CLI (discovery is `isms::project`).

use std::fs;
use std::path::{Path, PathBuf};

use miette::{miette, Result};

use isms::config::{self, Config};
use isms::control;
use isms::Input;

pub struct Project {
    pub inputs: Vec<Input>,
    /// Where each input was read from, by position (`isms fix` writes them back).
    pub paths: Vec<PathBuf>,
    /// The project's `isms.toml`, or the defaults.
    pub config: Config,
    /// The directory holding the project (a single file's directory).
    pub root: PathBuf,
}

/// Load the project at `path`. File names are relative to the project root, behind
/// `prefix` when several projects are checked at once.
pub fn load(path: &Path, prefix: Option<&str>) -> Result<Project> {
    let meta = fs::metadata(path).map_err(|e| {
        miette!(
            help = "pass a directory holding `.isms` files, or one `.isms` file",
            "cannot read `{}`: {e}",
            super::output::shown(path)
        )
    })?;
    let single = meta.is_file();
    let root = if single {
        path.parent()
            .map_or_else(|| PathBuf::from("."), Path::to_path_buf)
    } else {
        path.to_path_buf()
    };
    let config = read_config(&root)?;
    let files: Vec<(String, PathBuf)> = if single {
        // A single file is a project of its own: its name is the path as given when several
        // projects are checked, otherwise its file name (relative to its directory).
        let name = match prefix {
            Some(p) => p.to_string(),
            None => path.file_name().map_or_else(
                || path.display().to_string(),
                |n| n.to_string_lossy().into_owned(),
            ),
        };
        vec![(name, path.to_path_buf())]
    } else {
        discover(path)?
            .into_iter()
            .map(|f| (f.name, f.path))
            .collect()
    };
    if files.is_empty() {
        return Err(miette!(
            help = "an ISMS project is a directory of `.isms` files; create one, e.g. `isms.isms`",
            "no `.isms` files under `{}`",
            super::output::shown(path)
        ));
    }
    let mut inputs = Vec::with_capacity(files.len());
    let mut paths = Vec::with_capacity(files.len());
    for (name, file) in files {
        let bytes = fs::read(&file)
            .map_err(|e| miette!("cannot read `{}`: {e}", super::output::shown(&file)))?;
        let name = match prefix {
            Some(p) if !single => format!("{}/{name}", p.trim_end_matches('/')),
            _ => name,
        };
        inputs.push(Input::new(name, bytes));
        paths.push(file);
    }
    Ok(Project {
        inputs,
        paths,
        config,
        root,
    })
}

/// `isms.toml` at the project root, if there is one. A configuration error stops the
/// command (exit 2) with the file excerpt.
fn read_config(root: &Path) -> Result<Config> {
    let path = root.join(config::FILE_NAME);
    let text = match fs::read_to_string(&path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Config::default()),
        Err(e) => return Err(miette!("cannot read `{}`: {e}", super::output::shown(path))),
    };
    config::parse(&text).map_err(|e| {
        // The excerpt, message and help quote the file: its control characters are shown
        // as pictures, never sent to the terminal (a CR stays only before its LF).
        let shown = control::Shown::of(&text, |at| text.as_bytes().get(at + 1) == Some(&b'\n'));
        let source = miette::NamedSource::new(super::output::shown(path), shown.text.clone());
        let labels = e
            .span
            .map(|s| {
                vec![miette::LabeledSpan::at(
                    shown.to_shown(s.start)..shown.to_shown(s.end),
                    "here",
                )]
            })
            .unwrap_or_default();
        let message = control::one_line(&e.message);
        let report = match e.help {
            Some(help) => miette!(
                labels = labels,
                help = control::one_line(&help).into_owned(),
                "invalid `isms.toml`: {message}"
            ),
            None => miette!(labels = labels, "invalid `isms.toml`: {message}"),
        };
        report.with_source_code(source)
    })
}

/// The project files below `path`, or one error listing every path the walk could not
/// follow: checking or building without them would leave their declarations out without
/// a word.
pub fn discover(path: &Path) -> Result<Vec<isms::project::ProjectFile>> {
    let found = isms::project::discover(path);
    if found.problems.is_empty() {
        return Ok(found.files);
    }
    let list: Vec<String> = found.problems.iter().map(|p| format!("  {p}")).collect();
    let noun = if list.len() == 1 { "path" } else { "paths" };
    Err(miette!(
        help = "remove or repair the link, or move it into a hidden directory (`.name`), \
                which is never read",
        "cannot read every file under `{}`: {} {noun} cannot be followed\n{}",
        super::output::shown(path),
        list.len(),
        list.join("\n")
    ))
}
