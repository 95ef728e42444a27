//! What counts as a placeholder: text written to be replaced later (`"TODO: Full Name"`,
//! `"TBD"`, `"…"`), or nothing at all. One definition, read by `text/placeholder`, by the
//! rules that do not count a sign-off by a person whose name is a placeholder, and by
//! `--readiness`.

/// The markers a placeholder starts with, lower-case. A marker made of letters must end
/// at a word boundary (`"TODO: name"`, `"Todo"`), so `"Todoist"` or `"XXL"` are text.
const MARKERS: &[&str] = &[
    "todo",
    "tbd",
    "fixme",
    "xxx",
    "???",
    "…",
    "...",
    "lorem ipsum",
];

/// Whether `text` is empty (blanks only) or a placeholder: it consists of, or starts with,
/// `TODO`, `TBD`, `FIXME`, `XXX`, `???`, `…`, `...` or "lorem ipsum", in any case.
pub fn is_placeholder(text: &str) -> bool {
    let text = text.trim_start();
    if text.trim_end().is_empty() {
        return true;
    }
    MARKERS
        .iter()
        .any(|marker| starts_with_marker(text, marker))
}

fn starts_with_marker(text: &str, marker: &str) -> bool {
    let Some(head) = text.get(..marker.len()) else {
        return false;
    };
    if !head.eq_ignore_ascii_case(marker) {
        return false;
    }
    let wordy = marker.chars().last().is_some_and(char::is_alphanumeric);
    let next = text[marker.len()..].chars().next();
    !wordy || !next.is_some_and(|c| c.is_alphanumeric() || c == '_')
}

#[cfg(test)]
mod tests {
    use super::is_placeholder;

    #[test]
    fn placeholders() {
        for text in [
            "",
            "   ",
            "TODO",
            "TODO: Full Name",
            "todo - decide",
            "Todo",
            "TBD",
            "tbd.",
            "FIXME later",
            "XXX",
            "???",
            "??? who",
            "…",
            "... to be written",
            "Lorem ipsum dolor sit amet",
            "LOREM IPSUM",
            "  TODO indented",
        ] {
            assert!(is_placeholder(text), "{text:?} is a placeholder");
        }
    }

    #[test]
    fn text() {
        for text in [
            "Alice Meyer",
            "Todoist workspace",
            "XXL backup volume",
            "TBDx",
            "Fixmed",
            "Outside this test",
            "Credential stuffing",
            "What to do: TODO",
            "Lorem",
            "?? not three",
        ] {
            assert!(!is_placeholder(text), "{text:?} is not a placeholder");
        }
    }
}
