//! What may be written at the cursor, read from the text before it.
//!
//! While typing, the file is usually broken, so this does not use the syntax tree. The
//! language is line-based: a light scan of the text before the cursor (strings and
//! comments skipped, braces tracked) tells the enclosing declaration and treatment, and
//! the words already on the cursor's line tell which field and which value comes next.

use isms::model::{DeclKind, Keyword, Kind, TreatmentKind};

use crate::schema::{self, BlockKind, Takes};

/// What to suggest.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Expect {
    /// A top-level declaration keyword.
    Keyword,
    /// A field name of this block.
    Field(BlockKind),
    /// Names of declarations of these kinds.
    Names(&'static [Kind]),
    /// Controls of the used catalogs (after `exclude` or `control`).
    CatalogControls,
    /// The catalogs that can be `use`d.
    Catalogs,
    /// A methodology level.
    Level,
    /// One of these words.
    Words(&'static [(&'static str, &'static str)]),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Completion {
    pub expect: Expect,
    /// Where the word being typed starts (it is replaced by the chosen item).
    pub word_start: usize,
}

const PEOPLE: &[Kind] = &[Kind::Person, Kind::Role];
const ON: &[(&str, &str)] = &[("on", "the date of the decision")];
const BECAUSE: &[(&str, &str)] = &[("because", "the reason for the exclusion")];
const EVERY: &[(&str, &str)] = &[("every", "a period: every N days|months|years")];
const UNITS: &[(&str, &str)] = &[
    ("days", "period unit"),
    ("months", "period unit"),
    ("years", "period unit"),
];
const LIKELIHOOD: &[(&str, &str)] = &[("likelihood", "residual likelihood N")];
const IMPACT: &[(&str, &str)] = &[("impact", "residual impact N")];

/// A token of a line: a word, `,`, or a quoted string / number (whose text is irrelevant).
#[derive(Debug, Clone, PartialEq, Eq)]
enum Token {
    Word(String),
    Comma,
    Other,
}

/// The completion context at byte `offset` of `text`; `None` inside a string or comment,
/// or where nothing in particular is expected.
pub fn at(text: &str, offset: usize) -> Option<Completion> {
    let offset = floor(text, offset);
    let before = text.get(..offset)?;
    let word_start = before
        .char_indices()
        .rev()
        .take_while(|(_, c)| is_word_char(*c))
        .last()
        .map_or(offset, |(i, _)| i);
    let scan = Scan::run(text.get(..word_start)?)?;
    let expect = expect(&scan.frames, &scan.segment)?;
    Some(Completion { expect, word_start })
}

fn expect(frames: &[Vec<Token>], line: &[Token]) -> Option<Expect> {
    let Some(first_frame) = frames.first() else {
        return top_level(line);
    };
    let keyword = schema::keyword(word(first_frame, 0)?)?;
    let mut block = BlockKind::Decl(keyword);
    for frame in &frames[1..] {
        block = match (block, word(frame, 0)) {
            (BlockKind::Decl(DeclKind::Risk), Some("treatment")) => {
                match word(frame, 1).and_then(TreatmentKind::parse) {
                    Some(kind) => BlockKind::Treatment(kind),
                    None => BlockKind::Opaque,
                }
            }
            (BlockKind::Decl(DeclKind::Catalog), Some("entry")) => BlockKind::CatalogEntry,
            _ => BlockKind::Opaque,
        };
    }
    if line.is_empty() {
        return (block != BlockKind::Opaque).then_some(Expect::Field(block));
    }
    let field = schema::field(block, word(line, 0)?)?;
    // How many values the field already has (list items count once per comma).
    let after_comma = line.last() == Some(&Token::Comma);
    let values = line.len() - 1;
    match field.takes {
        Takes::Names(kinds) if values == 0 || after_comma => Some(Expect::Names(kinds)),
        Takes::Signoff if values == 0 => Some(Expect::Names(PEOPLE)),
        Takes::Signoff if values == 1 => Some(Expect::Words(ON)),
        Takes::Word(words) if values == 0 => Some(Expect::Words(words)),
        Takes::Level if values == 0 => Some(Expect::Level),
        Takes::Treatment if values == 0 => Some(Expect::Words(schema::TREATMENT_KINDS)),
        Takes::Residual if values == 0 => Some(Expect::Words(LIKELIHOOD)),
        Takes::Residual if values == 2 => Some(Expect::Words(IMPACT)),
        Takes::Period if values == 0 => Some(Expect::Words(EVERY)),
        Takes::Period if values == 2 => Some(Expect::Words(UNITS)),
        _ => None,
    }
}

fn top_level(line: &[Token]) -> Option<Expect> {
    let Some(first) = word(line, 0) else {
        return line.is_empty().then_some(Expect::Keyword);
    };
    let values = line.len() - 1;
    match first {
        "use" if values == 0 => Some(Expect::Catalogs),
        "control" if values == 0 => Some(Expect::CatalogControls),
        "exclude" if values == 0 || line.last() == Some(&Token::Comma) => {
            Some(Expect::CatalogControls)
        }
        "exclude" if !line.iter().any(|t| *t == Token::Word("because".into())) => {
            Some(Expect::Words(BECAUSE))
        }
        _ => None,
    }
}

fn word(tokens: &[Token], i: usize) -> Option<&str> {
    match tokens.get(i)? {
        Token::Word(w) => Some(w),
        _ => None,
    }
}

/// Identifier characters, with `.` and `:` for control and framework IDs.
pub fn is_word_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.' | ':')
}

fn floor(text: &str, offset: usize) -> usize {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

/// The open blocks and the tokens of the current line before the cursor.
struct Scan {
    /// For each open `{`, the tokens of the header it ends (`risk R-1 "T"`).
    frames: Vec<Vec<Token>>,
    /// Tokens since the start of the line (or the last brace on it); a line ending in a
    /// comma carries over, since a list continues on the next line.
    segment: Vec<Token>,
}

impl Scan {
    /// `None` when `text` ends inside a string or comment.
    fn run(text: &str) -> Option<Scan> {
        // INVARIANT: `text` is only sliced at `i` when `bytes[i]` is an ASCII byte (`/`, `"`,
        // a word's first letter) or right after a word: always a character boundary.
        let bytes = text.as_bytes();
        let mut frames: Vec<Vec<Token>> = Vec::new();
        let mut segment: Vec<Token> = Vec::new();
        // The last non-empty line, for a `{` standing alone on the line after its header.
        let mut last_line: Vec<Token> = Vec::new();
        let mut i = 0;
        while i < bytes.len() {
            let c = bytes[i];
            match c {
                // A line ends at `\n`, `\r\n` or a lone `\r`; the `\r` of a `\r\n` ends
                // an empty segment, which changes nothing.
                b'\n' | b'\r' => {
                    if segment.last() != Some(&Token::Comma) {
                        if !segment.is_empty() {
                            last_line = std::mem::take(&mut segment);
                        }
                        segment.clear();
                    }
                    i += 1;
                }
                b'/' if bytes.get(i + 1) == Some(&b'/') => {
                    let end = text[i..].find(['\n', '\r']).map(|n| i + n)?;
                    i = end;
                }
                b'"' if text[i..].starts_with("\"\"\"") => {
                    let end = text[i + 3..].find("\"\"\"")?;
                    i = i + 3 + end + 3;
                    segment.push(Token::Other);
                }
                b'"' => {
                    let mut j = i + 1;
                    loop {
                        match bytes.get(j) {
                            None | Some(b'\n' | b'\r') => return None,
                            Some(b'\\') => j += 2,
                            Some(b'"') => break,
                            Some(_) => j += 1,
                        }
                    }
                    i = j + 1;
                    segment.push(Token::Other);
                }
                b'{' => {
                    let header = if segment.is_empty() {
                        std::mem::take(&mut last_line)
                    } else {
                        std::mem::take(&mut segment)
                    };
                    frames.push(header);
                    i += 1;
                }
                b'}' => {
                    frames.pop();
                    segment.clear();
                    i += 1;
                }
                b',' => {
                    segment.push(Token::Comma);
                    i += 1;
                }
                _ if c.is_ascii_alphanumeric() => {
                    let start = i;
                    while i < bytes.len() && is_word_char(bytes[i] as char) {
                        i += 1;
                    }
                    let w = &text[start..i];
                    // Numbers, dates and ranges are values, not names.
                    if w.starts_with(|c: char| c.is_ascii_digit()) {
                        segment.push(Token::Other);
                    } else {
                        segment.push(Token::Word(w.to_string()));
                    }
                }
                _ => i += 1,
            }
        }
        Some(Scan { frames, segment })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use isms::model::{Keyword, Status};

    /// The context at `|` in `text`.
    fn ctx(text: &str) -> Option<Expect> {
        let offset = text.find('|').unwrap();
        let text = text.replace('|', "");
        at(&text, offset).map(|c| c.expect)
    }

    #[test]
    fn keywords_at_top_level() {
        assert_eq!(ctx("|"), Some(Expect::Keyword));
        assert_eq!(ctx("role ciso \"CISO\"\nri|"), Some(Expect::Keyword));
        assert_eq!(ctx("risk R \"t\" {\n}\n|"), Some(Expect::Keyword));
    }

    #[test]
    fn fields_of_the_enclosing_block() {
        assert_eq!(
            ctx("risk R \"t\" {\n  own|\n}"),
            Some(Expect::Field(BlockKind::Decl(DeclKind::Risk)))
        );
        assert_eq!(
            ctx("risk R \"t\"\n{\n  |"),
            Some(Expect::Field(BlockKind::Decl(DeclKind::Risk)))
        );
        assert_eq!(
            ctx("risk R \"t\" {\n  treatment mitigate {\n    |\n  }\n}"),
            Some(Expect::Field(BlockKind::Treatment(TreatmentKind::Mitigate)))
        );
        assert_eq!(
            ctx("risk R \"t\" {\n  treatment accept {\n  }\n  |\n}"),
            Some(Expect::Field(BlockKind::Decl(DeclKind::Risk)))
        );
        assert_eq!(
            ctx("person bob \"Bob\" { |"),
            Some(Expect::Field(BlockKind::Decl(DeclKind::Person)))
        );
        assert_eq!(ctx("methodology {\n  levels {\n    |"), None);
    }

    #[test]
    fn values_of_the_field() {
        let status = ctx("control A.5.1 {\n  status |\n}").unwrap();
        assert!(matches!(status, Expect::Words(w) if w.len() == Status::ALL.len()));
        assert_eq!(
            ctx("asset a \"A\" {\n  owner |"),
            Some(Expect::Names(PEOPLE))
        );
        assert_eq!(
            ctx("risk R \"t\" {\n  treatment mitigate {\n    controls A.5.1, A.|"),
            Some(Expect::Names(&[Kind::Control]))
        );
        assert_eq!(
            ctx("risk R \"t\" {\n  assets a,\n    |"),
            Some(Expect::Names(&[Kind::Asset]))
        );
        assert_eq!(
            ctx("risk R \"t\" {\n  treatment |"),
            Some(Expect::Words(crate::schema::TREATMENT_KINDS))
        );
        assert_eq!(
            ctx("policy p \"P\" {\n  approved_by alice |"),
            Some(Expect::Words(ON))
        );
        assert_eq!(ctx("methodology {\n  accept |"), Some(Expect::Level));
        assert_eq!(
            ctx("risk R \"t\" {\n  treatment mitigate {\n    residual likelihood 1 |"),
            Some(Expect::Words(IMPACT))
        );
        assert_eq!(ctx("risk R \"t\" {\n  owner alice |"), None);
    }

    #[test]
    fn headers_at_top_level() {
        assert_eq!(ctx("use |"), Some(Expect::Catalogs));
        assert_eq!(ctx("exclude A.7.1, |"), Some(Expect::CatalogControls));
        assert_eq!(ctx("exclude A.7.1 |"), Some(Expect::Words(BECAUSE)));
        assert_eq!(ctx("control A.|"), Some(Expect::CatalogControls));
    }

    #[test]
    fn nothing_inside_strings_and_comments() {
        assert_eq!(ctx("risk R \"ti|"), None);
        assert_eq!(ctx("// a comment |"), None);
        assert_eq!(
            ctx("policy p \"P\" {\n  section \"S\" \"\"\"\n  text |"),
            None
        );
    }

    #[test]
    fn braces_in_strings_and_comments_do_not_count() {
        assert_eq!(
            ctx("risk R \"{ t\" {  // }\n  |"),
            Some(Expect::Field(BlockKind::Decl(DeclKind::Risk)))
        );
    }

    #[test]
    fn word_start_covers_dotted_ids() {
        let text = "exclude A.7.";
        let c = at(text, text.len()).unwrap();
        assert_eq!(c.word_start, 8);
    }
}
