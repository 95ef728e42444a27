//! The fields a column can hold, and the headers (English and German) that name them.
//! A header is compared after [`normalize`]: lower case, letters and digits only, single
//! spaces, so `Nr.`, `nr` and ` NR ` are the same header.

/// What a column holds. Names are what `--map column=field` takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Field {
    Id,
    Title,
    Applicable,
    Justification,
    ExclusionReason,
    Status,
    Owner,
    OwnerName,
    Evidence,
    Requirements,
    Risks,
    Due,
    Description,
    Likelihood,
    LikelihoodLabel,
    Impact,
    ImpactLabel,
    Level,
    Treatment,
    Controls,
    Assets,
    Threat,
    Vulnerability,
    ResidualLikelihood,
    ResidualImpact,
    ResidualLevel,
    Rationale,
    TransferTo,
    AcceptedBy,
    AcceptedByName,
    AcceptedAs,
    AcceptedOn,
    Done,
    Reviewed,
    Kind,
    Classification,
    Location,
    /// `--map column=ignore`: a column to leave out.
    Ignore,
}

/// Each field's `--map` name and the headers that name it. A header names one field only.
const FIELDS: &[(Field, &str, &[&str])] = &[
    (
        Field::Id,
        "id",
        &[
            "id",
            "control",
            "control id",
            "ref",
            "reference",
            "nr",
            "no",
            "number",
            "kontrolle",
            "massnahme",
            "maßnahme",
            "control no",
            "risk id",
            "risiko nr",
            "risiko id",
            "asset id",
            "kennung",
            "referenz",
            "annex a",
        ],
    ),
    (
        Field::Title,
        "title",
        &[
            "title",
            "name",
            "titel",
            "bezeichnung",
            "control title",
            "control name",
            "risk",
            "risiko",
            "asset",
            "wert",
            "risk title",
            "beschreibung der massnahme",
        ],
    ),
    (
        Field::Applicable,
        "applicable",
        &[
            "applicable",
            "anwendbar",
            "applicability",
            "anwendbarkeit",
            "included",
            "relevant",
        ],
    ),
    (
        Field::Justification,
        "justification",
        &[
            "justification",
            "begründung",
            "begrundung",
            "reason for inclusion",
            "rationale for inclusion",
            "justification for inclusion",
            "grund",
        ],
    ),
    (
        Field::ExclusionReason,
        "exclusion-reason",
        &[
            "exclusion reason",
            "reason for exclusion",
            "justification for exclusion",
            "ausschlussgrund",
            "begründung ausschluss",
            "grund für ausschluss",
        ],
    ),
    (
        Field::Status,
        "status",
        &[
            "status",
            "implementation status",
            "umsetzung",
            "umsetzungsstatus",
            "stand der umsetzung",
            "implemented",
        ],
    ),
    (
        Field::Owner,
        "owner",
        &[
            "owner",
            "verantwortlich",
            "verantwortlicher",
            "verantwortung",
            "control owner",
            "risk owner",
            "asset owner",
            "eigentümer",
            "risikoeigner",
            "zuständig",
            "responsible",
        ],
    ),
    (
        Field::OwnerName,
        "owner-name",
        &["owner name", "name des verantwortlichen", "risk owner name"],
    ),
    (
        Field::Evidence,
        "evidence",
        &[
            "evidence",
            "nachweis",
            "nachweise",
            "dokumentation",
            "reference document",
        ],
    ),
    (
        Field::Requirements,
        "requirements",
        &["requirements", "anforderungen"],
    ),
    (
        Field::Risks,
        "risks",
        &["risks", "risiken", "related risks"],
    ),
    (
        Field::Due,
        "due",
        &[
            "due",
            "due date",
            "target date",
            "frist",
            "termin",
            "fällig",
            "zieldatum",
        ],
    ),
    (
        Field::Description,
        "description",
        &[
            "description",
            "beschreibung",
            "comment",
            "comments",
            "kommentar",
            "bemerkung",
            "notes",
        ],
    ),
    (
        Field::Likelihood,
        "likelihood",
        &[
            "likelihood",
            "probability",
            "eintrittswahrscheinlichkeit",
            "wahrscheinlichkeit",
            "inherent likelihood",
        ],
    ),
    (
        Field::LikelihoodLabel,
        "likelihood-label",
        &["likelihood label", "bezeichnung wahrscheinlichkeit"],
    ),
    (
        Field::Impact,
        "impact",
        &[
            "impact",
            "auswirkung",
            "schadenshöhe",
            "schadensausmass",
            "inherent impact",
            "consequence",
        ],
    ),
    (
        Field::ImpactLabel,
        "impact-label",
        &["impact label", "bezeichnung auswirkung"],
    ),
    (
        Field::Level,
        "level",
        &[
            "level",
            "risk level",
            "risikostufe",
            "risikoniveau",
            "inherent level",
            "stufe",
        ],
    ),
    (
        Field::Treatment,
        "treatment",
        &[
            "treatment",
            "behandlung",
            "risikobehandlung",
            "treatment option",
            "option",
        ],
    ),
    (
        Field::Controls,
        "controls",
        &[
            "controls",
            "massnahmen",
            "maßnahmen",
            "kontrollen",
            "annex a controls",
        ],
    ),
    (
        Field::Assets,
        "assets",
        &["assets", "werte", "betroffene werte", "assets affected"],
    ),
    (
        Field::Threat,
        "threat",
        &["threat", "bedrohung", "gefährdung"],
    ),
    (
        Field::Vulnerability,
        "vulnerability",
        &["vulnerability", "schwachstelle"],
    ),
    (
        Field::ResidualLikelihood,
        "residual-likelihood",
        &[
            "target likelihood",
            "residual likelihood",
            "restwahrscheinlichkeit",
        ],
    ),
    (
        Field::ResidualImpact,
        "residual-impact",
        &["target impact", "residual impact", "restauswirkung"],
    ),
    (
        Field::ResidualLevel,
        "residual-level",
        &[
            "target level",
            "residual level",
            "restrisiko",
            "restrisikostufe",
        ],
    ),
    (
        Field::Rationale,
        "rationale",
        &["rationale", "begründung der akzeptanz"],
    ),
    (
        Field::TransferTo,
        "transfer-to",
        &["transferred to", "übertragen an"],
    ),
    (
        Field::AcceptedBy,
        "accepted-by",
        &[
            "accepted by",
            "akzeptiert von",
            "freigegeben von",
            "risk acceptance by",
        ],
    ),
    (
        Field::AcceptedByName,
        "accepted-by-name",
        &["accepted by name"],
    ),
    (
        Field::AcceptedAs,
        "accepted-as",
        &["accepted as", "akzeptiert als"],
    ),
    (
        Field::AcceptedOn,
        "accepted-on",
        &[
            "accepted on",
            "akzeptiert am",
            "freigegeben am",
            "acceptance date",
        ],
    ),
    (
        Field::Done,
        "done",
        &["done", "erledigt", "completed", "abgeschlossen am"],
    ),
    (
        Field::Reviewed,
        "reviewed",
        &[
            "reviewed",
            "last review",
            "letzte prüfung",
            "geprüft am",
            "review date",
        ],
    ),
    (
        Field::Kind,
        "kind",
        &["kind", "type", "typ", "art", "asset type", "kategorie"],
    ),
    (
        Field::Classification,
        "classification",
        &[
            "classification",
            "klassifizierung",
            "klassifikation",
            "schutzbedarf",
        ],
    ),
    (
        Field::Location,
        "location",
        &["location", "standort", "ort"],
    ),
    (Field::Ignore, "ignore", &[]),
];

impl Field {
    /// The field a header names, if any.
    pub fn from_header(header: &str) -> Option<Field> {
        let header = normalize(header);
        FIELDS
            .iter()
            .find(|(_, _, headers)| headers.iter().any(|h| normalize(h) == header))
            .map(|(field, _, _)| *field)
    }

    /// The field `--map` names (`owner`, `exclusion-reason`).
    pub fn from_name(name: &str) -> Option<Field> {
        let name = name.trim().to_ascii_lowercase().replace('_', "-");
        FIELDS
            .iter()
            .find(|(_, n, _)| *n == name)
            .map(|(f, _, _)| *f)
    }

    pub fn name(self) -> &'static str {
        FIELDS
            .iter()
            .find(|(f, _, _)| *f == self)
            .map_or("ignore", |(_, n, _)| n)
    }

    /// Every `--map` name, for the error that lists them.
    pub fn names() -> Vec<&'static str> {
        FIELDS.iter().map(|(_, n, _)| *n).collect()
    }
}

/// Lower case; every run of characters other than letters and digits becomes one space.
pub fn normalize(header: &str) -> String {
    let mut out = String::new();
    for word in header
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&word.to_lowercase());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_and_german_headers() {
        for (header, field) in [
            ("ID", Field::Id),
            ("Nr.", Field::Id),
            ("Control", Field::Id),
            ("Titel", Field::Title),
            ("Anwendbar?", Field::Applicable),
            ("Begründung", Field::Justification),
            ("Verantwortlich", Field::Owner),
            ("Nachweis", Field::Evidence),
            ("Eintrittswahrscheinlichkeit", Field::Likelihood),
            ("Auswirkung", Field::Impact),
            ("Behandlung", Field::Treatment),
            ("Owner name", Field::OwnerName),
            ("Target likelihood", Field::ResidualLikelihood),
        ] {
            assert_eq!(Field::from_header(header), Some(field), "{header}");
        }
        assert_eq!(Field::from_header("Score"), None);
        assert_eq!(Field::from_header("Open nonconformities"), None);
    }

    #[test]
    fn every_header_names_one_field() {
        let mut seen = std::collections::HashMap::new();
        for (field, _, headers) in FIELDS {
            for h in *headers {
                if let Some(other) = seen.insert(normalize(h), *field) {
                    assert_eq!(other, *field, "`{h}` names two fields");
                }
            }
        }
    }

    #[test]
    fn map_names_round_trip() {
        for name in Field::names() {
            assert_eq!(Field::from_name(name).map(Field::name), Some(name));
        }
        assert_eq!(
            Field::from_name("exclusion_reason"),
            Some(Field::ExclusionReason)
        );
    }
}
