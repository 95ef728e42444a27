//! The owned syntax tree: what a file says, with byte spans, before any meaning is given.
//!
//! pest's types never leave `parser.rs`; everything after parsing sees only this.

use crate::source::Span;

/// One parsed file. Parsing never fails: `errors` holds what did not parse.
#[derive(Debug, Clone, Default)]
pub struct Ast {
    pub decls: Vec<Decl>,
    /// Every comment, doc comments included, in source order (for the formatter).
    pub comments: Vec<Comment>,
    pub errors: Vec<SyntaxError>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Comment {
    pub span: Span,
    /// The comment text including its `//` or `///`.
    pub text: String,
}

impl Comment {
    /// `///` starts a doc comment; `////` and more is an ordinary comment (as in Rust).
    pub fn is_doc(&self) -> bool {
        self.text.starts_with("///") && !self.text.starts_with("////")
    }

    /// The doc comment's text without `///` and one following space.
    pub fn doc_text(&self) -> &str {
        let rest = self.text.get(3..).unwrap_or("");
        rest.strip_prefix(' ').unwrap_or(rest)
    }
}

/// A syntax error found by the parser, before lowering.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    pub span: Span,
    pub message: String,
    pub label: String,
    pub help: Option<String>,
    /// A related place, such as the `{` a missing `}` should close.
    pub related: Option<(Span, String)>,
    /// What the span is to be replaced with, when only one text can be meant (typographic
    /// quotes made straight): a safe fix.
    pub replacement: Option<String>,
}

/// `@name(arg, key = value, …)` on the lines before a declaration.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attribute {
    pub name: Word,
    pub args: Vec<AttrArg>,
    pub span: Span,
}

/// `value` or `key = value` inside an attribute.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AttrArg {
    pub key: Option<Word>,
    pub value: Value,
}

/// `keyword args… { fields }`
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decl {
    pub attributes: Vec<Attribute>,
    pub keyword: Word,
    pub args: Vec<Arg>,
    pub block: Option<Block>,
    /// Joined text of the `///` comments right above the declaration.
    pub doc: Option<String>,
    pub span: Span,
    /// The declaration's header line holds a syntax error.
    pub broken: bool,
}

/// `name args… { fields }` inside a block.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Field {
    pub name: Word,
    pub args: Vec<Arg>,
    pub block: Option<Block>,
    pub span: Span,
    /// The field's line holds a syntax error; it counts as present but is not read.
    pub broken: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    pub fields: Vec<Field>,
    pub span: Span,
    /// The `{`.
    pub open: Span,
    /// False when the `}` is missing (already reported as a syntax error).
    pub closed: bool,
    /// A line of the block did not parse: a required field may stand on it.
    pub broken: bool,
}

/// One argument: a single value or a comma-separated list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Arg {
    pub values: Vec<Value>,
    pub span: Span,
}

impl Arg {
    /// The value when the argument is not a list.
    pub fn single(&self) -> Option<&Value> {
        match self.values.as_slice() {
            [one] => Some(one),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    pub text: String,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Value {
    pub kind: ValueKind,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ValueKind {
    /// An identifier, dotted control ID or framework ID.
    Word(String),
    /// A `"…"` string, escapes resolved.
    Str(String),
    /// A `"""…"""` string, common indentation removed.
    Text(String),
    Int(i64),
    /// A number with a fraction, as written (`12.5`).
    Decimal(String),
    /// `YYYY-MM-DD` as written; whether the date exists is decided by the lowering.
    Date(String),
    Range(i64, i64),
}

impl ValueKind {
    /// What the value is, for messages ("expected a date, found a string").
    pub fn describe(&self) -> &'static str {
        match self {
            ValueKind::Word(_) => "a name",
            ValueKind::Str(_) => "a string",
            ValueKind::Text(_) => "a text block",
            ValueKind::Int(_) | ValueKind::Decimal(_) => "a number",
            ValueKind::Date(_) => "a date",
            ValueKind::Range(_, _) => "a range",
        }
    }
}
