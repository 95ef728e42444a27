//! Reading a workbook (`.xlsx`, `.ods`, `.xls` through `calamine`; `.csv` through `csv`)
//! into plain sheets of values, with each cell's place as the spreadsheet shows it (sheet,
//! row from 1, column letter), so every later message can point at the cell.

use std::io::Cursor;

use calamine::{open_workbook_auto_from_rs, Data, Reader};
use chrono::NaiveDate;

/// One file, read whole.
#[derive(Debug, Clone)]
pub struct Workbook {
    /// The file name as the user wrote it, for messages.
    pub name: String,
    pub sheets: Vec<Sheet>,
}

#[derive(Debug, Clone)]
pub struct Sheet {
    pub name: String,
    /// The cells, row by row; `rows[0]` is spreadsheet row `first_row`.
    pub rows: Vec<Vec<Value>>,
    /// The spreadsheet row number (from 1) of `rows[0]`.
    pub first_row: usize,
    /// The column index (from 0) of each row's first cell.
    pub first_col: usize,
}

/// A cell's value as the file typed it.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Empty,
    Text(String),
    Number(f64),
    Bool(bool),
    /// A cell formatted as a date in the spreadsheet (not text that looks like one).
    Date(NaiveDate),
}

impl Value {
    /// The value as text, trimmed; `None` for an empty cell or blanks.
    pub fn text(&self) -> Option<String> {
        let text = match self {
            Value::Empty => return None,
            Value::Text(s) => s.trim().to_string(),
            Value::Number(n) if n.fract() == 0.0 && n.abs() < 1e15 => format!("{}", *n as i64),
            Value::Number(n) => n.to_string(),
            Value::Bool(b) => b.to_string(),
            Value::Date(d) => d.format("%Y-%m-%d").to_string(),
        };
        (!text.is_empty()).then_some(text)
    }
}

impl Sheet {
    /// The spreadsheet row number (from 1) of `rows[index]`.
    pub fn row_number(&self, index: usize) -> usize {
        self.first_row + index
    }

    /// The column letters (`A`, `Z`, `AA`) of cell `index` of a row.
    pub fn column_name(&self, index: usize) -> String {
        column_letters(self.first_col + index)
    }
}

/// `0` → `A`, `25` → `Z`, `26` → `AA`.
pub fn column_letters(mut index: usize) -> String {
    let mut letters = Vec::new();
    loop {
        letters.push(char::from(b'A' + (index % 26) as u8));
        if index < 26 {
            break;
        }
        index = index / 26 - 1;
    }
    letters.iter().rev().collect()
}

/// Read `bytes` as the workbook `name`: by its extension, CSV or a spreadsheet.
pub fn read(name: &str, bytes: &[u8]) -> Result<Workbook, String> {
    let lower = name.to_ascii_lowercase();
    let sheets = if lower.ends_with(".csv") {
        vec![csv_sheet(name, bytes)?]
    } else if [".xlsx", ".xlsm", ".ods", ".xls", ".xlsb"]
        .iter()
        .any(|ext| lower.ends_with(ext))
    {
        spreadsheet(bytes)?
    } else {
        return Err("not a workbook: the file name must end in .xlsx, .ods, .xls or .csv".into());
    };
    Ok(Workbook {
        name: name.to_string(),
        sheets,
    })
}

fn spreadsheet(bytes: &[u8]) -> Result<Vec<Sheet>, String> {
    let mut book = open_workbook_auto_from_rs(Cursor::new(bytes.to_vec()))
        .map_err(|e| format!("cannot read the workbook: {e}"))?;
    let mut sheets = Vec::new();
    for name in book.sheet_names() {
        let range = book
            .worksheet_range(&name)
            .map_err(|e| format!("cannot read the sheet `{name}`: {e}"))?;
        let (row, col) = range.start().unwrap_or((0, 0));
        let rows = range
            .rows()
            .map(|cells| cells.iter().map(value).collect())
            .collect();
        sheets.push(Sheet {
            name,
            rows,
            first_row: row as usize + 1,
            first_col: col as usize,
        });
    }
    Ok(sheets)
}

fn value(cell: &Data) -> Value {
    match cell {
        Data::Empty | Data::Error(_) => Value::Empty,
        Data::String(s) => Value::Text(s.clone()),
        Data::Int(n) => Value::Number(*n as f64),
        Data::Float(f) => Value::Number(*f),
        Data::Bool(b) => Value::Bool(*b),
        Data::DateTime(d) => excel_date(d.as_f64()).map_or(Value::Empty, Value::Date),
        Data::DateTimeIso(s) | Data::DurationIso(s) => Value::Text(s.clone()),
    }
}

/// A spreadsheet date serial: days since 1899-12-30 (the 1900 leap-year bug included, as
/// every spreadsheet counts it).
fn excel_date(serial: f64) -> Option<NaiveDate> {
    let base = NaiveDate::from_ymd_opt(1899, 12, 30)?;
    let days = serial.floor();
    if !(0.0..=2_958_465.0).contains(&days) {
        return None;
    }
    base.checked_add_days(chrono::Days::new(days as u64))
}

fn csv_sheet(name: &str, bytes: &[u8]) -> Result<Sheet, String> {
    let text = std::str::from_utf8(bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes))
        .map_err(|_| "the CSV file is not UTF-8: save it as \"CSV UTF-8\"".to_string())?;
    // Spreadsheets in German locales write `;` between cells.
    let first = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    let delimiter = if first.matches(';').count() > first.matches(',').count() {
        b';'
    } else {
        b','
    };
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| format!("cannot read the CSV file: {e}"))?;
        rows.push(
            record
                .iter()
                .map(|cell| {
                    if cell.trim().is_empty() {
                        Value::Empty
                    } else {
                        Value::Text(cell.to_string())
                    }
                })
                .collect(),
        );
    }
    let stem = std::path::Path::new(name)
        .file_stem()
        .map_or_else(|| name.to_string(), |s| s.to_string_lossy().into_owned());
    Ok(Sheet {
        name: stem,
        rows,
        first_row: 1,
        first_col: 0,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_letters_count_like_spreadsheets() {
        assert_eq!(column_letters(0), "A");
        assert_eq!(column_letters(25), "Z");
        assert_eq!(column_letters(26), "AA");
        assert_eq!(column_letters(27), "AB");
        assert_eq!(column_letters(701), "ZZ");
        assert_eq!(column_letters(702), "AAA");
    }

    #[test]
    fn csv_with_semicolons_and_a_bom() {
        let sheet = csv_sheet("soa.csv", "\u{feff}Nr.;Titel\nA.5.1;Policies\n".as_bytes()).unwrap();
        assert_eq!(sheet.name, "soa");
        assert_eq!(sheet.rows[1][0], Value::Text("A.5.1".into()));
    }

    #[test]
    fn date_serials() {
        assert_eq!(excel_date(46310.0), NaiveDate::from_ymd_opt(2026, 10, 15));
    }
}
