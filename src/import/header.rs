//! Finding the header row of a sheet: the row among the first rows that names the most
//! known fields. A title row above it, blank rows and a group row (`Bewertung` merged over
//! `Eintrittswahrscheinlichkeit` and `Auswirkung`) are passed over; a header merged down
//! over two rows (its text in the upper row only) is read from the row above.

use super::field::Field;
use super::workbook::Sheet;

/// How far down a header row is looked for.
const SEARCH_ROWS: usize = 30;
/// A row is a header only if it names at least this many known fields.
const MIN_KNOWN: usize = 2;

/// The header of a sheet: which row, and the text of each column's header.
#[derive(Debug, Clone, PartialEq)]
pub struct Header {
    /// Index into `Sheet::rows`.
    pub row: usize,
    /// (column index, header text) of every column with a header, left to right.
    pub columns: Vec<(usize, String)>,
}

/// The header row, or `None` when no row names enough known fields.
pub fn find(sheet: &Sheet) -> Option<Header> {
    let mut best: Option<(usize, Header)> = None;
    for index in 0..sheet.rows.len().min(SEARCH_ROWS) {
        let header = read_row(sheet, index);
        let known = header
            .columns
            .iter()
            .filter(|(_, text)| Field::from_header(text).is_some())
            .count();
        // The first row with the most known headers wins: a later row as good is data.
        if known >= MIN_KNOWN && best.as_ref().is_none_or(|(k, _)| known > *k) {
            best = Some((known, header));
        }
    }
    best.map(|(_, header)| header)
}

/// The headers of row `index`; an empty cell takes the text above it when that text is a
/// known header (a cell merged over two rows keeps its text in the upper one).
fn read_row(sheet: &Sheet, index: usize) -> Header {
    let row = &sheet.rows[index];
    let above = index.checked_sub(1).and_then(|i| sheet.rows.get(i));
    let mut columns = Vec::new();
    for (col, cell) in row.iter().enumerate() {
        let text = cell.text().or_else(|| {
            above
                .and_then(|r| r.get(col))
                .and_then(|c| c.text())
                .filter(|t| Field::from_header(t).is_some())
        });
        if let Some(text) = text {
            columns.push((col, text.replace(['\n', '\r'], " ")));
        }
    }
    Header {
        row: index,
        columns,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::workbook::Value;

    fn sheet(rows: &[&[&str]]) -> Sheet {
        Sheet {
            name: "s".into(),
            rows: rows
                .iter()
                .map(|r| {
                    r.iter()
                        .map(|c| {
                            if c.is_empty() {
                                Value::Empty
                            } else {
                                Value::Text((*c).into())
                            }
                        })
                        .collect()
                })
                .collect(),
            first_row: 1,
            first_col: 0,
        }
    }

    #[test]
    fn skips_a_title_row_and_blank_rows() {
        let s = sheet(&[
            &["Erklärung zur Anwendbarkeit (SoA) der Muster GmbH", "", ""],
            &["", "", ""],
            &["Nr.", "Titel", "Anwendbar"],
            &["A.5.1", "Policies", "ja"],
        ]);
        let h = find(&s).unwrap();
        assert_eq!(h.row, 2);
        assert_eq!(h.columns.len(), 3);
    }

    #[test]
    fn a_group_row_above_is_not_the_header() {
        let s = sheet(&[
            &["", "", "Bewertung", ""],
            &["Nr.", "Risiko", "Eintrittswahrscheinlichkeit", "Auswirkung"],
        ]);
        let h = find(&s).unwrap();
        assert_eq!(h.row, 1);
        assert_eq!(h.columns[2].1, "Eintrittswahrscheinlichkeit");
    }

    #[test]
    fn a_header_merged_over_two_rows_is_read_from_above() {
        let s = sheet(&[
            &["Nr.", "Verantwortlich", "Umsetzung", ""],
            &["", "", "Status", "Nachweis"],
            &["A.5.1", "ISB", "umgesetzt", "Richtlinie"],
        ]);
        let h = find(&s).unwrap();
        assert_eq!(h.row, 1);
        let names: Vec<&str> = h.columns.iter().map(|(_, t)| t.as_str()).collect();
        assert_eq!(names, ["Nr.", "Verantwortlich", "Status", "Nachweis"]);
    }

    #[test]
    fn no_header_in_a_sheet_of_prose() {
        let s = sheet(&[&["Notes"], &["Nothing to see here"]]);
        assert_eq!(find(&s), None);
    }
}
