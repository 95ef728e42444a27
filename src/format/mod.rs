//! `isms fmt`: one canonical layout for `.isms` files.
//!
//! The layout: two-space indentation, one field per line, one space between values, `, `
//! between list items, lists wrapped at 100 columns, level ranges aligned, one blank line
//! around multi-line declarations (blank lines the author put between fields or one-line
//! declarations are kept, at most one), comments kept where they stand, `"""` text
//! re-indented under its field, LF line endings (a `\r\n` or lone `\r` line end becomes
//! `\n`) and one final newline.
//!
//! Safety net (as Cedar does it): the result is parsed again and must give the same tree
//! (spans aside) and the same comments in the same order; otherwise nothing is returned and
//! the file is left alone. A file with syntax errors is never formatted.

mod layout;
mod verify;

pub use verify::declaration_fingerprint;

use crate::source::FileId;
use crate::syntax;

/// Why a text was not formatted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FormatError {
    /// The text has syntax errors (this many); fix them first.
    Syntax(usize),
    /// The formatter's output would not mean the same as the input: a bug in the
    /// formatter, so the input is left untouched.
    Unstable(String),
}

impl std::fmt::Display for FormatError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            FormatError::Syntax(1) => write!(f, "the file has a syntax error"),
            FormatError::Syntax(n) => write!(f, "the file has {n} syntax errors"),
            FormatError::Unstable(why) => {
                write!(f, "the formatter would change the file's meaning ({why})")
            }
        }
    }
}

/// The canonically formatted text, or why it cannot be formatted.
pub fn format_text(text: &str) -> Result<String, FormatError> {
    let ast = syntax::parse(FileId(0), text);
    if !ast.errors.is_empty() {
        return Err(FormatError::Syntax(ast.errors.len()));
    }
    let out = layout::print(text, &ast);
    verify::same_meaning(text, &ast, &out).map_err(FormatError::Unstable)?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::format_text;

    fn fmt(text: &str) -> String {
        match format_text(text) {
            Ok(t) => t,
            Err(e) => format!("ERROR: {e}"),
        }
    }

    #[test]
    fn indents_and_spaces() {
        let input = "risk R-1 \"T\"   {\n\t likelihood   2\n      treatment mitigate {\ncontrols a,b,   c\n}\n}\n";
        let want = "risk R-1 \"T\" {\n  likelihood 2\n  treatment mitigate {\n    controls a, b, c\n  }\n}\n";
        assert_eq!(fmt(input), want);
    }

    #[test]
    fn keeps_every_comment() {
        let input = "// head\n\n/// doc\nrole a \"A\"  // trailing\n\nasset x \"X\" { // on brace\n  // inside\n  kind software // after kind\n  // before close\n} // after close\n// end\n";
        let out = fmt(input);
        for c in [
            "// head",
            "/// doc",
            "// trailing",
            "// on brace",
            "// inside",
            "// after kind",
            "// before close",
            "// after close",
            "// end",
        ] {
            assert!(out.contains(c), "lost {c}:\n{out}");
        }
        assert_eq!(fmt(&out), out, "not idempotent");
    }

    #[test]
    fn a_comment_on_a_head_whose_block_opens_below_stays_on_the_head() {
        // Found by isms-fuzz (seed 2, input 13840): the comment moved after the
        // declaration, away from it.
        let out = fmt("person a \"A\" // c\n{ roles x }\nrole x \"X\"\n");
        assert_eq!(
            out,
            "person a \"A\" {  // c\n  roles x\n}\n\nrole x \"X\"\n"
        );
        // Found by isms-fuzz (seed 20261130, input 220192): a comment on a line of its own
        // between the head and the `{`.
        let own_line = fmt("person a \"A\"\n// c\n{ roles x }\nrole x \"X\"\n");
        assert_eq!(
            own_line,
            "person a \"A\" {\n  // c\n  roles x\n}\n\nrole x \"X\"\n"
        );
        assert_eq!(fmt(&own_line), own_line);
        let ordered = fmt("person a \"A\"\n// c\n{ // d\n  roles x\n}\n");
        assert_eq!(ordered, "person a \"A\" {\n  // c\n  // d\n  roles x\n}\n");
        let both = fmt("person a \"A\" // c\n{ // d\n  roles x\n}\n");
        assert_eq!(both, "person a \"A\" {  // c\n  // d\n  roles x\n}\n");
        assert_eq!(fmt(&both), both);
    }

    #[test]
    fn a_comment_between_an_attribute_and_its_declaration_stays_there() {
        // Found by isms-fuzz (seed 20261129, input 171982 and nine more): the comment moved
        // after the declaration, or into its block.
        for input in [
            "@allow(role/unassigned, reason = \"x\")\n// c\nperson a \"A\" { roles x }\n",
            "@allow(role/unassigned, reason = \"x\")\n// c\nperson a \"A\" {\n  roles x\n}\n",
            "@allow(a/b, reason = \"x\")\n// c\n@allow(c/d, reason = \"y\")\nrole x \"X\"\n",
        ] {
            assert_eq!(fmt(input), input);
        }
    }

    #[test]
    fn a_comment_after_a_declaration_that_follows_a_brace_stays_with_it() {
        // Found by isms-fuzz (seed 20261129, input 717199): `}role x "X"  // c` gave the
        // comment to the `}`.
        let out = fmt("policy p \"P\" {\n  owner x\n}role c \"C\"  // c\nrole z \"Z\"\n");
        assert_eq!(
            out,
            "policy p \"P\" {\n  owner x\n}\n\nrole c \"C\"  // c\nrole z \"Z\"\n"
        );
    }

    #[test]
    fn trailing_comments_align() {
        let input = "methodology {\n  accept medium // a\n  review every 12 months // b\n}\n";
        let want =
            "methodology {\n  accept medium           // a\n  review every 12 months  // b\n}\n";
        assert_eq!(fmt(input), want);
    }

    #[test]
    fn attributes_print_on_their_own_lines() {
        let input = "@allow( risk/no-assets ,reason=\"why\",until = 2027-01-31 )\nrole a \"A\"\n";
        let want = "@allow(risk/no-assets, reason = \"why\", until = 2027-01-31)\nrole a \"A\"\n";
        assert_eq!(fmt(input), want);
    }

    #[test]
    fn blank_line_after_a_trailing_comment_is_kept() {
        let input = "role a \"A\"  // x\n\nrole b \"B\"\n";
        assert_eq!(fmt(input), input);
    }

    #[test]
    fn one_line_blocks_stay_one_line() {
        assert_eq!(
            fmt("person bob \"Bob\" {   roles ceo }\n"),
            "person bob \"Bob\" { roles ceo }\n"
        );
    }

    #[test]
    fn blank_lines_between_multi_line_declarations() {
        let input = "role a \"A\"\nrole b \"B\"\nasset x \"X\" {\n  kind software\n}\nasset y \"Y\" {\n  kind software\n}\n";
        let want = "role a \"A\"\nrole b \"B\"\n\nasset x \"X\" {\n  kind software\n}\n\nasset y \"Y\" {\n  kind software\n}\n";
        assert_eq!(fmt(input), want);
    }

    #[test]
    fn text_blocks_are_reindented() {
        let input = "policy p \"P\" {\n        section \"Purpose\" \"\"\"\n    Line one.\n\n      Indented.\n    \"\"\"\n}\n";
        let want = "policy p \"P\" {\n  section \"Purpose\" \"\"\"\n    Line one.\n\n      Indented.\n  \"\"\"\n}\n";
        assert_eq!(fmt(input), want);
    }

    #[test]
    fn long_lists_wrap() {
        let ids: Vec<String> = (1..=30).map(|i| format!("A.5.{i}")).collect();
        let input = format!("exclude {} because \"x\"\n", ids.join(","));
        let out = fmt(&input);
        assert!(out.lines().all(|l| l.chars().count() <= 100), "{out}");
        assert!(out.lines().count() > 1);
        assert_eq!(fmt(&out), out);
    }

    #[test]
    fn levels_align() {
        let input = "methodology {\n  levels {\n    low 1..4\n    critical 17..25\n  }\n}\n";
        let want = "methodology {\n  levels {\n    low      1..4\n    critical 17..25\n  }\n}\n";
        assert_eq!(fmt(input), want);
    }

    #[test]
    fn syntax_errors_are_refused() {
        assert_eq!(
            fmt("risk R {\n  likelihood = 2\n}\n"),
            "ERROR: the file has a syntax error"
        );
    }

    #[test]
    fn comments_inside_lists_are_kept_verbatim() {
        let input = "requirement r \"R\" {\n  controls a, // first\n    b\n}\n";
        let out = fmt(input);
        assert!(out.contains("// first"));
        assert_eq!(fmt(&out), out);
    }
}
