//! `soa.xlsx` (the SoA on one sheet with a Theme column, and a Summary sheet) and
//! `risk-register.xlsx` (the register and the treatment plan): the shared tables with a
//! frozen header row, autofilter, column widths and wrapped text, set up to print on A4
//! landscape. The document's creation date is `--today`, so the file is reproducible.

use rust_xlsxwriter::{
    Color, DocProperties, ExcelDateTime, Format, FormatAlign, FormatBorder, Workbook, Worksheet,
    XlsxError,
};

use super::table::{self, Cell, Table};
use super::{Derived, Error, Output};
use crate::control;

/// Excel refuses longer strings in a cell (counted in UTF-16 units).
const MAX_CELL: usize = 32_767;
/// Excel ignores longer page headers; the library then prints a warning.
const MAX_HEADER: usize = 200;
const A4: u8 = 9;

pub fn documents(d: &Derived) -> Result<Vec<Output>, Error> {
    let org = &d.register.organization;
    let date = &d.register.date;
    let soa = workbook(
        "Statement of Applicability",
        org,
        date,
        &[table::soa(&d.soa), table::summary(&d.soa)],
    )?;
    let register = workbook(
        "Risk register and treatment plan",
        org,
        date,
        &[table::risks(&d.register), table::plan(&d.register)],
    )?;
    // The plan also stays on the register's second sheet, where existing users find it.
    let plan = workbook(
        "Risk treatment plan",
        org,
        date,
        &[table::plan(&d.register)],
    )?;
    Ok(vec![
        Output::new("soa.xlsx", soa),
        Output::new("risk-register.xlsx", register),
        Output::new("treatment-plan.xlsx", plan),
    ])
}

fn workbook(title: &str, org: &str, date: &str, tables: &[Table]) -> Result<Vec<u8>, XlsxError> {
    let mut wb = Workbook::new();
    // Without an explicit creation date the library stamps the current time.
    let created = ExcelDateTime::parse_from_str(date)?;
    let props = DocProperties::new()
        .set_title(title)
        .set_company(org)
        .set_creation_datetime(&created);
    wb.set_properties(&props);
    for t in tables {
        sheet(wb.add_worksheet(), t, &format!("{org} — {title}"))?;
    }
    wb.save_to_buffer()
}

fn sheet(ws: &mut Worksheet, t: &Table, heading: &str) -> Result<(), XlsxError> {
    ws.set_name(t.sheet)?;
    let header = Format::new()
        .set_bold()
        .set_font_color(Color::White)
        .set_background_color(Color::RGB(0x1F_3A_5F))
        .set_text_wrap()
        .set_align(FormatAlign::Top)
        .set_border(FormatBorder::Thin)
        .set_border_color(Color::RGB(0xBF_BF_BF));
    let body = Format::new()
        .set_text_wrap()
        .set_align(FormatAlign::Top)
        .set_border(FormatBorder::Thin)
        .set_border_color(Color::RGB(0xD9_D9_D9));
    let last_col = u16::try_from(t.columns.len().saturating_sub(1)).unwrap_or(u16::MAX);
    for (c, column) in t.columns.iter().enumerate() {
        let c = u16::try_from(c).unwrap_or(u16::MAX);
        ws.set_column_width(c, column.width)?;
        ws.write_string_with_format(0, c, column.title, &header)?;
    }
    for (r, row) in t.rows.iter().enumerate() {
        let r = u32::try_from(r + 1).unwrap_or(u32::MAX);
        for (c, cell) in row.iter().enumerate() {
            let c = u16::try_from(c).unwrap_or(u16::MAX);
            match cell {
                // Always a string, never a formula: `=…` from the project stays text.
                Cell::Text(s) => {
                    let s = control::visible(s);
                    ws.write_string_with_format(r, c, clip(&s, MAX_CELL), &body)?
                }
                // Scores and counts are small integers: exact as f64.
                Cell::Int(n) => ws.write_number_with_format(r, c, *n as f64, &body)?,
                Cell::Empty => ws.write_blank(r, c, &body)?,
            };
        }
    }
    let last_row = u32::try_from(t.rows.len()).unwrap_or(u32::MAX);
    ws.set_freeze_panes(1, 0)?;
    ws.autofilter(0, 0, last_row, last_col)?;
    ws.set_landscape()
        .set_paper_size(A4)
        .set_print_fit_to_pages(1, 0)
        .set_header(format!("&L{}", escape_header(clip(heading, MAX_HEADER))))
        .set_footer("&LPage &P of &N");
    ws.set_repeat_rows(0, 0)?;
    Ok(())
}

/// Cut to at most `max` UTF-16 units, on a character boundary.
fn clip(s: &str, max: usize) -> &str {
    let mut units = 0;
    for (at, c) in s.char_indices() {
        units += c.len_utf16();
        if units > max {
            return &s[..at];
        }
    }
    s
}

/// `&` starts a control code in page headers.
fn escape_header(s: &str) -> String {
    s.replace('&', "&&")
}
