//! Printing [`Changes`](super::Changes): for a terminal, for a pull-request comment, and as
//! JSON. The words come from [`sentences`], shared with the "changes since" document.

pub mod human;
pub mod markdown;
pub mod sentences;
pub mod tree;

use super::Changes;

/// The JSON of `isms diff --format json`: the [`Changes`] as they are.
pub fn json(c: &Changes) -> Result<String, serde_json::Error> {
    serde_json::to_string_pretty(c).map(|mut s| {
        s.push('\n');
        s
    })
}
