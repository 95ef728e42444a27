//! Turning string tokens into their values.

/// The content of a `"…"` token (quotes included) with escapes resolved.
pub fn unescape(token: &str) -> String {
    let inner = token
        .strip_prefix('"')
        .and_then(|s| s.strip_suffix('"'))
        .unwrap_or(token);
    let mut out = String::with_capacity(inner.len());
    let mut chars = inner.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => out.push('\n'),
            Some('t') => out.push('\t'),
            Some(other) => out.push(other),
            None => out.push('\\'),
        }
    }
    out
}

/// Whether a `text` token ends with its closing `"""`. The grammar ends an unclosed text
/// block where its indentation ends; its content cannot hold `"""` (that closes it), so a
/// token ends in `"""` beyond its opener only when it is closed.
pub fn is_closed_text(token: &str) -> bool {
    token.len() >= 6 && token.ends_with("\"\"\"")
}

/// The content of a `"""…"""` token (closed or not): a leading newline dropped, the common
/// indentation of its non-blank lines removed, and trailing blank space trimmed.
pub fn dedent(token: &str) -> String {
    let inner = token.strip_prefix("\"\"\"").unwrap_or(token);
    let inner = if is_closed_text(token) {
        inner.strip_suffix("\"\"\"").unwrap_or(inner)
    } else {
        inner
    };
    let inner = inner
        .strip_prefix("\r\n")
        .or_else(|| inner.strip_prefix(['\n', '\r']))
        .unwrap_or(inner);
    let indent = crate::source::lines(inner)
        .filter(|l| !l.trim().is_empty())
        .map(|l| l.len() - l.trim_start_matches([' ', '\t']).len())
        .min()
        .unwrap_or(0);
    let lines: Vec<&str> = crate::source::lines(inner)
        .map(|l| {
            if l.trim().is_empty() {
                ""
            } else {
                l.get(indent..).unwrap_or(l).trim_end()
            }
        })
        .collect();
    lines.join("\n").trim_end().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes() {
        assert_eq!(unescape(r#""a\"b\\c\nd""#), "a\"b\\c\nd");
    }

    #[test]
    fn dedent_removes_common_indentation() {
        let t = "\"\"\"\n    First line.\n\n      Indented.\n  \"\"\"";
        assert_eq!(dedent(t), "First line.\n\n  Indented.");
    }

    #[test]
    fn dedent_of_single_line() {
        assert_eq!(dedent("\"\"\"one\"\"\""), "one");
    }
}
