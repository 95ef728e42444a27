//! `isms fix` without the IO: compile, apply the chosen fixes, check each changed file,
//! compile again, until nothing changes or the round bound is hit.

use std::collections::BTreeSet;

use super::apply::{apply_edits, choose};
use super::sound;
use crate::diagnostics::Edit;
use crate::source::FileId;
use crate::{compile_with, Compilation, Input, Options, Settings};

/// At most this many rounds: each fix removes its diagnostic, so a project converges in
/// a few; a bound keeps two fixes that undo each other from looping.
pub const MAX_ROUNDS: usize = 10;

/// One fix applied.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Applied {
    pub file: String,
    /// 1-based line of its first edit, in the file as it was in that round.
    pub line: usize,
    pub title: String,
}

/// A file whose fixes were refused by the soundness check: it is left as it was.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refused {
    pub file: String,
    pub reason: String,
}

#[derive(Debug)]
pub struct Outcome {
    /// Each project file's text after fixing (`None`: not valid UTF-8, never fixed).
    pub texts: Vec<Option<String>>,
    /// Which files changed, by input position.
    pub changed: Vec<usize>,
    pub applied: Vec<Applied>,
    pub refused: Vec<Refused>,
    /// Rounds that applied something.
    pub rounds: usize,
    /// Fixes were still applicable after [`MAX_ROUNDS`] rounds.
    pub bound_hit: bool,
    /// The compilation of the result: what is left.
    pub compilation: Compilation,
}

/// Fix `inputs` (one project): safe fixes, and those that need review too with
/// `unsafe_fixes`.
pub fn fix(
    inputs: Vec<Input>,
    options: &Options,
    settings: &Settings,
    unsafe_fixes: bool,
) -> Outcome {
    let originals: Vec<Option<String>> = inputs
        .iter()
        .map(|i| String::from_utf8(i.bytes.clone()).ok())
        .collect();
    let mut texts = originals.clone();
    let mut frozen: BTreeSet<usize> = BTreeSet::new();
    let mut applied = Vec::new();
    let mut refused = Vec::new();
    let mut rounds = 0;
    let project_files = inputs.len();
    let mut current = inputs;
    loop {
        let c = compile_with(current.clone(), options, settings);
        let editable = |f: FileId| {
            let i = f.0 as usize;
            i < project_files && !frozen.contains(&i) && texts.get(i).is_some_and(Option::is_some)
        };
        let mut chosen = choose(&c.diagnostics, unsafe_fixes, editable);
        if chosen.is_empty() {
            return finish(originals, texts, applied, refused, rounds, false, c);
        }
        if rounds == MAX_ROUNDS {
            return finish(originals, texts, applied, refused, rounds, true, c);
        }
        // Drop the fixes of files that fail the check until every changed file passes.
        let new_texts = loop {
            let mut failed = Vec::new();
            let mut out: Vec<(usize, String)> = Vec::new();
            for (i, text) in texts.iter().enumerate() {
                let Some(text) = text else { continue };
                let edits: Vec<&Edit> = chosen
                    .iter()
                    .flat_map(|f| &f.edits)
                    .filter(|e| e.span.file.0 as usize == i)
                    .collect();
                if edits.is_empty() {
                    continue;
                }
                let after = apply_edits(text, &edits);
                match sound::check(text, &after, &edits) {
                    Ok(()) => out.push((i, after)),
                    Err(reason) => failed.push((i, reason)),
                }
            }
            if failed.is_empty() {
                break out;
            }
            for (i, reason) in failed {
                frozen.insert(i);
                refused.push(Refused {
                    file: c.sources.name(FileId(i as u32)).to_string(),
                    reason,
                });
            }
            chosen.retain(|f| {
                f.edits
                    .iter()
                    .all(|e| !frozen.contains(&(e.span.file.0 as usize)))
            });
        };
        if chosen.is_empty() {
            continue;
        }
        rounds += 1;
        for f in &chosen {
            let Some(first) = f.edits.iter().min() else {
                continue;
            };
            let line = c
                .sources
                .get(first.span.file)
                .map_or(0, |s| s.line_column(first.span.start()).0);
            applied.push(Applied {
                file: c.sources.name(first.span.file).to_string(),
                line,
                title: f.title.clone(),
            });
        }
        for (i, after) in new_texts {
            if let Some(input) = current.get_mut(i) {
                input.bytes = after.clone().into_bytes();
            }
            if let Some(slot) = texts.get_mut(i) {
                *slot = Some(after);
            }
        }
    }
}

fn finish(
    originals: Vec<Option<String>>,
    texts: Vec<Option<String>>,
    applied: Vec<Applied>,
    refused: Vec<Refused>,
    rounds: usize,
    bound_hit: bool,
    compilation: Compilation,
) -> Outcome {
    let changed = originals
        .iter()
        .zip(&texts)
        .enumerate()
        .filter(|(_, (a, b))| a != b)
        .map(|(i, _)| i)
        .collect();
    Outcome {
        texts,
        changed,
        applied,
        refused,
        rounds,
        bound_hit,
        compilation,
    }
}

#[cfg(test)]
mod tests {
    use super::fix;
    use crate::{Input, Options, Settings};

    fn options() -> Options {
        let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap_or_default();
        Options { today }
    }

    #[test]
    fn safe_fixes_apply_in_rounds_and_a_second_run_changes_nothing() {
        let inputs = vec![
            Input::new("a.isms", "role ciso \"CISO\"\n"),
            Input::new(
                "b.isms",
                "asset db \"DB\" {\n  kind information\n  ownr cisoo\n}\n",
            ),
        ];
        let out = fix(inputs, &options(), &Settings::default(), false);
        // Round 1 renames the field; only then is `cisoo` a reference, fixed in round 2.
        assert_eq!(out.rounds, 2);
        assert_eq!(out.changed, [1]);
        assert_eq!(
            out.texts[1].as_deref(),
            Some("asset db \"DB\" {\n  kind information\n  owner ciso\n}\n")
        );
        let titles: Vec<&str> = out.applied.iter().map(|a| a.title.as_str()).collect();
        assert_eq!(titles, ["Replace with `owner`", "Replace with `ciso`"]);
        assert!(!out.bound_hit && out.refused.is_empty());
        let again: Vec<Input> = out
            .texts
            .iter()
            .enumerate()
            .map(|(i, t)| Input::new(format!("{i}.isms"), t.clone().unwrap_or_default()))
            .collect();
        let second = fix(again, &options(), &Settings::default(), false);
        assert!(second.applied.is_empty() && second.changed.is_empty());
    }

    #[test]
    fn a_file_that_is_not_utf8_is_never_fixed() {
        let mut bytes = b"asset db \"DB\" {\n  kind information\n  ownr x\n}\n// \xff\n".to_vec();
        bytes.extend_from_slice(b"\n");
        let out = fix(
            vec![Input::new("a.isms", bytes)],
            &options(),
            &Settings::default(),
            true,
        );
        assert!(out.applied.is_empty() && out.changed.is_empty());
        assert_eq!(out.texts, [None]);
    }
}
