//! `isms.toml`: optional project configuration beside the `.isms` files.
//!
//! ```toml
//! [rules]                      # severity per code: allow | warn | deny
//! "risk/no-assets" = "allow"
//! "asset/unassessed" = "deny"
//!
//! [check]
//! today = "system"             # or a fixed date "2026-11-23" for reproducible checks
//!
//! [build]
//! out = "build/isms"           # default output directory of `isms build`
//! ```
//!
//! Unknown sections and keys are errors, so a typo never silently does nothing. Parsing is
//! pure; the CLI reads the file.

use std::collections::BTreeMap;
use std::ops::Range;

use chrono::NaiveDate;
use serde::Deserialize;

use crate::check::suppress::Override;
use crate::diagnostics::{closest, Code};
use crate::Settings;

/// The file name looked for at the project root.
pub const FILE_NAME: &str = "isms.toml";

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Config {
    pub settings: Settings,
    /// A fixed "today"; `None` means the system date.
    pub today: Option<NaiveDate>,
    /// The default output directory of `isms build`, relative to the project root.
    pub out: Option<String>,
}

/// A configuration error with the byte range it concerns, for a source excerpt.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError {
    pub message: String,
    pub span: Option<Range<usize>>,
    pub help: Option<String>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct Raw {
    #[serde(default)]
    rules: BTreeMap<toml::Spanned<String>, toml::Spanned<String>>,
    #[serde(default)]
    check: RawCheck,
    #[serde(default)]
    build: RawBuild,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawCheck {
    today: Option<toml::Spanned<String>>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawBuild {
    out: Option<toml::Spanned<String>>,
}

pub fn parse(text: &str) -> Result<Config, ConfigError> {
    let raw: Raw = toml::from_str(text).map_err(|e| ConfigError {
        message: e.message().trim_end().to_string(),
        span: e.span(),
        help: Some(
            "the sections are [rules] (code = \"allow|warn|deny\"), [check] (today) and [build] (out)"
                .to_string(),
        ),
    })?;
    let mut overrides = BTreeMap::new();
    for (code, level) in raw.rules {
        let Some(parsed) = Code::parse(code.get_ref()) else {
            let help = closest(code.get_ref(), Code::ALL.iter().map(|c| c.as_str()))
                .map(|best| format!("did you mean `{best}`?"))
                .or_else(|| Some("`isms explain` lists all codes".to_string()));
            return Err(ConfigError {
                message: format!("`{}` is not a diagnostic code", code.get_ref()),
                span: Some(code.span()),
                help,
            });
        };
        let value = match level.get_ref().as_str() {
            "allow" => Override::Allow,
            "warn" => Override::Warn,
            "deny" => Override::Deny,
            other => {
                return Err(ConfigError {
                    message: format!("`{other}` is not a severity"),
                    span: Some(level.span()),
                    help: Some("write \"allow\", \"warn\" or \"deny\"".to_string()),
                })
            }
        };
        if parsed == Code::SyntaxError && value != Override::Deny {
            return Err(ConfigError {
                message: "`syntax/error` cannot be allowed or lowered".to_string(),
                span: Some(code.span()),
                help: Some("a file that does not parse is never checked completely".to_string()),
            });
        }
        overrides.insert(parsed, value);
    }
    let today = match raw.check.today {
        None => None,
        Some(t) if t.get_ref() == "system" => None,
        Some(t) => Some(
            NaiveDate::parse_from_str(t.get_ref(), "%Y-%m-%d").map_err(|_| ConfigError {
                message: format!("`{}` is not a date", t.get_ref()),
                span: Some(t.span()),
                help: Some("write \"system\" or a date such as \"2026-11-23\"".to_string()),
            })?,
        ),
    };
    let out = match raw.build.out {
        Some(out) if out.get_ref().trim().is_empty() => {
            return Err(ConfigError {
                message: "`out` is empty".to_string(),
                span: Some(out.span()),
                help: Some(
                    "name a directory inside the project, such as \"build/isms\", or remove \
                     the key and pass `--out DIR`"
                        .to_string(),
                ),
            })
        }
        out => out.map(toml::Spanned::into_inner),
    };
    Ok(Config {
        settings: Settings {
            overrides,
            ..Settings::default()
        },
        today,
        out,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_every_section() {
        let c = parse("[rules]\n\"risk/no-assets\" = \"allow\"\n[check]\ntoday = \"2026-11-23\"\n[build]\nout = \"docs\"\n");
        let c = c.unwrap();
        assert_eq!(
            c.settings.overrides.get(&Code::RiskNoAssets),
            Some(&Override::Allow)
        );
        assert_eq!(c.today, NaiveDate::from_ymd_opt(2026, 11, 23));
        assert_eq!(c.out.as_deref(), Some("docs"));
    }

    #[test]
    fn empty_is_default() {
        assert_eq!(parse(""), Ok(Config::default()));
    }

    #[test]
    fn unknown_keys_are_errors() {
        let e = parse("[check]\ntoday = \"system\"\ndeny = true\n").unwrap_err();
        assert!(e.message.contains("unknown field"), "{}", e.message);
        assert!(e.span.is_some());
        assert!(parse("[rulez]\n").is_err());
    }

    #[test]
    fn an_empty_out_is_an_error() {
        for text in ["[build]\nout = \"\"\n", "[build]\nout = \"  \"\n"] {
            let e = parse(text).unwrap_err();
            assert_eq!(e.message, "`out` is empty");
            assert_eq!(e.span.map(|s| &text[s]), Some(&text[14..text.len() - 1]));
        }
    }

    #[test]
    fn unknown_codes_get_a_suggestion() {
        let e = parse("[rules]\n\"risk/no-asset\" = \"allow\"\n").unwrap_err();
        assert_eq!(e.help.as_deref(), Some("did you mean `risk/no-assets`?"));
        assert!(parse("[rules]\n\"risk/no-assets\" = \"off\"\n").is_err());
    }
}
