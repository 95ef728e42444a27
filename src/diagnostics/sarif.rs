//! SARIF 2.1.0 for code-scanning services (GitHub code scanning and others): every rule
//! with its documentation and help URI, every diagnostic as a result with its locations.

use serde_sarif::sarif::{
    ArtifactChange, ArtifactContent, ArtifactLocation, Fix as SarifFix, Location, Message,
    MultiformatMessageString, PhysicalLocation, PropertyBag, Region, Replacement,
    ReportingConfiguration, ReportingDescriptor, Result as SarifResult, ResultLevel, Run, Sarif,
    Tool, ToolComponent,
};

use percent_encoding::{utf8_percent_encode, AsciiSet, CONTROLS};

use super::{Code, Diagnostic, Edit, Fix, Severity};
use crate::source::{FileId, SourceMap, Span};

const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

/// A SARIF log for diagnostics from one or more compilations.
pub fn log(projects: &[(&SourceMap, &[Diagnostic])]) -> Sarif {
    let rules: Vec<ReportingDescriptor> = Code::ALL.iter().map(|c| rule(*c)).collect();
    let driver = ToolComponent::builder()
        .name("isms")
        .version(env!("CARGO_PKG_VERSION"))
        .information_uri(super::codes::PROJECT_URL)
        .rules(rules)
        .build();
    let results: Vec<SarifResult> = projects
        .iter()
        .flat_map(|(sources, diagnostics)| diagnostics.iter().map(|d| result(sources, d)))
        .collect();
    let run = Run::builder()
        .tool(Tool::builder().driver(driver).build())
        // Our columns count Unicode scalar values, as the JSON report does.
        .column_kind(serde_json::json!("unicodeCodePoints"))
        .results(results)
        .build();
    Sarif::builder()
        .schema(SCHEMA)
        .version(serde_json::json!("2.1.0"))
        .runs(vec![run])
        .build()
}

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

fn text(s: &str) -> MultiformatMessageString {
    MultiformatMessageString::builder().text(s).build()
}

fn rule(code: Code) -> ReportingDescriptor {
    let doc = code.doc();
    let help = MultiformatMessageString::builder()
        .text(doc.section("What it checks").unwrap_or(doc.summary()))
        .markdown(doc.0)
        .build();
    ReportingDescriptor::builder()
        .id(code.as_str())
        .name(code.as_str())
        .short_description(text(doc.summary()))
        .full_description(text(doc.section("What it checks").unwrap_or(doc.summary())))
        .help(help)
        .help_uri(code.doc_url())
        .default_configuration(
            ReportingConfiguration::builder()
                .level(serde_json::json!(level(code.default_severity())))
                .build(),
        )
        .build()
}

fn location(sources: &SourceMap, span: Span, message: Option<&str>) -> Location {
    let file = sources.get(span.file);
    let (line, column) = file.map_or((1, 1), |f| f.line_column(span.start()));
    let (end_line, end_column) = file.map_or((1, 1), |f| f.line_column(span.end()));
    let region = Region::builder()
        .start_line(line as i64)
        .start_column(column as i64)
        .end_line(end_line as i64)
        .end_column(end_column as i64)
        .build();
    let physical = PhysicalLocation::builder()
        .artifact_location(
            ArtifactLocation::builder()
                .uri(uri(sources.name(span.file)))
                .build(),
        )
        .region(region)
        .build();
    match message {
        Some(m) => Location::builder()
            .physical_location(physical)
            .message(Message::builder().text(m).build())
            .build(),
        None => Location::builder().physical_location(physical).build(),
    }
}

/// What a file name may not hold as itself in a relative URI reference (RFC 3986): the
/// delimiters `#`, `?` and `%`, `:` (in a first segment it would read as a scheme),
/// spaces, quotes and the characters that are never allowed. Non-ASCII characters are
/// always encoded, as UTF-8. `/` separates segments and stays.
const NOT_IN_PATH: &AsciiSet = &CONTROLS
    .add(b' ')
    .add(b'"')
    .add(b'#')
    .add(b'%')
    .add(b':')
    .add(b'<')
    .add(b'>')
    .add(b'?')
    .add(b'[')
    .add(b'\\')
    .add(b']')
    .add(b'^')
    .add(b'`')
    .add(b'{')
    .add(b'|')
    .add(b'}');

/// A project path (`/`-separated) as SARIF's `artifactLocation.uri`.
fn uri(path: &str) -> String {
    utf8_percent_encode(path, NOT_IN_PATH).to_string()
}

fn result(sources: &SourceMap, d: &Diagnostic) -> SarifResult {
    let mut message = d.message.clone();
    if let Some(help) = &d.help {
        message.push_str(&format!(" (help: {help})"));
    }
    let index = Code::ALL.iter().position(|c| *c == d.code).unwrap_or(0);
    let level = match d.severity {
        Severity::Error => ResultLevel::Error,
        Severity::Warning => ResultLevel::Warning,
        Severity::Info => ResultLevel::Note,
    };
    let related: Vec<Location> = d
        .labels
        .iter()
        .map(|l| location(sources, l.span, Some(&l.message)))
        .collect();
    let fixes: Vec<SarifFix> = d.fixes.iter().map(|f| fix(sources, f)).collect();
    let builder = SarifResult::builder()
        .rule_id(d.code.as_str())
        .rule_index(index as i64)
        .level(level)
        .message(Message::builder().text(message).build())
        .locations(vec![location(sources, d.span, None)]);
    let mut result = if related.is_empty() {
        builder.build()
    } else {
        builder.related_locations(related).build()
    };
    if !fixes.is_empty() {
        result.fixes = Some(fixes);
    }
    result
}

/// A fix as SARIF's `fix`: its title as the description, one artifact change per file,
/// each edit a replacement of a region (lines and columns as in the locations; no byte
/// offsets, which would differ between a file with LF and one with CRLF line endings) by
/// the new text. Whether it is safe is the `applicability` property.
fn fix(sources: &SourceMap, f: &Fix) -> SarifFix {
    let mut files: Vec<FileId> = f.edits.iter().map(|e| e.span.file).collect();
    files.sort_unstable();
    files.dedup();
    let changes: Vec<ArtifactChange> = files
        .into_iter()
        .map(|file| {
            let replacements: Vec<Replacement> = f
                .edits
                .iter()
                .filter(|e| e.span.file == file)
                .map(|e| replacement(sources, e))
                .collect();
            ArtifactChange::builder()
                .artifact_location(
                    ArtifactLocation::builder()
                        .uri(uri(sources.name(file)))
                        .build(),
                )
                .replacements(replacements)
                .build()
        })
        .collect();
    let mut properties = std::collections::BTreeMap::new();
    properties.insert(
        "applicability".to_string(),
        serde_json::json!(f.applicability.as_str()),
    );
    SarifFix::builder()
        .description(Message::builder().text(f.title.as_str()).build())
        .artifact_changes(changes)
        .properties(
            PropertyBag::builder()
                .additional_properties(properties)
                .build(),
        )
        .build()
}

fn replacement(sources: &SourceMap, e: &Edit) -> Replacement {
    let file = sources.get(e.span.file);
    let (line, column) = file.map_or((1, 1), |f| f.line_column(e.span.start()));
    let (end_line, end_column) = file.map_or((1, 1), |f| f.line_column(e.span.end()));
    let region = Region::builder()
        .start_line(line as i64)
        .start_column(column as i64)
        .end_line(end_line as i64)
        .end_column(end_column as i64)
        .build();
    Replacement::builder()
        .deleted_region(region)
        .inserted_content(
            ArtifactContent::builder()
                .text(e.replacement.as_str())
                .build(),
        )
        .build()
}

#[cfg(test)]
mod tests {
    use super::uri;

    #[test]
    fn file_names_are_percent_encoded_but_keep_their_slashes() {
        assert_eq!(
            uri("risks/my file#1?%.isms"),
            "risks/my%20file%231%3F%25.isms"
        );
        assert_eq!(uri("c:/Ä.isms"), "c%3A/%C3%84.isms");
        assert_eq!(uri("plain/path-1_a.isms"), "plain/path-1_a.isms");
    }
}
