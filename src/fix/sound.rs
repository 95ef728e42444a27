//! The soundness check of `isms fix`, after the formatter's: a fixed file must parse with
//! no more syntax errors than before, and outside the fixes' edits it must mean the same —
//! every declaration and comment that no edit touched is still there, unchanged, in the
//! same order.

use crate::diagnostics::Edit;
use crate::format::declaration_fingerprint;
use crate::source::{FileId, Span};
use crate::syntax;

pub fn check(before: &str, after: &str, edits: &[&Edit]) -> Result<(), String> {
    let old = syntax::parse(FileId(0), before);
    let new = syntax::parse(FileId(0), after);
    if new.errors.len() > old.errors.len() {
        return Err("the result does not parse".to_string());
    }
    let touched = |span: Span| {
        edits.iter().any(|e| {
            let (a, b) = (span.range(), e.span.range());
            if b.is_empty() {
                a.start < b.start && b.start < a.end
            } else {
                a.start < b.end && b.start < a.end
            }
        })
    };
    let kept: Vec<String> = old
        .decls
        .iter()
        .filter(|d| !touched(d.span))
        .map(declaration_fingerprint)
        .collect();
    let now: Vec<String> = new.decls.iter().map(declaration_fingerprint).collect();
    if !in_order(&kept, &now) {
        return Err("a declaration the fixes did not touch would change".to_string());
    }
    let kept: Vec<&str> = old
        .comments
        .iter()
        .filter(|c| !touched(c.span))
        .map(|c| c.text.trim_end())
        .collect();
    let now: Vec<&str> = new.comments.iter().map(|c| c.text.trim_end()).collect();
    if !in_order(&kept, &now) {
        return Err("a comment would be lost or moved".to_string());
    }
    Ok(())
}

/// Whether `part` is a subsequence of `whole`.
fn in_order<T: PartialEq>(part: &[T], whole: &[T]) -> bool {
    let mut rest = whole.iter();
    part.iter().all(|p| rest.any(|w| w == p))
}

#[cfg(test)]
mod tests {
    use super::check;
    use crate::diagnostics::Edit;
    use crate::source::{FileId, Span};

    #[test]
    fn a_fix_may_change_only_what_it_touches() {
        let before = "role ciso \"CISO\"\nrisk r \"R\" { owner cisso }\n";
        let at = before.find("cisso").unwrap_or(0);
        let e = Edit::replace(Span::new(FileId(0), at, at + 5), "ciso");
        let after = before.replace("cisso", "ciso");
        assert_eq!(check(before, &after, &[&e]), Ok(()));
        // The same edit, but the role's title changed too: refused.
        let broken = after.replace("\"CISO\"", "\"Boss\"");
        assert!(check(before, &broken, &[&e]).is_err());
        // A result that does not parse: refused.
        assert!(check(before, &format!("{after}risk {{"), &[&e]).is_err());
    }
}
