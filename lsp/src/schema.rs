//! Which fields each block takes and what values each field takes, for completion.
//!
//! The compiler keeps its field tables private to its lowering; this mirrors them with
//! what an editor needs on top (the kind of value). A test compiles every field listed
//! here and asks the compiler for its own list, so the two cannot drift apart silently.

use isms::model::{AssetKind, Keyword, Kind, PolicyKind, RequirementKind, Status, TreatmentKind};

/// What the top-level declarations declare, for completion details. The keywords
/// themselves are the compiler's (`isms::model::lower::KEYWORDS`): one it has and this
/// table lacks is still offered, without a description.
pub const KEYWORD_DOCS: &[(&str, &str)] = &[
    ("use", "bring a framework catalog into the project"),
    ("organization", "the organization (one per project)"),
    ("scope", "the ISMS scope statement (one per project)"),
    ("role", "a role that can own things"),
    ("person", "a person, holding roles"),
    (
        "methodology",
        "risk scales, levels and acceptance (one per project)",
    ),
    ("asset", "an information asset"),
    ("risk", "a risk with its assessment and treatment"),
    (
        "control",
        "the implementation of a control, or a custom control",
    ),
    (
        "exclude",
        "exclude catalog controls from the SoA, with a reason",
    ),
    (
        "requirement",
        "a legal, regulatory, contractual or business requirement",
    ),
    ("policy", "a policy document"),
    ("catalog", "a framework catalog of reference controls"),
];

/// What a field's values are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Takes {
    /// One or a list of names of these kinds (`owner`: one; `assets`: a list).
    Names(&'static [Kind]),
    /// `P on DATE`.
    Signoff,
    /// A bare word from a fixed set.
    Word(&'static [(&'static str, &'static str)]),
    /// A level of the methodology.
    Level,
    /// `mitigate|accept|transfer|avoid { … }`.
    Treatment,
    /// `likelihood N impact N`.
    Residual,
    /// `every N days|months|years`.
    Period,
    /// Strings, numbers, dates or free words: nothing to suggest.
    Free,
}

#[derive(Debug, Clone, Copy)]
pub struct FieldInfo {
    pub name: &'static str,
    pub takes: Takes,
    pub doc: &'static str,
}

/// The kind of block the cursor is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    Decl(&'static str),
    Treatment(TreatmentKind),
    CatalogEntry,
    /// `likelihood { … }`, `levels { … }`, section text: no field names to suggest.
    Opaque,
}

const PEOPLE: &[Kind] = &[Kind::Person, Kind::Role];
const CONTROLS: &[Kind] = &[Kind::Control];
const ASSETS: &[Kind] = &[Kind::Asset];

const fn f(name: &'static str, takes: Takes, doc: &'static str) -> FieldInfo {
    FieldInfo { name, takes, doc }
}

/// The values of a keyword enumeration, each with its name as description.
macro_rules! words {
    ($t:ty) => {{
        const ALL: &[(&str, &str)] = &{
            let all = <$t as Keyword>::ALL;
            let mut out = [("", ""); <$t as Keyword>::ALL.len()];
            let mut i = 0;
            while i < all.len() {
                out[i] = (all[i].0, <$t as Keyword>::WHAT);
                i += 1;
            }
            out
        };
        ALL
    }};
}

pub const TREATMENT_KINDS: &[(&str, &str)] = words!(TreatmentKind);

const ORGANIZATION: &[FieldInfo] = &[f("description", Takes::Free, "string")];
const SCOPE: &[FieldInfo] = &[
    f("includes", Takes::Free, "what the ISMS covers (strings)"),
    f("excludes", Takes::Free, "\"what\" because \"reason\""),
    f(
        "interfaces",
        Takes::Free,
        "interfaces and dependencies (strings)",
    ),
];
const ROLE: &[FieldInfo] = &[f("description", Takes::Free, "string")];
const PERSON: &[FieldInfo] = &[
    f(
        "roles",
        Takes::Names(&[Kind::Role]),
        "roles this person holds",
    ),
    f("email", Takes::Free, "string"),
];
const METHODOLOGY: &[FieldInfo] = &[
    f("likelihood", Takes::Free, "block of `N \"Label\"` lines"),
    f("impact", Takes::Free, "block of `N \"Label\"` lines"),
    f("levels", Takes::Free, "block of `name low..high` lines"),
    f(
        "accept",
        Takes::Level,
        "highest level an owner may accept alone",
    ),
    f(
        "review",
        Takes::Period,
        "how often each risk is re-assessed",
    ),
];
const ASSET: &[FieldInfo] = &[
    f("kind", Takes::Word(words!(AssetKind)), "what the asset is"),
    f("owner", Takes::Names(PEOPLE), "a person or a role"),
    f(
        "classification",
        Takes::Free,
        "your classification scheme's word",
    ),
    f("depends_on", Takes::Names(ASSETS), "assets this one needs"),
    f("location", Takes::Free, "string"),
    f("description", Takes::Free, "string"),
];
const RISK: &[FieldInfo] = &[
    f("owner", Takes::Names(PEOPLE), "a person or a role"),
    f(
        "likelihood",
        Takes::Free,
        "on the methodology's likelihood scale",
    ),
    f("impact", Takes::Free, "on the methodology's impact scale"),
    f(
        "treatment",
        Takes::Treatment,
        "mitigate, accept, transfer or avoid",
    ),
    f("assets", Takes::Names(ASSETS), "assets at risk"),
    f("threat", Takes::Free, "string"),
    f("vulnerability", Takes::Free, "string"),
    f("reviewed", Takes::Free, "date of the last assessment"),
    f("description", Takes::Free, "string"),
];
const MITIGATE: &[FieldInfo] = &[
    f(
        "controls",
        Takes::Names(CONTROLS),
        "controls that reduce the risk",
    ),
    f(
        "residual",
        Takes::Residual,
        "likelihood N impact N after treatment",
    ),
    f("due", Takes::Free, "date the treatment is complete"),
    f("accepted_by", Takes::Signoff, "P on DATE"),
];
const ACCEPT: &[FieldInfo] = &[
    f("rationale", Takes::Free, "why the risk is acceptable"),
    f("accepted_by", Takes::Signoff, "P on DATE"),
];
const TRANSFER: &[FieldInfo] = &[
    f("to", Takes::Free, "insurer, contract or supplier"),
    f(
        "controls",
        Takes::Names(CONTROLS),
        "controls that stay in place",
    ),
    f(
        "residual",
        Takes::Residual,
        "likelihood N impact N after treatment",
    ),
    f("accepted_by", Takes::Signoff, "P on DATE"),
    f("due", Takes::Free, "date"),
];
const AVOID: &[FieldInfo] = &[
    f("rationale", Takes::Free, "how the activity is stopped"),
    f("due", Takes::Free, "date"),
];
const CONTROL: &[FieldInfo] = &[
    f(
        "status",
        Takes::Word(words!(Status)),
        "how far it is implemented",
    ),
    f("owner", Takes::Names(PEOPLE), "a person or a role"),
    f("evidence", Takes::Free, "where the proof is (repeatable)"),
    f("description", Takes::Free, "string"),
    f("due", Takes::Free, "date it is to be in place"),
];
const REQUIREMENT: &[FieldInfo] = &[
    f(
        "kind",
        Takes::Word(words!(RequirementKind)),
        "where it comes from",
    ),
    f("controls", Takes::Names(CONTROLS), "controls it demands"),
    f("source", Takes::Free, "string"),
    f("description", Takes::Free, "string"),
];
const POLICY: &[FieldInfo] = &[
    f("owner", Takes::Names(PEOPLE), "a person or a role"),
    f("version", Takes::Free, "string, like \"1.2\""),
    f(
        "kind",
        Takes::Word(words!(PolicyKind)),
        "the document's level",
    ),
    f(
        "parent",
        Takes::Names(&[Kind::Policy]),
        "the policy this derives from",
    ),
    f("approved_by", Takes::Signoff, "P on DATE"),
    f("review", Takes::Period, "how often it is reviewed"),
    f(
        "implements",
        Takes::Names(CONTROLS),
        "controls it puts into practice",
    ),
    f(
        "section",
        Takes::Free,
        "\"Heading\" \"\"\"text\"\"\" (repeatable)",
    ),
    f("statement", Takes::Free, "ID \"text\" (repeatable)"),
    f("description", Takes::Free, "string"),
];
const CATALOG: &[FieldInfo] = &[
    f("theme", Takes::Free, "ID \"Title\" (repeatable)"),
    f("entry", Takes::Free, "ID \"Title\" { … } (repeatable)"),
    f("description", Takes::Free, "string"),
];
const ENTRY: &[FieldInfo] = &[
    f("theme", Takes::Free, "one of the catalog's themes"),
    f("alias", Takes::Free, "another common title (repeatable)"),
    f(
        "type",
        Takes::Free,
        "tags: preventive, detective, corrective",
    ),
    f(
        "properties",
        Takes::Free,
        "tags: confidentiality, integrity, availability",
    ),
    f(
        "concepts",
        Takes::Free,
        "tags: identify, protect, detect, respond, recover",
    ),
    f("capabilities", Takes::Free, "tags"),
    f("domains", Takes::Free, "tags"),
    f("description", Takes::Free, "string"),
];

/// The fields a block takes.
pub fn fields(block: BlockKind) -> &'static [FieldInfo] {
    match block {
        BlockKind::Decl(keyword) => match keyword {
            "organization" => ORGANIZATION,
            "scope" => SCOPE,
            "role" => ROLE,
            "person" => PERSON,
            "methodology" => METHODOLOGY,
            "asset" => ASSET,
            "risk" => RISK,
            "control" => CONTROL,
            "requirement" => REQUIREMENT,
            "policy" => POLICY,
            "catalog" => CATALOG,
            _ => &[],
        },
        BlockKind::Treatment(kind) => match kind {
            TreatmentKind::Mitigate => MITIGATE,
            TreatmentKind::Accept => ACCEPT,
            TreatmentKind::Transfer => TRANSFER,
            TreatmentKind::Avoid => AVOID,
        },
        BlockKind::CatalogEntry => ENTRY,
        BlockKind::Opaque => &[],
    }
}

pub fn field(block: BlockKind, name: &str) -> Option<&'static FieldInfo> {
    fields(block).iter().find(|f| f.name == name)
}

/// The compiler's declaration keywords.
pub fn keywords() -> &'static [&'static str] {
    isms::model::lower::KEYWORDS
}

/// The keyword as the `'static` name the schema uses.
pub fn keyword(word: &str) -> Option<&'static str> {
    keywords().iter().copied().find(|k| *k == word)
}

/// What a declaration keyword declares ("" when this table does not know it yet).
pub fn keyword_doc(keyword: &str) -> &'static str {
    KEYWORD_DOCS
        .iter()
        .find(|(k, _)| *k == keyword)
        .map_or("", |(_, doc)| doc)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;
    use isms::{compile, Input, Options};

    /// The compiler's own field list for a block, read from the help of an unknown field
    /// that resembles none ("the fields here are `a`, `b` and `c`").
    fn compiler_fields(wrap: impl Fn(&str) -> String) -> Vec<String> {
        let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        let text = wrap("zqxjzqxjzqxj 1");
        let c = compile(vec![Input::new("t.isms", text)], &Options { today });
        let help = c
            .diagnostics
            .iter()
            .find(|d| d.code.as_str() == "field/unknown")
            .and_then(|d| d.help.clone())
            .unwrap_or_default();
        let mut names: Vec<String> = help
            .split('`')
            .skip(1)
            .step_by(2)
            .map(str::to_string)
            .collect();
        names.sort();
        names
    }

    fn ours(block: BlockKind) -> Vec<String> {
        let mut names: Vec<String> = fields(block).iter().map(|f| f.name.to_string()).collect();
        names.sort();
        names
    }

    #[test]
    fn declaration_fields_match_the_compiler() {
        for (keyword, _) in KEYWORD_DOCS {
            let block = BlockKind::Decl(keyword);
            if matches!(*keyword, "use" | "exclude") {
                assert!(fields(block).is_empty());
                continue;
            }
            let header = match *keyword {
                "scope" => "scope \"S\"".to_string(),
                "methodology" => "methodology".to_string(),
                "catalog" => "catalog x:1 \"X\"".to_string(),
                other => format!("{other} x \"X\""),
            };
            let theirs = compiler_fields(|field| format!("{header} {{\n  {field}\n}}\n"));
            assert_eq!(ours(block), theirs, "fields of `{keyword}`");
        }
    }

    #[test]
    fn treatment_and_entry_fields_match_the_compiler() {
        for (kind, _) in TREATMENT_KINDS {
            let block = BlockKind::Treatment(TreatmentKind::parse(kind).unwrap());
            let theirs = compiler_fields(|field| {
                format!("risk R \"R\" {{\n  treatment {kind} {{\n    {field}\n  }}\n}}\n")
            });
            assert_eq!(ours(block), theirs, "fields of `{kind}`");
        }
        let theirs = compiler_fields(|field| {
            format!("catalog x:1 \"X\" {{\n  entry X.1 \"T\" {{\n    {field}\n  }}\n}}\n")
        });
        assert_eq!(ours(BlockKind::CatalogEntry), theirs);
    }

    #[test]
    fn described_keywords_are_the_compilers() {
        for (keyword, _) in KEYWORD_DOCS {
            assert!(keywords().contains(keyword), "`{keyword}` is no keyword");
        }
    }
}
