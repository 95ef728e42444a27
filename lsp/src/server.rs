//! The LSP front door: protocol messages in, features out.
//!
//! Each request runs its feature on a blocking thread against a fresh analysis and is
//! awaited as a task: a panic in it becomes an error reply and a log line, never a dead
//! server. Changes are re-checked after a short debounce, off the thread that reads
//! messages, and the diagnostics of every file of the project are published.

use std::collections::HashMap;
use std::path::PathBuf;
use std::str::FromStr;
use std::sync::Arc;
use std::time::Duration;

use chrono::NaiveDate;
use tokio::sync::Mutex as AsyncMutex;
use tower_lsp_server::jsonrpc::{Error, Result};
use tower_lsp_server::ls_types::*;
use tower_lsp_server::{Client, LanguageServer};

use crate::analysis::Analysis;
use crate::project::{file_path, ProjectKey};
use crate::state::{lock, normalize, State};
use crate::{
    actions, completion, diagnostics, folding, format, hover, inlay, navigate, outline, tokens,
};

pub struct Server {
    client: Client,
    state: Arc<State>,
    /// What was last published per project: its generation and each file's diagnostics.
    published: Arc<AsyncMutex<HashMap<ProjectKey, Published>>>,
}

#[derive(Debug, Default)]
struct Published {
    generation: u64,
    files: HashMap<Uri, Vec<Diagnostic>>,
}

impl Server {
    pub fn new(client: Client) -> Server {
        Server {
            client,
            state: Arc::new(State::default()),
            published: Arc::new(AsyncMutex::new(HashMap::new())),
        }
    }

    /// Run `feature` on the analysis holding `uri`, on a blocking thread; a panic is
    /// logged and answered with an internal error.
    async fn on_file<T, F>(&self, uri: &Uri, feature: F) -> Result<Option<T>>
    where
        T: Send + 'static,
        F: FnOnce(&Analysis, isms::source::FileId) -> Option<T> + Send + 'static,
    {
        let state = Arc::clone(&self.state);
        let uri = normalize(uri);
        self.guard(move || {
            let (a, file) = state.analysis_of(&uri)?;
            feature(&a, file)
        })
        .await
    }

    async fn guard<T, F>(&self, work: F) -> Result<T>
    where
        T: Send + 'static,
        F: FnOnce() -> T + Send + 'static,
    {
        match tokio::task::spawn_blocking(work).await {
            Ok(value) => Ok(value),
            Err(e) => {
                let message = panic_message(e);
                self.client
                    .log_message(
                        MessageType::ERROR,
                        format!("isms-lsp: request failed: {message}"),
                    )
                    .await;
                eprintln!("isms-lsp: request failed: {message}");
                Err(Error::internal_error())
            }
        }
    }

    /// Re-check a project after `delay` (unless it changes again meanwhile) and publish.
    fn schedule(&self, key: ProjectKey, delay: Duration) {
        let state = Arc::clone(&self.state);
        let client = self.client.clone();
        let published = Arc::clone(&self.published);
        let generation = lock(&state.workspace).generation(&key);
        tokio::spawn(async move {
            if !delay.is_zero() {
                tokio::time::sleep(delay).await;
                if lock(&state.workspace).generation(&key) != generation {
                    return; // a later change scheduled its own check
                }
            }
            let work_state = Arc::clone(&state);
            let work_key = key.clone();
            let work = tokio::task::spawn_blocking(move || {
                let (generation, a) = work_state.analysis(&work_key);
                let open: Vec<Uri> = {
                    let ws = lock(&work_state.workspace);
                    a.file_ids()
                        .filter(|(_, uri)| ws.is_open(uri))
                        .map(|(_, uri)| uri.clone())
                        .collect()
                };
                (generation, diagnostics::by_file(&a), open)
            });
            match work.await {
                Ok((generation, files, open)) => {
                    publish(&client, &published, key, generation, files, &open).await;
                    // Not awaited: the next check does not need it to have finished.
                    drop(tokio::task::spawn_blocking(move || state.tidy()));
                }
                Err(e) => {
                    let message = panic_message(e);
                    client
                        .log_message(
                            MessageType::ERROR,
                            format!("isms-lsp: check failed: {message}"),
                        )
                        .await;
                }
            }
        });
    }

    async fn watch_files(&self) {
        let watcher = DidChangeWatchedFilesRegistrationOptions {
            watchers: vec![
                FileSystemWatcher {
                    glob_pattern: GlobPattern::String("**/*.isms".to_string()),
                    kind: None,
                },
                // The project settings: a change re-checks the project.
                FileSystemWatcher {
                    glob_pattern: GlobPattern::String(format!("**/{}", isms::config::FILE_NAME)),
                    kind: None,
                },
            ],
        };
        let registration = Registration {
            id: "isms-watch".to_string(),
            method: "workspace/didChangeWatchedFiles".to_string(),
            register_options: serde_json::to_value(watcher).ok(),
        };
        if let Err(e) = self.client.register_capability(vec![registration]).await {
            self.client
                .log_message(
                    MessageType::WARNING,
                    format!("isms-lsp: cannot watch files: {e}"),
                )
                .await;
        }
    }

    fn debounce(&self) -> Duration {
        lock(&self.state.settings).debounce
    }
}

/// Send the diagnostics of a check unless a newer one was already published: every file
/// whose diagnostics changed or that is open, and an empty list for files that left the
/// project.
async fn publish(
    client: &Client,
    published: &AsyncMutex<HashMap<ProjectKey, Published>>,
    key: ProjectKey,
    generation: u64,
    files: std::collections::BTreeMap<Uri, Vec<Diagnostic>>,
    open: &[Uri],
) {
    let mut all = published.lock().await;
    let last = all.entry(key).or_default();
    if last.generation > generation {
        return;
    }
    let gone: Vec<Uri> = last
        .files
        .keys()
        .filter(|uri| !files.contains_key(*uri))
        .cloned()
        .collect();
    for uri in gone {
        client.publish_diagnostics(uri, Vec::new(), None).await;
    }
    for (uri, diagnostics) in &files {
        let same = last.files.get(uri) == Some(diagnostics);
        if !same || open.contains(uri) || last.generation == 0 {
            client
                .publish_diagnostics(uri.clone(), diagnostics.clone(), None)
                .await;
        }
    }
    last.generation = generation.max(1);
    last.files = files.into_iter().collect();
}

fn panic_message(e: tokio::task::JoinError) -> String {
    if !e.is_panic() {
        return e.to_string();
    }
    let payload = e.into_panic();
    payload
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "panic".to_string())
}

fn offset_range(a: &Analysis, file: isms::source::FileId, range: Range) -> Option<(usize, usize)> {
    Some((a.offset(file, range.start)?, a.offset(file, range.end)?))
}

impl LanguageServer for Server {
    async fn initialize(&self, params: InitializeParams) -> Result<InitializeResult> {
        let mut roots: Vec<PathBuf> = params
            .workspace_folders
            .iter()
            .flatten()
            .filter_map(|f| file_path(&f.uri))
            .collect();
        #[allow(deprecated, reason = "older clients send only `rootUri`")]
        if roots.is_empty() {
            roots.extend(params.root_uri.as_ref().and_then(file_path));
        }
        lock(&self.state.workspace).set_roots(roots);
        let can_watch = params
            .capabilities
            .workspace
            .as_ref()
            .and_then(|w| w.did_change_watched_files.as_ref())
            .and_then(|w| w.dynamic_registration)
            .unwrap_or(false);
        lock(&self.state.settings).can_watch = can_watch;
        if let Some(options) = params.initialization_options {
            let mut settings = lock(&self.state.settings);
            if let Some(today) = options.get("today").and_then(|v| v.as_str()) {
                settings.today = NaiveDate::from_str(today).ok();
            }
            if let Some(ms) = options.get("debounceMs").and_then(|v| v.as_u64()) {
                settings.debounce = Duration::from_millis(ms);
            }
        }
        Ok(InitializeResult {
            server_info: Some(ServerInfo {
                name: "isms-lsp".to_string(),
                version: Some(env!("CARGO_PKG_VERSION").to_string()),
            }),
            capabilities: ServerCapabilities {
                position_encoding: Some(PositionEncodingKind::UTF16),
                text_document_sync: Some(TextDocumentSyncCapability::Options(
                    TextDocumentSyncOptions {
                        open_close: Some(true),
                        change: Some(TextDocumentSyncKind::INCREMENTAL),
                        save: Some(TextDocumentSyncSaveOptions::Supported(true)),
                        ..TextDocumentSyncOptions::default()
                    },
                )),
                hover_provider: Some(HoverProviderCapability::Simple(true)),
                definition_provider: Some(OneOf::Left(true)),
                references_provider: Some(OneOf::Left(true)),
                document_highlight_provider: Some(OneOf::Left(true)),
                rename_provider: Some(OneOf::Right(RenameOptions {
                    prepare_provider: Some(true),
                    work_done_progress_options: WorkDoneProgressOptions::default(),
                })),
                completion_provider: Some(CompletionOptions {
                    trigger_characters: Some(vec![" ".into(), ",".into(), ".".into()]),
                    ..CompletionOptions::default()
                }),
                document_symbol_provider: Some(OneOf::Left(true)),
                workspace_symbol_provider: Some(OneOf::Left(true)),
                semantic_tokens_provider: Some(
                    SemanticTokensServerCapabilities::SemanticTokensOptions(
                        SemanticTokensOptions {
                            legend: tokens::legend(),
                            full: Some(SemanticTokensFullOptions::Bool(true)),
                            range: None,
                            work_done_progress_options: WorkDoneProgressOptions::default(),
                        },
                    ),
                ),
                folding_range_provider: Some(FoldingRangeProviderCapability::Simple(true)),
                inlay_hint_provider: Some(OneOf::Left(true)),
                document_formatting_provider: Some(OneOf::Left(true)),
                code_action_provider: Some(CodeActionProviderCapability::Options(
                    CodeActionOptions {
                        code_action_kinds: Some(vec![CodeActionKind::QUICKFIX]),
                        ..CodeActionOptions::default()
                    },
                )),
                workspace: Some(WorkspaceServerCapabilities {
                    workspace_folders: Some(WorkspaceFoldersServerCapabilities {
                        supported: Some(true),
                        change_notifications: Some(OneOf::Left(true)),
                    }),
                    file_operations: None,
                }),
                ..ServerCapabilities::default()
            },
            offset_encoding: None,
        })
    }

    async fn initialized(&self, _: InitializedParams) {
        // Watch the project's files so that edits outside the editor are seen.
        if lock(&self.state.settings).can_watch {
            self.watch_files().await;
        }
        // Diagnostics for the whole workspace, not only the files opened later.
        let roots: Vec<PathBuf> = lock(&self.state.workspace).roots().to_vec();
        for root in roots {
            self.schedule(ProjectKey::Root(root), Duration::ZERO);
        }
    }

    async fn shutdown(&self) -> Result<()> {
        Ok(())
    }

    async fn did_open(&self, params: DidOpenTextDocumentParams) {
        let doc = params.text_document;
        let key = lock(&self.state.workspace).open(normalize(&doc.uri), doc.text, doc.version);
        self.schedule(key, Duration::ZERO);
    }

    async fn did_change(&self, params: DidChangeTextDocumentParams) {
        let uri = normalize(&params.text_document.uri);
        let key = lock(&self.state.workspace).change(
            &uri,
            params.text_document.version,
            params.content_changes,
        );
        if let Some(key) = key {
            self.schedule(key, self.debounce());
        }
    }

    async fn did_save(&self, params: DidSaveTextDocumentParams) {
        let uri = normalize(&params.text_document.uri);
        let key = lock(&self.state.workspace).saved(&uri, params.text);
        self.schedule(key, Duration::ZERO);
    }

    async fn did_close(&self, params: DidCloseTextDocumentParams) {
        let uri = normalize(&params.text_document.uri);
        let key = lock(&self.state.workspace).close(&uri);
        match key {
            // A file alone is no project once closed: clear what it showed.
            ProjectKey::Single(_) => {
                self.state.forget(&key);
                self.published.lock().await.remove(&key);
                self.client.publish_diagnostics(uri, Vec::new(), None).await;
            }
            ProjectKey::Root(_) => self.schedule(key, Duration::ZERO),
        }
    }

    async fn did_change_watched_files(&self, params: DidChangeWatchedFilesParams) {
        let mut keys = Vec::new();
        {
            let mut ws = lock(&self.state.workspace);
            for change in params.changes {
                let key = ws.changed_on_disk(&normalize(&change.uri));
                if !keys.contains(&key) {
                    keys.push(key);
                }
            }
        }
        for key in keys {
            self.schedule(key, Duration::ZERO);
        }
    }

    async fn did_change_workspace_folders(&self, params: DidChangeWorkspaceFoldersParams) {
        let removed: Vec<PathBuf> = params
            .event
            .removed
            .iter()
            .filter_map(|f| file_path(&f.uri))
            .collect();
        let roots = {
            let mut ws = lock(&self.state.workspace);
            let mut roots: Vec<PathBuf> = ws.roots().to_vec();
            roots.retain(|r| !removed.contains(r));
            roots.extend(params.event.added.iter().filter_map(|f| file_path(&f.uri)));
            ws.set_roots(roots.clone());
            roots
        };
        // A removed folder's analysis and parses are never asked for again.
        for root in removed.into_iter().filter(|r| !roots.contains(r)) {
            self.state.forget(&ProjectKey::Root(root));
        }
        for root in roots {
            self.schedule(ProjectKey::Root(root), Duration::ZERO);
        }
    }

    async fn hover(&self, params: HoverParams) -> Result<Option<Hover>> {
        let p = params.text_document_position_params;
        self.on_file(&p.text_document.uri, move |a, file| {
            hover::hover(a, file, a.offset(file, p.position)?)
        })
        .await
    }

    async fn goto_definition(
        &self,
        params: GotoDefinitionParams,
    ) -> Result<Option<GotoDefinitionResponse>> {
        let p = params.text_document_position_params;
        self.on_file(&p.text_document.uri, move |a, file| {
            let found = navigate::definition(a, file, a.offset(file, p.position)?);
            (!found.is_empty()).then_some(GotoDefinitionResponse::Array(found))
        })
        .await
    }

    async fn references(&self, params: ReferenceParams) -> Result<Option<Vec<Location>>> {
        let p = params.text_document_position;
        let with_declaration = params.context.include_declaration;
        self.on_file(&p.text_document.uri, move |a, file| {
            let offset = a.offset(file, p.position)?;
            Some(navigate::references(a, file, offset, with_declaration))
        })
        .await
    }

    async fn document_highlight(
        &self,
        params: DocumentHighlightParams,
    ) -> Result<Option<Vec<DocumentHighlight>>> {
        let p = params.text_document_position_params;
        self.on_file(&p.text_document.uri, move |a, file| {
            let found = navigate::highlight(a, file, a.offset(file, p.position)?);
            (!found.is_empty()).then_some(found)
        })
        .await
    }

    async fn prepare_rename(
        &self,
        params: TextDocumentPositionParams,
    ) -> Result<Option<PrepareRenameResponse>> {
        let answer = self
            .on_file(&params.text_document.uri, move |a, file| {
                let offset = a.offset(file, params.position)?;
                Some(navigate::prepare_rename(a, file, offset))
            })
            .await?;
        match answer {
            None => Ok(None),
            Some(Ok((range, at))) => Ok(Some(PrepareRenameResponse::RangeWithPlaceholder {
                range,
                placeholder: at.target.name,
            })),
            Some(Err(why)) => Err(Error::invalid_params(why)),
        }
    }

    async fn rename(&self, params: RenameParams) -> Result<Option<WorkspaceEdit>> {
        let p = params.text_document_position;
        let new_name = params.new_name;
        let answer = self
            .on_file(&p.text_document.uri, move |a, file| {
                let offset = a.offset(file, p.position)?;
                Some(navigate::rename(a, file, offset, &new_name))
            })
            .await?;
        match answer {
            None => Ok(None),
            Some(Ok(edit)) => Ok(Some(edit)),
            Some(Err(why)) => Err(Error::invalid_params(why)),
        }
    }

    async fn completion(&self, params: CompletionParams) -> Result<Option<CompletionResponse>> {
        let p = params.text_document_position;
        let uri = normalize(&p.text_document.uri);
        let state = Arc::clone(&self.state);
        self.guard(move || {
            // The context comes from the live buffer; the names from the project's last
            // analysis, compiled only if there is none yet.
            let text = lock(&state.workspace)
                .open_doc(&uri)
                .map(|d| d.text.clone());
            let key = lock(&state.workspace).project_of(&uri);
            let (_, a) = state.analysis(&key);
            let text = match text {
                Some(t) => t,
                None => a.file_of(&uri).map(|f| a.text(f).to_string())?,
            };
            let lines = crate::position::LineIndex::new(&text);
            let offset = lines.offset(&text, p.position);
            let items = completion::complete(&a, &text, offset);
            Some(CompletionResponse::Array(items))
        })
        .await
    }

    async fn document_symbol(
        &self,
        params: DocumentSymbolParams,
    ) -> Result<Option<DocumentSymbolResponse>> {
        self.on_file(&params.text_document.uri, |a, file| {
            Some(DocumentSymbolResponse::Nested(outline::document_symbols(
                a, file,
            )))
        })
        .await
    }

    async fn symbol(
        &self,
        params: WorkspaceSymbolParams,
    ) -> Result<Option<WorkspaceSymbolResponse>> {
        let state = Arc::clone(&self.state);
        self.guard(move || {
            let roots: Vec<PathBuf> = lock(&state.workspace).roots().to_vec();
            let mut found = Vec::new();
            for root in roots {
                let (_, a) = state.analysis(&ProjectKey::Root(root));
                found.extend(outline::workspace_symbols(&a, &params.query));
            }
            Some(WorkspaceSymbolResponse::Flat(found))
        })
        .await
    }

    async fn semantic_tokens_full(
        &self,
        params: SemanticTokensParams,
    ) -> Result<Option<SemanticTokensResult>> {
        self.on_file(&params.text_document.uri, |a, file| {
            Some(SemanticTokensResult::Tokens(SemanticTokens {
                result_id: None,
                data: tokens::tokens(a, file),
            }))
        })
        .await
    }

    async fn folding_range(&self, params: FoldingRangeParams) -> Result<Option<Vec<FoldingRange>>> {
        self.on_file(&params.text_document.uri, |a, file| {
            Some(folding::folding_ranges(a, file))
        })
        .await
    }

    async fn inlay_hint(&self, params: InlayHintParams) -> Result<Option<Vec<InlayHint>>> {
        let range = params.range;
        self.on_file(&params.text_document.uri, move |a, file| {
            let (from, to) = offset_range(a, file, range)?;
            Some(inlay::inlay_hints(a, file, from, to))
        })
        .await
    }

    async fn formatting(&self, params: DocumentFormattingParams) -> Result<Option<Vec<TextEdit>>> {
        let uri = normalize(&params.text_document.uri);
        let state = Arc::clone(&self.state);
        let result = self
            .guard(move || {
                let open = lock(&state.workspace)
                    .open_doc(&uri)
                    .map(|d| d.text.clone());
                let text = match open {
                    Some(text) => text,
                    None => std::fs::read_to_string(file_path(&uri)?).ok()?,
                };
                Some(format::format(&text))
            })
            .await?;
        match result {
            None => Ok(None),
            Some(Ok(edits)) => Ok(Some(edits)),
            // Not an error of the request: tell the user why nothing changed.
            Some(Err(why)) => {
                self.client
                    .show_message(MessageType::WARNING, format!("isms: not formatted: {why}"))
                    .await;
                Ok(None)
            }
        }
    }

    async fn code_action(&self, params: CodeActionParams) -> Result<Option<CodeActionResponse>> {
        let range = params.range;
        self.on_file(&params.text_document.uri, move |a, file| {
            let (from, to) = offset_range(a, file, range)?;
            Some(actions::code_actions(a, file, from, to))
        })
        .await
    }
}

/// A request that panics on purpose, registered only when `ISMS_LSP_TEST_PANIC` is set:
/// the client tests use it to check that a failing request leaves the server running.
impl Server {
    pub async fn test_panic(&self) -> Result<()> {
        self.guard(|| -> () {
            #[allow(clippy::panic, reason = "the point of this test-only request")]
            {
                panic!("test panic requested by the client")
            }
        })
        .await
    }
}
