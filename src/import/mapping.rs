//! The column mapping of a sheet: which column holds which field, from the headers and the
//! user's `--map column=field` overrides, and what the sheet is (a Statement of
//! Applicability, a risk register or an asset list). A mapping that cannot be settled (two
//! columns for one field, no ID column) is an error that lists the headers seen.

use super::field::{normalize, Field};
use super::header::Header;

/// What a sheet holds, from the fields its columns map to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SheetKind {
    Soa,
    Risks,
    Assets,
}

impl SheetKind {
    pub fn noun(self) -> &'static str {
        match self {
            SheetKind::Soa => "Statement of Applicability",
            SheetKind::Risks => "risk register",
            SheetKind::Assets => "asset list",
        }
    }
}

/// One `--map column=field`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Override {
    pub header: String,
    pub field: Field,
}

impl Override {
    /// Parse `column=field`.
    pub fn parse(text: &str) -> Result<Override, String> {
        let Some((header, field)) = text.rsplit_once('=') else {
            return Err(format!("`--map {text}` needs the form `column=field`"));
        };
        let field = Field::from_name(field).ok_or_else(|| {
            format!(
                "`{}` is not a field; use one of {}",
                field.trim(),
                Field::names().join(", ")
            )
        })?;
        Ok(Override {
            header: header.trim().to_string(),
            field,
        })
    }
}

#[derive(Debug, Clone)]
pub struct Mapping {
    pub kind: SheetKind,
    /// (column index, header, field) of every mapped column, left to right.
    pub columns: Vec<(usize, String, Field)>,
    /// Headers that name no field, left to right.
    pub unmapped: Vec<String>,
}

impl Mapping {
    pub fn column(&self, field: Field) -> Option<usize> {
        self.columns
            .iter()
            .find(|(_, _, f)| *f == field)
            .map(|(c, _, _)| *c)
    }

    pub fn has(&self, field: Field) -> bool {
        self.column(field).is_some()
    }
}

/// Why a sheet has no mapping.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unsettled {
    /// The sheet is not one this command imports (a summary, a treatment plan, notes).
    NotImported,
    /// It looks like one, but the mapping needs the user's decision.
    Conflict(String),
}

/// The mapping of a sheet with this header.
pub fn settle(header: &Header, overrides: &[Override]) -> Result<Mapping, Unsettled> {
    let mut columns: Vec<(usize, String, Field)> = Vec::new();
    let mut unmapped = Vec::new();
    for (col, text) in &header.columns {
        let chosen = overrides
            .iter()
            .rev()
            .find(|o| normalize(&o.header) == normalize(text))
            .map(|o| o.field)
            .or_else(|| Field::from_header(text));
        match chosen {
            Some(Field::Ignore) => {}
            Some(field) => columns.push((*col, text.clone(), field)),
            None => unmapped.push(text.clone()),
        }
    }
    let has = |f: Field| columns.iter().any(|(_, _, x)| *x == f);
    // Without an ID column a sheet is a summary or notes (the `Summary` sheet of an exported
    // SoA counts `Applicable` per theme); the file's error lists its headers if no sheet
    // of it is imported.
    if !has(Field::Id) {
        return Err(Unsettled::NotImported);
    }
    let kind = if has(Field::Likelihood) || has(Field::Impact) {
        SheetKind::Risks
    } else if has(Field::Applicable) || has(Field::ExclusionReason) || has(Field::Justification) {
        SheetKind::Soa
    } else if has(Field::Kind) || has(Field::Classification) {
        SheetKind::Assets
    } else {
        return Err(Unsettled::NotImported);
    };
    for (i, (_, a, field)) in columns.iter().enumerate() {
        if let Some((_, b, _)) = columns[i + 1..].iter().find(|(_, _, f)| f == field) {
            return Err(Unsettled::Conflict(format!(
                "the columns `{a}` and `{b}` both look like `{}`; keep one with `--map \"{b}=ignore\"`",
                field.name()
            )));
        }
    }
    let required: &[Field] = match kind {
        SheetKind::Soa => &[Field::Applicable],
        SheetKind::Risks => &[Field::Likelihood, Field::Impact],
        SheetKind::Assets => &[Field::Kind],
    };
    if let Some(missing) = required.iter().find(|f| !has(**f)) {
        return Err(Unsettled::Conflict(format!(
            "it looks like a {} but no column is `{}`; name it with `--map \"HEADER={}\"`",
            kind.noun(),
            missing.name(),
            missing.name()
        )));
    }
    Ok(Mapping {
        kind,
        columns,
        unmapped,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn header(names: &[&str]) -> Header {
        Header {
            row: 0,
            columns: names
                .iter()
                .enumerate()
                .map(|(i, n)| (i, n.to_string()))
                .collect(),
        }
    }

    #[test]
    fn a_soa_in_german() {
        let m = settle(
            &header(&["Nr.", "Titel", "Anwendbar", "Begründung", "Farbe"]),
            &[],
        )
        .unwrap();
        assert_eq!(m.kind, SheetKind::Soa);
        assert_eq!(m.column(Field::Justification), Some(3));
        assert_eq!(m.unmapped, ["Farbe"]);
    }

    #[test]
    fn an_override_names_an_unknown_header() {
        let h = header(&["Nummer", "Anwendbar"]);
        assert_eq!(settle(&h, &[]).err(), Some(Unsettled::NotImported));
        let o = Override::parse("Nummer=id").unwrap();
        assert_eq!(settle(&h, &[o]).unwrap().column(Field::Id), Some(0));
    }

    #[test]
    fn two_columns_for_one_field_need_a_decision() {
        let h = header(&["ID", "Applicable", "Owner", "Verantwortlich"]);
        let Err(Unsettled::Conflict(why)) = settle(&h, &[]) else {
            panic!("settled")
        };
        assert!(why.contains("`Owner` and `Verantwortlich`"), "{why}");
        let o = Override::parse("Verantwortlich=ignore").unwrap();
        assert!(settle(&h, &[o]).is_ok());
    }

    #[test]
    fn a_summary_sheet_is_not_imported() {
        let h = header(&["Theme", "Controls", "Applicable"]);
        assert_eq!(settle(&h, &[]).err(), Some(Unsettled::NotImported));
        let h = header(&["Risk", "Control", "Action", "Status"]);
        assert_eq!(settle(&h, &[]).err(), Some(Unsettled::NotImported));
    }

    #[test]
    fn bad_overrides() {
        assert!(Override::parse("Nummer").is_err());
        assert!(Override::parse("Nummer=colour")
            .unwrap_err()
            .contains("owner"));
    }
}
