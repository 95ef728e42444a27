//! How declarations are named in documents: people and roles by their names, IDs in
//! natural order, dates as `YYYY-MM-DD`, statuses in words.

use std::cmp::Ordering;

use chrono::NaiveDate;
use serde::Serialize;

use crate::model::Keyword as _;
use crate::model::{Kind, Model, Ref, Referent, Status};

/// An owner, approver or acceptor: the ID as written and the name a reader knows
/// (a person's name, a role's title).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Party {
    pub id: String,
    pub name: String,
}

impl Party {
    /// The party a reference names, as resolution resolved it.
    pub fn of(m: &Model, r: &Ref) -> Party {
        let name = match m.resolution.target(r) {
            Some(Referent::Decl(Kind::Person, i)) => m.persons.get(i).and_then(|p| p.name.clone()),
            Some(Referent::Decl(Kind::Role, i)) => m.roles.get(i).and_then(|x| x.title.clone()),
            _ => None,
        }
        .unwrap_or_else(|| r.name.clone());
        Party {
            id: r.name.clone(),
            name,
        }
    }
}

/// A declaration referred to by ID, with its title.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Named {
    pub id: String,
    pub name: String,
}

/// A control named by a risk treatment or a policy: its title and implementation record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ControlRef {
    pub id: String,
    pub title: String,
    pub status: Option<Status>,
    pub owner: Option<Party>,
    pub due: Option<String>,
}

impl ControlRef {
    /// The control a reference names, as resolution resolved it.
    pub fn of(m: &Model, r: &Ref) -> ControlRef {
        let id = r.name.as_str();
        let slot = m
            .resolution
            .decl(r, Kind::Control)
            .and_then(|i| m.slots.get(i));
        let decl = slot.and_then(|s| m.control_decl(s));
        let title = slot
            .and_then(|s| m.catalog_entry(s))
            .map(|(_, e)| e.title.clone())
            .or_else(|| decl.and_then(|d| d.title.clone()))
            .unwrap_or_default();
        ControlRef {
            id: id.to_string(),
            title,
            status: decl.and_then(|d| d.status),
            owner: decl.and_then(|d| d.owner.as_ref()).map(|o| Party::of(m, o)),
            due: decl.and_then(|d| d.due).map(|d| date(d.date)),
        }
    }

    /// `A.8.5 (implemented)`, `acme-pam (no record)`: the form tables use.
    pub fn with_status(&self) -> String {
        let status = self.status.map_or("no record", |s| s.as_str());
        format!("{} ({status})", self.id)
    }
}

pub fn date(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

/// A control status in words, for readers (the JSON and CSV keep the keyword).
pub fn status_words(s: Status) -> &'static str {
    match s {
        Status::Implemented => "implemented",
        Status::Partial => "partial",
        Status::Planned => "planned",
        Status::NotImplemented => "not implemented",
    }
}

/// Natural order, so `R-2` comes before `R-10`; plain order breaks ties (`R-01`, `R-1`).
pub fn natural_cmp(a: &str, b: &str) -> Ordering {
    let (ca, cb) = (chunks(a), chunks(b));
    for (x, y) in ca.iter().zip(&cb) {
        let digits = |s: &str| s.bytes().all(|c| c.is_ascii_digit());
        let ord = if digits(x) && digits(y) {
            let (x, y) = (x.trim_start_matches('0'), y.trim_start_matches('0'));
            x.len().cmp(&y.len()).then_with(|| x.cmp(y))
        } else {
            x.cmp(y)
        };
        if ord != Ordering::Equal {
            return ord;
        }
    }
    ca.len().cmp(&cb.len()).then_with(|| a.cmp(b))
}

/// `R-10a` → `R-`, `10`, `a`.
fn chunks(s: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut prev: Option<bool> = None;
    for (i, c) in s.char_indices() {
        let digit = c.is_ascii_digit();
        if prev.is_some_and(|p| p != digit) {
            out.push(&s[start..i]);
            start = i;
        }
        prev = Some(digit);
    }
    if start < s.len() {
        out.push(&s[start..]);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_sort_naturally() {
        let mut ids = vec!["R-10", "R-2", "R-01", "A.8.5", "A.5.15", "A.5.9"];
        ids.sort_by(|a, b| natural_cmp(a, b));
        assert_eq!(ids, ["A.5.9", "A.5.15", "A.8.5", "R-01", "R-2", "R-10"]);
    }
}
