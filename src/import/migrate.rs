//! Control IDs as spreadsheets write them (`A.5.1`, `5.1`, `A 9.2.1`, `A.09.02.01`), read
//! against the ISO/IEC 27001:2022 catalog and migrated from ISO/IEC 27001:2013 with the
//! shipped table (`stdlib/mapping-2013-2022.csv`). Anything else of Annex A form is an
//! unknown control; other words are the project's own controls.

use crate::stdlib::{is_annex_a_form, successors_2013};

/// The ISO/IEC 27001:2022 Annex A catalog the import writes against: IDs and titles, in
/// catalog order.
#[derive(Debug, Clone, Default)]
pub struct Annex {
    pub entries: Vec<(String, String)>,
}

impl Annex {
    /// The catalog shipped with `isms`, as the compiler reads it.
    pub fn shipped() -> Annex {
        let input = crate::Input::new("isms.isms", "use iso27001:2022\n".to_string());
        let options = crate::Options {
            today: chrono::NaiveDate::default(),
        };
        let model = crate::compile(vec![input], &options).model;
        let entries = model
            .catalogs
            .iter()
            .find(|c| c.id.text == "iso27001:2022")
            .map(|c| {
                c.entries
                    .iter()
                    .map(|e| (e.id.clone(), e.title.clone()))
                    .collect()
            })
            .unwrap_or_default();
        Annex { entries }
    }

    pub fn contains(&self, id: &str) -> bool {
        self.entries.iter().any(|(e, _)| e == id)
    }
}

/// What a control cell names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ControlId {
    /// A control of the 2022 catalog.
    Current(String),
    /// A 2013 control and the 2022 control(s) that replaced it (two: a split).
    Migrated { from: String, to: Vec<String> },
    /// The project's own control.
    Custom(String),
}

/// Read a control ID cell.
pub fn read(raw: &str, annex: &Annex) -> Result<ControlId, String> {
    let text = raw.trim();
    if let Some(id) = annex_form(text) {
        if annex.contains(&id) {
            return Ok(ControlId::Current(id));
        }
        if let Some(to) = successors_2013(&id) {
            return Ok(ControlId::Migrated {
                from: id,
                to: to.iter().map(|s| s.to_string()).collect(),
            });
        }
        return Err(format!(
            "`{text}` is not a control of ISO/IEC 27001:2022 nor of ISO/IEC 27001:2013"
        ));
    }
    if is_word(text) {
        return Ok(ControlId::Custom(text.to_string()));
    }
    Err(format!("`{text}` is not a control ID"))
}

/// `A.5.1`, `5.1`, `A 5.1`, `A.05.01` → `A.5.1`; `None` when the text is not of that form.
fn annex_form(text: &str) -> Option<String> {
    let rest = text
        .strip_prefix("A.")
        .or_else(|| text.strip_prefix("A "))
        .or_else(|| text.strip_prefix("a."))
        .unwrap_or(text)
        .trim();
    let parts: Vec<&str> = rest.split('.').collect();
    if !(2..=3).contains(&parts.len()) {
        return None;
    }
    let numbers: Option<Vec<u32>> = parts.iter().map(|p| p.trim().parse().ok()).collect();
    let id = format!(
        "A.{}",
        numbers?
            .iter()
            .map(u32::to_string)
            .collect::<Vec<_>>()
            .join(".")
    );
    is_annex_a_form(&id).then_some(id)
}

/// A word of the language: a letter, then letters, digits, `_`, `-`, with `.`/`:` between.
pub fn is_word(text: &str) -> bool {
    let mut chars = text.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && text.split(['.', ':']).all(|part| {
            !part.is_empty()
                && part
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn annex() -> Annex {
        Annex {
            entries: ["A.5.1", "A.5.15", "A.5.36", "A.8.8"]
                .iter()
                .map(|id| (id.to_string(), String::new()))
                .collect(),
        }
    }

    #[test]
    fn current_ids_in_any_spelling() {
        for text in ["A.5.1", "5.1", "A 5.1", "A.05.01", " A.5.1 "] {
            assert_eq!(
                read(text, &annex()),
                Ok(ControlId::Current("A.5.1".into())),
                "{text}"
            );
        }
    }

    #[test]
    fn ids_of_2013_are_migrated() {
        assert_eq!(
            read("9.1.1", &annex()),
            Ok(ControlId::Migrated {
                from: "A.9.1.1".into(),
                to: vec!["A.5.15".into()]
            })
        );
        assert_eq!(
            read("A.18.2.3", &annex()),
            Ok(ControlId::Migrated {
                from: "A.18.2.3".into(),
                to: vec!["A.5.36".into(), "A.8.8".into()]
            })
        );
    }

    #[test]
    fn unknown_and_custom_controls() {
        assert!(read("A.19.1", &annex()).unwrap_err().contains("`A.19.1`"));
        assert_eq!(
            read("acme-pam", &annex()),
            Ok(ControlId::Custom("acme-pam".into()))
        );
        assert!(read("two words", &annex()).is_err());
    }
}
