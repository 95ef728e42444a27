//! No import cycles between modules, in the compiler (`src/`) or the language server
//! (`lsp/src/`).
//!
//! The graph is read from the source text, not from the compiler, so it is a simple and
//! documented approximation:
//!
//! - A file's module follows from its path: `src/model/lower/risk.rs` is
//!   `model::lower::risk`, `src/model/mod.rs` is `model`, `lib.rs` and `main.rs` are the
//!   crate root. Test modules are left out: a file is read up to its first `#[cfg(test)]`.
//! - Its imports are every path that starts with `crate::`, `super::` or `self::`, in a
//!   `use` item (brace groups expanded: `use crate::{a, b::{c, d}}` is `a`, `b::c` and
//!   `b::d`) or written inline (`crate::stdlib::FILES`). Comments and string literals are
//!   skipped. A path names the longest known module it starts with.
//! - A module and what it contains are one: `a` using `a::b` is containment, not a
//!   dependency. So cycles are looked for among siblings: under each parent module, `x`
//!   depends on `y` when anything in `x` (itself or below it) imports anything in `y`.
//!   `check::readiness` importing `compile` while `compile` imports `check::suppress` is
//!   the cycle `check ↔ compile` between the crate root's children.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Cycles that are known, as the sorted member modules of each (`crate` root children
/// are written without a prefix). None: a cycle may only be listed here with a comment
/// naming the issue that removes it, and a test fails once it is gone, so the list
/// cannot go stale.
const ALLOWED: &[(&str, &[&str])] = &[];

#[test]
fn the_compiler_and_the_server_have_no_import_cycles() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut found = Vec::new();
    for (label, dir) in [("src", root.join("src")), ("lsp/src", root.join("lsp/src"))] {
        let graph = ModuleGraph::read(&dir);
        assert!(
            graph.modules.len() > 10,
            "{label}: only {} modules found",
            graph.modules.len()
        );
        for (cycle, imports) in graph.sibling_cycles_with_witnesses() {
            let allowed = ALLOWED
                .iter()
                .any(|(l, members)| *l == label && members.iter().eq(cycle.iter()));
            if !allowed {
                found.push(format!(
                    "{label}: {}, through\n    {}",
                    cycle.join(" ↔ "),
                    imports.join("\n    ")
                ));
            }
        }
    }
    assert!(
        found.is_empty(),
        "import cycles between modules:\n{}",
        found.join("\n")
    );
}

#[test]
fn every_allowed_cycle_is_still_there() {
    // An allow-list entry whose cycle is gone must be deleted, or it would hide a new one.
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for (label, members) in ALLOWED {
        let graph = ModuleGraph::read(&root.join(label));
        let cycles = graph.sibling_cycles();
        assert!(
            cycles.iter().any(|c| members.iter().eq(c.iter())),
            "{label}: the allowed cycle {members:?} is gone; delete it from ALLOWED"
        );
    }
}

#[test]
fn a_cycle_between_siblings_is_found_and_containment_is_not_one() {
    let graph = ModuleGraph::from_files(&[
        ("lib.rs", "pub mod a;\npub mod b;\npub mod c;"),
        ("a/mod.rs", "mod inner;\nuse self::inner::X;\n"),
        // A child using its parent is containment.
        ("a/inner.rs", "use super::Y;\nfn f() { crate::b::g(); }"),
        ("b.rs", "use crate::{c::{self, Z}, a::inner::X};"),
        ("c.rs", "// use crate::b;\nconst S: &str = \"crate::b\";\n"),
    ]);
    assert_eq!(graph.sibling_cycles(), vec![vec!["a", "b"]]);

    let acyclic = ModuleGraph::from_files(&[
        ("lib.rs", "pub mod a;\npub mod b;"),
        ("a.rs", "use crate::b::B;"),
        (
            "b.rs",
            "#[cfg(test)]\nmod tests {\n    use crate::a::A;\n}\n",
        ),
    ]);
    assert!(acyclic.sibling_cycles().is_empty());
}

#[test]
fn use_items_expand_brace_groups_and_resolve_super() {
    let paths = imports(
        "use crate::{a, b::{c, d as e}, f::*};",
        &module(&["x", "y"]),
    );
    assert_eq!(
        paths,
        vec![
            module(&["a"]),
            module(&["b", "c"]),
            module(&["b", "d"]),
            module(&["f"])
        ]
    );
    let paths = imports("pub(crate) use super::z::W;", &module(&["x", "y"]));
    assert_eq!(paths, vec![module(&["x", "z", "W"])]);
}

type Module = Vec<String>;

fn module(segments: &[&str]) -> Module {
    segments.iter().map(|s| s.to_string()).collect()
}

/// Modules and the paths each imports.
struct ModuleGraph {
    modules: BTreeMap<Module, Vec<Module>>,
}

impl ModuleGraph {
    fn read(dir: &Path) -> ModuleGraph {
        let mut files = Vec::new();
        collect_rust_files(dir, &mut files);
        let texts: Vec<(String, String)> = files
            .iter()
            .map(|path| {
                let relative = path.strip_prefix(dir).unwrap_or(path);
                let name = relative.to_string_lossy().replace('\\', "/");
                (name, std::fs::read_to_string(path).unwrap_or_default())
            })
            .collect();
        let borrowed: Vec<(&str, &str)> = texts
            .iter()
            .map(|(n, t)| (n.as_str(), t.as_str()))
            .collect();
        ModuleGraph::from_files(&borrowed)
    }

    /// Files given as (path relative to the crate's source directory, text).
    fn from_files(files: &[(&str, &str)]) -> ModuleGraph {
        let mut modules = BTreeMap::new();
        for (name, text) in files {
            let module = module_of(name);
            let code = text.split("#[cfg(test)]").next().unwrap_or("");
            let paths = imports(code, &module);
            modules.entry(module).or_insert_with(Vec::new).extend(paths);
        }
        ModuleGraph { modules }
    }

    /// The longest known module `path` starts with.
    fn target(&self, path: &[String]) -> Option<Module> {
        (1..=path.len())
            .rev()
            .map(|n| path[..n].to_vec())
            .find(|m| self.modules.contains_key(m))
    }

    /// Every cycle among the children of one parent, as sorted member names
    /// (`parent::child`), sorted.
    fn sibling_cycles(&self) -> Vec<Vec<String>> {
        self.sibling_cycles_with_witnesses()
            .into_iter()
            .map(|(cycle, _)| cycle)
            .collect()
    }

    /// [`Self::sibling_cycles`], each with the imports that make it (`a::x → b::y`).
    fn sibling_cycles_with_witnesses(&self) -> Vec<(Vec<String>, Vec<String>)> {
        // parent → (child → children it depends on)
        let mut levels: BTreeMap<Module, BTreeMap<String, BTreeSet<String>>> = BTreeMap::new();
        // (parent, child, child) → the first import found that makes the edge.
        let mut witnesses: BTreeMap<(Module, String, String), String> = BTreeMap::new();
        for (from, paths) in &self.modules {
            for to in paths.iter().filter_map(|p| self.target(p)) {
                let common = from.iter().zip(&to).take_while(|(a, b)| a == b).count();
                // One contains the other: not a dependency between siblings.
                if common == from.len() || common == to.len() {
                    continue;
                }
                let parent = from[..common].to_vec();
                levels
                    .entry(parent.clone())
                    .or_default()
                    .entry(from[common].clone())
                    .or_default()
                    .insert(to[common].clone());
                witnesses
                    .entry((parent, from[common].clone(), to[common].clone()))
                    .or_insert_with(|| format!("{} → {}", from.join("::"), to.join("::")));
            }
        }
        let mut cycles = Vec::new();
        for (parent, edges) in &levels {
            for component in strongly_connected(edges) {
                let shown: Vec<String> = witnesses
                    .iter()
                    .filter(|((p, a, b), _)| {
                        p == parent && component.contains(a) && component.contains(b)
                    })
                    .map(|(_, w)| w.clone())
                    .collect();
                let mut names: Vec<String> = component
                    .iter()
                    .map(|child| {
                        let mut full = parent.clone();
                        full.push(child.clone());
                        full.join("::")
                    })
                    .collect();
                names.sort();
                cycles.push((names, shown));
            }
        }
        cycles.sort();
        cycles
    }
}

/// The components of more than one node (no module imports itself as a sibling).
fn strongly_connected(edges: &BTreeMap<String, BTreeSet<String>>) -> Vec<BTreeSet<String>> {
    let reach = |start: &String| -> BTreeSet<String> {
        let mut seen = BTreeSet::new();
        let mut stack = vec![start.clone()];
        while let Some(node) = stack.pop() {
            for next in edges.get(&node).into_iter().flatten() {
                if seen.insert(next.clone()) {
                    stack.push(next.clone());
                }
            }
        }
        seen
    };
    let reachable: BTreeMap<&String, BTreeSet<String>> =
        edges.keys().map(|n| (n, reach(n))).collect();
    let mut components: Vec<BTreeSet<String>> = Vec::new();
    for (node, reaches) in &reachable {
        if components.iter().any(|c| c.contains(*node)) {
            continue;
        }
        let component: BTreeSet<String> = reaches
            .iter()
            .filter(|other| {
                reachable
                    .get(other)
                    .is_some_and(|back| back.contains(*node))
            })
            .cloned()
            .collect();
        if component.len() > 1 {
            components.push(component);
        }
    }
    components
}

fn collect_rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| Some(e.ok()?.path())).collect();
    paths.sort();
    for path in paths {
        if path.is_dir() {
            collect_rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// `model/lower/risk.rs` → `model::lower::risk`; `model/mod.rs` → `model`; `lib.rs` and
/// `main.rs` → the root.
fn module_of(file: &str) -> Module {
    let stem = file.trim_end_matches(".rs");
    let mut segments: Module = stem.split('/').map(str::to_string).collect();
    if matches!(
        segments.last().map(String::as_str),
        Some("mod" | "lib" | "main")
    ) {
        segments.pop();
    }
    segments
}

/// Every module path `code` (of module `module`) names through `crate::`, `super::` or
/// `self::`, made absolute (without `crate`).
fn imports(code: &str, module: &Module) -> Vec<Module> {
    let code = without_comments_and_strings(code);
    let tokens = tokenize(&code);
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let is_use = tokens[i] == "use";
        let starts_path = matches!(tokens[i].as_str(), "crate" | "super" | "self")
            && tokens.get(i + 1).map(String::as_str) == Some("::");
        if is_use {
            // The whole tree up to `;`, braces expanded.
            let end = tokens[i..]
                .iter()
                .position(|t| t == ";")
                .map_or(tokens.len(), |e| i + e);
            expand_use(&tokens[i + 1..end], &[], &mut out);
            i = end + 1;
        } else if starts_path {
            let mut path = vec![tokens[i].clone()];
            let mut j = i + 1;
            while tokens.get(j).map(String::as_str) == Some("::")
                && tokens.get(j + 1).is_some_and(|t| is_ident(t))
            {
                path.push(tokens[j + 1].clone());
                j += 2;
            }
            out.push(path);
            i = j;
        } else {
            i += 1;
        }
    }
    out.into_iter()
        .filter_map(|path| absolute(&path, module))
        .collect()
}

/// Expand one use tree (`a::{b, c::d}`) into its paths.
fn expand_use(tokens: &[String], prefix: &[String], out: &mut Vec<Vec<String>>) {
    let mut i = 0;
    let mut path = prefix.to_vec();
    while i < tokens.len() {
        match tokens[i].as_str() {
            "::" => i += 1,
            "{" => {
                // Split the group's items at top-level commas.
                let mut depth = 0;
                let mut start = i + 1;
                for j in i..tokens.len() {
                    match tokens[j].as_str() {
                        "{" => depth += 1,
                        "}" => {
                            depth -= 1;
                            if depth == 0 {
                                expand_use(&tokens[start..j], &path, out);
                                return;
                            }
                        }
                        "," if depth == 1 => {
                            expand_use(&tokens[start..j], &path, out);
                            start = j + 1;
                        }
                        _ => {}
                    }
                }
                return;
            }
            "as" => break,
            "*" => break,
            "self" if !path.is_empty() => i += 1,
            token if is_ident(token) => {
                path.push(token.to_string());
                i += 1;
            }
            _ => i += 1,
        }
    }
    if !path.is_empty() {
        out.push(path);
    }
}

/// A path made absolute: `crate::a` → `a`, `super::a` in `x::y` → `x::a`, `self::a` in
/// `x` → `x::a`; anything else (an external crate, `std`) → `None`.
fn absolute(path: &[String], module: &Module) -> Option<Module> {
    let first = path.first()?;
    let mut base = match first.as_str() {
        "crate" => Vec::new(),
        "self" => module.clone(),
        "super" => module.clone(),
        _ => return None,
    };
    let mut rest = &path[1..];
    if first == "super" {
        base.pop();
        while rest.first().map(String::as_str) == Some("super") {
            base.pop();
            rest = &rest[1..];
        }
    }
    base.extend(rest.iter().cloned());
    Some(base)
}

fn is_ident(token: &str) -> bool {
    token
        .chars()
        .next()
        .is_some_and(|c| c.is_alphabetic() || c == '_')
}

/// Identifiers, `::`, and single punctuation characters.
fn tokenize(code: &str) -> Vec<String> {
    let mut tokens = Vec::new();
    let mut chars = code.chars().peekable();
    while let Some(c) = chars.next() {
        if c.is_alphanumeric() || c == '_' {
            let mut word = c.to_string();
            while let Some(&n) = chars.peek() {
                if n.is_alphanumeric() || n == '_' {
                    word.push(n);
                    chars.next();
                } else {
                    break;
                }
            }
            tokens.push(word);
        } else if c == ':' && chars.peek() == Some(&':') {
            chars.next();
            tokens.push("::".to_string());
        } else if !c.is_whitespace() {
            tokens.push(c.to_string());
        }
    }
    tokens
}

/// The code with `//` and `/* */` comments, string literals and char literals blanked, so
/// that a path in a doc comment or a message is not an import. Raw strings are not
/// handled: none in this code base holds `crate::`.
fn without_comments_and_strings(code: &str) -> String {
    let mut out = String::with_capacity(code.len());
    let bytes = code.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let rest = &code[i..];
        if rest.starts_with("//") {
            let end = rest.find('\n').map_or(code.len(), |e| i + e);
            i = end;
        } else if rest.starts_with("/*") {
            let end = rest.find("*/").map_or(code.len(), |e| i + e + 2);
            i = end;
        } else if bytes[i] == b'"' {
            let mut j = i + 1;
            while j < bytes.len() && bytes[j] != b'"' {
                j += if bytes[j] == b'\\' { 2 } else { 1 };
            }
            out.push_str("\"\"");
            i = j + 1;
        } else if bytes[i] == b'\'' && is_char_literal(rest) {
            // After a backslash the next character is escaped (`'\''`).
            let from = if rest[1..].starts_with('\\') { 3 } else { 1 };
            let len = rest[from..].find('\'').map_or(rest.len(), |e| from + e + 1);
            out.push_str("' '");
            i += len;
        } else {
            let c = rest.chars().next().unwrap_or(' ');
            out.push(c);
            i += c.len_utf8();
        }
    }
    out
}

/// `'x'`, `'\n'`, `'"'` are char literals; `'a` (a lifetime) is not.
fn is_char_literal(rest: &str) -> bool {
    let mut chars = rest.chars().skip(1);
    match chars.next() {
        Some('\\') => true,
        Some(_) => chars.next() == Some('\''),
        None => false,
    }
}
