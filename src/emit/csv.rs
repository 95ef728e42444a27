//! `soa.csv`, `risk-register.csv` and `treatment-plan.csv`: the shared tables as RFC 4180
//! CSV (CRLF line ends, fields quoted when needed, a header row of column titles).
//!
//! A spreadsheet opening the file runs any cell that starts like a formula, so user text
//! is neutralised as OWASP recommends for CSV injection: a cell starting with `=`, `+`,
//! `-`, `@`, tab or carriage return gets a leading `'`.

use std::borrow::Cow;

use super::table::{self, Cell, Table};
use super::{Derived, Error, Output};
use crate::control;

pub fn documents(d: &Derived) -> Result<Vec<Output>, Error> {
    Ok(vec![
        Output::new("soa.csv", write(&table::soa(&d.soa))?),
        Output::new("risk-register.csv", write(&table::risks(&d.register))?),
        Output::new("treatment-plan.csv", write(&table::plan(&d.register))?),
    ])
}

fn write(t: &Table) -> Result<Vec<u8>, Error> {
    let mut w = ::csv::WriterBuilder::new()
        .terminator(::csv::Terminator::CRLF)
        .from_writer(Vec::new());
    w.write_record(t.columns.iter().map(|c| c.title))?;
    for row in &t.rows {
        w.write_record(row.iter().map(field))?;
    }
    w.into_inner()
        .map_err(|e| Error::Csv(::csv::Error::from(e.into_error())))
}

/// A cell as CSV writes it: numbers as they are (a negative score is a number, not a
/// formula), text neutralised and with hidden characters shown.
fn field(cell: &Cell) -> String {
    match cell {
        Cell::Text(s) => neutralise(&control::visible(s)).into_owned(),
        other => other.to_text(),
    }
}

/// Text a spreadsheet would read as a formula, prefixed with `'` so it reads as text.
fn neutralise(s: &str) -> Cow<'_, str> {
    if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        Cow::Owned(format!("'{s}"))
    } else {
        Cow::Borrowed(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_starts_are_neutralised() {
        for s in [
            "=HYPERLINK(\"http://x\")",
            "+1",
            "-2+3",
            "@SUM(A1)",
            "\tx",
            "\rx",
        ] {
            assert_eq!(field(&Cell::Text(s.into())), format!("'{s}"));
        }
        assert_eq!(field(&Cell::Text("a=b".into())), "a=b");
        assert_eq!(field(&Cell::Int(-3)), "-3");
    }
}
