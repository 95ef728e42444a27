//! Issue #16, finding 15: policy IDs that differ only in case, Windows device names and
//! very long IDs still build, into distinct safe files that every link reaches.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::BTreeSet;
use std::fs;
use std::path::Path;
use std::process::Command;

const CLEAN: &str = include_str!("fixtures/cli/clean.isms");

fn policy(id: &str, parent: Option<&str>) -> String {
    let parent = parent
        .map(|p| format!("  parent {p}\n"))
        .unwrap_or_default();
    format!(
        "\npolicy {id} \"Policy {}\" {{\n{parent}  owner ciso\n  version \"1.0\"\n  \
         approved_by alice on 2026-01-10\n  review every 12 months\n  implements mfa\n}}\n",
        &id[..id.len().min(12)]
    )
}

/// Every `href` of an HTML file that is a relative link to a file (no `#`, no scheme).
fn file_links(html: &str) -> Vec<String> {
    html.split("href=\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .map(|href| href.split('#').next().unwrap_or_default().to_string())
        .filter(|href| !href.is_empty() && !href.contains(':'))
        .collect()
}

#[test]
fn awkward_policy_ids_build_into_distinct_files_that_links_reach() {
    let long = format!("p{}", "x".repeat(299));
    let ids = [
        "Access",
        "access",
        "con",
        "AUX",
        "nul",
        "com1",
        long.as_str(),
    ];
    let dir = tempfile::tempdir().unwrap();
    let mut text = CLEAN.to_string();
    for (i, id) in ids.iter().enumerate() {
        // Each policy but the first is a child of the one before: parent links too.
        text.push_str(&policy(id, i.checked_sub(1).map(|p| ids[p])));
    }
    fs::write(dir.path().join("isms.isms"), text).unwrap();
    let out = dir.path().join("out");
    let done = Command::new(env!("CARGO_BIN_EXE_isms"))
        .arg("build")
        .arg(dir.path())
        .arg("--out")
        .arg(&out)
        .args(["--today", "2026-11-23", "--format", "md,html"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&done.stderr);
    assert_eq!(done.status.code(), Some(0), "{stderr}");

    let pages: Vec<String> = fs::read_dir(out.join("policies"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".html"))
        .collect();
    // One page per policy (and the clean project's own), distinct ignoring case.
    assert_eq!(pages.len(), ids.len() + 1, "{pages:?}");
    let folded: BTreeSet<String> = pages.iter().map(|n| n.to_ascii_lowercase()).collect();
    assert_eq!(folded.len(), pages.len(), "{pages:?}");
    for name in &pages {
        let stem = name.trim_end_matches(".html");
        let base = stem.split('.').next().unwrap().to_ascii_lowercase();
        assert!(
            !["con", "aux", "nul", "com1", "prn"].contains(&base.as_str()),
            "{name} is a Windows device name"
        );
        assert!(name.len() < 120, "{name} is too long");
        assert!(
            out.join("policies").join(format!("{stem}.md")).exists(),
            "{stem}.md beside {name}"
        );
    }

    // Every link of the index, the SoA and each policy page leads to a file that exists,
    // and each policy's page is linked from the index.
    let mut linked_from_index = BTreeSet::new();
    for (page, base) in [
        ("index.html".to_string(), out.clone()),
        ("soa.html".to_string(), out.clone()),
    ]
    .into_iter()
    .chain(
        pages
            .iter()
            .map(|p| (format!("policies/{p}"), out.join("policies"))),
    ) {
        let html = fs::read_to_string(out.join(&page)).unwrap();
        for link in file_links(&html) {
            assert!(base.join(&link).exists(), "{page} links to missing {link}");
            if page == "index.html" {
                linked_from_index.insert(link);
            }
        }
    }
    for name in &pages {
        assert!(
            linked_from_index.contains(&format!("policies/{name}")),
            "index does not link {name}"
        );
    }
    assert!(Path::new(&out.join("index.html")).exists());
}
