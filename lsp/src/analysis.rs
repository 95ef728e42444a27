//! One compiled project: the compiler's [`Compilation`] over the files as the editor sees
//! them, plus what the server needs to talk about it (each file's URI and line index, and
//! the table of names at positions).

use chrono::NaiveDate;
use isms::model::Kind;
use isms::source::{FileId, Span};
use isms::syntax::{Block, Value, ValueKind};
use isms::{Compilation, Input, Options};
use tower_lsp_server::ls_types::{Location, Position, Range, Uri};

use crate::names::{Names, Occurrence, Target};
use crate::position::LineIndex;

/// One project file as given to the compiler.
#[derive(Debug, Clone)]
pub struct SourceInput {
    pub uri: Uri,
    /// Relative to the project root, with `/` (what diagnostics and documents show).
    pub name: String,
    pub text: String,
}

/// A project compiled once; every request reads one of these, never the live buffers.
#[derive(Debug)]
pub struct Analysis {
    pub compilation: Compilation,
    /// URI and line index of each project file, by `FileId` (the embedded catalogs come
    /// after them and have neither).
    files: Vec<(Uri, LineIndex)>,
    pub names: Names,
}

impl Analysis {
    pub fn new(inputs: Vec<SourceInput>, today: NaiveDate) -> Analysis {
        let mut files = Vec::with_capacity(inputs.len());
        let mut compiler_inputs = Vec::with_capacity(inputs.len());
        for input in inputs {
            files.push((input.uri, LineIndex::new(&input.text)));
            compiler_inputs.push(Input::new(input.name, input.text.into_bytes()));
        }
        let compilation = isms::compile(compiler_inputs, &Options { today });
        let names = Names::build(&compilation);
        Analysis {
            compilation,
            files,
            names,
        }
    }

    /// The project's files in path order.
    pub fn file_ids(&self) -> impl Iterator<Item = (FileId, &Uri)> {
        self.files
            .iter()
            .enumerate()
            .map(|(i, (uri, _))| (FileId(u32::try_from(i).unwrap_or(u32::MAX)), uri))
    }

    pub fn file_of(&self, uri: &Uri) -> Option<FileId> {
        self.file_ids().find(|(_, u)| *u == uri).map(|(id, _)| id)
    }

    pub fn uri(&self, file: FileId) -> Option<&Uri> {
        self.files.get(file.0 as usize).map(|(uri, _)| uri)
    }

    /// The text of a project file ("" for anything else).
    pub fn text(&self, file: FileId) -> &str {
        self.compilation
            .sources
            .get(file)
            .map_or("", |f| f.text.as_str())
    }

    pub fn lines(&self, file: FileId) -> Option<&LineIndex> {
        self.files.get(file.0 as usize).map(|(_, lines)| lines)
    }

    /// Whether a span lies in a project file (not in an embedded catalog).
    pub fn in_project(&self, span: Span) -> bool {
        (span.file.0 as usize) < self.files.len()
    }

    pub fn range(&self, span: Span) -> Option<Range> {
        let lines = self.lines(span.file)?;
        Some(lines.range(self.text(span.file), span.start, span.end))
    }

    pub fn position(&self, file: FileId, offset: usize) -> Option<Position> {
        Some(self.lines(file)?.position(self.text(file), offset))
    }

    pub fn offset(&self, file: FileId, position: Position) -> Option<usize> {
        Some(self.lines(file)?.offset(self.text(file), position))
    }

    pub fn location(&self, span: Span) -> Option<Location> {
        Some(Location::new(
            self.uri(span.file)?.clone(),
            self.range(span)?,
        ))
    }

    /// The name at `offset`: a declaration or reference the server models, else a name
    /// written in a declaration it does not model yet (the lifecycle declarations, say)
    /// that names something of a known kind.
    pub fn target_at(&self, file: FileId, offset: usize) -> Option<Occurrence> {
        if let Some(o) = self.names.at(file, offset) {
            return Some(o.clone());
        }
        let ast = self.compilation.asts.get(file.0 as usize)?;
        let decl = ast
            .decls
            .iter()
            .find(|d| d.span.start <= offset && offset <= d.span.end)?;
        let mut values: Vec<&Value> = Vec::new();
        if let Some(b) = &decl.block {
            collect_values(b, &mut values);
        }
        let value = values
            .into_iter()
            .find(|v| v.span.start <= offset && offset <= v.span.end)?;
        let ValueKind::Word(name) = &value.kind else {
            return None;
        };
        let m = &self.compilation.model;
        let kind = KNOWN_KINDS
            .iter()
            .copied()
            .find(|k| m.index.get(*k, name).is_some())?;
        Some(Occurrence {
            span: value.span,
            target: Target {
                kind,
                name: name.clone(),
            },
            is_def: false,
            resolved: true,
        })
    }
}

/// The kinds this server knows how to describe, in the order references resolve.
const KNOWN_KINDS: [Kind; 7] = [
    Kind::Person,
    Kind::Role,
    Kind::Asset,
    Kind::Risk,
    Kind::Control,
    Kind::Requirement,
    Kind::Policy,
];

fn collect_values<'a>(block: &'a Block, out: &mut Vec<&'a Value>) {
    for f in &block.fields {
        out.extend(f.args.iter().flat_map(|x| x.values.iter()));
        if let Some(b) = &f.block {
            collect_values(b, out);
        }
    }
}
