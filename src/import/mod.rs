//! `isms import`: a Statement of Applicability, risk register or asset list kept in a
//! spreadsheet (`.xlsx`, `.ods`, `.csv`) turned into formatted `.isms` files.
//!
//! The stages, one file each: [`workbook`] reads the file (`calamine`, `csv`), [`header`]
//! finds each sheet's header row, [`mapping`] settles which column is which [`field`],
//! [`records`] reads the rows through [`cell`], [`migrate`] moves ISO/IEC 27001:2013 IDs
//! to 2022, [`decide`] makes one decision per control, [`parties`] and [`methodology`]
//! derive the owners and the risk scales, and [`render`] writes the text, formatted by
//! `format` (which re-parses it). Like `compile`, this module does no IO: bytes in, texts
//! out; the command writes them (`src/cli/import.rs`).
//!
//! What it had to guess it writes as a placeholder (`TODO: …`, see `placeholder.rs`), so
//! `isms check` reports it (`text/placeholder`) until a person confirms it.

pub mod acceptance;
pub mod cell;
pub mod decide;
pub mod field;
pub mod header;
pub mod mapping;
pub mod methodology;
pub mod migrate;
pub mod order;
pub mod parties;
pub mod records;
pub mod render;
pub mod workbook;

use std::fmt;

pub use field::Field;
pub use mapping::{Override, SheetKind};

use decide::Migration;
use migrate::Annex;
use records::Records;

/// One workbook as bytes, with the name it is reported under.
#[derive(Debug, Clone)]
pub struct Input {
    pub name: String,
    pub bytes: Vec<u8>,
}

#[derive(Debug, Clone, Default)]
pub struct Options {
    pub overrides: Vec<Override>,
    /// Write what could be read even when some rows could not.
    pub partial: bool,
}

/// Where a cell or row is: file, sheet, row (from 1), and the column's letter and header.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    pub file: String,
    pub sheet: String,
    pub row: usize,
    pub column: Option<(String, String)>,
}

impl fmt::Display for Place {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: sheet `{}`, row {}", self.file, self.sheet, self.row)?;
        if let Some((letter, header)) = &self.column {
            write!(f, ", column {letter} (`{header}`)")?;
        }
        Ok(())
    }
}

/// A cell or row that could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub place: Place,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.place, self.message)
    }
}

/// What was done with one sheet.
#[derive(Debug, Clone)]
pub enum SheetOutcome {
    Imported {
        kind: SheetKind,
        /// The header's row number (from 1).
        header_row: usize,
        /// (column letter, header, field) of each mapped column.
        columns: Vec<(String, String, Field)>,
        unmapped: Vec<String>,
        rows: usize,
    },
    Skipped {
        headers: Vec<String>,
    },
}

#[derive(Debug, Clone)]
pub struct SheetReport {
    pub file: String,
    pub sheet: String,
    pub outcome: SheetOutcome,
}

/// The result of an import that could be mapped.
#[derive(Debug, Clone, Default)]
pub struct Report {
    pub sheets: Vec<SheetReport>,
    /// Every control ID the import changed (2013 → 2022).
    pub migrations: Vec<Migration>,
    /// Rows passed over as notes under a table.
    pub notes: Vec<(Place, String)>,
    pub problems: Vec<Problem>,
    /// Things to confirm that no placeholder in the files can show.
    pub reminders: Vec<String>,
    /// (file name, formatted text); empty when there were problems and not `--partial`.
    pub files: Vec<(String, String)>,
}

/// Why nothing could be imported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Error {
    /// The file could not be read as a workbook.
    Read { file: String, message: String },
    /// A sheet looks importable but its mapping needs the user's decision.
    Unsettled {
        file: String,
        sheet: String,
        message: String,
        headers: Vec<String>,
    },
    /// No sheet of the file has a header this command knows.
    NoTable {
        file: String,
        headers: Vec<(String, Vec<String>)>,
    },
    /// The text written does not parse or format: a bug.
    Unformattable(String),
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Read { file, message } => write!(f, "{file}: {message}"),
            Error::Unsettled {
                file,
                sheet,
                message,
                headers,
            } => write!(
                f,
                "{file}: sheet `{sheet}`: the column mapping is not settled: {message}\n  headers seen: {}",
                quoted(headers)
            ),
            Error::NoTable { file, headers } => {
                write!(
                    f,
                    "{file}: no sheet has an ID column and the columns of a Statement of \
                     Applicability, a risk register or an asset list; name them with `--map COLUMN=FIELD`"
                )?;
                for (sheet, h) in headers {
                    write!(f, "\n  sheet `{sheet}`: headers seen: {}", quoted(h))?;
                }
                Ok(())
            }
            Error::Unformattable(why) => write!(f, "the imported text does not format: {why}"),
        }
    }
}

/// A risk or asset ID written twice is a problem at the second row; the first is kept.
/// (A control written twice is merged: see `decide`.)
fn drop_duplicates(all: &mut Records, problems: &mut Vec<Problem>) {
    let mut seen = std::collections::BTreeMap::new();
    all.risks.retain(|r| match seen.get(&r.id) {
        Some(row) => {
            problems.push(Problem {
                place: r.place.clone(),
                message: format!("the risk `{}` is already on row {row}", r.id),
            });
            false
        }
        None => {
            seen.insert(r.id.clone(), r.place.row);
            true
        }
    });
    let mut seen = std::collections::BTreeMap::new();
    all.assets.retain(|a| match seen.get(&a.id) {
        Some(row) => {
            problems.push(Problem {
                place: a.place.clone(),
                message: format!("the asset `{}` is already on row {row}", a.id),
            });
            false
        }
        None => {
            seen.insert(a.id.clone(), a.place.row);
            true
        }
    });
}

fn quoted(headers: &[String]) -> String {
    if headers.is_empty() {
        return "none".to_string();
    }
    headers
        .iter()
        .map(|h| format!("`{h}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Import the workbooks. Files are returned only when every row was read, or `partial`.
pub fn import(inputs: &[Input], options: &Options) -> Result<Report, Error> {
    let annex = Annex::shipped();
    let mut report = Report::default();
    let mut all = Records::default();
    for input in inputs {
        let book = workbook::read(&input.name, &input.bytes).map_err(|message| Error::Read {
            file: input.name.clone(),
            message,
        })?;
        let mut seen = Vec::new();
        let mut imported = false;
        for sheet in &book.sheets {
            let Some(header) = header::find(sheet) else {
                let headers = sheet
                    .rows
                    .iter()
                    .find(|r| r.iter().any(|c| c.text().is_some()))
                    .map(|r| r.iter().filter_map(workbook::Value::text).collect())
                    .unwrap_or_default();
                seen.push((sheet.name.clone(), headers));
                continue;
            };
            let headers: Vec<String> = header.columns.iter().map(|(_, t)| t.clone()).collect();
            let mapping = match mapping::settle(&header, &options.overrides) {
                Ok(m) => m,
                Err(mapping::Unsettled::NotImported) => {
                    report.sheets.push(SheetReport {
                        file: book.name.clone(),
                        sheet: sheet.name.clone(),
                        outcome: SheetOutcome::Skipped {
                            headers: headers.clone(),
                        },
                    });
                    seen.push((sheet.name.clone(), headers));
                    continue;
                }
                Err(mapping::Unsettled::Conflict(message)) => {
                    return Err(Error::Unsettled {
                        file: book.name.clone(),
                        sheet: sheet.name.clone(),
                        message,
                        headers,
                    })
                }
            };
            imported = true;
            let mut records = records::read(
                &book.name,
                sheet,
                &header,
                &mapping,
                &annex,
                &mut report.problems,
            );
            report.sheets.push(SheetReport {
                file: book.name.clone(),
                sheet: sheet.name.clone(),
                outcome: SheetOutcome::Imported {
                    kind: mapping.kind,
                    header_row: sheet.row_number(header.row),
                    columns: mapping
                        .columns
                        .iter()
                        .map(|(c, h, f)| (sheet.column_name(*c), h.clone(), *f))
                        .collect(),
                    unmapped: mapping.unmapped.clone(),
                    rows: records.soa.len() + records.risks.len() + records.assets.len(),
                },
            });
            all.soa.append(&mut records.soa);
            all.risks.append(&mut records.risks);
            all.assets.append(&mut records.assets);
            all.notes.append(&mut records.notes);
        }
        if !imported {
            return Err(Error::NoTable {
                file: book.name.clone(),
                headers: seen,
            });
        }
    }
    report.notes = std::mem::take(&mut all.notes);
    drop_duplicates(&mut all, &mut report.problems);
    let sources: Vec<&str> = inputs.iter().map(|i| i.name.as_str()).collect();
    let project = render::project(&all, &annex, &sources, &mut report)?;
    if report.problems.is_empty() || options.partial {
        report.files = project;
    }
    Ok(report)
}
