//! The changes in sentences, grouped in sections: what every rendering prints (the
//! terminal, Markdown, the "changes since" document), so they say the same words.

use super::super::changes::{
    AcceptanceChange, ApplicabilityChange, Changes, OwnerChange, PolicyChange, RecordChange,
    RiskChange, StatusChange, TreatmentChange,
};
use super::super::snapshot::{Applicability, DiagnosticFact, RecordFact, Treatment};

/// A part of a sentence: words of the report, an identifier, or text the user wrote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece {
    Words(String),
    Id(String),
    User(String),
}

pub type Sentence = Vec<Piece>;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    pub title: &'static str,
    pub sentences: Vec<Sentence>,
}

fn w(s: impl Into<String>) -> Piece {
    Piece::Words(s.into())
}

fn id(s: &str) -> Piece {
    Piece::Id(s.to_string())
}

fn or_none(s: &Option<String>) -> String {
    s.clone().unwrap_or_else(|| "none".to_string())
}

/// The sections that have something to say, in a fixed order.
pub fn sections(c: &Changes) -> Vec<Section> {
    let all = [
        Section {
            title: "Applicability",
            sentences: c.applicability.iter().map(applicability).collect(),
        },
        Section {
            title: "Control status",
            sentences: c.statuses.iter().map(status).collect(),
        },
        Section {
            title: "Risks",
            sentences: c.risks.iter().map(risk).collect(),
        },
        Section {
            title: "Treatments",
            sentences: c.treatments.iter().map(treatment).collect(),
        },
        Section {
            title: "Acceptances",
            sentences: c.acceptances.iter().map(acceptance).collect(),
        },
        Section {
            title: "Policies",
            sentences: c.policies.iter().map(policy).collect(),
        },
        Section {
            title: "Owners",
            sentences: c.owners.iter().map(owner).collect(),
        },
        Section {
            title: "Nonconformities",
            sentences: c
                .nonconformities
                .iter()
                .map(|r| record(r, "raised"))
                .collect(),
        },
        Section {
            title: "Incidents",
            sentences: c.incidents.iter().map(|r| record(r, "on")).collect(),
        },
        Section {
            title: "Diagnostics",
            sentences: c
                .diagnostics
                .appeared
                .iter()
                .map(|d| diagnostic("new", d))
                .chain(
                    c.diagnostics
                        .disappeared
                        .iter()
                        .map(|d| diagnostic("gone", d)),
                )
                .collect(),
        },
    ];
    all.into_iter()
        .filter(|s| !s.sentences.is_empty())
        .collect()
}

fn applicability(x: &ApplicabilityChange) -> Sentence {
    let mut s = vec![id(&x.control)];
    match &x.after {
        Some(Applicability::Applicable(why)) => {
            s.push(w(" became applicable: "));
            s.push(Piece::User(why.clone()));
        }
        Some(Applicability::Excluded(why)) => {
            s.push(w(" excluded: "));
            s.push(Piece::User(why.clone()));
        }
        Some(Applicability::Unaddressed) => {
            s.push(w(" is neither justified nor excluded"));
        }
        None => s.push(w(" left the Statement of Applicability")),
    }
    let was = match &x.before {
        Some(Applicability::Applicable(_)) => " (was applicable)",
        Some(Applicability::Excluded(_)) => " (was excluded)",
        Some(Applicability::Unaddressed) => " (was unaddressed)",
        None => " (new)",
    };
    s.push(w(was));
    s
}

fn status(x: &StatusChange) -> Sentence {
    let word = |s: &Option<String>| s.clone().unwrap_or_else(|| "no status".to_string());
    vec![
        id(&x.control),
        w(format!(" {} → {}", word(&x.before), word(&x.after))),
    ]
}

fn level(l: &Option<String>) -> String {
    l.clone().unwrap_or_else(|| "not rated".to_string())
}

fn risk(x: &RiskChange) -> Sentence {
    match x {
        RiskChange::New {
            risk,
            title,
            level: l,
            residual_level,
        } => {
            let mut s = vec![id(risk), w(" new")];
            if !title.is_empty() {
                s.extend([w(" ("), Piece::User(title.clone()), w(")")]);
            }
            s.push(w(format!(": {}", level(l))));
            if let Some(r) = residual_level {
                s.push(w(format!(", target {r}")));
            }
            s
        }
        RiskChange::Removed {
            risk,
            title,
            level: l,
        } => {
            let mut s = vec![id(risk), w(" removed")];
            if !title.is_empty() {
                s.extend([w(" ("), Piece::User(title.clone()), w(")")]);
            }
            s.push(w(format!(": was {}", level(l))));
            s
        }
        RiskChange::Rerated {
            risk,
            level_before,
            level_after,
            residual_before,
            residual_after,
        } => {
            let mut s = vec![id(risk), w(" re-rated:")];
            if level_before != level_after {
                s.push(w(format!(
                    " {} → {}",
                    level(level_before),
                    level(level_after)
                )));
            } else {
                s.push(w(format!(" {}", level(level_after))));
            }
            if residual_before != residual_after {
                s.push(w(format!(
                    ", target {} → {}",
                    level(residual_before),
                    level(residual_after)
                )));
            }
            s
        }
    }
}

fn treatment_words(t: &Treatment) -> String {
    let mut out = t
        .option
        .clone()
        .unwrap_or_else(|| "no treatment".to_string());
    if !t.controls.is_empty() {
        out.push_str(&format!(" with {}", t.controls.join(", ")));
    }
    if let Some(due) = &t.due {
        out.push_str(&format!(", due {due}"));
    }
    if let Some(done) = &t.done {
        out.push_str(&format!(", done {done}"));
    }
    out
}

fn treatment(x: &TreatmentChange) -> Sentence {
    vec![
        id(&x.risk),
        w(format!(
            ": {} → {}",
            treatment_words(&x.before),
            treatment_words(&x.after)
        )),
    ]
}

fn acceptance(x: &AcceptanceChange) -> Sentence {
    match x {
        AcceptanceChange::Given { risk, acceptance } => {
            let mut s = vec![
                id(risk),
                w(" accepted by "),
                Piece::User(acceptance.by.clone()),
            ];
            if let Some(on) = &acceptance.on {
                s.push(w(format!(" on {on}")));
            }
            s
        }
        AcceptanceChange::Expired { risk, acceptance } => vec![
            id(risk),
            w(" acceptance by "),
            Piece::User(acceptance.by.clone()),
            w(" expired: "),
            Piece::User(acceptance.lapsed.clone().unwrap_or_default()),
        ],
        AcceptanceChange::Withdrawn { risk, acceptance } => vec![
            id(risk),
            w(" acceptance by "),
            Piece::User(acceptance.by.clone()),
            w(" withdrawn"),
        ],
    }
}

fn policy(x: &PolicyChange) -> Sentence {
    match x {
        PolicyChange::New { policy, title } => {
            vec![id(policy), w(" new: "), Piece::User(title.clone())]
        }
        PolicyChange::Removed { policy, title } => {
            vec![id(policy), w(" removed: "), Piece::User(title.clone())]
        }
        PolicyChange::Reapproved {
            policy,
            approved_by,
            on_before,
            on_after,
            version_before,
            version_after,
        } => {
            let mut s = vec![id(policy), w(" re-approved")];
            if let Some(by) = approved_by {
                s.extend([w(" by "), Piece::User(by.clone())]);
            }
            s.push(w(format!(
                " on {} (was {})",
                or_none(on_after),
                on_before
                    .clone()
                    .unwrap_or_else(|| "unapproved".to_string())
            )));
            if version_before != version_after {
                s.push(w(format!(
                    ", version {} → {}",
                    or_none(version_before),
                    or_none(version_after)
                )));
            }
            s
        }
        PolicyChange::Overdue { policy, since } => {
            vec![id(policy), w(format!(" overdue for review since {since}"))]
        }
    }
}

fn owner(x: &OwnerChange) -> Sentence {
    vec![
        w(format!("{} ", x.kind)),
        id(&x.id),
        w(": "),
        Piece::User(or_none(&x.before)),
        w(" → "),
        Piece::User(or_none(&x.after)),
    ]
}

fn record(x: &RecordChange, date_word: &str) -> Sentence {
    let (verb, r): (&str, &RecordFact) = match x {
        RecordChange::New(r) => ("new", r),
        RecordChange::Closed(r) => ("closed", r),
    };
    let mut s = vec![id(&r.id), w(format!(" {verb}"))];
    if !r.title.is_empty() {
        s.extend([w(": "), Piece::User(r.title.clone())]);
    }
    let mut details = Vec::new();
    if let Some(state) = &r.state {
        if verb == "new" {
            details.push(state.clone());
        }
    }
    if let Some(date) = &r.date {
        details.push(format!("{date_word} {date}"));
    }
    if !details.is_empty() {
        s.push(w(format!(" ({})", details.join(", "))));
    }
    s
}

fn diagnostic(verb: &str, d: &DiagnosticFact) -> Sentence {
    vec![
        w(format!("{verb} {}[", d.severity)),
        id(&d.code),
        w("] "),
        Piece::User(d.file.clone()),
        w(": "),
        Piece::User(d.message.clone()),
    ]
}
