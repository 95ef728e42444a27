//! The server's shared state and the one way to get an up-to-date analysis.
//!
//! Everything here is synchronous and runs on blocking threads: locks are held briefly
//! and never across an `.await`, and compiling never blocks the task that reads requests.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use chrono::NaiveDate;
use isms::ParseCache;
use tower_lsp_server::ls_types::Uri;

use crate::analysis::Analysis;
use crate::config;
use crate::project::{file_path, uri_of, ProjectKey};
use crate::workspace::Workspace;

#[derive(Debug)]
pub struct State {
    pub workspace: Mutex<Workspace>,
    /// The last analysis of each project and the generation it was made from.
    cache: Mutex<HashMap<ProjectKey, (u64, Arc<Analysis>)>>,
    /// What each project's last compilation made of each file (parse, lowered model),
    /// so that a change re-parses and re-lowers only the files it touched. Locked for a
    /// compile, and a few files at a time by the copying done after it (`prepare`).
    parses: Mutex<HashMap<ProjectKey, Arc<Mutex<ParseCache>>>>,
    /// One compilation at a time: two requests arriving together share the result.
    compiling: Mutex<()>,
    /// Analyses replaced by newer ones, freed by [`State::tidy`] once the diagnostics are
    /// out, so that freeing a large project's model does not delay them.
    retired: Mutex<Vec<Arc<Analysis>>>,
    pub settings: Mutex<Settings>,
}

#[derive(Debug, Clone, Copy)]
pub struct Settings {
    /// "Today" for overdue checks; the system date when unset (like `isms check`).
    pub today: Option<NaiveDate>,
    /// How long to wait after a change before re-checking, so that typing is not slowed
    /// down by a check per keystroke.
    pub debounce: Duration,
    /// The client can watch files for us (`workspace/didChangeWatchedFiles`).
    pub can_watch: bool,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            today: None,
            debounce: Duration::from_millis(50),
            can_watch: false,
        }
    }
}

/// Lock a mutex, recovering it if a panicking request poisoned it: the data behind it is
/// only ever replaced whole, so it is still consistent.
pub fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

impl Default for State {
    fn default() -> Self {
        State {
            workspace: Mutex::new(Workspace::default()),
            cache: Mutex::new(HashMap::new()),
            parses: Mutex::new(HashMap::new()),
            compiling: Mutex::new(()),
            retired: Mutex::new(Vec::new()),
            settings: Mutex::new(Settings::default()),
        }
    }
}

impl State {
    /// The analysis of `key` as of now (compiling it if anything changed since the last
    /// one), with the generation it reflects.
    pub fn analysis(&self, key: &ProjectKey) -> (u64, Arc<Analysis>) {
        let _one_at_a_time = lock(&self.compiling);
        let generation = lock(&self.workspace).generation(key);
        let previous = lock(&self.cache).get(key).cloned();
        if let Some((g, a)) = &previous {
            if *g == generation {
                return (*g, Arc::clone(a));
            }
        }
        let (generation, inputs) = {
            let mut ws = lock(&self.workspace);
            (ws.generation(key), ws.inputs(key))
        };
        // Read at every compile: it is one small file, and a change to it is then never
        // missed (clients that watch files also report it, which schedules the compile).
        let config = config::load(key);
        // The server's own `today` option first, then `[check] today`, then the clock.
        let today = lock(&self.settings)
            .today
            .or(config.today)
            .unwrap_or_else(|| chrono::Local::now().date_naive());
        let parses = Arc::clone(lock(&self.parses).entry(key.clone()).or_default());
        let previous = previous.map(|(_, a)| a);
        let analysis = {
            let mut cache = parses.lock().unwrap_or_else(|poisoned| {
                // A compilation panicked while holding it: start afresh.
                let mut cache = poisoned.into_inner();
                *cache = ParseCache::new();
                parses.clear_poison();
                cache
            });
            Arc::new(Analysis::incremental(
                inputs,
                today,
                &config,
                &mut cache,
                previous.as_deref(),
            ))
        };
        let replaced = lock(&self.cache).insert(key.clone(), (generation, Arc::clone(&analysis)));
        lock(&self.retired).extend(previous.into_iter().chain(replaced.map(|(_, a)| a)));
        (generation, analysis)
    }

    /// What a compile leaves to do that the diagnostics need not wait for, run after
    /// publishing them: free the analyses it replaced, then copy the lowered models the
    /// next compile of each project will take (see `ParseCache::prepare`), a few files at
    /// a time, so that a compile that starts meanwhile waits for one batch at most.
    pub fn tidy(&self) {
        const BATCH: usize = 16;
        drop(std::mem::take(&mut *lock(&self.retired)));
        let caches: Vec<Arc<Mutex<ParseCache>>> = lock(&self.parses).values().cloned().collect();
        for cache in caches {
            while lock(&cache).prepare(BATCH) {}
        }
    }

    /// The analysis holding `uri`, if it is a file of its project.
    pub fn analysis_of(&self, uri: &Uri) -> Option<(Arc<Analysis>, isms::source::FileId)> {
        let key = lock(&self.workspace).project_of(uri);
        let (_, a) = self.analysis(&key);
        let file = a.file_of(uri)?;
        Some((a, file))
    }

    pub fn forget(&self, key: &ProjectKey) {
        lock(&self.cache).remove(key);
        lock(&self.parses).remove(key);
    }
}

/// The URI in the form the server uses (and discovery produces) for a `file:` URI, so
/// that `%40` and `@` name the same file; other URIs are kept as they are.
pub fn normalize(uri: &Uri) -> Uri {
    file_path(uri)
        .and_then(|p| uri_of(&p))
        .unwrap_or_else(|| uri.clone())
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use tower_lsp_server::ls_types::{Position, Range, TextDocumentContentChangeEvent};

    use super::*;
    use crate::diagnostics::by_file;

    /// A project on disk of two files, removed when dropped.
    struct Project(PathBuf);

    impl Project {
        fn new(test: &str) -> Project {
            let root = std::env::temp_dir().join(format!("isms-lsp-{test}-{}", std::process::id()));
            let _ = std::fs::remove_dir_all(&root);
            std::fs::create_dir_all(&root).unwrap();
            std::fs::write(
                root.join("a.isms"),
                "role ciso \"CISO\"\nasset db \"DB\" {\n  kind information\n  owner ciso\n}\n",
            )
            .unwrap();
            std::fs::write(
                root.join("b.isms"),
                "risk R-1 \"T\" {\n  owner ciso\n  assets db\n}\n",
            )
            .unwrap();
            Project(root.canonicalize().unwrap())
        }
    }

    impl Drop for Project {
        fn drop(&mut self) {
            let _ = std::fs::remove_dir_all(&self.0);
        }
    }

    /// A server on `project` with `b.isms` open: the server, b's URI and its project.
    fn server_with_b_open(project: &Project) -> (State, Uri, ProjectKey) {
        let state = State::default();
        lock(&state.settings).today = NaiveDate::from_ymd_opt(2026, 11, 23);
        lock(&state.workspace).set_roots(vec![project.0.clone()]);
        let b = uri_of(&project.0.join("b.isms")).unwrap();
        let text = std::fs::read_to_string(project.0.join("b.isms")).unwrap();
        let key = lock(&state.workspace).open(b.clone(), text, 1);
        (state, b, key)
    }

    #[test]
    fn a_change_reparses_only_the_changed_file_and_agrees_with_a_fresh_server() {
        let project = Project::new("reuse");
        let (state, b, key) = server_with_b_open(&project);
        let (g1, first) = state.analysis(&key);
        // What the server does after publishing: the next compile moves the copies.
        state.tidy();
        assert!(lock(&state.retired).is_empty());
        // `owner ciso` → `owner cisoo`: an unknown name, reported in b.isms.
        let change = TextDocumentContentChangeEvent {
            range: Some(Range::new(Position::new(1, 12), Position::new(1, 12))),
            range_length: None,
            text: "o".to_string(),
        };
        lock(&state.workspace).change(&b, 2, vec![change]).unwrap();
        let (g2, second) = state.analysis(&key);
        assert!(g2 > g1);
        let (a1, a2) = (&first.compilation.asts, &second.compilation.asts);
        assert_eq!((a1.len(), a2.len()), (2, 2));
        assert!(
            Arc::ptr_eq(&a1[0], &a2[0]),
            "the unchanged a.isms was parsed again"
        );
        assert!(
            !Arc::ptr_eq(&a1[1], &a2[1]),
            "the edited b.isms was not parsed again"
        );

        // A server that sees the edited buffer first compiles everything from scratch.
        let fresh = State::default();
        *lock(&fresh.settings) = *lock(&state.settings);
        lock(&fresh.workspace).set_roots(vec![project.0.clone()]);
        let edited = second.text(second.file_of(&b).unwrap()).to_string();
        assert!(edited.contains("owner cisoo"));
        let key = lock(&fresh.workspace).open(b.clone(), edited, 2);
        let (_, scratch) = fresh.analysis(&key);
        assert_ne!(by_file(&first), by_file(&second));
        assert_eq!(by_file(&second), by_file(&scratch));
        assert_eq!(
            second.compilation.diagnostics,
            scratch.compilation.diagnostics
        );
    }

    #[test]
    fn the_projects_isms_toml_sets_severities_and_a_broken_one_is_shown_on_itself() {
        let project = Project::new("config");
        let (state, _, key) = server_with_b_open(&project);
        let codes = |a: &Analysis| -> Vec<&'static str> {
            a.compilation
                .diagnostics
                .iter()
                .map(|d| d.code.as_str())
                .collect()
        };
        let (_, plain) = state.analysis(&key);
        assert!(codes(&plain).contains(&"risk/missing-treatment"));

        let toml = project.0.join("isms.toml");
        std::fs::write(&toml, "[rules]\n\"risk/missing-treatment\" = \"allow\"\n").unwrap();
        lock(&state.workspace).changed_on_disk(&uri_of(&toml).unwrap());
        let (_, allowed) = state.analysis(&key);
        assert!(!codes(&allowed).contains(&"risk/missing-treatment"));
        assert!(allowed.config_problem.is_none());

        std::fs::write(&toml, "[rules]\n\"risk/missing-treatmnt\" = \"allow\"\n").unwrap();
        lock(&state.workspace).changed_on_disk(&uri_of(&toml).unwrap());
        let (_, broken) = state.analysis(&key);
        assert_eq!(
            codes(&broken),
            codes(&plain),
            "the defaults apply meanwhile"
        );
        let files = by_file(&broken);
        let shown = files.get(&uri_of(&toml).unwrap()).unwrap();
        assert_eq!(shown.len(), 1);
        assert!(shown[0]
            .message
            .contains("did you mean `risk/missing-treatment`?"));
    }
}
