//! The README's table of codes is the code registry, read by a person: every registered
//! code appears in it exactly once, with its default severity, and it names no other
//! code. The table is hand-written (its third column groups codes in prose), so this test
//! is what keeps it from drifting when a rule is added.

use std::collections::BTreeMap;

use isms::diagnostics::Code;

/// `code → severity` for every row of the README table that starts with `| code |`.
fn table() -> BTreeMap<String, Vec<String>> {
    let readme = include_str!("../README.md");
    let mut rows = BTreeMap::<String, Vec<String>>::new();
    let mut inside = false;
    for line in readme.lines() {
        if line.starts_with("| code | severity |") {
            inside = true;
            continue;
        }
        if !inside || line.starts_with("|---") {
            continue;
        }
        if !line.starts_with('|') {
            break;
        }
        let cells: Vec<&str> = line.split('|').map(str::trim).collect();
        let (Some(codes), Some(severity)) = (cells.get(1), cells.get(2)) else {
            continue;
        };
        for code in codes.split(',').map(|c| c.trim().trim_matches('`')) {
            rows.entry(code.to_string())
                .or_default()
                .push(severity.to_string());
        }
    }
    rows
}

#[test]
fn the_readme_lists_every_code_once_with_its_severity() {
    let table = table();
    let mut problems = Vec::new();
    for code in Code::ALL {
        match table.get(code.as_str()).map(Vec::as_slice) {
            None => problems.push(format!("{} is missing", code.as_str())),
            Some([severity]) if severity == code.default_severity().as_str() => {}
            Some(found) => problems.push(format!(
                "{} is listed as {found:?}, the registry says {}",
                code.as_str(),
                code.default_severity().as_str()
            )),
        }
    }
    for code in table.keys() {
        if Code::parse(code).is_none() {
            problems.push(format!("{code} is not a registered code"));
        }
    }
    assert!(
        problems.is_empty(),
        "README.md's table of codes disagrees with src/diagnostics/codes.rs:\n{}",
        problems.join("\n")
    );
}
