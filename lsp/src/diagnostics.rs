//! The compiler's diagnostics as LSP diagnostics, grouped by file.

use std::collections::BTreeMap;
use std::str::FromStr;

use isms::diagnostics::{Code, Diagnostic, Severity};
use tower_lsp_server::ls_types::{
    self as lsp, CodeDescription, DiagnosticRelatedInformation, DiagnosticSeverity, NumberOrString,
    Uri,
};

use crate::analysis::Analysis;

/// The link to a rule's documentation: the compiler's own `Code::doc_url`, so the
/// editor, SARIF and `isms explain` point at the same page.
pub fn rule_docs(code: Code) -> Option<Uri> {
    Uri::from_str(&code.doc_url()).ok()
}

/// Every project file with its diagnostics, clean files included (with none), so that a
/// file that became clean gets its old diagnostics cleared.
pub fn by_file(a: &Analysis) -> BTreeMap<Uri, Vec<lsp::Diagnostic>> {
    let mut out: BTreeMap<Uri, Vec<lsp::Diagnostic>> = a
        .file_ids()
        .map(|(_, uri)| (uri.clone(), Vec::new()))
        .collect();
    for d in &a.compilation.diagnostics {
        // The shipped catalogs are not the user's to fix; nothing to show them on.
        let Some(uri) = a.uri(d.span.file) else {
            continue;
        };
        if let (Some(list), Some(converted)) = (out.get_mut(uri), convert(a, d)) {
            list.push(converted);
        }
    }
    // A broken `isms.toml` is shown on itself; once fixed, it drops out of the map and
    // its diagnostic is cleared like any file's.
    if let Some((uri, d)) = &a.config_problem {
        out.entry(uri.clone()).or_default().push(d.clone());
    }
    out
}

pub fn convert(a: &Analysis, d: &Diagnostic) -> Option<lsp::Diagnostic> {
    let range = a.range(d.span)?;
    let related: Vec<DiagnosticRelatedInformation> = d
        .labels
        .iter()
        .filter_map(|l| {
            Some(DiagnosticRelatedInformation {
                location: a.location(l.span)?,
                message: l.message.clone(),
            })
        })
        .collect();
    // The primary label mostly restates the message beside the squiggle; the help says
    // what to do, which editors otherwise would not show.
    let mut message = d.message.clone();
    if let Some(help) = &d.help {
        message.push_str(&format!("\nhelp: {help}"));
    }
    Some(lsp::Diagnostic {
        range,
        severity: Some(severity(d.severity)),
        code: Some(NumberOrString::String(d.code.as_str().to_string())),
        code_description: rule_docs(d.code).map(|href| CodeDescription { href }),
        source: Some("isms".to_string()),
        message,
        related_information: (!related.is_empty()).then_some(related),
        tags: None,
        data: None,
    })
}

fn severity(s: Severity) -> DiagnosticSeverity {
    match s {
        Severity::Error => DiagnosticSeverity::ERROR,
        Severity::Warning => DiagnosticSeverity::WARNING,
        Severity::Info => DiagnosticSeverity::INFORMATION,
    }
}
