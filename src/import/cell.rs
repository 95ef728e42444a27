//! Reading one cell as a typed value: yes/no, a status, a treatment, a number on a scale,
//! a date, a list. Each reader says in one sentence what is wrong with a bad cell; the
//! caller adds where the cell is.
//!
//! Dates are ISO (`2026-10-15`) or real spreadsheet dates. A day-first date such as
//! `15.10.2026` is refused, not guessed: the tool never reorders a date it was given.

use chrono::NaiveDate;

use super::workbook::Value;
use crate::model::{Status, TreatmentKind};

pub fn yes_no(text: &str) -> Result<bool, String> {
    let word = text.trim().to_lowercase();
    match word.as_str() {
        "yes" | "y" | "ja" | "j" | "x" | "true" | "wahr" | "1" | "✓" | "✔" | "applicable"
        | "anwendbar" => Ok(true),
        "no" | "n" | "nein" | "false" | "falsch" | "0" | "-" | "—" | "not applicable"
        | "nicht anwendbar" | "excluded" | "ausgeschlossen" => Ok(false),
        _ => Err(format!("`{text}` is neither yes nor no")),
    }
}

pub fn status(text: &str) -> Result<Status, String> {
    let word = text.trim().to_lowercase().replace(['_', ' '], "-");
    let status = match word.as_str() {
        "implemented" | "umgesetzt" | "done" | "complete" | "vollständig-umgesetzt" => {
            Status::Implemented
        }
        "partial"
        | "partially-implemented"
        | "teilweise"
        | "teilweise-umgesetzt"
        | "in-progress"
        | "in-umsetzung" => Status::Partial,
        "planned" | "geplant" => Status::Planned,
        "not-implemented" | "nicht-umgesetzt" | "offen" | "open" => Status::NotImplemented,
        _ => {
            return Err(format!(
                "`{text}` is not a status: implemented, partial, planned or not-implemented"
            ))
        }
    };
    Ok(status)
}

pub fn treatment(text: &str) -> Result<TreatmentKind, String> {
    let word = text.trim().to_lowercase();
    let kind = match word.as_str() {
        "mitigate" | "reduce" | "modify" | "treat" | "mindern" | "reduzieren" | "behandeln" => {
            TreatmentKind::Mitigate
        }
        "accept" | "retain" | "akzeptieren" | "tragen" | "akzeptiert" => TreatmentKind::Accept,
        "transfer" | "share" | "übertragen" | "transferieren" | "teilen" => {
            TreatmentKind::Transfer
        }
        "avoid" | "terminate" | "vermeiden" => TreatmentKind::Avoid,
        _ => {
            return Err(format!(
                "`{text}` is not a treatment: mitigate, accept, transfer or avoid"
            ))
        }
    };
    Ok(kind)
}

/// A whole number from 1 up, the value on a numeric scale (`what`: "likelihood").
pub fn scale_value(value: &Value, what: &str) -> Result<i64, String> {
    let number = match value {
        Value::Number(n) => Some(*n),
        Value::Text(t) => t.trim().parse::<f64>().ok(),
        Value::Empty | Value::Bool(_) | Value::Date(_) => None,
    };
    match number {
        Some(n) if n.fract() == 0.0 && (1.0..=1000.0).contains(&n) => Ok(n as i64),
        _ => Err(format!(
            "`{}` is not a {what} value: the scale is numeric (1, 2, 3, …)",
            value.text().unwrap_or_default()
        )),
    }
}

pub fn date(value: &Value) -> Result<NaiveDate, String> {
    let text = match value {
        Value::Date(d) => return Ok(*d),
        other => other.text().unwrap_or_default(),
    };
    if let Ok(d) = NaiveDate::parse_from_str(&text, "%Y-%m-%d") {
        return Ok(d);
    }
    if let Ok(d) = NaiveDate::parse_from_str(&text, "%d.%m.%Y") {
        return Err(format!(
            "`{text}` is a day-first date; write it as `{}` (dates are not reordered by guess)",
            d.format("%Y-%m-%d")
        ));
    }
    Err(format!("`{text}` is not a date; write it as YYYY-MM-DD"))
}

/// Items of a list cell: split at commas, semicolons and line breaks; an item's trailing
/// note in brackets (`A.5.15 (implemented)`, as `isms build` writes them) is dropped.
pub fn id_list(text: &str) -> Vec<String> {
    text.split([',', ';', '\n'])
        .map(|item| {
            item.split('(')
                .next()
                .unwrap_or_default()
                .trim()
                .to_string()
        })
        .filter(|item| !item.is_empty())
        .collect()
}

/// Items of a free-text list (evidence): split at semicolons and line breaks only.
pub fn text_list(text: &str) -> Vec<String> {
    text.split([';', '\n'])
        .map(|item| item.trim().to_string())
        .filter(|item| !item.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn yes_and_no_in_both_languages() {
        assert_eq!(yes_no("Ja"), Ok(true));
        assert_eq!(yes_no(" yes "), Ok(true));
        assert_eq!(yes_no("x"), Ok(true));
        assert_eq!(yes_no("Nein"), Ok(false));
        assert_eq!(yes_no("no"), Ok(false));
        assert!(yes_no("vielleicht").is_err());
    }

    #[test]
    fn statuses_and_treatments() {
        assert_eq!(status("Umgesetzt"), Ok(Status::Implemented));
        assert_eq!(status("teilweise umgesetzt"), Ok(Status::Partial));
        assert_eq!(status("not-implemented"), Ok(Status::NotImplemented));
        assert_eq!(status("not implemented"), Ok(Status::NotImplemented));
        assert!(status("green").is_err());
        assert_eq!(treatment("Mindern"), Ok(TreatmentKind::Mitigate));
        assert_eq!(treatment("transfer"), Ok(TreatmentKind::Transfer));
        assert!(treatment("ignore").is_err());
    }

    #[test]
    fn a_word_on_a_numeric_scale_is_refused() {
        assert_eq!(scale_value(&Value::Number(4.0), "likelihood"), Ok(4));
        assert_eq!(scale_value(&Value::Text(" 3 ".into()), "likelihood"), Ok(3));
        let why = scale_value(&Value::Text("high".into()), "likelihood").unwrap_err();
        assert_eq!(
            why,
            "`high` is not a likelihood value: the scale is numeric (1, 2, 3, …)"
        );
        assert!(scale_value(&Value::Number(2.5), "impact").is_err());
        assert!(scale_value(&Value::Number(0.0), "impact").is_err());
    }

    #[test]
    fn dates_are_iso_or_spreadsheet_dates() {
        let day = NaiveDate::from_ymd_opt(2026, 10, 15).unwrap();
        assert_eq!(date(&Value::Text("2026-10-15".into())), Ok(day));
        assert_eq!(date(&Value::Date(day)), Ok(day));
        let why = date(&Value::Text("15.10.2026".into())).unwrap_err();
        assert!(why.contains("`2026-10-15`"), "{why}");
        assert!(date(&Value::Text("next week".into())).is_err());
    }

    #[test]
    fn lists() {
        assert_eq!(
            id_list("A.5.15 (implemented), acme-pam (partial)"),
            ["A.5.15", "acme-pam"]
        );
        assert_eq!(id_list("R-01;R-02\nR-03"), ["R-01", "R-02", "R-03"]);
        assert_eq!(
            text_list("Policy v2, approved; Jira board"),
            ["Policy v2, approved", "Jira board"]
        );
    }
}
