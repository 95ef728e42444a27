//! The people and roles behind the owner and acceptor cells. A cell that reads like a
//! person's name (`Lena Wagner`, `Dr. Katrin Vogel`) becomes a `person`; anything else
//! (`IT-Leitung`, `Information Security Officer`, `ISB`) a `role`, held by a placeholder
//! person (`"TODO: Full Name"`) so `isms check` asks who holds it.

use super::migrate::is_word;

/// An owner or acceptor as a sheet names it: an ID, a name, or both.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PartyCell {
    pub id: Option<String>,
    pub name: Option<String>,
}

/// Words that make a name a role's title, in English and German.
const ROLE_WORDS: &[&str] = &[
    "officer",
    "manager",
    "management",
    "lead",
    "head",
    "chief",
    "director",
    "admin",
    "administrator",
    "team",
    "department",
    "owner",
    "board",
    "committee",
    "engineer",
    "engineering",
    "security",
    "it",
    "hr",
    "ceo",
    "cto",
    "cfo",
    "ciso",
    "cio",
    "dpo",
    "isb",
    "leitung",
    "leiter",
    "leiterin",
    "beauftragter",
    "beauftragte",
    "abteilung",
    "geschäftsführung",
    "geschäftsführer",
    "vorstand",
    "verantwortlicher",
    "personal",
    "datenschutz",
    "informationssicherheit",
    "einkauf",
    "vertrieb",
    "entwicklung",
    "betrieb",
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PartyKind {
    Person,
    Role,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Party {
    pub id: String,
    pub name: String,
    pub kind: PartyKind,
    /// The roles a person holds, as the workbook shows them.
    pub roles: Vec<String>,
}

/// Every party the cells name, once each, in the order first named.
#[derive(Debug, Default)]
pub struct Parties {
    pub all: Vec<Party>,
}

impl Parties {
    /// The ID the cell names, adding its party when new.
    pub fn add(&mut self, cell: &PartyCell) -> Option<String> {
        let name = cell.name.clone().or_else(|| cell.id.clone())?;
        let id = cell.id.clone().unwrap_or_else(|| slug(&name));
        if id.is_empty() {
            return None;
        }
        if !self.all.iter().any(|p| p.id == id) {
            self.all.push(Party {
                id: id.clone(),
                kind: kind_of(&name),
                name,
                roles: Vec::new(),
            });
        }
        Some(id)
    }
}

impl Parties {
    /// `person` holds `role` (both IDs of parties already added); a no-op otherwise.
    pub fn hold(&mut self, person: &str, role: &str) {
        let is_role = self
            .all
            .iter()
            .any(|p| p.id == role && p.kind == PartyKind::Role);
        if let Some(p) = self
            .all
            .iter_mut()
            .find(|p| p.id == person && p.kind == PartyKind::Person)
        {
            if is_role && !p.roles.iter().any(|r| r == role) {
                p.roles.push(role.to_string());
            }
        }
    }

    /// Whether some person holds `role`.
    pub fn is_held(&self, role: &str) -> bool {
        self.all.iter().any(|p| p.roles.iter().any(|r| r == role))
    }
}

/// Whether a name reads as a person's: two to four capitalised words of letters, none of
/// them a word of a role's title.
pub fn kind_of(name: &str) -> PartyKind {
    let words: Vec<&str> = name
        .split(|c: char| c.is_whitespace() || c == ',' || c == '/')
        .filter(|w| !w.is_empty())
        .collect();
    let role_word = name
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| ROLE_WORDS.contains(&w.to_lowercase().as_str()));
    let capitalised = words.iter().all(|w| {
        w.chars().next().is_some_and(char::is_uppercase)
            && w.chars()
                .all(|c| c.is_alphabetic() || c == '.' || c == '-' || c == '\'')
    });
    if (2..=4).contains(&words.len()) && capitalised && !role_word {
        PartyKind::Person
    } else {
        PartyKind::Role
    }
}

/// An ID for a name: a word of the language as it is, else lower case ASCII with `-`
/// (`Max Müller` → `max-mueller`).
pub fn slug(name: &str) -> String {
    let name = name.trim();
    if is_word(name) {
        return name.to_string();
    }
    let mut out = String::new();
    for c in name.to_lowercase().chars() {
        let piece = match c {
            'ä' => "ae",
            'ö' => "oe",
            'ü' => "ue",
            'ß' => "ss",
            c if c.is_ascii_alphanumeric() => {
                out.push(c);
                continue;
            }
            _ => "-",
        };
        if piece == "-" {
            if !out.is_empty() && !out.ends_with('-') {
                out.push('-');
            }
        } else {
            out.push_str(piece);
        }
    }
    let out = out.trim_end_matches('-').to_string();
    if out.is_empty() || out.chars().next().is_some_and(|c| c.is_ascii_alphabetic()) {
        out
    } else {
        format!("x-{out}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn people_and_roles() {
        for name in [
            "Lena Wagner",
            "Dr. Katrin Vogel",
            "Max Müller",
            "Anna-Lena Schmidt",
        ] {
            assert_eq!(kind_of(name), PartyKind::Person, "{name}");
        }
        for name in [
            "Information Security Officer",
            "IT-Leitung",
            "ISB",
            "Head of Site Reliability Engineering",
            "Engineering Manager, Product",
            "Geschäftsführung",
            "ciso",
        ] {
            assert_eq!(kind_of(name), PartyKind::Role, "{name}");
        }
    }

    #[test]
    fn slugs() {
        assert_eq!(slug("Max Müller"), "max-mueller");
        assert_eq!(slug("IT-Leitung"), "IT-Leitung");
        assert_eq!(slug("Leiter IT / Betrieb"), "leiter-it-betrieb");
        assert_eq!(slug("2nd level"), "x-2nd-level");
    }

    #[test]
    fn a_party_is_added_once() {
        let mut p = Parties::default();
        let cell = |id: Option<&str>, name: &str| PartyCell {
            id: id.map(str::to_string),
            name: Some(name.to_string()),
        };
        assert_eq!(
            p.add(&cell(Some("ciso"), "Information Security Officer")),
            Some("ciso".into())
        );
        assert_eq!(
            p.add(&cell(Some("ciso"), "Information Security Officer")),
            Some("ciso".into())
        );
        assert_eq!(p.add(&cell(None, "Max Müller")), Some("max-mueller".into()));
        assert_eq!(p.all.len(), 2);
        assert_eq!(p.all[1].kind, PartyKind::Person);
    }
}
