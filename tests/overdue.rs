//! One notion of overdue (issue #11, item 3): over a range of `--today` dates on the
//! example, everything the documents mark overdue is exactly what `check` warns about as
//! overdue: the treatment plan's rows against `risk/treatment-overdue` and
//! `control/overdue`, the corrective action log against `nonconformity/overdue`.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::BTreeSet;
use std::path::Path;

use chrono::{Days, NaiveDate};
use isms::diagnostics::Code;
use isms::emit::lifecycle::LifecycleDoc;
use isms::emit::register::Register;
use isms::{compile, Compilation, Input};

const ACME: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/acme");

fn inputs() -> Vec<Input> {
    fn walk(dir: &Path, out: &mut Vec<(String, Vec<u8>)>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|x| x == "isms") {
                let name = path
                    .strip_prefix(ACME)
                    .unwrap()
                    .to_string_lossy()
                    .replace('\\', "/");
                out.push((name, std::fs::read(&path).unwrap()));
            }
        }
    }
    let mut files = Vec::new();
    walk(Path::new(ACME), &mut files);
    files.sort();
    files.into_iter().map(|(n, b)| Input::new(n, b)).collect()
}

/// The first name in backticks of each diagnostic of `code`: the risk, control or
/// nonconformity it is about.
fn warned(c: &Compilation, code: Code) -> BTreeSet<String> {
    c.diagnostics
        .iter()
        .filter(|d| d.code == code)
        .map(|d| d.message.split('`').nth(1).unwrap().to_string())
        .collect()
}

#[test]
fn documents_and_check_agree_on_what_is_overdue() {
    let start = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
    let mut seen_overdue = 0;
    let mut seen_not_overdue = 0;
    for step in 0..40 {
        let today = start.checked_add_days(Days::new(step * 30)).unwrap();
        let c = compile(inputs(), &isms::Options { today });
        let late_treatments = warned(&c, Code::RiskTreatmentOverdue);
        let late_controls = warned(&c, Code::ControlOverdue);
        let late_ncs = warned(&c, Code::NonconformityOverdue);

        let register = Register::build(&c);
        let mut covered_treatments = BTreeSet::new();
        let mut covered_controls = BTreeSet::new();
        for row in &register.treatment_plan {
            let by_treatment = late_treatments.contains(&row.risk);
            let by_control = row
                .control
                .as_ref()
                .is_some_and(|id| late_controls.contains(id));
            assert_eq!(
                row.overdue,
                by_treatment || by_control,
                "{today}: the plan marks {} / {:?} overdue = {}, check warns about treatments {late_treatments:?} and controls {late_controls:?}",
                row.risk,
                row.control,
                row.overdue
            );
            if row.overdue {
                seen_overdue += 1;
                if by_treatment {
                    covered_treatments.insert(row.risk.clone());
                }
                if let (Some(id), true) = (&row.control, by_control) {
                    covered_controls.insert(id.clone());
                }
            } else {
                seen_not_overdue += 1;
            }
        }
        // Every overdue treatment check warns about is marked in the plan.
        assert_eq!(covered_treatments, late_treatments, "{today}");
        // Every overdue control a treatment names is marked in the plan.
        let planned: BTreeSet<String> = register
            .treatment_plan
            .iter()
            .filter_map(|r| r.control.clone())
            .collect();
        let late_planned: BTreeSet<String> =
            late_controls.intersection(&planned).cloned().collect();
        assert_eq!(covered_controls, late_planned, "{today}");

        let log = LifecycleDoc::build(&c);
        let marked: BTreeSet<String> = log
            .nonconformities
            .iter()
            .filter(|n| n.overdue)
            .map(|n| n.id.clone())
            .collect();
        assert_eq!(marked, late_ncs, "{today}: the corrective action log");
    }
    // The range crosses due dates: both kinds of rows occur.
    assert!(seen_overdue > 0 && seen_not_overdue > 0);
}
