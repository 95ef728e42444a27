//! Find references and rename read the compiler's resolution table. They are held here to
//! the server's earlier algorithm, kept only as this test's oracle: rename the
//! declarations to an unused name of the same length, compile the project again, and the
//! names that stop resolving are exactly the references.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::BTreeSet;
use std::path::Path;
use std::str::FromStr;

use chrono::NaiveDate;
use isms::diagnostics::{Code, Diagnostic};
use isms::model::{Kind, Referent};
use isms::source::Span;
use isms::{Input, Options};
use isms_lsp::analysis::{Analysis, SourceInput};
use isms_lsp::names::Occurrence;
use isms_lsp::navigate;
use tower_lsp_server::ls_types::{Location, Uri};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
}

fn analysis_of(files: Vec<(String, String)>) -> Analysis {
    let inputs = files
        .into_iter()
        .map(|(name, text)| SourceInput {
            uri: Uri::from_str(&format!("file:///w/{name}")).unwrap(),
            name,
            text,
        })
        .collect();
    Analysis::new(inputs, today())
}

fn project(root: &Path) -> Analysis {
    let files = isms::project::discover(root)
        .files
        .into_iter()
        .map(|f| (f.name, std::fs::read_to_string(&f.path).unwrap()))
        .collect();
    analysis_of(files)
}

/// The old algorithm: the declarations, plus the references that stop resolving when the
/// declarations are renamed.
fn oracle(a: &Analysis, at: &Occurrence) -> BTreeSet<Span> {
    let name = &at.target.name;
    let defs: Vec<Span> = a
        .names()
        .all()
        .iter()
        .filter(|o| o.is_def && o.target == at.target)
        .map(|o| o.span)
        .collect();
    let c = &a.compilation;
    let stand_in: String = std::iter::once('Z')
        .chain(std::iter::repeat_n('q', name.len() - 1))
        .collect();
    let mut inputs = Vec::new();
    for (file, source) in c.sources.iter().take(c.project_files) {
        assert!(!source.text.contains(&stand_in));
        let mut text = source.text.clone();
        for d in defs.iter().filter(|d| d.file == file) {
            text.replace_range(d.start()..d.end(), &stand_in);
        }
        inputs.push(Input::new(source.name.clone(), text));
    }
    let unresolved = |ds: &[Diagnostic]| -> BTreeSet<(Span, Code)> {
        ds.iter()
            .filter(|d| matches!(d.code, Code::RefUnknown | Code::RefWrongKind))
            .map(|d| (d.span, d.code))
            .collect()
    };
    let before = unresolved(&c.diagnostics);
    let after = isms::compile(inputs, &Options { today: c.today });
    let mut out: BTreeSet<Span> = defs.into_iter().collect();
    out.extend(
        unresolved(&after.diagnostics)
            .into_iter()
            .filter(|d| !before.contains(d))
            .map(|(span, _)| span)
            .filter(|span| a.in_project(*span) && c.sources.slice(*span) == name),
    );
    out
}

fn key(l: &Location) -> (String, u32, u32, u32, u32) {
    let r = l.range;
    (
        l.uri.as_str().to_string(),
        r.start.line,
        r.start.character,
        r.end.line,
        r.end.character,
    )
}

/// Every declaration the oracle can see: all but catalog controls, whose references keep
/// resolving to the catalog entry when the declaration is renamed.
fn compare_with_oracle(what: &str, a: &Analysis) -> usize {
    let mut seen = BTreeSet::new();
    for at in a.names().all() {
        let Some(referent) = at.referent.filter(|_| at.is_def) else {
            continue;
        };
        if let Referent::Decl(Kind::Control, slot) = referent {
            if !a.compilation.model.slots[slot].is_custom() {
                continue;
            }
        }
        if !seen.insert(referent) {
            continue;
        }
        let expected: BTreeSet<_> = oracle(a, at)
            .into_iter()
            .map(|s| key(&a.location(s).unwrap()))
            .collect();
        let (file, offset) = (at.span.file, at.span.start());
        let found: BTreeSet<_> = navigate::references(a, file, offset, true)
            .iter()
            .map(key)
            .collect();
        assert_eq!(found, expected, "{what}: references of {:?}", at.target);
        let edit = navigate::rename(a, file, offset, "renamed-x").unwrap();
        let renamed: BTreeSet<_> = edit
            .changes
            .unwrap()
            .into_iter()
            .flat_map(|(uri, edits)| {
                edits
                    .into_iter()
                    .map(move |e| key(&Location::new(uri.clone(), e.range)))
            })
            .collect();
        assert_eq!(renamed, expected, "{what}: rename of {:?}", at.target);
    }
    seen.len()
}

#[test]
fn references_and_rename_agree_with_recompiling_on_the_example() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples/acme");
    let a = project(&root);
    let n = compare_with_oracle("examples/acme", &a);
    assert!(n > 40, "only {n} declarations compared");
}

#[test]
fn references_and_rename_agree_with_recompiling_on_the_client_fixture() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/workspace");
    let a = project(&root);
    let n = compare_with_oracle("client fixture", &a);
    assert!(n >= 4, "only {n} declarations compared");
}

#[test]
fn lifecycle_references_wrong_kinds_and_duplicates() {
    let files = vec![
        (
            "a.isms".to_string(),
            "role ciso \"CISO\"\nperson kim \"Kim\" { roles ciso }\nasset app \"App\" {\n  kind software\n  owner app\n}\n".to_string(),
        ),
        (
            "b.isms".to_string(),
            "objective obj \"O\" {\n  owner ciso\n  target \"t\"\n}\nmetric m1 \"M\" {\n  objectives obj\n  owner ciso\n}\nnonconformity NC-1 \"N\" {\n  owner kim\n}\nnonconformity NC-1 \"again\" {\n  owner kim\n}\naudit IA-1 \"A\" {\n  auditor kim\n  findings NC-1\n}\n".to_string(),
        ),
    ];
    let a = analysis_of(files);
    compare_with_oracle("inline", &a);
    let b = a.file_ids().nth(1).unwrap().0;
    let text = a.text(b);
    let offset = text.find("objectives obj").unwrap() + "objectives ".len();
    let refs = navigate::references(&a, b, offset, false);
    assert_eq!(refs.len(), 1, "{refs:?}");
    let defs = navigate::definition(&a, b, offset);
    assert_eq!(defs.len(), 1);
    assert_eq!(defs[0].range.start.line, 0);
    // `owner app` names an asset where a person or role is wanted: it is still a
    // reference of the asset, renamed with it.
    let f = a.file_ids().next().unwrap().0;
    let at = a.text(f).find("asset app").unwrap() + "asset ".len();
    assert_eq!(navigate::references(&a, f, at, true).len(), 2);
}
