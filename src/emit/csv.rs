//! `soa.csv`, `risk-register.csv` and `treatment-plan.csv`: the shared tables as RFC 4180
//! CSV (CRLF line ends, fields quoted when needed, a header row of column titles).

use super::table::{self, Table};
use super::{Derived, Document, Error};

pub fn documents(d: &Derived) -> Result<Vec<Document>, Error> {
    Ok(vec![
        Document::new("soa.csv", write(&table::soa(&d.soa))?),
        Document::new("risk-register.csv", write(&table::risks(&d.register))?),
        Document::new("treatment-plan.csv", write(&table::plan(&d.register))?),
    ])
}

fn write(t: &Table) -> Result<Vec<u8>, Error> {
    let mut w = ::csv::WriterBuilder::new()
        .terminator(::csv::Terminator::CRLF)
        .from_writer(Vec::new());
    w.write_record(t.columns.iter().map(|c| c.title))?;
    for row in &t.rows {
        w.write_record(row.iter().map(|c| c.to_text()))?;
    }
    w.into_inner()
        .map_err(|e| Error::Csv(::csv::Error::from(e.into_error())))
}
