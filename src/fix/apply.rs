//! Choosing which fixes of one compilation to apply together, and applying edits to text.
//! No IO: `isms fix` reads and writes the files.

use std::cmp::Ordering;

use crate::diagnostics::{Diagnostic, Edit, Fix};
use crate::source::FileId;

/// The fixes to apply in one round: for each diagnostic in order, its first fix that is
/// allowed (safe, or any with `unsafe_fixes`), whose files are all `editable`, and whose
/// edits overlap no edit chosen before (it waits for the next round). A fix identical to
/// one already chosen (two diagnostics, one repair) is taken once.
pub fn choose(
    diagnostics: &[Diagnostic],
    unsafe_fixes: bool,
    editable: impl Fn(FileId) -> bool,
) -> Vec<&Fix> {
    let mut chosen: Vec<&Fix> = Vec::new();
    for d in diagnostics {
        let first = d
            .fixes
            .iter()
            .find(|f| f.is_safe() || unsafe_fixes)
            .filter(|f| f.edits.iter().all(|e| editable(e.span.file)));
        let Some(fix) = first else {
            continue;
        };
        let same = chosen.iter().any(|c| c.edits == fix.edits);
        let overlaps = chosen
            .iter()
            .flat_map(|c| &c.edits)
            .any(|e| fix.edits.iter().any(|n| n.overlaps(e)));
        if !same && !overlaps {
            chosen.push(fix);
        }
    }
    chosen
}

/// `text` with `edits` (all of one file, none overlapping) applied. Insertions at the same
/// point go in the natural order of their text, so control records inserted together
/// follow the catalog (`A.5.9` before `A.5.10`). In a file whose lines end in `\r\n`, the
/// lines an edit adds do too.
pub fn apply_edits(text: &str, edits: &[&Edit]) -> String {
    let crlf = text.contains("\r\n");
    let mut sorted: Vec<&Edit> = edits.to_vec();
    sorted.sort_by(|a, b| {
        (a.span.start(), a.span.end())
            .cmp(&(b.span.start(), b.span.end()))
            .then_with(|| natural(&a.replacement, &b.replacement))
    });
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for e in sorted {
        let (start, end) = (e.span.start().max(at), e.span.end().max(at));
        out.push_str(text.get(at..start).unwrap_or(""));
        if crlf {
            out.push_str(&e.replacement.replace("\r\n", "\n").replace('\n', "\r\n"));
        } else {
            out.push_str(&e.replacement);
        }
        at = end;
    }
    out.push_str(text.get(at..).unwrap_or(""));
    out
}

/// Text order, except that runs of digits compare as numbers.
fn natural(a: &str, b: &str) -> Ordering {
    let (mut x, mut y) = (a, b);
    loop {
        match (x.chars().next(), y.chars().next()) {
            (None, None) => return Ordering::Equal,
            (None, Some(_)) => return Ordering::Less,
            (Some(_), None) => return Ordering::Greater,
            (Some(c), Some(d)) if c.is_ascii_digit() && d.is_ascii_digit() => {
                let digits =
                    |s: &str| s.len() - s.trim_start_matches(|c: char| c.is_ascii_digit()).len();
                let (n, m) = (digits(x), digits(y));
                let (p, q) = (x.get(..n).unwrap_or(""), y.get(..m).unwrap_or(""));
                let (p, q) = (p.trim_start_matches('0'), q.trim_start_matches('0'));
                let order = p.len().cmp(&q.len()).then_with(|| p.cmp(q));
                if order != Ordering::Equal {
                    return order;
                }
                x = x.get(n..).unwrap_or("");
                y = y.get(m..).unwrap_or("");
            }
            (Some(c), Some(d)) => {
                if c != d {
                    return c.cmp(&d);
                }
                x = x.get(c.len_utf8()..).unwrap_or("");
                y = y.get(d.len_utf8()..).unwrap_or("");
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{apply_edits, choose, natural};
    use crate::diagnostics::{Applicability, Code, Diagnostic, Edit, Fix};
    use crate::source::{FileId, Span};
    use std::cmp::Ordering;

    fn edit(start: usize, end: usize, text: &str) -> Edit {
        Edit::replace(Span::new(FileId(0), start, end), text)
    }

    fn diagnostic(fix: Fix) -> Diagnostic {
        Diagnostic::new(Code::RefUnknown, Span::new(FileId(0), 0, 0), "x").with_fix(fix)
    }

    #[test]
    fn edits_apply_from_the_start_and_insertions_in_natural_order() {
        let text = "owner cisso\n";
        let e1 = edit(6, 11, "ciso");
        let e2 = edit(12, 12, "control A.5.10 {}\n");
        let e3 = edit(12, 12, "control A.5.9 {}\n");
        assert_eq!(
            apply_edits(text, &[&e2, &e1, &e3]),
            "owner ciso\ncontrol A.5.9 {}\ncontrol A.5.10 {}\n"
        );
        assert_eq!(natural("A.5.9", "A.5.10"), Ordering::Less);
        let crlf = "role a \"A\"\r\n";
        let record = edit(crlf.len(), crlf.len(), "\ncontrol A.5.1 {\n  owner a\n}\n");
        assert_eq!(
            apply_edits(crlf, &[&record]),
            "role a \"A\"\r\n\r\ncontrol A.5.1 {\r\n  owner a\r\n}\r\n"
        );
        assert_eq!(natural("A.8.1", "A.5.10"), Ordering::Greater);
    }

    #[test]
    fn overlapping_and_unsafe_fixes_wait() {
        let safe = |e: Edit| Fix::new("t", vec![e], Applicability::Safe);
        let review = Fix::new("r", vec![edit(20, 20, "x")], Applicability::NeedsReview);
        let ds = [
            diagnostic(safe(edit(0, 5, "a"))),
            diagnostic(safe(edit(3, 8, "b"))),
            diagnostic(safe(edit(0, 5, "a"))),
            diagnostic(review),
            diagnostic(safe(edit(9, 9, "c"))),
        ];
        let titles = |fixes: Vec<&Fix>| {
            fixes
                .iter()
                .map(|f| f.edits[0].span.start())
                .collect::<Vec<_>>()
        };
        assert_eq!(titles(choose(&ds, false, |_| true)), [0, 9]);
        assert_eq!(titles(choose(&ds, true, |_| true)), [0, 20, 9]);
        assert!(choose(&ds, true, |_| false).is_empty());
    }
}
