//! The source files as the terminal report shows them: hidden characters as pictures
//! (`␛`, `\u{202e}`), so a source excerpt cannot send an escape sequence to the terminal,
//! reorder the line, or rewind it with a carriage return (which in a CI log could start a
//! line that reads as a workflow command). Line numbers still come from the
//! [`SourceMap`]; byte offsets are moved to the shown text, so carets stay under what
//! they mark.

use std::borrow::Cow;
use std::ops::Range;

use codespan_reporting::files::{Error, Files};

use crate::control::{self, Shown};
use crate::source::{FileId, SourceMap};

pub struct ShownFiles<'a> {
    sources: &'a SourceMap,
    /// By file: the shown text when it differs from the source.
    shown: Vec<Option<Shown>>,
}

impl<'a> ShownFiles<'a> {
    /// Only files with hidden characters are copied.
    pub fn new(sources: &'a SourceMap) -> ShownFiles<'a> {
        let shown = sources
            .iter()
            .map(|(_, file)| {
                let text = file.text.as_str();
                if !text.contains(|c: char| control::is_hidden(c) || c == '\r') {
                    return None;
                }
                // A carriage return ending a line stays (the renderer trims it); one
                // inside a line is shown.
                let ends_line = |at: usize| {
                    let next = at + 1;
                    next >= text.len()
                        || text.as_bytes().get(next) == Some(&b'\n')
                        || file.line_index(next) != file.line_index(at)
                };
                Some(Shown::of(text, ends_line)).filter(Shown::changed)
            })
            .collect();
        ShownFiles { sources, shown }
    }

    fn shown(&self, id: FileId) -> Option<&Shown> {
        self.shown.get(id.0 as usize).and_then(Option::as_ref)
    }

    /// A byte range of the source, in the shown text.
    pub fn range(&self, id: FileId, range: Range<usize>) -> Range<usize> {
        match self.shown(id) {
            Some(s) => s.to_shown(range.start)..s.to_shown(range.end),
            None => range,
        }
    }
}

impl<'a> Files<'a> for ShownFiles<'a> {
    type FileId = FileId;
    type Name = Cow<'a, str>;
    type Source = &'a str;

    fn name(&'a self, id: FileId) -> Result<Cow<'a, str>, Error> {
        Files::name(self.sources, id).map(control::one_line)
    }

    fn source(&'a self, id: FileId) -> Result<&'a str, Error> {
        match self.shown(id) {
            Some(s) => Ok(s.text.as_str()),
            None => Files::source(self.sources, id),
        }
    }

    fn line_index(&'a self, id: FileId, byte_index: usize) -> Result<usize, Error> {
        let original = self
            .shown(id)
            .map_or(byte_index, |s| s.to_original(byte_index));
        Files::line_index(self.sources, id, original)
    }

    fn line_range(&'a self, id: FileId, line_index: usize) -> Result<Range<usize>, Error> {
        let range = Files::line_range(self.sources, id, line_index)?;
        Ok(self.range(id, range))
    }
}
