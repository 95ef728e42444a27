//! The project's `isms.toml`, read as `isms check` reads it: severities per code
//! (`[rules]`) and a fixed "today" (`[check] today`), so the editor shows what the command
//! line reports. A file that does not parse is shown as a diagnostic on `isms.toml`
//! itself, and the project is checked with the defaults meanwhile.

use chrono::NaiveDate;
use isms::config::{self, ConfigError};
use isms::Settings;
use tower_lsp_server::ls_types::{self as lsp, DiagnosticSeverity, Uri};

use crate::position::LineIndex;
use crate::project::{uri_of, ProjectKey};

/// What a project's `isms.toml` says, or the defaults.
#[derive(Debug, Clone, Default)]
pub struct ProjectConfig {
    pub settings: Settings,
    /// `[check] today`; the server's own `today` option wins over it.
    pub today: Option<NaiveDate>,
    /// The file's URI and what is wrong with it, when it does not parse.
    pub problem: Option<(Uri, lsp::Diagnostic)>,
}

/// Read `isms.toml` at the root of a workspace project. A file alone has no project root,
/// so it is checked with the defaults (as `isms check FILE` outside a project is).
pub fn load(key: &ProjectKey) -> ProjectConfig {
    let ProjectKey::Root(root) = key else {
        return ProjectConfig::default();
    };
    let path = root.join(config::FILE_NAME);
    let Ok(text) = std::fs::read_to_string(&path) else {
        return ProjectConfig::default();
    };
    match config::parse(&text) {
        Ok(config) => ProjectConfig {
            settings: config.settings,
            today: config.today,
            problem: None,
        },
        Err(error) => ProjectConfig {
            problem: uri_of(&path).map(|uri| (uri, diagnostic(&text, &error))),
            ..ProjectConfig::default()
        },
    }
}

fn diagnostic(text: &str, error: &ConfigError) -> lsp::Diagnostic {
    let lines = LineIndex::new(text);
    let range = error
        .span
        .as_ref()
        .map(|span| lines.range(text, span.start, span.end))
        .unwrap_or_default();
    let mut message = format!("invalid `isms.toml`: {}", error.message);
    if let Some(help) = &error.help {
        message.push_str(&format!("\nhelp: {help}"));
    }
    message.push_str("\nthe project is checked with the default settings until this is fixed");
    lsp::Diagnostic {
        range,
        severity: Some(DiagnosticSeverity::ERROR),
        source: Some("isms".to_string()),
        message,
        ..lsp::Diagnostic::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn project(toml: Option<&str>, name: &str) -> (ProjectKey, std::path::PathBuf) {
        let root =
            std::env::temp_dir().join(format!("isms-lsp-config-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&root);
        std::fs::create_dir_all(&root).unwrap();
        if let Some(toml) = toml {
            std::fs::write(root.join("isms.toml"), toml).unwrap();
        }
        (ProjectKey::Root(root.clone()), root)
    }

    #[test]
    fn rules_and_today_are_read() {
        let (key, root) = project(
            Some("[rules]\n\"risk/no-controls\" = \"allow\"\n[check]\ntoday = \"2026-01-31\"\n"),
            "ok",
        );
        let config = load(&key);
        assert_eq!(config.settings.overrides.len(), 1);
        assert_eq!(config.today, NaiveDate::from_ymd_opt(2026, 1, 31));
        assert!(config.problem.is_none());
        let _ = std::fs::remove_dir_all(root);
    }

    #[test]
    fn a_broken_file_is_a_diagnostic_on_it_and_the_defaults_apply() {
        let (key, root) = project(
            Some("[rules]\n\"risk/no-controlz\" = \"allow\"\n"),
            "broken",
        );
        let config = load(&key);
        assert!(config.settings.overrides.is_empty());
        let (uri, d) = config.problem.unwrap();
        assert!(uri.as_str().ends_with("isms.toml"), "{}", uri.as_str());
        assert!(d.message.contains("risk/no-controls"), "{}", d.message);
        assert_eq!(d.range.start.line, 1);
        let _ = std::fs::remove_dir_all(root);
    }

    #[test]
    fn no_file_means_defaults() {
        let (key, root) = project(None, "none");
        let config = load(&key);
        assert!(config.settings.overrides.is_empty() && config.problem.is_none());
        let _ = std::fs::remove_dir_all(root);
    }
}
