//! audit/coverage-gap: a clause of 4–10, or an applicable Annex A control, that no audit
//! of the audit programme's current cycle covered (clause 9.2.2: the programme covers the
//! whole ISMS).

use crate::check::Context;
use crate::diagnostics::{Code, Diagnostic, Sink};
use crate::model::coverage::{audit_coverage, Coverage};

/// How many control IDs the help names before it counts the rest.
const NAMED: usize = 12;

pub fn check(cx: &Context<'_>, sink: &mut Sink) {
    let m = cx.model;
    let Some(programme) = m.programme() else {
        return;
    };
    // No audit at all is `audit/overdue`; an unknown clause or control is its own error.
    if m.audits.is_empty() || cx.names_unknown() {
        return;
    }
    let Some(coverage) = audit_coverage(m, cx.today) else {
        return;
    };
    if coverage.uncertain || !coverage.has_gaps() {
        return;
    }
    let clauses: Vec<&str> = coverage.clause_gaps().map(|c| c.id).collect();
    let controls: Vec<&str> = coverage
        .control_gaps()
        .filter_map(|s| m.slots.get(s).map(|x| x.id.as_str()))
        .collect();
    let mut parts = Vec::new();
    if !clauses.is_empty() {
        parts.push(count(clauses.len(), "clause", "clauses"));
    }
    if !controls.is_empty() {
        parts.push(count(
            controls.len(),
            "applicable control",
            "applicable controls",
        ));
    }
    let mut d = Diagnostic::new(
        Code::AuditCoverageGap,
        programme.id.span,
        format!(
            "no audit of the current cycle of `{}` covered {}",
            programme.id.text,
            parts.join(" and ")
        ),
    )
    .with_label(cycle_label(&coverage));
    if let Some(cycle) = programme.cycle {
        d = d.with_secondary(
            cycle.span,
            "the cycle every clause and control is audited in",
        );
    }
    let mut help = Vec::new();
    if !clauses.is_empty() {
        help.push(format!("clauses {}", ticked(&clauses, clauses.len())));
    }
    if !controls.is_empty() {
        help.push(format!("controls {}", ticked(&controls, NAMED)));
    }
    sink.push(d.with_help(format!(
        "plan an audit of {} in this cycle, and name them in its `clauses` and `controls`",
        help.join("; ")
    )));
}

fn cycle_label(c: &Coverage) -> String {
    match (c.cycle, c.after) {
        (Some(p), Some(after)) => format!(
            "{} {} in the cycle of {p} after {after}",
            c.audits.len(),
            if c.audits.len() == 1 {
                "audit"
            } else {
                "audits"
            }
        ),
        _ => format!(
            "no `cycle` declared: the {} recorded so far make one cycle",
            if c.audits.len() == 1 {
                "audit".to_string()
            } else {
                format!("{} audits", c.audits.len())
            }
        ),
    }
}

fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// "`4.1`, `4.2` and 3 more"
fn ticked(ids: &[&str], at_most: usize) -> String {
    let shown: Vec<String> = ids.iter().take(at_most).map(|i| format!("`{i}`")).collect();
    match ids.len().saturating_sub(at_most) {
        0 => shown.join(", "),
        rest => format!("{} and {rest} more", shown.join(", ")),
    }
}
