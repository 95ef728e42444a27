//! "did you mean `x`?": the declared name closest to a misspelt one.
//!
//! `closest` tries every candidate, which is right for the short fixed lists of lowering
//! (keywords, field names, codes). Resolution asks once per unknown reference over every
//! name of a kind, so 20,000 unknown references among 20,000 names took 69 s; it asks a
//! [`NameIndex`] instead, which gives the same answer by looking at far fewer candidates.

use std::collections::BTreeMap;
use std::hash::BuildHasher;

use rustc_hash::{FxBuildHasher, FxHashMap as HashMap};

/// "did you mean `x`?" — the candidate closest to `wrong`, if any is close enough. Equally
/// close candidates go to the alphabetically first, so the answer does not depend on the
/// order they come in (a hash map's, say).
///
/// A candidate whose length alone rules it out is skipped before any allocation, and each
/// candidate is lower-cased once, into one reused buffer.
pub fn closest<'a>(wrong: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    closest_suggestion(wrong, candidates).map(|s| s.name)
}

/// A "did you mean" answer, and whether it is the only candidate that close (then a fix
/// replacing the misspelling with it is safe).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Suggestion<'a> {
    pub name: &'a str,
    /// No other candidate scored as well.
    pub unique: bool,
}

/// [`closest`], telling whether another candidate was equally close.
pub fn closest_suggestion<'a>(
    wrong: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<Suggestion<'a>> {
    if wrong.chars().count() > LONGEST {
        return None;
    }
    let candidates: Vec<&'a str> = candidates.into_iter().collect();
    if let Some(q) = Dotted::of(wrong) {
        let mut best = Best::default();
        for &c in &candidates {
            if let Some(cost) = Dotted::of(c).and_then(|d| q.sibling_cost(&d)) {
                if c != wrong {
                    best.offer(c, Some(cost));
                }
            }
        }
        if best.score().is_some() {
            return best.suggestion();
        }
    }
    let query = Query::new(wrong);
    let mut lower = String::new();
    let mut best = Best::default();
    for c in candidates {
        if !query.may_be_close(c) {
            continue;
        }
        lower.clear();
        lower.extend(c.chars().flat_map(char::to_lowercase));
        best.offer(c, query.score(c, &lower));
    }
    best.suggestion()
}

/// Names longer than this get no suggestion: nobody types them, and comparing them costs
/// time in the square of their length (an edit distance, one-deletion variants), so one
/// generated name of 30,000 characters took a second.
const LONGEST: usize = 128;

/// A misspelt name, lower-cased once.
struct Query<'w> {
    wrong: &'w str,
    lower: String,
    chars: usize,
}

impl<'w> Query<'w> {
    fn new(wrong: &'w str) -> Self {
        Query {
            wrong,
            lower: wrong.to_lowercase(),
            chars: wrong.chars().count(),
        }
    }

    /// Whether `c` can be close at all, judged by lengths alone.
    fn may_be_close(&self, c: &str) -> bool {
        if c == self.wrong {
            return false;
        }
        let c_chars = c.chars().count();
        let longest = self.chars.max(c_chars).max(1);
        let length_gap = self.chars.abs_diff(c_chars);
        // The edit distance is at least the length gap; a prefix match needs `c` longer.
        let may_be_close = length_gap * 3 <= longest.max(3);
        let may_extend = self.wrong.len() >= 3 && c_chars >= self.chars;
        may_be_close || may_extend
    }

    /// How far `c` (lower-cased: `lower`) is from the query, lower is closer; `None` when
    /// it is not close enough to suggest.
    fn score(&self, c: &str, lower: &str) -> Option<f64> {
        if !self.may_be_close(c) {
            return None;
        }
        let c_chars = c.chars().count();
        let longest = self.chars.max(c_chars).max(1);
        let length_gap = self.chars.abs_diff(c_chars);
        // Optimal string alignment: a swap of two letters (`rsik`) is one edit.
        let distance = strsim::osa_distance(&self.lower, lower);
        // Accept up to a third of the characters changed (at least one), or a shared prefix.
        let close = distance * 3 <= longest.max(3)
            || (self.wrong.len() >= 3 && lower.starts_with(&self.lower));
        if !close {
            return None;
        }
        // Ties go to the candidate of the same length, then to the most similar prefix.
        let prefix = self
            .lower
            .chars()
            .zip(lower.chars())
            .take_while(|(a, b)| a == b)
            .count() as f64;
        Some(
            distance as f64 + 0.1 * length_gap as f64
                - strsim::jaro_winkler(&self.lower, lower)
                - 0.01 * prefix
                + 0.0001 * numeric_gap(self.wrong, c),
        )
    }

    /// No candidate more than one edit away can score below this: its distance is at
    /// least 2, and the other terms take at most 1 (Jaro-Winkler) plus 0.01 per character
    /// of the query (the shared prefix) off it. A margin absorbs rounding.
    fn two_edits_floor(&self) -> f64 {
        2.0 - 1.0 - 0.01 * self.chars as f64 - 1e-6
    }
}

/// The best candidate so far: lowest score, then alphabetically first; and whether a
/// different candidate scored the same.
#[derive(Default)]
struct Best<'a> {
    best: Option<(&'a str, f64)>,
    tied: bool,
}

impl<'a> Best<'a> {
    fn offer(&mut self, c: &'a str, score: Option<f64>) {
        let Some(score) = score else {
            return;
        };
        match self.best {
            None => {
                self.best = Some((c, score));
                self.tied = false;
            }
            Some((_, s)) if score < s => {
                self.best = Some((c, score));
                self.tied = false;
            }
            // The same name offered twice (a person and a role both called `alice`) is
            // one candidate.
            Some((b, s)) if score == s && c != b => {
                self.tied = true;
                if c < b {
                    self.best = Some((c, score));
                }
            }
            Some(_) => {}
        }
    }

    fn score(&self) -> Option<f64> {
        self.best.map(|(_, s)| s)
    }

    fn suggestion(&self) -> Option<Suggestion<'a>> {
        self.best.map(|(name, _)| Suggestion {
            name,
            unique: !self.tied,
        })
    }
}

/// A dotted ID ending in a number, `A.7.20`: its parent `A.7` and its last number.
///
/// Among IDs of one parent, "did you mean" goes by the number, not by the spelling: the
/// nearest number, or the ID whose number the query extends by a digit typed too many
/// (`A.7.20` means `A.7.2`, not `A.7.10`, one edit away as well; `A.5.38` means `A.5.37`).
/// Only when no ID shares the parent does the edit distance decide.
#[derive(Debug, Clone, Copy)]
struct Dotted<'s> {
    parent: &'s str,
    digits: &'s str,
    number: u64,
}

impl<'s> Dotted<'s> {
    fn of(id: &'s str) -> Option<Dotted<'s>> {
        let (parent, digits) = id.rsplit_once('.')?;
        if parent.is_empty()
            || digits.is_empty()
            || digits.len() > 9
            || !digits.bytes().all(|b| b.is_ascii_digit())
        {
            return None;
        }
        Some(Dotted {
            parent,
            digits,
            number: digits.parse().ok()?,
        })
    }

    /// How far the sibling `c` is from this query, lower is closer: the gap between the
    /// numbers, or 1.5 per digit when `c`'s number is this one's with digits dropped from
    /// its end, whichever is less. `None` for an ID of another parent.
    fn sibling_cost(&self, c: &Dotted<'_>) -> Option<f64> {
        if !c.parent.eq_ignore_ascii_case(self.parent) {
            return None;
        }
        let gap = self.number.abs_diff(c.number) as f64;
        let dropped = self.digits.len().saturating_sub(c.digits.len());
        let truncated = if dropped > 0 && self.digits.starts_with(c.digits) {
            1.5 * dropped as f64
        } else {
            f64::INFINITY
        };
        Some(gap.min(truncated))
    }
}

/// For IDs ending in a number (`A.5.38` vs `A.5.37`), how far apart the numbers are; ties
/// between equally distant spellings go to the numerically nearest ID.
fn numeric_gap(a: &str, b: &str) -> f64 {
    let last = |s: &str| -> Option<u64> {
        let tail = s.rsplit(['.', '-']).next()?;
        tail.parse().ok()
    };
    match (last(a), last(b)) {
        (Some(x), Some(y)) => x.abs_diff(y).min(999) as f64,
        _ => 0.0,
    }
}

/// The names of one namespace, indexed so that [`NameIndex::closest`] answers as
/// [`closest`] over all of them does, in time that does not grow with their number for a
/// typical misspelling.
///
/// The answer is searched in three steps, each exact for what it covers:
/// 1. every name at most one edit away (case aside): names are filed under their own
///    lower-cased text and under each text with one character deleted; a query looks up
///    the same variants of itself (a symmetric-delete index);
/// 2. the shortest names that extend the query (the "shared prefix" rule): a longer
///    extension always scores worse than a shorter one, so only the shortest matter;
/// 3. only when neither found a candidate scoring below what two edits could reach, the
///    names whose length allows them to be close, one by one.
#[derive(Debug, Default)]
pub struct NameIndex<'a> {
    names: Vec<&'a str>,
    lower: Vec<String>,
    /// Positions in `names`, by the hash of a lower-cased name or of it less one character
    /// (a collision only adds a candidate, which is then scored exactly).
    variants: HashMap<u64, Vec<u32>>,
    /// Positions in `names` by length, each sorted by lower-cased name.
    by_length: BTreeMap<usize, Vec<u32>>,
    /// Lower-casing keeps every length (identifiers are ASCII); otherwise `closest` runs.
    ascii: bool,
    /// Dotted IDs (`A.7.2`) by lower-cased parent (`a.7`): (last number, position), sorted.
    siblings: HashMap<String, Vec<(u64, u32)>>,
}

impl<'a> NameIndex<'a> {
    pub fn new(names: impl IntoIterator<Item = &'a str>) -> NameIndex<'a> {
        let mut index = NameIndex {
            names: names.into_iter().collect(),
            ascii: true,
            ..NameIndex::default()
        };
        index.ascii = index.names.iter().all(|n| n.is_ascii());
        if !index.ascii {
            return index;
        }
        index.lower = index.names.iter().map(|n| n.to_ascii_lowercase()).collect();
        let mut buffer = Vec::new();
        for (at, lower) in index.lower.iter().enumerate() {
            let Ok(at) = u32::try_from(at) else {
                break;
            };
            // A longer name is not one edit from any query short enough to suggest for.
            if lower.len() > LONGEST + 1 {
                index.by_length.entry(lower.len()).or_default().push(at);
                continue;
            }
            for key in one_deletion_hashes(lower, &mut buffer) {
                let postings = index.variants.entry(key).or_default();
                // A name with a doubled letter yields the same variant twice.
                if postings.last() != Some(&at) {
                    postings.push(at);
                }
            }
            index.by_length.entry(lower.len()).or_default().push(at);
        }
        for (at, name) in index.names.iter().enumerate() {
            let (Some(d), Ok(at)) = (Dotted::of(name), u32::try_from(at)) else {
                continue;
            };
            index
                .siblings
                .entry(d.parent.to_ascii_lowercase())
                .or_default()
                .push((d.number, at));
        }
        for list in index.siblings.values_mut() {
            list.sort_unstable();
        }
        let lower = &index.lower;
        for bucket in index.by_length.values_mut() {
            bucket.sort_by(|a, b| text(lower, *a).cmp(text(lower, *b)));
        }
        index
    }

    /// What `closest(wrong, names)` answers.
    pub fn closest(&self, wrong: &str) -> Option<&'a str> {
        self.suggest(wrong).map(|s| s.name)
    }

    /// What `closest_suggestion(wrong, names)` answers. Ties are found as exactly as the
    /// best: every step scores all candidates that could score as well as what it keeps.
    pub fn suggest(&self, wrong: &str) -> Option<Suggestion<'a>> {
        if !self.ascii || !wrong.is_ascii() || self.names.len() > u32::MAX as usize {
            return closest_suggestion(wrong, self.names.iter().copied());
        }
        if wrong.len() > LONGEST {
            return None;
        }
        if let Some(best) = self.dotted(wrong) {
            return Some(best);
        }
        let query = Query::new(wrong);
        let mut best = Best::default();
        let offer = |best: &mut Best<'a>, at: u32| {
            if let (Some(c), Some(lower)) =
                (self.names.get(at as usize), self.lower.get(at as usize))
            {
                best.offer(c, query.score(c, lower));
            }
        };
        // 1. One edit away.
        let mut buffer = Vec::new();
        let mut near: Vec<u32> = one_deletion_hashes(&query.lower, &mut buffer)
            .filter_map(|key| self.variants.get(&key))
            .flatten()
            .copied()
            .collect();
        near.sort_unstable();
        near.dedup();
        for at in near {
            offer(&mut best, at);
        }
        // 2. The shortest extensions of the query.
        if wrong.len() >= 3 {
            for bucket in self.by_length.range(query.chars..).map(|(_, b)| b) {
                let from =
                    bucket.partition_point(|at| text(&self.lower, *at) < query.lower.as_str());
                let extensions: Vec<u32> = bucket
                    .get(from..)
                    .unwrap_or_default()
                    .iter()
                    .take_while(|at| text(&self.lower, **at).starts_with(&query.lower))
                    .filter(|at| self.names.get(**at as usize) != Some(&wrong))
                    .copied()
                    .collect();
                if !extensions.is_empty() {
                    for at in extensions {
                        offer(&mut best, at);
                    }
                    break;
                }
            }
        }
        // 3. Everything of a length that can be close, unless a near name already wins.
        if best.score().is_none_or(|s| s >= query.two_edits_floor()) {
            let w = query.chars;
            let fits = |len: usize| len.abs_diff(w) * 3 <= w.max(len).max(3);
            for (_, bucket) in self.by_length.iter().filter(|(len, _)| fits(**len)) {
                for &at in bucket {
                    offer(&mut best, at);
                }
            }
        }
        best.suggestion()
    }
}

impl<'a> NameIndex<'a> {
    /// The sibling of a dotted query ([`Dotted`]), as `closest_suggestion` finds it by
    /// trying every name: only the IDs with the nearest numbers below and above, and those
    /// whose number is a prefix of the query's digits, can score best.
    fn dotted(&self, wrong: &str) -> Option<Suggestion<'a>> {
        let q = Dotted::of(wrong)?;
        let list = self.siblings.get(&q.parent.to_ascii_lowercase())?;
        let mut best = Best::default();
        let mut offer = |group: &[(u64, u32)]| {
            let mut offered = false;
            for &(_, at) in group {
                let Some(&c) = self.names.get(at as usize) else {
                    continue;
                };
                if c == wrong {
                    continue;
                }
                if let Some(cost) = Dotted::of(c).and_then(|d| q.sibling_cost(&d)) {
                    best.offer(c, Some(cost));
                    offered = true;
                }
            }
            offered
        };
        let group = |n: u64| {
            let from = list.partition_point(|(x, _)| *x < n);
            let to = list.partition_point(|(x, _)| *x <= n);
            list.get(from..to).unwrap_or_default()
        };
        // The nearest numbers below (or equal) and above, skipping the query itself.
        let below = list.partition_point(|(x, _)| *x <= q.number);
        for &(n, _) in list.get(..below).unwrap_or_default().iter().rev() {
            if offer(group(n)) {
                break;
            }
        }
        let above = list.partition_point(|(x, _)| *x < q.number);
        for &(n, _) in list.get(above..).unwrap_or_default() {
            if offer(group(n)) {
                break;
            }
        }
        for k in 1..q.digits.len() {
            if let Some(n) = q.digits.get(..k).and_then(|d| d.parse().ok()) {
                offer(group(n));
            }
        }
        best.suggestion()
    }
}

fn text(lower: &[String], at: u32) -> &str {
    lower.get(at as usize).map_or("", String::as_str)
}

/// The hash of `word` and of each string made by deleting one of its (ASCII) characters.
fn one_deletion_hashes<'b>(
    word: &'b str,
    buffer: &'b mut Vec<u8>,
) -> impl Iterator<Item = u64> + 'b {
    let bytes = word.as_bytes();
    (0..=bytes.len()).map(move |skip| {
        buffer.clear();
        buffer.extend(
            bytes
                .iter()
                .enumerate()
                .filter(|(i, _)| *i != skip)
                .map(|(_, b)| *b),
        );
        FxBuildHasher.hash_one(buffer.as_slice())
    })
}

#[cfg(test)]
mod tests {
    use super::{closest, closest_suggestion, NameIndex};

    #[test]
    fn suggestions() {
        let statuses = ["implemented", "partial", "planned", "not-implemented"];
        assert_eq!(closest("implemnted", statuses), Some("implemented"));
        assert_eq!(closest("ownr", ["owner", "kind"]), Some("owner"));
        assert_eq!(closest("cisoo", ["ciso", "alice"]), Some("ciso"));
        assert_eq!(closest("zzzzzz", ["owner", "kind"]), None);
        assert_eq!(closest("rsik", ["risk", "role"]), Some("risk"));
        assert_eq!(
            closest("A.5.38", ["A.5.37", "A.5.3", "A.8.1"]),
            Some("A.5.37")
        );
    }

    #[test]
    fn dotted_ids_go_by_number_and_prefix_before_spelling() {
        let catalog: Vec<String> = (1..=14).map(|i| format!("A.7.{i}")).collect();
        let ids = || catalog.iter().map(String::as_str);
        let index = NameIndex::new(ids());
        for (query, want) in [
            ("A.7.20", "A.7.2"),
            ("A.7.15", "A.7.14"),
            ("A.7.99", "A.7.9"),
            ("a.7.20", "A.7.2"),
        ] {
            assert_eq!(closest(query, ids()), Some(want), "{query}");
            assert_eq!(index.closest(query), Some(want), "{query}");
        }
        let near = ["A.5.37", "A.5.3", "A.8.1"];
        assert_eq!(NameIndex::new(near).closest("A.5.38"), Some("A.5.37"));
        // No sibling: the spelling decides.
        assert_eq!(closest("A.9.1", ["A.8.1", "B.7.3"]), Some("A.8.1"));
    }

    #[test]
    fn a_tie_is_not_unique() {
        let tied = closest_suggestion("ab", ["ac", "ad"]);
        assert_eq!(tied.map(|s| (s.name, s.unique)), Some(("ac", false)));
        let one = closest_suggestion("cisso", ["ciso", "alice"]);
        assert_eq!(one.map(|s| (s.name, s.unique)), Some(("ciso", true)));
        let twice = closest_suggestion("alcie", ["alice", "alice"]);
        assert_eq!(
            twice.map(|s| s.unique),
            Some(true),
            "one name offered twice"
        );
        let index = NameIndex::new(["ac", "ad", "ciso"]);
        assert_eq!(index.suggest("ab").map(|s| s.unique), Some(false));
        assert_eq!(index.suggest("cisso").map(|s| s.unique), Some(true));
    }

    #[test]
    fn a_name_too_long_to_type_gets_no_suggestion_and_costs_no_square() {
        // Found by isms-fuzz (seed 3, input 11377): a reference of 32,000 characters took
        // half a second, in its one-deletion variants.
        let long = "management_review".repeat(2_000);
        let names = [long.as_str(), "app"];
        let index = NameIndex::new(names);
        assert_eq!(index.closest(&format!("{long}x")), None);
        assert_eq!(closest(&format!("{long}x"), names), None);
        assert_eq!(index.closest("apq"), Some("app"));
    }

    #[test]
    fn the_index_makes_the_same_suggestions() {
        let statuses = ["implemented", "partial", "planned", "not-implemented"];
        let index = NameIndex::new(statuses);
        assert_eq!(index.closest("implemnted"), Some("implemented"));
        assert_eq!(index.closest("plan"), Some("planned"));
        assert_eq!(index.closest("zzzzzz"), None);
        let ids = NameIndex::new(["A.5.37", "A.5.3", "A.8.1"]);
        assert_eq!(ids.closest("A.5.38"), Some("A.5.37"));
        assert_eq!(
            NameIndex::new(["Ünïcode", "unicode"]).closest("unicod"),
            Some("unicode")
        );
    }

    /// A deterministic pseudo-random generator, so a failure reproduces.
    struct Lcg(u64);

    impl Lcg {
        fn below(&mut self, n: usize) -> usize {
            self.0 = self
                .0
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            ((self.0 >> 33) % n as u64) as usize
        }

        fn word(&mut self, alphabet: &[u8], max: usize) -> String {
            let len = 1 + self.below(max);
            (0..len)
                .map(|_| alphabet[self.below(alphabet.len())] as char)
                .collect()
        }

        /// `name` with one to three random edits: insert, delete, substitute or swap.
        fn typo(&mut self, name: &str, alphabet: &[u8]) -> String {
            let mut chars: Vec<char> = name.chars().collect();
            for _ in 0..1 + self.below(3) {
                let at = self.below(chars.len() + 1);
                let c = alphabet[self.below(alphabet.len())] as char;
                match self.below(4) {
                    0 => chars.insert(at, c),
                    1 if at < chars.len() => {
                        chars.remove(at);
                    }
                    2 if at < chars.len() => chars[at] = c,
                    3 if at + 1 < chars.len() => chars.swap(at, at + 1),
                    _ => chars.push(c),
                }
            }
            chars.into_iter().collect()
        }
    }

    /// The index against trying every name, on random namespaces: small alphabets (many
    /// near names, ties), mixed case, numbered IDs, and queries that are typos of names,
    /// prefixes of names, or unrelated.
    #[test]
    fn the_index_agrees_with_trying_every_name() {
        let mut rng = Lcg(16);
        let alphabets: [&[u8]; 3] = [b"abc", b"aAbB-.1", b"abcdefghijklmnopqrstuvwxyz-0123456789"];
        for round in 0..300 {
            let alphabet = alphabets[round % alphabets.len()];
            let count = 1 + rng.below(60);
            let mut names: Vec<String> = (0..count).map(|_| rng.word(alphabet, 12)).collect();
            if round % 5 == 0 {
                names.extend((0..30).map(|i| format!("server-{i}")));
            }
            if round % 3 == 1 {
                // Dotted IDs of a few parents, with gaps, leading zeros and equal numbers.
                for _ in 0..rng.below(40) {
                    let zero = if rng.below(8) == 0 { "0" } else { "" };
                    names.push(format!(
                        "A.{}.{zero}{}",
                        5 + rng.below(3),
                        1 + rng.below(40)
                    ));
                }
            }
            let index = NameIndex::new(names.iter().map(String::as_str));
            for _ in 0..40 {
                let base = &names[rng.below(names.len())];
                let query = match rng.below(4) {
                    0 => rng.typo(base, alphabet),
                    1 => base.chars().take(1 + rng.below(base.len())).collect(),
                    2 => rng.word(alphabet, 14),
                    _ => base.to_uppercase(),
                };
                assert_eq!(
                    index.suggest(&query),
                    closest_suggestion(&query, names.iter().map(String::as_str)),
                    "query {query:?} among {names:?}"
                );
            }
        }
    }
}
