//! Deep graphs on small stacks: a `depends_on` chain or a `parent` chain of 160,000
//! declarations is checked on a thread with a 2 MB stack (a worker thread's default), as
//! the language server and the CLI's workers do. A recursive graph walk overflowed it and
//! aborted the process (exit 134); the check must finish with the right diagnostics.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

#[path = "../xtask/src/growth.rs"]
#[allow(dead_code)] // each target uses some of the cases
mod growth;

use chrono::NaiveDate;
use growth::Case;
use isms::diagnostics::Code;
use isms::{compile_lean, Compilation, Input, Options, Settings};

const DEPTH: usize = 160_000;

/// Compile `text` on a thread with a 2 MB stack.
fn check_on_small_stack(text: String) -> Compilation {
    std::thread::Builder::new()
        .stack_size(2 << 20)
        .spawn(move || {
            let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
            compile_lean(
                vec![Input::new("deep.isms", text)],
                &Options { today },
                &Settings::default(),
            )
        })
        .unwrap()
        .join()
        .expect("the check finishes on a 2 MB stack")
}

fn count(c: &Compilation, code: Code) -> usize {
    c.diagnostics.iter().filter(|d| d.code == code).count()
}

#[test]
fn a_depends_on_chain_160000_deep_is_checked() {
    let c = check_on_small_stack(Case::DependsOnChain.text(DEPTH));
    assert_eq!(count(&c, Code::AssetDependencyCycle), 0);
    assert_eq!(count(&c, Code::AssetUnassessed), DEPTH);
    assert!(!c.has_errors(), "{:?}", c.diagnostics.first());
}

#[test]
fn a_policy_parent_chain_160000_deep_is_checked() {
    let c = check_on_small_stack(Case::ParentChain.text(DEPTH));
    assert!(c.diagnostics.is_empty(), "{:?}", c.diagnostics.first());
    assert_eq!(c.model.policies.len(), DEPTH);
}

/// The same chain closed into a ring: one cycle of 160,000 assets, reported once, with
/// every reference of the ring labelled.
#[test]
fn a_depends_on_ring_160000_long_is_one_cycle() {
    let last = DEPTH - 1;
    let text = Case::DependsOnChain.text(DEPTH).replacen(
        &format!("asset a{last} \"Asset {last}\" {{\n  kind software\n  owner ciso\n}}"),
        &format!(
            "asset a{last} \"Asset {last}\" {{\n  kind software\n  owner ciso\n  depends_on a0\n}}"
        ),
        1,
    );
    let c = check_on_small_stack(text);
    let cycles: Vec<_> = c
        .diagnostics
        .iter()
        .filter(|d| d.code == Code::AssetDependencyCycle)
        .collect();
    assert_eq!(cycles.len(), 1);
    assert!(
        cycles[0]
            .message
            .starts_with("assets depend on each other in a cycle: `a0` → `a1`"),
        "{}",
        &cycles[0].message[..200.min(cycles[0].message.len())]
    );
    assert_eq!(
        cycles[0].labels.len(),
        DEPTH - 1,
        "one label per reference but the first"
    );
    assert!(cycles[0].message.ends_with(&format!("`a{last}` → `a0`")));
}
