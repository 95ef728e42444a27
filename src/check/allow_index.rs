//! Which `@allow` silences a diagnostic, found by binary search instead of by trying every
//! suppression: with one suppression per declaration, trying them all made 160,000
//! `@allow` attributes take 42 s (each diagnostic scanned the whole list).

use rustc_hash::FxHashMap as HashMap;

use crate::diagnostics::Code;
use crate::source::{FileId, Span};

/// The suppressions in force, grouped by (code, file) and sorted by where their
/// declaration starts.
#[derive(Debug, Default)]
pub struct AllowIndex {
    /// (scope, position in the caller's list), sorted by (scope start, position).
    by_code_and_file: HashMap<(Code, FileId), Vec<(Span, usize)>>,
}

impl AllowIndex {
    /// Index `(code, scope)` pairs; each is found again by its position in `allows`.
    pub fn new(allows: impl IntoIterator<Item = (Code, Span)>) -> AllowIndex {
        let mut index = AllowIndex::default();
        for (at, (code, scope)) in allows.into_iter().enumerate() {
            index
                .by_code_and_file
                .entry((code, scope.file))
                .or_default()
                .push((scope, at));
        }
        for entries in index.by_code_and_file.values_mut() {
            entries.sort_by_key(|(scope, at)| (scope.start(), *at));
        }
        index
    }

    /// The first suppression (by position) of `code` whose scope holds the start of `span`.
    pub fn silencer(&self, code: Code, span: Span) -> Option<usize> {
        let entries = self.by_code_and_file.get(&(code, span.file))?;
        let at = span.start();
        // INVARIANT: a scope is a whole top-level declaration, so two scopes in one file
        // are either the same declaration or do not overlap. Only the declaration that
        // starts last at or before `at` can hold it; its first entry has the lowest
        // position.
        let after = entries.partition_point(|(scope, _)| scope.start() <= at);
        let (last, _) = entries.get(after.checked_sub(1)?)?;
        let first = entries.partition_point(|(scope, _)| scope.start() < last.start());
        entries
            .get(first..after)?
            .iter()
            .find(|(scope, _)| scope.range().contains(&at))
            .map(|(_, position)| *position)
    }
}

#[cfg(test)]
mod tests {
    use super::AllowIndex;
    use crate::diagnostics::Code;
    use crate::source::{FileId, Span};

    fn span(file: u32, start: usize, end: usize) -> Span {
        Span::new(FileId(file), start, end)
    }

    #[test]
    fn finds_the_first_suppression_of_the_declaration_holding_the_start() {
        let code = Code::AssetUnassessed;
        let index = AllowIndex::new([
            (code, span(0, 10, 20)),
            (code, span(0, 0, 10)),
            (code, span(0, 10, 20)),
            (code, span(1, 0, 50)),
        ]);
        assert_eq!(index.silencer(code, span(0, 12, 13)), Some(0));
        assert_eq!(index.silencer(code, span(0, 9, 30)), Some(1));
        assert_eq!(index.silencer(code, span(0, 20, 21)), None);
        assert_eq!(index.silencer(code, span(1, 49, 49)), Some(3));
        assert_eq!(index.silencer(code, span(2, 1, 2)), None);
        assert_eq!(
            index.silencer(Code::RiskMissingOwner, span(0, 12, 13)),
            None
        );
    }

    /// The index answers as trying every suppression in order did, on random layouts of
    /// adjacent declarations with zero to three suppressions each.
    #[test]
    fn agrees_with_trying_every_suppression() {
        let codes = [Code::AssetUnassessed, Code::RiskMissingOwner];
        let mut seed = 7_u64;
        let mut next = move |n: u64| {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (seed >> 33) % n
        };
        for _ in 0..50 {
            let mut allows = Vec::new();
            let mut start = 0;
            for _ in 0..20 {
                let len = 1 + next(30) as usize;
                let file = next(2) as u32;
                for _ in 0..next(4) {
                    allows.push((codes[next(2) as usize], span(file, start, start + len)));
                }
                start += len + next(3) as usize;
            }
            let index = AllowIndex::new(allows.clone());
            for at in 0..start + 2 {
                for code in codes {
                    for file in 0..2 {
                        let d = span(file, at, at + 1);
                        let brute = allows.iter().position(|(c, s)| {
                            *c == code && s.file == d.file && s.range().contains(&d.start())
                        });
                        assert_eq!(index.silencer(code, d), brute, "{allows:?} at {at}");
                    }
                }
            }
        }
    }
}
