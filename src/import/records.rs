//! Reading the rows of a mapped sheet into records: one per control, risk or asset, each
//! cell parsed by `cell`, each bad cell one [`Problem`] with its sheet, row and column.
//! Blank rows, a repeated header and trailing notes (a row with one line of prose) are
//! passed over.

use chrono::NaiveDate;

use super::cell;
use super::field::Field;
use super::header::Header;
use super::mapping::{Mapping, SheetKind};
use super::migrate::{self, Annex, ControlId};
use super::parties::{slug, PartyCell};
use super::workbook::{Sheet, Value};
use super::{Place, Problem};
use crate::model::{AssetKind, Keyword as _, Status, TreatmentKind};

#[derive(Debug, Clone)]
pub struct SoaRecord {
    pub place: Place,
    pub id: ControlId,
    pub title: Option<String>,
    pub applicable: bool,
    pub justification: Option<String>,
    pub exclusion_reason: Option<String>,
    pub status: Option<Status>,
    pub owner: Option<PartyCell>,
    pub evidence: Vec<String>,
    pub requirements: Vec<String>,
    /// The risks the SoA names as the reason (their order is the project's).
    pub risks: Vec<String>,
    pub due: Option<NaiveDate>,
    pub description: Option<String>,
}

#[derive(Debug, Clone)]
pub struct RiskRecord {
    pub place: Place,
    pub id: String,
    pub title: Option<String>,
    pub assets: Vec<String>,
    pub threat: Option<String>,
    pub vulnerability: Option<String>,
    pub likelihood: i64,
    pub likelihood_label: Option<String>,
    pub impact: i64,
    pub impact_label: Option<String>,
    pub level: Option<String>,
    pub owner: Option<PartyCell>,
    pub treatment: Option<TreatmentKind>,
    pub rationale: Option<String>,
    pub transfer_to: Option<String>,
    /// (control cell, where it was) of each control the treatment names.
    pub controls: Vec<ControlId>,
    pub residual: Option<(i64, i64)>,
    pub residual_level: Option<String>,
    pub accepted_by: Option<PartyCell>,
    /// "risk owner", or "authorised to accept up to LEVEL" (as `isms build` writes it).
    pub accepted_as: Option<String>,
    pub accepted_on: Option<NaiveDate>,
    pub due: Option<NaiveDate>,
    pub done: Option<NaiveDate>,
    pub reviewed: Option<NaiveDate>,
    pub description: Option<String>,
}

#[derive(Debug, Clone)]
pub struct AssetRecord {
    pub place: Place,
    pub id: String,
    pub title: Option<String>,
    pub kind: AssetKind,
    pub owner: Option<PartyCell>,
    pub classification: Option<String>,
    pub location: Option<String>,
    pub description: Option<String>,
}

/// The records of one sheet.
#[derive(Debug, Default)]
pub struct Records {
    pub soa: Vec<SoaRecord>,
    pub risks: Vec<RiskRecord>,
    pub assets: Vec<AssetRecord>,
    /// Rows passed over as notes: (place, text).
    pub notes: Vec<(Place, String)>,
}

/// Read every data row below the header. Rows with a bad cell are left out and their
/// problems pushed onto `problems`.
pub fn read(
    file: &str,
    sheet: &Sheet,
    header: &Header,
    mapping: &Mapping,
    annex: &Annex,
    problems: &mut Vec<Problem>,
) -> Records {
    let mut records = Records::default();
    let id_col = mapping.column(Field::Id).unwrap_or(0);
    for index in header.row + 1..sheet.rows.len() {
        let cells = &sheet.rows[index];
        let filled: Vec<String> = cells.iter().filter_map(Value::text).collect();
        if filled.is_empty() {
            continue;
        }
        let row = Row {
            file,
            sheet,
            mapping,
            index,
            cells,
            problems: Vec::new(),
        };
        let repeated_header = header
            .columns
            .iter()
            .all(|(c, t)| row.cells.get(*c).and_then(Value::text).as_deref() == Some(t));
        if repeated_header {
            continue;
        }
        let id = cells.get(id_col).and_then(Value::text);
        if is_note(&filled, id.as_deref()) {
            records
                .notes
                .push((row.place(None), filled.join(" ").chars().take(60).collect()));
            continue;
        }
        let mut row = row;
        match mapping.kind {
            SheetKind::Soa => {
                if let Some(r) = soa_record(&mut row, annex) {
                    records.soa.push(r);
                }
            }
            SheetKind::Risks => {
                if let Some(r) = risk_record(&mut row, annex) {
                    records.risks.push(r);
                }
            }
            SheetKind::Assets => {
                if let Some(r) = asset_record(&mut row) {
                    records.assets.push(r);
                }
            }
        }
        problems.append(&mut row.problems);
    }
    records
}

/// A row with one cell of prose (`Stand: Oktober 2026, freigegeben durch …`), or with no
/// ID and nothing but prose, is a note under the table, not a record.
fn is_note(filled: &[String], id: Option<&str>) -> bool {
    match id {
        None => filled.len() == 1,
        Some(id) => filled.len() == 1 && id.contains(' ') && id.split_whitespace().count() > 2,
    }
}

/// One data row and the problems found in it.
struct Row<'a> {
    file: &'a str,
    sheet: &'a Sheet,
    mapping: &'a Mapping,
    index: usize,
    cells: &'a [Value],
    problems: Vec<Problem>,
}

impl Row<'_> {
    fn place(&self, field: Option<Field>) -> Place {
        let column = field.and_then(|f| {
            let col = self.mapping.column(f)?;
            let header = self
                .mapping
                .columns
                .iter()
                .find(|(c, _, _)| *c == col)
                .map(|(_, h, _)| h.clone())
                .unwrap_or_default();
            Some((self.sheet.column_name(col), header))
        });
        Place {
            file: self.file.to_string(),
            sheet: self.sheet.name.clone(),
            row: self.sheet.row_number(self.index),
            column,
        }
    }

    fn value(&self, field: Field) -> &Value {
        self.mapping
            .column(field)
            .and_then(|c| self.cells.get(c))
            .unwrap_or(&Value::Empty)
    }

    fn text(&self, field: Field) -> Option<String> {
        self.value(field).text()
    }

    fn problem(&mut self, field: Field, message: String) {
        let place = self.place(Some(field));
        self.problems.push(Problem { place, message });
    }

    /// The cell read by `parse`; a bad cell is a problem and `None`.
    fn parse<T>(&mut self, field: Field, parse: impl Fn(&Value) -> Result<T, String>) -> Option<T> {
        let value = self.value(field).clone();
        value.text()?;
        match parse(&value) {
            Ok(v) => Some(v),
            Err(message) => {
                self.problem(field, message);
                None
            }
        }
    }

    fn party(&self, id_field: Field, name_field: Field) -> Option<PartyCell> {
        let cell = self.text(id_field)?;
        let name = self.text(name_field);
        // An exported workbook writes the ID beside the name; a hand-written one the name.
        if name.is_some() && migrate::is_word(&cell) {
            return Some(PartyCell {
                id: Some(cell),
                name,
            });
        }
        Some(PartyCell {
            id: None,
            name: Some(cell),
        })
    }

    fn date(&mut self, field: Field) -> Option<NaiveDate> {
        self.parse(field, cell::date)
    }

    fn control_ids(&mut self, field: Field, annex: &Annex) -> Vec<ControlId> {
        let Some(text) = self.text(field) else {
            return Vec::new();
        };
        let mut ids = Vec::new();
        for item in cell::id_list(&text) {
            match migrate::read(&item, annex) {
                Ok(id) => ids.push(id),
                Err(message) => self.problem(field, message),
            }
        }
        ids
    }
}

fn soa_record(row: &mut Row<'_>, annex: &Annex) -> Option<SoaRecord> {
    let raw = row.text(Field::Id)?;
    let before = row.problems.len();
    let id = match migrate::read(&raw, annex) {
        Ok(id) => Some(id),
        Err(message) => {
            row.problem(Field::Id, message);
            None
        }
    };
    let applicable = match row.text(Field::Applicable) {
        Some(text) => cell::yes_no(&text)
            .map_err(|m| row.problem(Field::Applicable, m))
            .ok(),
        None => {
            row.problem(
                Field::Applicable,
                "the cell is empty: write yes or no".into(),
            );
            None
        }
    };
    let status = row.parse(Field::Status, |v| {
        cell::status(&v.text().unwrap_or_default())
    });
    let due = row.date(Field::Due);
    let record = SoaRecord {
        place: row.place(None),
        id: id?,
        title: row.text(Field::Title),
        applicable: applicable?,
        justification: row.text(Field::Justification),
        exclusion_reason: row.text(Field::ExclusionReason),
        status,
        owner: row.party(Field::Owner, Field::OwnerName),
        evidence: row
            .text(Field::Evidence)
            .map(|t| cell::text_list(&t))
            .unwrap_or_default(),
        requirements: row
            .text(Field::Requirements)
            .map(|t| cell::id_list(&t))
            .unwrap_or_default(),
        risks: row
            .text(Field::Risks)
            .map(|t| cell::id_list(&t))
            .unwrap_or_default(),
        due,
        description: row.text(Field::Description),
    };
    (row.problems.len() == before).then_some(record)
}

fn risk_record(row: &mut Row<'_>, annex: &Annex) -> Option<RiskRecord> {
    let raw = row.text(Field::Id)?;
    let before = row.problems.len();
    let id = risk_id(&raw);
    if id.is_none() {
        row.problem(
            Field::Id,
            format!("`{raw}` is not a risk ID (letters, digits and `-`)"),
        );
    }
    let required = |row: &mut Row<'_>, field: Field, what: &str| {
        let value = row.parse(field, |v| cell::scale_value(v, what));
        if value.is_none() && row.text(field).is_none() {
            row.problem(field, format!("the cell is empty: the {what} is a number"));
        }
        value
    };
    let likelihood = required(row, Field::Likelihood, "likelihood");
    let impact = required(row, Field::Impact, "impact");
    let residual_likelihood = row.parse(Field::ResidualLikelihood, |v| {
        cell::scale_value(v, "likelihood")
    });
    let residual_impact = row.parse(Field::ResidualImpact, |v| cell::scale_value(v, "impact"));
    let treatment = row.parse(Field::Treatment, |v| {
        cell::treatment(&v.text().unwrap_or_default())
    });
    let controls = row.control_ids(Field::Controls, annex);
    let accepted_on = row.date(Field::AcceptedOn);
    let due = row.date(Field::Due);
    let done = row.date(Field::Done);
    let reviewed = row.date(Field::Reviewed);
    let record = RiskRecord {
        place: row.place(None),
        id: id?,
        title: row.text(Field::Title),
        assets: row
            .text(Field::Assets)
            .map(|t| cell::id_list(&t))
            .unwrap_or_default(),
        threat: row.text(Field::Threat),
        vulnerability: row.text(Field::Vulnerability),
        likelihood: likelihood?,
        likelihood_label: row.text(Field::LikelihoodLabel),
        impact: impact?,
        impact_label: row.text(Field::ImpactLabel),
        level: row.text(Field::Level),
        owner: row.party(Field::Owner, Field::OwnerName),
        treatment,
        rationale: row.text(Field::Rationale),
        transfer_to: row.text(Field::TransferTo),
        controls,
        residual: residual_likelihood.zip(residual_impact),
        residual_level: row.text(Field::ResidualLevel),
        accepted_by: row.party(Field::AcceptedBy, Field::AcceptedByName),
        accepted_as: row.text(Field::AcceptedAs),
        accepted_on,
        due,
        done,
        reviewed,
        description: row.text(Field::Description),
    };
    (row.problems.len() == before).then_some(record)
}

/// A risk ID as written, or `R-7` for a bare number.
fn risk_id(raw: &str) -> Option<String> {
    if migrate::is_word(raw) {
        return Some(raw.to_string());
    }
    raw.chars()
        .all(|c| c.is_ascii_digit())
        .then(|| format!("R-{raw}"))
}

fn asset_record(row: &mut Row<'_>) -> Option<AssetRecord> {
    let raw = row.text(Field::Id)?;
    let before = row.problems.len();
    let kind = row.parse(Field::Kind, |v| asset_kind(&v.text().unwrap_or_default()));
    if kind.is_none() && row.text(Field::Kind).is_none() {
        row.problem(
            Field::Kind,
            "the cell is empty: write the asset's kind".into(),
        );
    }
    let record = AssetRecord {
        place: row.place(None),
        id: slug(&raw),
        title: row.text(Field::Title).or(Some(raw)),
        kind: kind?,
        owner: row.party(Field::Owner, Field::OwnerName),
        classification: row.text(Field::Classification),
        location: row.text(Field::Location),
        description: row.text(Field::Description),
    };
    (row.problems.len() == before).then_some(record)
}

fn asset_kind(text: &str) -> Result<AssetKind, String> {
    let word = text.trim().to_lowercase();
    if let Some(kind) = AssetKind::parse(&word) {
        return Ok(kind);
    }
    let kind = match word.as_str() {
        "daten" | "information" | "informationen" | "data" => AssetKind::Information,
        "anwendung" | "application" | "software" => AssetKind::Software,
        "gerät" | "hardware" | "device" | "server" => AssetKind::Hardware,
        "dienst" | "dienstleistung" | "cloud service" | "service" => AssetKind::Service,
        "personal" | "person" | "mitarbeiter" | "staff" => AssetKind::People,
        "standort" | "gebäude" | "location" | "building" => AssetKind::Site,
        _ => {
            return Err(format!(
                "`{text}` is not an asset kind: {}",
                AssetKind::names().join(", ")
            ))
        }
    };
    Ok(kind)
}
