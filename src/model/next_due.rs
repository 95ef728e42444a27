//! When something is next due: a policy's review, a risk's re-assessment, the next audit
//! of the programme, a training's repetition. The one definition, used by the rules that
//! warn when the date has passed (`policy/review-overdue`, `risk/review-overdue`,
//! `audit/overdue`, `training/overdue`) and by every document that prints the date, so a
//! document never shows a date `check` disagrees with. Whether a due date has passed is
//! [`super::overdue::passed`].

use chrono::NaiveDate;

use super::{Audit, Dated, Model, Policy, Risk, Training};

impl Policy {
    /// The approval date plus the review period.
    pub fn next_review(&self) -> Option<NaiveDate> {
        let on = self.approved.as_ref().and_then(|a| a.on)?;
        self.review?.period.after(on.date)
    }
}

impl Training {
    /// The last completion plus the frequency.
    pub fn next_due(&self) -> Option<NaiveDate> {
        self.frequency?.period.after(self.completed?.date)
    }
}

impl Model {
    /// A risk's last review plus the methodology's review period.
    pub fn risk_next_review(&self, r: &Risk) -> Option<NaiveDate> {
        let review = self.methodology()?.review?;
        review.period.after(r.reviewed?.date)
    }

    /// The latest dated audit of the programme, and when the next one is due: its date
    /// plus the programme's interval.
    pub fn next_audit_due(&self) -> Option<(&Audit, Dated, NaiveDate)> {
        let interval = self.programme()?.interval?;
        let (audit, on) = self
            .audits
            .iter()
            .filter_map(|a| a.date.map(|d| (a, d)))
            .max_by_key(|(_, d)| d.date)?;
        Some((audit, on, interval.period.after(on.date)?))
    }
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use crate::{compile, Input, Options};

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap_or_default()
    }

    #[test]
    fn next_due_dates_add_the_period_to_the_last_event() {
        let text = "methodology {\n review every 12 months\n}\n\
            policy p \"P\" {\n owner x\n approved_by x on 2026-01-31\n version \"1\"\n review every 1 months\n}\n\
            risk R \"r\" {\n reviewed 2026-03-01\n}\n\
            training t \"T\" {\n frequency every 6 months\n completed 2026-02-10\n}\n\
            programme ap \"A\" {\n interval every 6 months\n}\n\
            audit a1 \"one\" {\n date 2026-01-10\n}\naudit a2 \"two\" {\n date 2026-04-20\n}\n";
        let c = compile(
            vec![Input::new("t.isms", text)],
            &Options {
                today: day("2026-06-01"),
            },
        );
        let m = &c.model;
        // A month after 31 January is the end of February, not 3 March.
        assert_eq!(m.policies[0].next_review(), Some(day("2026-02-28")));
        assert_eq!(m.risk_next_review(&m.risks[0]), Some(day("2027-03-01")));
        assert_eq!(m.trainings[0].next_due(), Some(day("2026-08-10")));
        let (audit, _, due) = m.next_audit_due().unwrap();
        assert_eq!((audit.id.text.as_str(), due), ("a2", day("2026-10-20")));
    }
}
