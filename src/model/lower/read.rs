//! Reading typed values out of a field's arguments. A value of the wrong shape is a
//! `value/invalid` that says what the field takes; the field then reads as absent.

use chrono::NaiveDate;

use super::fields::list_or;
use crate::diagnostics::{closest_suggestion, Code, Diagnostic, Fix, Sink};
use crate::model::values::*;
use crate::source::Span;
use crate::syntax::{Arg, Field, Value, ValueKind};

fn invalid(sink: &mut Sink, span: Span, field: &str, takes: &str, found: &Value) {
    sink.push(
        Diagnostic::new(
            Code::ValueInvalid,
            span,
            format!("`{field}` takes {takes}, found {}", found.kind.describe()),
        )
        .with_label(format!("expected {takes}")),
    );
}

fn shape(sink: &mut Sink, field: &Field, takes: &str, example: &str) {
    let span = field.args.first().map_or(field.name.span, |a| {
        Span::new(a.span.file, a.span.start(), field.span.end())
    });
    let found = match field.args.len() {
        0 => "nothing".to_string(),
        1 => "a list".to_string(),
        n => format!("{n} values"),
    };
    sink.push(
        Diagnostic::new(
            Code::ValueInvalid,
            span,
            format!("`{}` takes {takes}, found {found}", field.name.text),
        )
        .with_label(format!("expected {takes}"))
        .with_help(format!("write `{} {example}`", field.name.text)),
    );
}

/// The field's only value, or a `value/invalid`.
pub fn single<'a>(
    sink: &mut Sink,
    field: &'a Field,
    takes: &str,
    example: &str,
) -> Option<&'a Value> {
    match field.args.as_slice() {
        [arg] => match arg.single() {
            Some(v) => Some(v),
            None => {
                shape(sink, field, takes, example);
                None
            }
        },
        _ => {
            shape(sink, field, takes, example);
            None
        }
    }
}

pub fn reference(sink: &mut Sink, field: &Field, takes: &str) -> Option<Ref> {
    let value = single(sink, field, takes, "<name>")?;
    value_ref(sink, value, &field.name.text, takes)
}

pub fn value_ref(sink: &mut Sink, value: &Value, field: &str, takes: &str) -> Option<Ref> {
    match &value.kind {
        ValueKind::Word(w) => Some(Ref {
            name: w.clone(),
            span: value.span,
        }),
        _ => {
            invalid(sink, value.span, field, takes, value);
            None
        }
    }
}

/// A comma-separated list of names. Items written without commas are still read, with a
/// `value/invalid` asking for the commas.
pub fn references(sink: &mut Sink, field: &Field, takes: &str) -> Vec<Ref> {
    if field.args.is_empty() {
        shape(
            sink,
            field,
            &format!("a list of names ({takes}, …)"),
            "a, b",
        );
        return Vec::new();
    }
    if field.args.len() > 1 {
        let last = field.args.last().map_or(field.span, |a| a.span);
        let first = field.args.first().map_or(field.span, |a| a.span);
        sink.push(
            Diagnostic::new(
                Code::ValueInvalid,
                Span::new(first.file, first.start(), last.end()),
                format!("items of `{}` must be separated by commas", field.name.text),
            )
            .with_label("missing `,`")
            .with_help(format!("write `{} a, b, c`", field.name.text)),
        );
    }
    // Sized exactly: a collected `Vec` starts at four elements, and most lists hold one.
    let mut refs = Vec::with_capacity(field.args.iter().map(|a| a.values.len()).sum());
    refs.extend(
        field
            .args
            .iter()
            .flat_map(|a| a.values.iter())
            .filter_map(|v| value_ref(sink, v, &field.name.text, takes)),
    );
    refs
}

pub fn string(sink: &mut Sink, field: &Field) -> Option<String> {
    let value = single(sink, field, "a string", "\"…\"")?;
    value_string(sink, value, &field.name.text)
}

pub fn value_string(sink: &mut Sink, value: &Value, field: &str) -> Option<String> {
    match &value.kind {
        ValueKind::Str(s) | ValueKind::Text(s) => Some(s.clone()),
        _ => {
            sink.push(
                Diagnostic::new(
                    Code::ValueInvalid,
                    value.span,
                    format!("`{field}` takes a string, found {}", value.kind.describe()),
                )
                .with_label("expected a string")
                .with_help("put the text in double quotes"),
            );
            None
        }
    }
}

pub fn strings(sink: &mut Sink, field: &Field) -> Vec<String> {
    field
        .args
        .iter()
        .flat_map(|a| a.values.iter())
        .filter_map(|v| value_string(sink, v, &field.name.text))
        .collect()
}

pub fn int(sink: &mut Sink, field: &Field, example: &str) -> Option<Rated> {
    let value = single(sink, field, "a number", example)?;
    value_int(sink, value, &field.name.text)
}

pub fn value_int(sink: &mut Sink, value: &Value, field: &str) -> Option<Rated> {
    match value.kind {
        ValueKind::Int(n) => Some(Rated {
            value: n,
            span: value.span,
        }),
        _ => {
            invalid(sink, value.span, field, "a number", value);
            None
        }
    }
}

/// A whole or decimal number with at most two decimal places (`12`, `4.5`, `0.25`).
pub fn value_quantity(sink: &mut Sink, value: &Value, field: &str) -> Option<(Quantity, Span)> {
    let parsed = match &value.kind {
        ValueKind::Int(n) => Quantity::from_int(*n),
        ValueKind::Decimal(text) => {
            let (whole, frac) = text.split_once('.').unwrap_or((text, ""));
            if frac.len() > 2 {
                sink.push(
                    Diagnostic::new(
                        Code::ValueInvalid,
                        value.span,
                        format!("`{field}` takes at most two decimal places"),
                    )
                    .with_label("too precise")
                    .with_help("round the value to two decimal places"),
                );
                return None;
            }
            let frac = format!("{frac:0<2}").parse::<i64>().ok();
            whole
                .parse::<i64>()
                .ok()
                .and_then(|w| w.checked_mul(100))
                .zip(frac)
                .and_then(|(w, f)| w.checked_add(f))
                .map(Quantity)
        }
        _ => {
            invalid(sink, value.span, field, "a number", value);
            return None;
        }
    };
    match parsed {
        Some(q) => Some((q, value.span)),
        None => {
            invalid(sink, value.span, field, "a smaller number", value);
            None
        }
    }
}

pub fn date(sink: &mut Sink, field: &Field) -> Option<Dated> {
    let value = single(sink, field, "a date", "YYYY-MM-DD")?;
    value_date(sink, value, &field.name.text)
}

/// A `YYYY-MM-DD` value that must exist in the calendar. A date written another way
/// (`15.10.2026`, `2026/10/15`, `2026-10-5`) is one `value/invalid-date` whose help shows
/// the ISO form.
pub fn value_date(sink: &mut Sink, value: &Value, field: &str) -> Option<Dated> {
    let ValueKind::Date(text) = &value.kind else {
        invalid(sink, value.span, field, "a date (YYYY-MM-DD)", value);
        return None;
    };
    if !is_iso_form(text) {
        let readings = iso_readings(text);
        let mut d = Diagnostic::new(
            Code::ValueInvalidDate,
            value.span,
            format!("`{text}` is not written as YYYY-MM-DD"),
        )
        .with_label("dates are written year-month-day")
        .with_help(iso_help(&readings));
        // The same date rewritten: safe when it can mean only one day.
        if let Some(first) = readings.first() {
            d = d.with_fix(Fix::did_you_mean(value.span, first, readings.len() == 1));
        }
        sink.push(d);
        return None;
    }
    match NaiveDate::parse_from_str(text, "%Y-%m-%d") {
        Ok(date) => Some(Dated {
            date,
            span: value.span,
        }),
        Err(_) => {
            sink.push(
                Diagnostic::new(
                    Code::ValueInvalidDate,
                    value.span,
                    format!("`{text}` is not a date in the calendar"),
                )
                .with_label("this day does not exist")
                .with_help(date_help(text)),
            );
            None
        }
    }
}

/// `YYYY-MM-DD` exactly: four digits, two, two.
fn is_iso_form(text: &str) -> bool {
    let b = text.as_bytes();
    b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
}

/// The ISO forms of the dates a date in another form can mean. Year first is
/// year-month-day; year last is day-month-year, then month-day-year.
fn iso_readings(text: &str) -> Vec<String> {
    let parts: Vec<u32> = text
        .split(['-', '.', '/'])
        .map(|p| p.parse::<u32>().unwrap_or(0))
        .collect();
    let [a, b, c] = parts[..] else {
        return Vec::new();
    };
    let iso = |y: u32, m: u32, d: u32| {
        i32::try_from(y)
            .ok()
            .and_then(|y| NaiveDate::from_ymd_opt(y, m, d))
            .map(|date| date.format("%Y-%m-%d").to_string())
    };
    let year_first = text.find(['-', '.', '/']) == Some(4);
    if year_first {
        iso(a, b, c).into_iter().collect()
    } else {
        let mut r: Vec<String> = iso(c, b, a).into_iter().chain(iso(c, a, b)).collect();
        r.dedup();
        r
    }
}

/// The help for a date in another form: its ISO form, or both when the year comes last
/// and day and month could be either.
fn iso_help(readings: &[String]) -> String {
    match readings {
        [] => "write the date as YYYY-MM-DD; this one is not in the calendar".to_string(),
        [one] => format!("write `{one}`"),
        [day_first, month_first, ..] => {
            format!("write `{day_first}` (or `{month_first}` if the month comes first)")
        }
    }
}

fn date_help(text: &str) -> String {
    let mut parts = text.split('-').map(|p| p.parse::<u32>().unwrap_or(0));
    let (year, month) = (parts.next().unwrap_or(0), parts.next().unwrap_or(0));
    if !(1..=12).contains(&month) {
        return "months run from 01 to 12".to_string();
    }
    let last = (28..=31)
        .rev()
        .find(|d| NaiveDate::from_ymd_opt(year as i32, month, *d).is_some())
        .unwrap_or(28);
    format!("{year:04}-{month:02} has {last} days")
}

/// A bare word out of a fixed set (`status implemented`), with a did-you-mean.
pub fn keyword<K: Keyword>(sink: &mut Sink, field: &Field) -> Option<(K, Span)> {
    let value = single(sink, field, &format!("a {}", K::WHAT), K::ALL[0].0)?;
    value_keyword(sink, value, &field.name.text)
}

pub fn value_keyword<K: Keyword>(sink: &mut Sink, value: &Value, field: &str) -> Option<(K, Span)> {
    let text = match &value.kind {
        ValueKind::Word(w) => w.as_str(),
        ValueKind::Str(s) => s.as_str(),
        _ => {
            invalid(sink, value.span, field, &format!("a {}", K::WHAT), value);
            return None;
        }
    };
    if let Some(k) = K::parse(text) {
        if matches!(value.kind, ValueKind::Word(_)) {
            return Some((k, value.span));
        }
    }
    let names = K::names();
    let mut d = Diagnostic::new(
        Code::ValueInvalid,
        value.span,
        format!("`{text}` is not a valid {}", K::WHAT),
    )
    .with_label(format!(
        "expected one of {}",
        list_or(names.iter().copied())
    ));
    if let Some(k) = K::parse(text) {
        d = d.with_help(format!("write it without quotes: `{}`", k.as_str()));
    } else if let Some(best) = closest_suggestion(text, names.iter().copied()) {
        d = d
            .with_help(format!("did you mean `{}`?", best.name))
            .with_fix(Fix::did_you_mean(value.span, best.name, best.unique));
    }
    sink.push(d);
    None
}

/// `every N days|months|years`
pub fn every(sink: &mut Sink, field: &Field) -> Option<Every> {
    let values: Vec<&Value> = field.args.iter().flat_map(|a| a.values.iter()).collect();
    let bad = |sink: &mut Sink| {
        let span = field.args.first().map_or(field.name.span, |a| {
            Span::new(a.span.file, a.span.start(), field.span.end())
        });
        sink.push(
            Diagnostic::new(
                Code::ValueInvalid,
                span,
                format!(
                    "`{}` takes a period such as `every 12 months`",
                    field.name.text
                ),
            )
            .with_label("expected `every N days|months|years`")
            .with_help(format!("write `{} every 12 months`", field.name.text)),
        );
    };
    let [every, n, unit] = values.as_slice() else {
        bad(sink);
        return None;
    };
    let (ValueKind::Word(e), ValueKind::Int(count), ValueKind::Word(unit_word)) =
        (&every.kind, &n.kind, &unit.kind)
    else {
        bad(sink);
        return None;
    };
    if *count <= 0 {
        sink.push(
            Diagnostic::new(
                Code::ValueInvalid,
                n.span,
                format!("`{}` needs a period longer than zero", field.name.text),
            )
            .with_label("must be at least 1")
            .with_help(format!("write `{} every 12 months`", field.name.text)),
        );
        return None;
    }
    let count = u32::try_from(*count).ok();
    let period = match (e.as_str(), count, unit_word.as_str()) {
        ("every", Some(n), "day" | "days") => Period::Days(n),
        ("every", Some(n), "month" | "months") => Period::Months(n),
        ("every", Some(n), "year" | "years") => Period::Years(n),
        _ => {
            bad(sink);
            return None;
        }
    };
    Some(Every {
        period,
        span: Span::new(every.span.file, every.span.start(), unit.span.end()),
    })
}

/// `P on DATE` (approved_by, accepted_by). The date may be left out, but then the
/// sign-off cannot be dated in documents.
pub fn signoff(sink: &mut Sink, field: &Field) -> Option<Signoff> {
    let values: Vec<&Value> = field.args.iter().flat_map(|a| a.values.iter()).collect();
    let name = &field.name.text;
    let bad = |sink: &mut Sink| {
        sink.push(
            Diagnostic::new(
                Code::ValueInvalid,
                field.args.first().map_or(field.name.span, |a: &Arg| a.span),
                format!("`{name}` takes a person and a date"),
            )
            .with_label("expected `<person> on YYYY-MM-DD`")
            .with_help(format!("write `{name} alice on 2026-01-15`")),
        );
    };
    let (who, on) = match values.as_slice() {
        [who] => (who, None),
        [who, kw, date] if matches!(&kw.kind, ValueKind::Word(w) if w == "on") => (who, Some(date)),
        _ => {
            bad(sink);
            return None;
        }
    };
    let by = value_ref(sink, who, name, "a person or a role")?;
    let on = on.and_then(|d| value_date(sink, d, name));
    Some(Signoff {
        by,
        on,
        span: field.span,
    })
}

/// The optional title string after a declaration's name.
pub fn title(sink: &mut Sink, args: &[Arg], index: usize, keyword: &str) -> Option<String> {
    let arg = args.get(index)?;
    match arg.single().map(|v| &v.kind) {
        Some(ValueKind::Str(s)) => Some(s.clone()),
        _ => {
            sink.push(
                Diagnostic::new(
                    Code::ValueInvalid,
                    arg.span,
                    format!("the title of a `{keyword}` must be a string"),
                )
                .with_label("expected \"Title\"")
                .with_help("put the title in double quotes"),
            );
            None
        }
    }
}

#[cfg(test)]
mod date_form_tests {
    use super::value_date;
    use crate::diagnostics::{Applicability, Code, Sink};
    use crate::source::{FileId, Span};
    use crate::syntax::{Value, ValueKind};

    /// The code, help and fix of a date written `text`.
    fn lower(text: &str) -> (Code, String, Option<(String, Applicability)>) {
        let mut sink = Sink::default();
        let value = Value {
            kind: ValueKind::Date(text.to_string()),
            span: Span::new(FileId(0), 0, text.len()),
        };
        assert!(value_date(&mut sink, &value, "reviewed").is_none());
        let diagnostics = sink.into_vec();
        assert_eq!(diagnostics.len(), 1, "one diagnostic for `{text}`");
        let d = &diagnostics[0];
        let fix = d
            .fixes
            .first()
            .map(|f| (f.edits[0].replacement.clone(), f.applicability));
        (d.code, d.help.clone().unwrap_or_default(), fix)
    }

    #[test]
    fn misspelt_dates_get_their_iso_form() {
        for text in ["15.10.2026", "15/10/2026", "2026/10/15", "10/15/2026"] {
            let (code, help, fix) = lower(text);
            assert_eq!(code, Code::ValueInvalidDate);
            assert_eq!(help, "write `2026-10-15`", "{text}");
            assert_eq!(fix, Some(("2026-10-15".to_string(), Applicability::Safe)));
        }
        assert_eq!(lower("2026-10-5").1, "write `2026-10-05`");
        assert_eq!(lower("2026-1-05").1, "write `2026-01-05`");
        // Day and month could be either: both shown, the fix needs review.
        let (_, help, fix) = lower("05.10.2026");
        assert_eq!(
            help,
            "write `2026-10-05` (or `2026-05-10` if the month comes first)"
        );
        assert_eq!(fix.map(|f| f.1), Some(Applicability::NeedsReview));
        // Not a day at all: no fix.
        assert_eq!(lower("32.13.2026").2, None);
    }
}
