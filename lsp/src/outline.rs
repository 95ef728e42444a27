//! Document symbols (the outline of one file) and workspace symbols (every named
//! declaration of the project), read from the syntax trees.

use isms::model::kinds::Header;
use isms::model::DeclKind;
use isms::source::{FileId, Span};
use isms::syntax::{Arg, Decl, Field, ValueKind};
use tower_lsp_server::ls_types::{DocumentSymbol, Location, SymbolInformation, SymbolKind};

use crate::analysis::Analysis;

/// The declarations of one file, with their treatments, catalog entries, sections and
/// statements as children.
pub fn document_symbols(a: &Analysis, file: FileId) -> Vec<DocumentSymbol> {
    let Some(ast) = a.compilation.asts.get(file.0 as usize) else {
        return Vec::new();
    };
    ast.decls.iter().filter_map(|d| decl_symbol(a, d)).collect()
}

/// Named declarations of the project whose name or title contains `query` (any case).
pub fn workspace_symbols(a: &Analysis, query: &str) -> Vec<SymbolInformation> {
    let query = query.to_lowercase();
    let mut out = Vec::new();
    for (file, _) in a.file_ids() {
        for d in document_symbols(a, file) {
            let matches = d.name.to_lowercase().contains(&query)
                || d.detail
                    .as_deref()
                    .is_some_and(|t| t.to_lowercase().contains(&query));
            if !matches {
                continue;
            }
            let Some(uri) = a.uri(file) else { continue };
            #[allow(
                deprecated,
                reason = "`deprecated` is a required field of the LSP type"
            )]
            out.push(SymbolInformation {
                name: d.name,
                kind: d.kind,
                tags: None,
                deprecated: None,
                location: Location::new(uri.clone(), d.selection_range),
                container_name: d.detail,
            });
        }
    }
    out
}

fn decl_symbol(a: &Analysis, d: &Decl) -> Option<DocumentSymbol> {
    let kind = DeclKind::from_keyword(&d.keyword.text)?;
    let keyword = kind.info().keyword;
    // Unnamed declarations (scope, methodology) and lists (exclude) show their keyword.
    let (name, name_span, detail) = match kind.info().header {
        Header::Unnamed => (keyword.to_string(), d.keyword.span, text(d.args.first())),
        Header::List => {
            let ids = d.args.first().map(|a| {
                a.values
                    .iter()
                    .filter_map(|v| word_of(&v.kind))
                    .collect::<Vec<_>>()
                    .join(", ")
            });
            (
                format!("{keyword} {}", ids.unwrap_or_default()),
                d.keyword.span,
                None,
            )
        }
        Header::Name | Header::Reference => {
            let value = d.args.first()?.single()?;
            let name = word_of(&value.kind)?;
            (name.to_string(), value.span, text(d.args.get(1)))
        }
    };
    let mut children = Vec::new();
    for field in d.block.iter().flat_map(|b| &b.fields) {
        if let Some(child) = field_symbol(a, field) {
            children.push(child);
        }
    }
    symbol(
        a,
        name,
        detail,
        symbol_kind(kind),
        d.span,
        name_span,
        children,
    )
}

/// The symbol kind an editor shows for each kind of declaration (its icon in the outline).
/// The server's one table by kind of declaration: everything else it knows of a kind it
/// reads from the compiler's definition (`DeclKind::info`), and this match is exhaustive
/// so that a kind added to or removed from the registry does not compile until it has
/// its icon here.
pub fn symbol_kind(kind: DeclKind) -> SymbolKind {
    match kind {
        DeclKind::Use | DeclKind::Catalog => SymbolKind::MODULE,
        DeclKind::Mapping => SymbolKind::OPERATOR,
        DeclKind::Organization => SymbolKind::NAMESPACE,
        DeclKind::Scope => SymbolKind::PACKAGE,
        DeclKind::Role => SymbolKind::INTERFACE,
        DeclKind::Person => SymbolKind::OBJECT,
        DeclKind::Methodology => SymbolKind::STRUCT,
        DeclKind::Asset => SymbolKind::CLASS,
        DeclKind::Risk => SymbolKind::EVENT,
        DeclKind::Control => SymbolKind::ENUM_MEMBER,
        DeclKind::Exclusion => SymbolKind::NULL,
        DeclKind::Requirement => SymbolKind::PROPERTY,
        DeclKind::Policy => SymbolKind::FILE,
        DeclKind::Objective => SymbolKind::KEY,
        DeclKind::Metric => SymbolKind::NUMBER,
        DeclKind::Training => SymbolKind::METHOD,
        DeclKind::Programme => SymbolKind::ARRAY,
        DeclKind::Audit => SymbolKind::FUNCTION,
        DeclKind::Review => SymbolKind::CONSTRUCTOR,
        DeclKind::Incident => SymbolKind::CONSTANT,
        DeclKind::Nonconformity => SymbolKind::TYPE_PARAMETER,
        DeclKind::InterestedParty => SymbolKind::VARIABLE,
        DeclKind::Issue => SymbolKind::EVENT,
        DeclKind::Document => SymbolKind::FILE,
    }
}

fn field_symbol(a: &Analysis, f: &Field) -> Option<DocumentSymbol> {
    let values: Vec<_> = f.args.iter().flat_map(|x| x.values.iter()).collect();
    let first = values.first()?;
    let (name, kind) = match f.name.text.as_str() {
        "treatment" => (
            format!("treatment {}", word_of(&first.kind)?),
            SymbolKind::OPERATOR,
        ),
        "entry" => (word_of(&first.kind)?.to_string(), SymbolKind::ENUM_MEMBER),
        "statement" => (word_of(&first.kind)?.to_string(), SymbolKind::STRING),
        "section" => (text(f.args.first())?, SymbolKind::STRING),
        _ => return None,
    };
    let detail = match f.name.text.as_str() {
        "entry" | "statement" => values.get(1).and_then(|v| string_of(&v.kind)),
        _ => None,
    };
    let children = f
        .block
        .iter()
        .flat_map(|b| &b.fields)
        .filter_map(|x| field_symbol(a, x))
        .collect();
    symbol(a, name, detail, kind, f.span, first.span, children)
}

fn symbol(
    a: &Analysis,
    name: String,
    detail: Option<String>,
    kind: SymbolKind,
    span: Span,
    name_span: Span,
    children: Vec<DocumentSymbol>,
) -> Option<DocumentSymbol> {
    #[allow(
        deprecated,
        reason = "`deprecated` is a required field of the LSP type"
    )]
    Some(DocumentSymbol {
        name,
        detail,
        kind,
        tags: None,
        deprecated: None,
        range: a.range(span)?,
        selection_range: a.range(name_span)?,
        children: (!children.is_empty()).then_some(children),
    })
}

fn word_of(v: &ValueKind) -> Option<&str> {
    match v {
        ValueKind::Word(w) => Some(w),
        _ => None,
    }
}

fn string_of(v: &ValueKind) -> Option<String> {
    match v {
        ValueKind::Str(s) => Some(s.clone()),
        _ => None,
    }
}

fn text(arg: Option<&Arg>) -> Option<String> {
    string_of(&arg?.single()?.kind)
}
