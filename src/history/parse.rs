//! Parsing what git prints. Nothing here trusts the output's shape: a record that does not
//! parse is skipped, never a panic.

use std::collections::BTreeSet;

use chrono::NaiveDate;

use super::Commit;

/// Starts each commit's record (ASCII record separator).
pub const RECORD: char = '\u{1e}';
/// Separates the fields of a record's header (ASCII unit separator).
pub const UNIT: char = '\u{1f}';
/// The `--format` that [`log`] reads: record separator, full hash, author date, author
/// name, subject, each separated by the unit separator. With `-z` the header ends in NUL,
/// then come the file names, each ended by NUL.
pub const LOG_FORMAT: &str = "--format=%x1e%H%x1f%ad%x1f%an%x1f%s";

/// The abbreviated hash's length.
const HASH_DIGITS: usize = 10;

/// The commits of `git log -z --name-only --date=short` run with [`LOG_FORMAT`].
pub fn log(output: &str) -> Vec<Commit> {
    output.split(RECORD).filter_map(record).collect()
}

fn record(text: &str) -> Option<Commit> {
    let (header, files) = text.split_once('\0').unwrap_or((text, ""));
    let mut fields = header.splitn(4, UNIT);
    let hash = fields.next()?;
    let date = fields.next()?;
    let author = fields.next()?;
    // The subject is the last field, so a unit separator inside it stays in it.
    let subject = fields.next()?;
    if hash.len() < HASH_DIGITS || !hash.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    let date = NaiveDate::parse_from_str(date, "%Y-%m-%d").ok()?;
    Some(Commit {
        hash: hash.get(..HASH_DIGITS)?.to_string(),
        date,
        author: author.to_string(),
        subject: subject.to_string(),
        files: paths(files).into_iter().collect(),
    })
}

/// NUL-separated paths (`-z`), as a set; the newline git puts between a commit's header
/// and its files is not part of a path.
pub fn paths(output: &str) -> BTreeSet<String> {
    output
        .split('\0')
        .map(|p| p.strip_prefix('\n').unwrap_or(p))
        .filter(|p| !p.is_empty())
        .map(str::to_string)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const HASH: &str = "e2fc8e1cd6aafdd55f4bce11f7769ec936aaaf3b";

    #[test]
    fn reads_records_with_their_files() {
        let out = format!(
            "\u{1e}{HASH}\u{1f}2026-11-29\u{1f}Ann Example\u{1f}second: tab\there\0\na.isms\0b c.isms\0\u{1e}{HASH}\u{1f}2026-11-28\u{1f}x\u{1f}first\0\na.isms\0"
        );
        let commits = log(&out);
        assert_eq!(commits.len(), 2);
        assert_eq!(commits[0].hash, "e2fc8e1cd6");
        assert_eq!(commits[0].author, "Ann Example");
        assert_eq!(commits[0].subject, "second: tab\there");
        assert_eq!(commits[0].files, ["a.isms", "b c.isms"]);
        assert_eq!(
            commits[1].date,
            NaiveDate::from_ymd_opt(2026, 11, 28).unwrap()
        );
    }

    #[test]
    fn odd_output_is_skipped_not_a_panic() {
        for out in [
            "",
            "\u{1e}",
            "\u{1e}\0",
            "garbage\0\n",
            "\u{1e}zz\u{1f}2026-01-01\u{1f}a\u{1f}s\0",
            "\u{1e}e2fc8e1cd6aafdd5\u{1f}2026-13-01\u{1f}a\u{1f}s\0",
            "\u{1e}e2fc8e1cd6aafdd5\u{1f}2026-01-01\0",
            "\u{1e}é2fc8e1cd6aafdd5\u{1f}2026-01-01\u{1f}a\u{1f}s",
        ] {
            assert!(log(out).is_empty(), "{out:?}");
        }
        // A merge lists no files; a subject may hold the unit separator.
        let merge = format!("\u{1e}{HASH}\u{1f}2026-01-01\u{1f}a\u{1f}merge\u{1f}x\0");
        let commits = log(&merge);
        assert_eq!(commits[0].subject, "merge\u{1f}x");
        assert!(commits[0].files.is_empty());
    }

    #[test]
    fn paths_are_nul_separated() {
        let set = paths("a.isms\0dir/b.isms\0\0");
        assert_eq!(
            set.into_iter().collect::<Vec<_>>(),
            ["a.isms", "dir/b.isms"]
        );
    }
}
