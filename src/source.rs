//! Source files, byte spans and line/column arithmetic.
//!
//! Every position in the compiler is a byte [`Span`] into one file of a [`SourceMap`].
//! Lines and columns are computed here and nowhere else: 1-based, columns counting Unicode
//! scalar values (the JSON contract); the language server converts to UTF-16 on its side,
//! on top of the same [`LineIndex`].
//!
//! A line ends at `\n`, `\r\n` or a lone `\r`, as in the grammar and the LSP
//! specification. [`LineIndex`] and [`lines`] are the one definition of where lines start;
//! `str::lines` is not (it keeps a lone `\r` inside the line).

use std::ops::Range;
use std::sync::{Arc, OnceLock};

/// Index of a file in its [`SourceMap`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct FileId(pub u32);

/// A byte range in one file.
///
/// Offsets are stored as `u32`: every declaration, reference and value carries spans, and
/// halving them is most of what keeps a large model within ten times its source. A file
/// of 4 GiB or more is not a `.isms` file anyone edits; offsets past that saturate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Span {
    pub file: FileId,
    start: u32,
    end: u32,
}

fn offset(at: usize) -> u32 {
    u32::try_from(at).unwrap_or(u32::MAX)
}

impl Span {
    pub fn new(file: FileId, start: usize, end: usize) -> Self {
        Span {
            file,
            start: offset(start),
            end: offset(end),
        }
    }

    /// Byte offset of the first byte.
    pub fn start(&self) -> usize {
        self.start as usize
    }

    /// Byte offset just past the last byte.
    pub fn end(&self) -> usize {
        self.end as usize
    }

    pub fn range(&self) -> Range<usize> {
        self.start()..self.end()
    }

    /// The same start, ending at `end`.
    pub fn with_end(self, end: usize) -> Span {
        Span {
            end: offset(end),
            ..self
        }
    }

    /// Moved `by` bytes further into the file.
    pub fn shifted(self, by: usize) -> Span {
        Span::new(self.file, self.start() + by, self.end() + by)
    }

    /// An empty span at the start of this one.
    pub fn start_point(&self) -> Span {
        Span {
            end: self.start,
            ..*self
        }
    }
}

/// Where each line of one text starts. A line ends at `\n`, `\r\n` or a lone `\r`.
///
/// Offsets are `u32`, which halves the index of a large file; a file of 4 GiB or more is
/// not a `.isms` file anyone edits (offsets past that saturate).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LineIndex {
    /// Byte offset of the start of every line; the first is 0.
    starts: Vec<u32>,
}

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let bytes = text.as_bytes();
        let breaks = memchr::memchr2_iter(b'\n', b'\r', bytes)
            // The `\r` of a `\r\n` is not a line end of its own: its `\n` is.
            .filter(|&i| !(bytes[i] == b'\r' && bytes.get(i + 1) == Some(&b'\n')))
            .map(|i| offset(i + 1));
        LineIndex {
            starts: std::iter::once(0).chain(breaks).collect(),
        }
    }

    /// How many lines the text has: one more than it has line ends.
    pub fn line_count(&self) -> usize {
        self.starts.len()
    }

    /// 0-based index of the line holding `offset` (the last line for offsets past the end).
    pub fn line_of(&self, offset: usize) -> usize {
        let offset = u32::try_from(offset).unwrap_or(u32::MAX);
        match self.starts.binary_search(&offset) {
            Ok(line) => line,
            Err(next) => next.saturating_sub(1),
        }
    }

    /// Byte offset where 0-based line `line` starts, if the text has that line.
    pub fn line_start(&self, line: usize) -> Option<usize> {
        self.starts.get(line).map(|&start| start as usize)
    }

    /// Byte range of 0-based line `line` in `text` (the text this index was built from),
    /// without its line terminator.
    pub fn line_range(&self, line: usize, text: &str) -> Option<Range<usize>> {
        let full = self.line_range_with_terminator(line, text)?;
        let content = text.get(full.clone())?.trim_end_matches(['\n', '\r']).len();
        Some(full.start..full.start + content)
    }

    /// Byte range of 0-based line `line` in `text`, with its line terminator.
    pub fn line_range_with_terminator(&self, line: usize, text: &str) -> Option<Range<usize>> {
        let start = self.line_start(line)?.min(text.len());
        let end = self
            .line_start(line + 1)
            .unwrap_or(text.len())
            .min(text.len());
        Some(start..end.max(start))
    }
}

/// The lines of `text` without their terminators, each ending at `\n`, `\r\n` or a lone
/// `\r`. As with `str::split`, `n` line ends give `n + 1` lines: after a final line end
/// comes an empty last line.
pub fn lines(text: &str) -> impl Iterator<Item = &str> {
    let index = LineIndex::new(text);
    (0..index.line_count()).filter_map(move |line| text.get(index.line_range(line, text)?))
}

/// One source file: its display name (relative to the project root) and its text.
#[derive(Debug, Clone)]
pub struct SourceFile {
    pub name: String,
    pub text: String,
    /// Byte offset of each line's start, computed when a position is first asked for:
    /// `isms check` on a clean project never needs it. `u32` halves it for a large file; a
    /// file of 4 GiB or more is not a `.isms` file anyone edits (offsets past that clamp).
    line_starts: OnceLock<LineIndex>,
}

impl SourceFile {
    pub fn new(name: impl Into<String>, text: impl Into<String>) -> Self {
        SourceFile {
            name: name.into(),
            text: text.into(),
            line_starts: OnceLock::new(),
        }
    }

    /// Where this file's lines start.
    pub fn lines(&self) -> &LineIndex {
        self.line_starts.get_or_init(|| LineIndex::new(&self.text))
    }

    /// Byte offset where 0-based line `line` starts.
    fn line_start(&self, line: usize) -> Option<usize> {
        self.lines().line_start(line)
    }

    /// 0-based index of the line holding `offset`.
    pub fn line_index(&self, offset: usize) -> usize {
        self.lines().line_of(offset)
    }

    /// Byte range of 0-based line `line`, without its line terminator.
    pub fn line_range(&self, line: usize) -> Option<Range<usize>> {
        self.lines().line_range(line, &self.text)
    }

    /// 1-based line and 1-based column (in Unicode scalar values) of a byte offset.
    pub fn line_column(&self, offset: usize) -> (usize, usize) {
        let offset = self.clamp(offset);
        let line = self.line_index(offset);
        let start = self.line_start(line).unwrap_or(0);
        let column = self
            .text
            .get(start..offset)
            .map_or(0, |s| s.chars().count());
        (line + 1, column + 1)
    }

    /// The offset moved back to the nearest char boundary inside the text.
    fn clamp(&self, offset: usize) -> usize {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        offset
    }

    /// The text of a span, or "" if the span does not fit this file.
    pub fn slice(&self, span: Span) -> &str {
        self.text.get(span.range()).unwrap_or("")
    }
}

/// All files of one compilation, in project path order, plus the embedded catalogs.
///
/// Files are shared, not copied: a compilation that reuses an earlier one's parse of a
/// file (the language server's) holds the same [`SourceFile`], text and line index.
#[derive(Debug, Clone, Default)]
pub struct SourceMap {
    files: Vec<Arc<SourceFile>>,
}

impl SourceMap {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn add(&mut self, file: SourceFile) -> FileId {
        self.add_shared(Arc::new(file))
    }

    /// Add a file another compilation (or a cache) holds too.
    pub fn add_shared(&mut self, file: Arc<SourceFile>) -> FileId {
        self.files.push(file);
        FileId(u32::try_from(self.files.len() - 1).unwrap_or(u32::MAX))
    }

    pub fn get(&self, id: FileId) -> Option<&SourceFile> {
        self.files.get(id.0 as usize).map(Arc::as_ref)
    }

    pub fn len(&self) -> usize {
        self.files.len()
    }

    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }

    pub fn name(&self, id: FileId) -> &str {
        self.get(id).map_or("", |f| f.name.as_str())
    }

    pub fn slice(&self, span: Span) -> &str {
        self.get(span.file).map_or("", |f| f.slice(span))
    }

    pub fn iter(&self) -> impl Iterator<Item = (FileId, &SourceFile)> {
        self.files
            .iter()
            .enumerate()
            .map(|(i, f)| (FileId(i as u32), f.as_ref()))
    }
}

impl<'a> codespan_reporting::files::Files<'a> for SourceMap {
    type FileId = FileId;
    type Name = &'a str;
    type Source = &'a str;

    fn name(&'a self, id: FileId) -> Result<&'a str, codespan_reporting::files::Error> {
        self.get(id)
            .map(|f| f.name.as_str())
            .ok_or(codespan_reporting::files::Error::FileMissing)
    }

    fn source(&'a self, id: FileId) -> Result<&'a str, codespan_reporting::files::Error> {
        self.get(id)
            .map(|f| f.text.as_str())
            .ok_or(codespan_reporting::files::Error::FileMissing)
    }

    fn line_index(
        &'a self,
        id: FileId,
        byte_index: usize,
    ) -> Result<usize, codespan_reporting::files::Error> {
        let file = self
            .get(id)
            .ok_or(codespan_reporting::files::Error::FileMissing)?;
        Ok(file.line_index(byte_index))
    }

    fn line_range(
        &'a self,
        id: FileId,
        line_index: usize,
    ) -> Result<Range<usize>, codespan_reporting::files::Error> {
        let file = self
            .get(id)
            .ok_or(codespan_reporting::files::Error::FileMissing)?;
        file.lines()
            .line_range_with_terminator(line_index, &file.text)
            .ok_or(codespan_reporting::files::Error::LineTooLarge {
                given: line_index,
                max: file.lines().line_count().saturating_sub(1),
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_count_unicode_scalars() {
        let f = SourceFile::new("a.isms", "ab\nü€x\n");
        assert_eq!(f.line_column(0), (1, 1));
        assert_eq!(f.line_column(3), (2, 1));
        // `x` sits after two multi-byte characters: column 3.
        let x = f.text.find('x').unwrap_or(0);
        assert_eq!(f.line_column(x), (2, 3));
    }

    /// `text` with every `\n` replaced by `ending`, and where each byte offset of `text`
    /// landed in it.
    fn with_endings(text: &str, ending: &str) -> (String, Vec<usize>) {
        let mut out = String::new();
        let mut moved = Vec::new();
        for c in text.chars() {
            moved.extend(std::iter::repeat_n(out.len(), c.len_utf8()));
            match c {
                '\n' => out.push_str(ending),
                c => out.push(c),
            }
        }
        moved.push(out.len());
        (out, moved)
    }

    /// Every text of up to six characters from `a`, `ü`, a space and `\n`.
    fn small_texts() -> Vec<String> {
        let mut texts = vec![String::new()];
        let mut last = texts.clone();
        for _ in 0..6 {
            last = last
                .iter()
                .flat_map(|t| ['a', 'ü', ' ', '\n'].map(|c| format!("{t}{c}")))
                .collect();
            texts.extend(last.iter().cloned());
        }
        texts
    }

    #[test]
    fn every_line_ending_gives_the_same_lines_and_columns() {
        for text in small_texts() {
            let lf = SourceFile::new("a.isms", text.as_str());
            for ending in ["\r\n", "\r"] {
                let (other, moved) = with_endings(&text, ending);
                let other = SourceFile::new("a.isms", other);
                assert_eq!(
                    other.lines().line_count(),
                    lf.lines().line_count(),
                    "{other:?}"
                );
                for (at, &there) in moved.iter().enumerate() {
                    if text.is_char_boundary(at) {
                        assert_eq!(
                            other.line_column(there),
                            lf.line_column(at),
                            "{:?} at {at}",
                            other.text
                        );
                    }
                }
                let lf_lines: Vec<&str> = lines(&text).collect();
                assert_eq!(lines(&other.text).collect::<Vec<_>>(), lf_lines);
            }
        }
    }

    #[test]
    fn a_lone_carriage_return_ends_a_line() {
        let f = SourceFile::new("a.isms", "a\rb\r\nc\nd\r");
        assert_eq!(f.lines().line_count(), 5);
        assert_eq!(f.line_column(2), (2, 1));
        assert_eq!(f.line_column(5), (3, 1));
        assert_eq!(f.line_column(7), (4, 1));
        assert_eq!(f.line_range(1), Some(2..3));
        assert_eq!(f.lines().line_range_with_terminator(1, &f.text), Some(2..5));
        assert_eq!(lines(&f.text).collect::<Vec<_>>(), ["a", "b", "c", "d", ""]);
        // `str::lines` would have kept "a\rb" as one line.
        assert_eq!("a\rb".lines().count(), 1);
    }

    #[test]
    fn offsets_past_the_end_clamp() {
        let f = SourceFile::new("a.isms", "ab");
        assert_eq!(f.line_column(99), (1, 3));
    }
}
