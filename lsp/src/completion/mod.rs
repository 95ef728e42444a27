//! Completion: keywords, fields, enumeration values and names of the right kind.
//!
//! The context comes from the live buffer ([`context`]); the names come from the last
//! analysis of the project, which may be a keystroke behind — good enough to suggest.

pub mod context;

use isms::model::Kind;
use tower_lsp_server::ls_types::{
    CompletionItem, CompletionItemKind, CompletionTextEdit, Documentation, Range, TextEdit,
};

use crate::analysis::Analysis;
use crate::position::LineIndex;
use crate::schema;
use context::Expect;

/// The completion items at byte `offset` of `text` (the live buffer).
pub fn complete(a: &Analysis, text: &str, offset: usize) -> Vec<CompletionItem> {
    let Some(c) = context::at(text, offset) else {
        return Vec::new();
    };
    let lines = LineIndex::new(text);
    let range = lines.range(text, c.word_start, offset);
    let item = |label: &str, kind: CompletionItemKind, detail: &str| CompletionItem {
        label: label.to_string(),
        kind: Some(kind),
        detail: (!detail.is_empty()).then(|| detail.to_string()),
        text_edit: Some(CompletionTextEdit::Edit(TextEdit::new(
            range,
            label.to_string(),
        ))),
        ..CompletionItem::default()
    };
    let m = &a.compilation.model;
    match c.expect {
        Expect::Keyword => schema::keywords()
            .iter()
            .map(|k| item(k, CompletionItemKind::KEYWORD, schema::keyword_doc(k)))
            .collect(),
        Expect::Field(block) => schema::fields(block)
            .iter()
            .map(|f| item(f.name, CompletionItemKind::FIELD, f.doc))
            .collect(),
        Expect::Words(words) => words
            .iter()
            .map(|(w, what)| item(w, CompletionItemKind::ENUM_MEMBER, what))
            .collect(),
        Expect::Level => m
            .methodology()
            .map(|method| {
                method
                    .levels
                    .iter()
                    .map(|l| {
                        let detail = format!("score {}..{}", l.low, l.high);
                        item(&l.name.text, CompletionItemKind::ENUM_MEMBER, &detail)
                    })
                    .collect()
            })
            .unwrap_or_default(),
        Expect::Catalogs => m
            .catalogs
            .iter()
            .map(|cat| {
                let title = cat.title.as_deref().unwrap_or("");
                item(&cat.id.text, CompletionItemKind::MODULE, title)
            })
            .collect(),
        Expect::CatalogControls => controls(a, range, true),
        Expect::Names(kinds) => {
            let mut items = Vec::new();
            for kind in kinds {
                if *kind == Kind::Control {
                    items.extend(controls(a, range, false));
                    continue;
                }
                let mut names: Vec<&str> = m.index.names(*kind).collect();
                names.sort_unstable();
                for name in names {
                    let detail = format!("{} {}", kind.noun(), title_of(a, *kind, name));
                    items.push(item(name, name_kind(*kind), detail.trim_end()));
                }
            }
            items
        }
    }
}

/// Every control the project can name, in SoA order (catalog order, then custom), with
/// its title; the title is also matched when filtering.
fn controls(a: &Analysis, range: Range, catalog_only: bool) -> Vec<CompletionItem> {
    let m = &a.compilation.model;
    m.slots
        .iter()
        .enumerate()
        .filter(|(_, s)| !(catalog_only && s.is_custom()))
        .map(|(i, slot)| {
            let entry = m.catalog_entry(slot);
            let title = entry
                .map(|(_, e)| e.title.clone())
                .or_else(|| m.control_decl(slot).and_then(|d| d.title.clone()))
                .unwrap_or_default();
            let theme = entry.and_then(|(_, e)| e.theme.clone());
            CompletionItem {
                label: slot.id.clone(),
                kind: Some(CompletionItemKind::ENUM_MEMBER),
                detail: Some(title.clone()),
                documentation: theme.map(|t| Documentation::String(format!("Theme: {t}"))),
                filter_text: Some(format!("{} {title}", slot.id)),
                sort_text: Some(format!("{i:05}")),
                text_edit: Some(CompletionTextEdit::Edit(TextEdit::new(
                    range,
                    slot.id.clone(),
                ))),
                ..CompletionItem::default()
            }
        })
        .collect()
}

fn title_of(a: &Analysis, kind: Kind, name: &str) -> String {
    let m = &a.compilation.model;
    let title = m
        .index
        .get(kind, name)
        .and_then(|i| m.declared_title(kind.decl(), i));
    title.map(|t| format!("— {t}")).unwrap_or_default()
}

/// The icon of a name in the completion list: people, assets and policies have their
/// own; names of every other kind are references.
fn name_kind(kind: Kind) -> CompletionItemKind {
    const ICONS: &[(Kind, CompletionItemKind)] = &[
        (Kind::Person, CompletionItemKind::VARIABLE),
        (Kind::Role, CompletionItemKind::VARIABLE),
        (Kind::Asset, CompletionItemKind::STRUCT),
        (Kind::Policy, CompletionItemKind::FILE),
    ];
    ICONS
        .iter()
        .find(|(k, _)| *k == kind)
        .map_or(CompletionItemKind::REFERENCE, |(_, icon)| *icon)
}
