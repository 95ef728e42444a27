//! What is done and what is overdue: the one definition, used by the checker
//! (`control/overdue`, `risk/treatment-overdue`, `nonconformity/overdue`), by the
//! current risk level and by every document (the treatment plan, the corrective action
//! log, readiness). Whatever a document marks overdue, `check` warns about.

use chrono::NaiveDate;

use super::{
    Control, Kind, Model, NcStatus, Nonconformity, Policy, Ref, Status, Treatment, TreatmentKind,
};

/// Whether a control a treatment names is recorded as `implemented`. A name that resolves
/// to nothing is not counted as pending (resolution reports it); a catalog control
/// without a record is pending.
pub fn implemented(m: &Model, r: &Ref) -> Option<bool> {
    let slot = m.resolution.decl(r, Kind::Control)?;
    let slot = m.slots.get(slot)?;
    Some(m.control_decl(slot).and_then(|c| c.status) == Some(Status::Implemented))
}

/// The controls of a treatment that are not implemented yet, in the order written.
pub fn pending_controls<'t>(m: &Model, t: &'t Treatment) -> Vec<&'t Ref> {
    t.controls
        .iter()
        .filter(|r| implemented(m, r) == Some(false))
        .collect()
}

/// Whether the treatment's action is recorded by `done` rather than by its controls: an
/// `avoid`, and a `transfer` without controls.
pub fn completed_by_done(t: &Treatment) -> bool {
    match t.kind {
        TreatmentKind::Avoid => true,
        TreatmentKind::Transfer => t.controls.is_empty(),
        TreatmentKind::Mitigate | TreatmentKind::Accept => false,
    }
}

/// Whether the treatment's action is complete, so that its target level is reached:
/// every control it names is implemented, or, for an `avoid` and a `transfer` without
/// controls, `done` is recorded. An `accept` plans no action: it is complete, at the
/// inherent level.
pub fn treatment_complete(m: &Model, t: &Treatment) -> bool {
    if completed_by_done(t) {
        return t.done.is_some();
    }
    match t.kind {
        TreatmentKind::Accept => true,
        TreatmentKind::Mitigate | TreatmentKind::Transfer | TreatmentKind::Avoid => {
            pending_controls(m, t).is_empty()
        }
    }
}

/// Whether a date has passed on `today`.
pub fn passed(due: NaiveDate, today: NaiveDate) -> bool {
    due < today
}

/// When a policy is next due for review: its approval date plus its review period
/// (`policy/review-overdue` once it has passed, and its document is a draft).
pub fn policy_next_review(p: &Policy) -> Option<NaiveDate> {
    let on = p.approved.as_ref().and_then(|a| a.on)?;
    p.review?.period.after(on.date)
}

/// A treatment is overdue when its `due` has passed and its action is not complete.
pub fn treatment_overdue(m: &Model, t: &Treatment, today: NaiveDate) -> bool {
    let Some(due) = t.due else {
        return false;
    };
    passed(due.date, today) && t.kind != TreatmentKind::Accept && !treatment_complete(m, t)
}

/// A control is overdue when its `due` has passed and it is not `implemented`.
pub fn control_overdue(c: &Control, today: NaiveDate) -> bool {
    c.due.is_some_and(|d| passed(d.date, today)) && c.status != Some(Status::Implemented)
}

/// A nonconformity is overdue when it is open and its `due` has passed.
pub fn nonconformity_overdue(n: &Nonconformity, today: NaiveDate) -> bool {
    matches!(n.status, Some((NcStatus::Open, _))) && n.due.is_some_and(|d| passed(d.date, today))
}

#[cfg(test)]
mod tests {
    use crate::{compile, Input, Options};
    use chrono::NaiveDate;

    fn late(treatment: &str, control_status: &str, today: &str) -> (bool, bool) {
        let text = format!(
            "control c \"C\" {{\n status {control_status}\n due 2026-06-30\n}}\nrisk R \"t\" {{\n likelihood 1\n impact 1\n treatment {treatment}\n}}\n"
        );
        let today = NaiveDate::parse_from_str(today, "%Y-%m-%d").unwrap_or_default();
        let c = compile(vec![Input::new("t.isms", text)], &Options { today });
        let m = &c.model;
        let t = m.risks[0].treatment.as_ref().unwrap();
        (
            super::treatment_overdue(m, t, today),
            super::control_overdue(&m.controls[0], today),
        )
    }

    #[test]
    fn overdue_means_past_due_and_not_done() {
        let mitigate = "mitigate {\n controls c\n due 2026-06-30\n }";
        assert_eq!(late(mitigate, "planned", "2026-06-30"), (false, false));
        assert_eq!(late(mitigate, "planned", "2026-07-01"), (true, true));
        assert_eq!(late(mitigate, "implemented", "2026-07-01"), (false, false));
        let avoid = "avoid {\n rationale \"stop\"\n due 2026-06-30\n }";
        assert!(late(avoid, "implemented", "2026-07-01").0);
        let done = "avoid {\n rationale \"stop\"\n due 2026-06-30\n done 2026-06-01\n }";
        assert!(!late(done, "implemented", "2026-07-01").0);
        let transfer = "transfer {\n to \"insurer\"\n due 2026-06-30\n }";
        assert!(late(transfer, "implemented", "2026-07-01").0);
        let accept = "accept {\n rationale \"fine\"\n }";
        assert!(!late(accept, "implemented", "2030-01-01").0);
    }
}
