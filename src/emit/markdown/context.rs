//! `scope.md` (clause 4.3) and `methodology.md` (clause 6.1.2 a).

use std::fmt::Write as _;

use super::{line, table, title};
use crate::emit::methodology::MethodologyDoc;
use crate::emit::scope::ScopeDoc;

pub fn scope(s: &ScopeDoc) -> String {
    let mut out = String::new();
    title(&mut out, "ISMS scope", &s.organization, &s.date);
    if let Some(d) = &s.organization_description {
        let _ = write!(out, "{}: {}\n\n", line(&s.organization), line(d));
    }
    let _ = write!(out, "## Scope statement\n\n{}\n\n", line(&s.statement));
    if let Some(doc) = &s.doc {
        let _ = write!(out, "{}\n\n", line(doc));
    }
    list(&mut out, "Included", &s.includes);
    out.push_str("## Excluded\n\n");
    let rows: Vec<Vec<String>> = s
        .excludes
        .iter()
        .map(|e| vec![e.what.clone(), e.reason.clone().unwrap_or_default()])
        .collect();
    table(&mut out, &["Excluded", "Reason"], &rows);
    list(&mut out, "Interfaces and dependencies", &s.interfaces);
    out
}

fn list(out: &mut String, heading: &str, items: &[String]) {
    super::bullets(out, "##", heading, items);
}

pub fn methodology(m: &MethodologyDoc) -> String {
    let mut out = String::new();
    title(
        &mut out,
        "Risk assessment methodology",
        &m.organization,
        &m.date,
    );
    if let Some(doc) = &m.doc {
        let _ = write!(out, "{}\n\n", line(doc));
    }
    out.push_str("A risk's score is likelihood × impact; its level is the level whose range holds the score.\n\n");
    for (name, scale) in [("Likelihood", &m.likelihood), ("Impact", &m.impact)] {
        let _ = write!(out, "## {name} scale\n\n");
        let rows: Vec<Vec<String>> = scale
            .iter()
            .map(|r| vec![r.value.to_string(), r.label.clone()])
            .collect();
        table(&mut out, &["Value", "Meaning"], &rows);
    }
    out.push_str("## Risk levels\n\n");
    let rows: Vec<Vec<String>> = m
        .levels
        .iter()
        .map(|l| {
            vec![
                l.name.clone(),
                format!("{}–{}", l.low, l.high),
                if l.above_acceptance {
                    "needs explicit acceptance (accepted_by)"
                } else {
                    "the risk owner may accept"
                }
                .to_string(),
            ]
        })
        .collect();
    table(&mut out, &["Level", "Scores", "Acceptance"], &rows);
    if let Some(a) = &m.accept {
        let _ = write!(
            out,
            "**Acceptance threshold:** **{}**. A risk whose level (for `accept`) or residual level (for `mitigate` and `transfer`) is above it needs a named acceptor and a date.\n\n",
            line(a)
        );
    }
    if let Some(r) = &m.review {
        let _ = write!(
            out,
            "**Review:** every risk is re-assessed every {}.\n\n",
            line(r)
        );
    }
    out.push_str("## Risk matrix\n\n");
    let mut head = vec!["Likelihood \\ Impact".to_string()];
    head.extend(m.impact.iter().map(|i| i.value.to_string()));
    let head: Vec<&str> = head.iter().map(String::as_str).collect();
    let rows: Vec<Vec<String>> = m
        .likelihood
        .iter()
        .rev()
        .map(|l| {
            let mut row = vec![l.value.to_string()];
            for i in &m.impact {
                row.push(m.matrix.cell(l.value, i.value).map_or(String::new(), |c| {
                    format!("{} ({})", c.level.as_deref().unwrap_or_default(), c.score)
                }));
            }
            row
        })
        .collect();
    table(&mut out, &head, &rows);
    out
}
