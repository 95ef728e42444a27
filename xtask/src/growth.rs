//! Projects that grow along one dimension only, for the scaling test (`tests/scaling.rs`)
//! and the scaling benchmark (`benches/scaling.rs`): each input of issue #16 that once
//! took super-linear time or overflowed the stack, at any size N.
//!
//! Like `generate.rs`, this file is compiled into `tests/` and `benches/` with `#[path]`,
//! so it uses std only.

use std::fmt::Write as _;

/// One growth case: what grows with N.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Case {
    /// N assets, each depending on a misspelt name of itself (`servr-7` for `server-7`):
    /// N `ref/unknown` diagnostics, each with a "did you mean".
    UnknownReferences,
    /// N unassessed assets, each with an `@allow(asset/unassessed, …)` that silences it.
    Allows,
    /// One asset whose `depends_on` lists N declared assets.
    LongList,
    /// N roles, all held by one person.
    RolesOfOnePerson,
    /// N policies under one root policy, built into documents.
    Policies,
    /// N assets, each depending on the next: a `depends_on` chain N deep.
    DependsOnChain,
    /// N policies, each the parent of the one before: a `parent` chain N deep.
    ParentChain,
}

impl Case {
    pub const ALL: [Case; 7] = [
        Case::UnknownReferences,
        Case::Allows,
        Case::LongList,
        Case::RolesOfOnePerson,
        Case::Policies,
        Case::DependsOnChain,
        Case::ParentChain,
    ];

    /// The name `isms-gen` takes on its command line.
    pub fn name(self) -> &'static str {
        match self {
            Case::UnknownReferences => "unknown-references",
            Case::Allows => "allows",
            Case::LongList => "long-list",
            Case::RolesOfOnePerson => "roles-of-one-person",
            Case::Policies => "policies",
            Case::DependsOnChain => "depends-on-chain",
            Case::ParentChain => "parent-chain",
        }
    }

    pub fn from_name(name: &str) -> Option<Case> {
        Case::ALL.into_iter().find(|c| c.name() == name)
    }

    /// The project of size `n`, as one file's text.
    pub fn text(self, n: usize) -> String {
        let mut t = String::from(HEADER);
        match self {
            Case::UnknownReferences => {
                for i in 0..n {
                    let _ = writeln!(
                        t,
                        "asset server-{i} \"Server {i}\" {{\n  kind software\n  owner ciso\n  depends_on servr-{i}\n}}"
                    );
                }
            }
            Case::Allows => {
                for i in 0..n {
                    let _ = writeln!(
                        t,
                        "@allow(asset/unassessed, reason = \"archived\")\nasset a{i} \"Asset {i}\" {{\n  kind software\n  owner ciso\n}}"
                    );
                }
            }
            Case::LongList => {
                let names: Vec<String> = (0..n).map(|i| format!("a{i}")).collect();
                let _ = writeln!(
                    t,
                    "asset hub \"Hub\" {{\n  kind software\n  owner ciso\n  depends_on {}\n}}",
                    names.join(", ")
                );
                for name in &names {
                    let _ = writeln!(
                        t,
                        "asset {name} \"{name}\" {{\n  kind software\n  owner ciso\n}}"
                    );
                }
            }
            Case::RolesOfOnePerson => {
                let names: Vec<String> = (0..n).map(|i| format!("r{i}")).collect();
                for name in &names {
                    let _ = writeln!(t, "role {name} \"Role {name}\"");
                }
                let _ = writeln!(t, "person many \"Many\" {{ roles {} }}", names.join(", "));
            }
            Case::Policies => {
                for i in 0..n {
                    let parent = if i == 0 {
                        String::new()
                    } else {
                        "  kind topic\n  parent pol0\n".to_string()
                    };
                    let _ = writeln!(t, "{}", policy(i, &parent));
                }
            }
            Case::DependsOnChain => {
                for i in 0..n {
                    let next = if i + 1 < n {
                        format!("  depends_on a{}\n", i + 1)
                    } else {
                        String::new()
                    };
                    let _ = writeln!(
                        t,
                        "asset a{i} \"Asset {i}\" {{\n  kind software\n  owner ciso\n{next}}}"
                    );
                }
            }
            Case::ParentChain => {
                for i in 0..n {
                    let parent = if i + 1 < n {
                        format!("  kind topic\n  parent pol{}\n", i + 1)
                    } else {
                        String::new()
                    };
                    let _ = writeln!(t, "{}", policy(i, &parent));
                }
            }
        }
        t
    }
}

/// An approved, owned policy `pol{i}` with the given extra lines, approved by someone
/// other than its owner (`policy/self-approved`).
fn policy(i: usize, extra: &str) -> String {
    format!(
        "policy pol{i} \"Policy {i}\" {{\n{extra}  owner ciso\n  version \"1.0\"\n  approved_by bob on 2026-06-01\n  review every 12 months\n  statement P{i}-1 \"Statement {i}.\"\n}}"
    )
}

/// What every case starts with: a project that `isms build` accepts.
const HEADER: &str = "organization synth \"Synthetic Corp\"\n\
scope \"Synthetic\" {\n  includes \"Everything\"\n}\n\
role ciso \"CISO\"\n\
person alice \"Alice\" { roles ciso }\n\
role ceo \"CEO\"\n\
person bob \"Bob\" { roles ceo }\n";
