//! The server's shared state and the one way to get an up-to-date analysis.
//!
//! Everything here is synchronous and runs on blocking threads: locks are held briefly
//! and never across an `.await`, and compiling never blocks the task that reads requests.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use chrono::NaiveDate;
use tower_lsp_server::ls_types::Uri;

use crate::analysis::Analysis;
use crate::workspace::{file_path, uri_of, ProjectKey, Workspace};

#[derive(Debug)]
pub struct State {
    pub workspace: Mutex<Workspace>,
    /// The last analysis of each project and the generation it was made from.
    cache: Mutex<HashMap<ProjectKey, (u64, Arc<Analysis>)>>,
    /// One compilation at a time: two requests arriving together share the result.
    compiling: Mutex<()>,
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
            compiling: Mutex::new(()),
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
        if let Some((g, a)) = lock(&self.cache).get(key) {
            if *g == generation {
                return (*g, Arc::clone(a));
            }
        }
        let (generation, inputs) = {
            let mut ws = lock(&self.workspace);
            (ws.generation(key), ws.inputs(key))
        };
        let today = lock(&self.settings)
            .today
            .unwrap_or_else(|| chrono::Local::now().date_naive());
        let analysis = Arc::new(Analysis::new(inputs, today));
        lock(&self.cache).insert(key.clone(), (generation, Arc::clone(&analysis)));
        (generation, analysis)
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
    }
}

/// The URI in the form the server uses (and discovery produces) for a `file:` URI, so
/// that `%40` and `@` name the same file; other URIs are kept as they are.
pub fn normalize(uri: &Uri) -> Uri {
    file_path(uri)
        .and_then(|p| uri_of(&p))
        .unwrap_or_else(|| uri.clone())
}
