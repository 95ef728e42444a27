//! Input generation: input `index` of a run with seed `seed` is a fixed function of the
//! two numbers (and the corpus), so any failure is reproduced by `--seed S --only I`.
//!
//! Most inputs are corpus files with one to four mutations. The mutations aim where
//! parsers break: braces and quotes in runs (nesting, unclosed groups), text blocks, line
//! endings (a lone `\r`), comments, attributes, dates, control and bidi characters,
//! invalid UTF-8, indentation, and splices of other files.

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

use crate::corpus::Seed;

/// Tokens that the grammar, the lowering and the rules care about.
const TOKENS: &[&[u8]] = &[
    b"{",
    b"}",
    b"{ ",
    b" }",
    b"\"",
    b"\"\"",
    b"\"\"\"",
    b"\"\"\"\n",
    b"\n",
    b"\r",
    b"\r\n",
    b"\n\n",
    b"  ",
    b"\t",
    b"//",
    b"// c\n",
    b"/// doc\n",
    b"/*",
    b"*/",
    b"/* a\n b */",
    b"@allow(",
    b"@allow(risk/no-assets, reason = \"r\", until = 2027-01-31)\n",
    b")",
    b",",
    b", ",
    b"=",
    b":",
    b"..",
    b".",
    b"\\",
    b"\\\"",
    b"2026-10-15",
    b"15.10.2026",
    b"2026-13-45",
    b"0",
    b"99999999999999999999999",
    b"1..4",
    b"12.5",
    b"A.5.1",
    b"A.12.6.1",
    b"iso27001:2022",
    b"risk",
    b"asset",
    b"control",
    b"policy",
    b"person",
    b"role",
    b"organization",
    b"scope",
    b"methodology",
    b"requirement",
    b"exclude",
    b"use",
    b"catalog",
    b"objective",
    b"metric",
    b"training",
    b"programme",
    b"audit",
    b"management_review",
    b"incident",
    b"nonconformity",
    b"interested_party",
    b"issue",
    b"document",
    b"mapping",
    b"map",
    b"clause:6.1.2",
    b"equivalent-to",
    b"nist-csf:2.0",
    b"trend",
    b"input",
    b"decision",
    b"classification",
    b"next_review",
    b"cycle",
    b"owner",
    b"likelihood",
    b"likelyhood",
    b"impact",
    b"treatment",
    b"mitigate",
    b"accept",
    b"residual",
    b"accepted_by",
    b"approved_by",
    b"depends_on",
    b"controls",
    b"because",
    b"section",
    b"status",
    b"due",
    b"on",
    b"TODO",
    b"\x1b]0;title\x07",
    b"\x1b[2J",
    b"\x07",
    b"\x00",
    b"\xe2\x80\xae",
    b"\xe2\x80\x9c",
    b"\xe2\x80\x9d",
    b"\xef\xbb\xbf",
    b"\xf0\x9f\x94\x90",
    b"\xff",
    b"\xc3",
    b"=HYPERLINK(\"x\")",
    b"<!-- ",
    b"<script>",
    b"![x](https://example.invalid/a.png)",
    b"# heading",
    b"|",
    b"%",
    b"::error::",
];

/// Input `index` of the run `seed`.
pub fn input(seed: u64, index: u64, corpus: &[Seed]) -> Vec<u8> {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    rng.set_stream(index);
    if corpus.is_empty() || rng.random_ratio(1, 20) {
        return from_scratch(&mut rng);
    }
    let base = &corpus[rng.random_range(0..corpus.len())].bytes;
    let mut bytes = base.clone();
    let rounds = 1 + rng.random_range(0..4);
    for _ in 0..rounds {
        mutate_once(&mut rng, &mut bytes, corpus);
    }
    bytes
}

/// A sequence of tokens and words with no corpus file behind it.
fn from_scratch(rng: &mut ChaCha8Rng) -> Vec<u8> {
    let mut bytes = Vec::new();
    for _ in 0..rng.random_range(1..200) {
        bytes.extend_from_slice(token(rng));
        if rng.random_ratio(1, 2) {
            bytes.push(b' ');
        }
    }
    bytes
}

fn token(rng: &mut ChaCha8Rng) -> &'static [u8] {
    TOKENS[rng.random_range(0..TOKENS.len())]
}

fn position(rng: &mut ChaCha8Rng, bytes: &[u8]) -> usize {
    rng.random_range(0..=bytes.len())
}

fn mutate_once(rng: &mut ChaCha8Rng, bytes: &mut Vec<u8>, corpus: &[Seed]) {
    let at = position(rng, bytes);
    match rng.random_range(0..11) {
        0 | 1 => {
            let t = token(rng);
            bytes.splice(at..at, t.iter().copied());
        }
        2 => {
            // A run of one token: nesting, unclosed groups, long lists.
            let t = token(rng);
            let n = if rng.random_ratio(1, 8) {
                rng.random_range(64..2000)
            } else {
                rng.random_range(2..70)
            };
            let run: Vec<u8> = t.iter().copied().cycle().take(t.len() * n).collect();
            bytes.splice(at..at, run);
        }
        3 => {
            let len = rng.random_range(0..64).min(bytes.len() - at);
            bytes.drain(at..at + len);
        }
        4 => {
            // Duplicate a slice elsewhere (repeats fields, braces, declarations).
            let from = position(rng, bytes);
            let len = rng.random_range(0..200).min(bytes.len() - from);
            let slice = bytes[from..from + len].to_vec();
            let to = position(rng, bytes);
            bytes.splice(to..to, slice);
        }
        5 => {
            // Other line endings everywhere: a lone `\r` or `\r\n`.
            let ending: &[u8] = if rng.random_ratio(1, 2) {
                b"\r"
            } else {
                b"\r\n"
            };
            let mut out = Vec::with_capacity(bytes.len());
            for &b in bytes.iter() {
                if b == b'\n' {
                    out.extend_from_slice(ending);
                } else {
                    out.push(b);
                }
            }
            *bytes = out;
        }
        6 => {
            // A slice of another corpus file.
            let other = &corpus[rng.random_range(0..corpus.len())].bytes;
            let from = rng.random_range(0..=other.len());
            let len = rng.random_range(0..400).min(other.len() - from);
            bytes.splice(at..at, other[from..from + len].iter().copied());
        }
        7 => bytes.truncate(at),
        8 => {
            if at < bytes.len() {
                bytes[at] = rng.random();
            }
        }
        9 => swap_lines(rng, bytes),
        _ => reindent(rng, bytes),
    }
}

fn line_starts(bytes: &[u8]) -> Vec<usize> {
    std::iter::once(0)
        .chain(
            bytes
                .iter()
                .enumerate()
                .filter(|&(_, &b)| b == b'\n')
                .map(|(i, _)| i + 1),
        )
        .collect()
}

fn swap_lines(rng: &mut ChaCha8Rng, bytes: &mut Vec<u8>) {
    let starts = line_starts(bytes);
    let mut lines: Vec<Vec<u8>> = starts
        .iter()
        .enumerate()
        .map(|(i, &s)| bytes[s..starts.get(i + 1).copied().unwrap_or(bytes.len())].to_vec())
        .collect();
    let a = rng.random_range(0..lines.len());
    let b = rng.random_range(0..lines.len());
    lines.swap(a, b);
    *bytes = lines.concat();
}

/// Take away or add indentation on one line: where indentation-based recovery decides.
fn reindent(rng: &mut ChaCha8Rng, bytes: &mut Vec<u8>) {
    let starts = line_starts(bytes);
    let start = starts[rng.random_range(0..starts.len())];
    let blanks = bytes[start..]
        .iter()
        .take_while(|&&b| b == b' ' || b == b'\t')
        .count();
    if blanks > 0 && rng.random_ratio(1, 2) {
        let cut = rng.random_range(1..=blanks);
        bytes.drain(start..start + cut);
    } else {
        let add = rng.random_range(1..9);
        bytes.splice(start..start, std::iter::repeat_n(b' ', add));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn corpus() -> Vec<Seed> {
        vec![Seed {
            bytes: b"role a \"A\" {\n  description \"x\"\n}\n".to_vec(),
        }]
    }

    #[test]
    fn an_input_is_a_function_of_seed_and_index() {
        let c = corpus();
        for i in 0..200 {
            assert_eq!(input(7, i, &c), input(7, i, &c));
        }
        let distinct: std::collections::BTreeSet<Vec<u8>> =
            (0..200).map(|i| input(7, i, &c)).collect();
        assert!(distinct.len() > 150, "inputs repeat: {}", distinct.len());
    }

    #[test]
    fn mutations_never_panic_on_empty_input() {
        let c = vec![Seed { bytes: Vec::new() }];
        for i in 0..500 {
            let _ = input(1, i, &c);
        }
    }
}
