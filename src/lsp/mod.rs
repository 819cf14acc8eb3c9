//! `mijlpaal lsp`: a language server for `.plan`, `.rules` and `.facts`
//! files, over stdio, synchronous (the message types of `lsp-server` and
//! `lsp-types`; no async runtime).
//!
//! [`Server::handle`] takes one message and returns the messages to send:
//! the whole server is a function from messages to messages, so tests and
//! the benchmark drive it in process, and [`serve`] only frames them on a
//! byte stream. Every capability has a file of its own: `analysis`
//! (diagnostics, by `Session::check_paths` as `mijlpaal check` runs it),
//! `hover`, `navigate` (definition, references, rename), `completion`,
//! `outline` (document symbols), `actions` (quick fixes from a
//! diagnostic's `fixes`); formatting is `format::format`.
//!
//! Input from the client is untrusted like any file: a message that does
//! not parse is skipped, a frame larger than the file limit is read past
//! without being kept, an unknown method gets `MethodNotFound`, bad
//! parameters `InvalidParams`, a position out of range is clamped. Nothing
//! the client sends can make the server panic.

mod actions;
pub mod analysis;
pub mod completion;
pub mod hover;
pub mod index;
mod navigate;
pub mod outline;
pub mod status;
pub mod text;
mod transport;

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

use lsp_server::{ErrorCode, Message, Notification, Request, RequestId, Response};
use lsp_types::notification::{self as note, Notification as _};
use lsp_types::request::{self as req, Request as _};
use lsp_types::{
    CompletionOptions, HoverProviderCapability, OneOf, Position, PublishDiagnosticsParams, Range,
    RenameOptions, ServerCapabilities, TextDocumentSyncCapability, TextDocumentSyncKind, TextEdit,
    Uri,
};
use serde::de::DeserializeOwned;
use serde_json::Value;

use crate::project::Options;
use crate::syntax::{self, ast};

use analysis::{Analysis, Published};
use index::Index;
use text::LineIndex;

pub use transport::serve;

/// One open document.
#[derive(Debug)]
struct Document {
    path: Option<PathBuf>,
    text: String,
    version: i32,
    lines: LineIndex,
    /// The syntax tree and index of `text`, built on first use.
    parsed: Option<Parsed>,
}

#[derive(Debug)]
struct Parsed {
    tree: Option<ast::File>,
    index: Index,
}

impl Document {
    fn new(uri: Uri, text: String, version: i32) -> Document {
        let path = text::path_of(&uri);
        let lines = LineIndex::new(&text);
        Document {
            path,
            text,
            version,
            lines,
            parsed: None,
        }
    }

    fn offset(&self, position: Position) -> usize {
        self.lines.offset(&self.text, position)
    }

    fn range(&self, span: crate::source::Span) -> Range {
        self.lines.range(&self.text, span)
    }

    fn parsed(&mut self, options: &Options) -> &Parsed {
        let text = &self.text;
        self.parsed.get_or_insert_with(|| {
            let (tree, _) = syntax::parse(crate::source::FileId(0), text, &options.limits);
            let index = tree.as_ref().map(index::index).unwrap_or_default();
            Parsed { tree, index }
        })
    }

    fn is(&self, extension: &str) -> bool {
        self.path
            .as_ref()
            .is_some_and(|p| p.extension().is_some_and(|e| e == extension))
    }
}

/// The server's state: the open documents, what checking each found, and
/// what was published per file.
#[derive(Debug, Default)]
pub struct Server {
    options: Options,
    documents: BTreeMap<String, Document>,
    analyses: BTreeMap<String, Analysis>,
    initialized: bool,
    shutdown: bool,
    exit: Option<i32>,
}

type Outgoing = Vec<Message>;

impl Server {
    pub fn new(options: Options) -> Server {
        Server {
            options,
            ..Default::default()
        }
    }

    /// The exit code once `exit` has been received: 0 after `shutdown`, 1
    /// without (as the protocol asks).
    pub fn exit_code(&self) -> Option<i32> {
        self.exit
    }

    /// What the server says it can do.
    pub fn capabilities() -> ServerCapabilities {
        ServerCapabilities {
            text_document_sync: Some(TextDocumentSyncCapability::Kind(TextDocumentSyncKind::FULL)),
            hover_provider: Some(HoverProviderCapability::Simple(true)),
            definition_provider: Some(OneOf::Left(true)),
            references_provider: Some(OneOf::Left(true)),
            completion_provider: Some(CompletionOptions {
                trigger_characters: Some(vec![" ".to_string(), ",".to_string()]),
                ..Default::default()
            }),
            document_symbol_provider: Some(OneOf::Left(true)),
            document_formatting_provider: Some(OneOf::Left(true)),
            rename_provider: Some(OneOf::Right(RenameOptions {
                prepare_provider: Some(true),
                work_done_progress_options: Default::default(),
            })),
            code_action_provider: Some(lsp_types::CodeActionProviderCapability::Simple(true)),
            ..Default::default()
        }
    }

    /// Handles one message; returns what to send back.
    pub fn handle(&mut self, message: Message) -> Outgoing {
        match message {
            Message::Request(r) => self.request(r),
            Message::Notification(n) => self.notification(n),
            // Replies to requests the server never sends.
            Message::Response(_) => Vec::new(),
        }
    }

    fn request(&mut self, r: Request) -> Outgoing {
        let id = r.id.clone();
        if r.method == req::Initialize::METHOD {
            self.initialized = true;
            let result = serde_json::json!({
                "capabilities": Self::capabilities(),
                "serverInfo": {"name": "mijlpaal", "version": env!("CARGO_PKG_VERSION")},
            });
            return vec![Response::new_ok(id, result).into()];
        }
        if !self.initialized {
            return error(
                id,
                ErrorCode::ServerNotInitialized,
                &crate::tr!("lsp-initialize-first"),
            );
        }
        if self.shutdown {
            return error(
                id,
                ErrorCode::InvalidRequest,
                &crate::tr!("lsp-shutting-down"),
            );
        }
        let result = match r.method.as_str() {
            req::Shutdown::METHOD => {
                self.shutdown = true;
                Ok(Value::Null)
            }
            req::HoverRequest::METHOD => self.with(r, navigate::hover),
            req::GotoDefinition::METHOD => self.with(r, navigate::definition),
            req::References::METHOD => self.with(r, navigate::references),
            req::PrepareRenameRequest::METHOD => self.with(r, navigate::prepare_rename),
            req::Rename::METHOD => self.with(r, navigate::rename),
            req::Completion::METHOD => self.with(r, navigate::completion),
            req::DocumentSymbolRequest::METHOD => self.with(r, navigate::symbols),
            req::Formatting::METHOD => self.with(r, formatting),
            req::CodeActionRequest::METHOD => self.with(r, actions::code_actions),
            _ => Err((
                ErrorCode::MethodNotFound,
                crate::tr!("lsp-unknown-method", method = r.method),
            )),
        };
        match result {
            Ok(value) => vec![Response::new_ok(id, value).into()],
            Err((code, message)) => error(id, code, &message),
        }
    }

    /// Runs a handler on the request's parameters, typed.
    fn with<P: DeserializeOwned>(
        &mut self,
        r: Request,
        handler: fn(&mut Server, P) -> Result<Value, Failure>,
    ) -> Result<Value, Failure> {
        let params: P = serde_json::from_value(r.params).map_err(|e| {
            (
                ErrorCode::InvalidParams,
                crate::tr!("lsp-invalid-parameters", error = e),
            )
        })?;
        handler(self, params)
    }

    fn notification(&mut self, n: Notification) -> Outgoing {
        match n.method.as_str() {
            note::Exit::METHOD => {
                self.exit = Some(if self.shutdown { 0 } else { 1 });
                Vec::new()
            }
            note::DidOpenTextDocument::METHOD => {
                let Ok(p) = params::<lsp_types::DidOpenTextDocumentParams>(n.params) else {
                    return Vec::new();
                };
                let doc = p.text_document;
                let key = doc.uri.as_str().to_string();
                self.documents
                    .insert(key.clone(), Document::new(doc.uri, doc.text, doc.version));
                self.changed(&key)
            }
            note::DidChangeTextDocument::METHOD => {
                let Ok(p) = params::<lsp_types::DidChangeTextDocumentParams>(n.params) else {
                    return Vec::new();
                };
                let key = p.text_document.uri.as_str().to_string();
                let Some(doc) = self.documents.get_mut(&key) else {
                    return Vec::new();
                };
                // Full sync: the last change holds the whole text; a ranged
                // change (which the server did not ask for) is applied too.
                for change in p.content_changes {
                    match change.range {
                        None => doc.text = change.text,
                        Some(range) => {
                            let start = doc.offset(range.start);
                            let end = doc.offset(range.end).max(start);
                            doc.text.replace_range(start..end, &change.text);
                        }
                    }
                    doc.lines = LineIndex::new(&doc.text);
                }
                doc.version = p.text_document.version;
                doc.parsed = None;
                self.changed(&key)
            }
            note::DidCloseTextDocument::METHOD => {
                let Ok(p) = params::<lsp_types::DidCloseTextDocumentParams>(n.params) else {
                    return Vec::new();
                };
                let key = p.text_document.uri.as_str().to_string();
                let closed = self.documents.remove(&key);
                let before = self.analyses.remove(&key);
                let mut touched: BTreeSet<String> = before
                    .map(|a| a.diagnostics.into_keys().collect())
                    .unwrap_or_default();
                touched.insert(key);
                // The others were checked with its unsaved text: again with
                // the file as saved.
                let others = if closed.is_some_and(|d| d.is("rules") || d.is("plan")) {
                    self.documents.keys().cloned().collect()
                } else {
                    Vec::new()
                };
                self.recheck(others, touched)
            }
            _ => Vec::new(),
        }
    }

    /// Re-checks a changed document, and the other open documents it may
    /// affect (a plan's facts, a rule set's plans); publishes what changed.
    fn changed(&mut self, key: &str) -> Outgoing {
        let mut roots = vec![key.to_string()];
        let is_rules_or_plan = self
            .documents
            .get(key)
            .is_some_and(|d| d.is("rules") || d.is("plan"));
        if is_rules_or_plan {
            roots.extend(self.documents.keys().filter(|k| *k != key).cloned());
        }
        self.recheck(roots, BTreeSet::new())
    }

    /// Checks the open documents `roots` again and publishes the
    /// diagnostics of every file they or `touched` name.
    fn recheck(&mut self, roots: Vec<String>, mut touched: BTreeSet<String>) -> Outgoing {
        let overlay = self.overlay();
        for root in roots {
            let Some(path) = self.documents.get(&root).and_then(|d| d.path.clone()) else {
                continue;
            };
            let analysis = analysis::analyse(&path, &overlay, &self.options);
            if let Some(old) = self.analyses.get(&root) {
                touched.extend(old.diagnostics.keys().cloned());
            }
            touched.extend(analysis.diagnostics.keys().cloned());
            touched.insert(root.clone());
            self.analyses.insert(root, analysis);
        }
        self.publish(&touched)
    }

    /// The open buffers, by canonical path where the file exists.
    fn overlay(&self) -> BTreeMap<PathBuf, String> {
        self.documents
            .values()
            .filter_map(|d| {
                let path = d.path.as_ref()?;
                let key = std::fs::canonicalize(path).unwrap_or_else(|_| path.clone());
                Some((key, d.text.clone()))
            })
            .collect()
    }

    /// The URI string the client knows a file by: an open document's own
    /// spelling when it is the same path.
    fn client_uri(&self, uri: &str) -> String {
        if self.documents.contains_key(uri) {
            return uri.to_string();
        }
        let Some(path) = Uri::from_str_checked(uri).and_then(|u| text::path_of(&u)) else {
            return uri.to_string();
        };
        let canonical = std::fs::canonicalize(&path).ok();
        self.documents
            .iter()
            .find(|(_, d)| {
                d.path.as_ref().is_some_and(|p| {
                    *p == path
                        || (canonical.is_some() && std::fs::canonicalize(p).ok() == canonical)
                })
            })
            .map_or_else(|| uri.to_string(), |(k, _)| k.clone())
    }

    /// The diagnostics of every analysis for the file `uri` (its client
    /// spelling), each once, in order.
    fn diagnostics_for(&self, uri: &str) -> Vec<&Published> {
        let mut out: Vec<&Published> = Vec::new();
        for analysis in self.analyses.values() {
            for (file, list) in &analysis.diagnostics {
                if file != uri && self.client_uri(file) != uri {
                    continue;
                }
                for p in list {
                    if !out.iter().any(|q| q.diagnostic == p.diagnostic) {
                        out.push(p);
                    }
                }
            }
        }
        out
    }

    fn publish(&self, touched: &BTreeSet<String>) -> Outgoing {
        let uris: BTreeSet<String> = touched.iter().map(|u| self.client_uri(u)).collect();
        uris.into_iter()
            .filter_map(|uri| {
                let parsed = Uri::from_str_checked(&uri)?;
                let diagnostics = self
                    .diagnostics_for(&uri)
                    .into_iter()
                    .map(|p| p.diagnostic.clone())
                    .collect();
                let version = self.documents.get(&uri).map(|d| d.version);
                Some(
                    Notification::new(
                        note::PublishDiagnostics::METHOD.to_string(),
                        PublishDiagnosticsParams {
                            uri: parsed,
                            diagnostics,
                            version,
                        },
                    )
                    .into(),
                )
            })
            .collect()
    }

    /// The open document at `uri`, or an error reply.
    fn document(&mut self, uri: &Uri) -> Result<&mut Document, Failure> {
        self.documents.get_mut(uri.as_str()).ok_or_else(|| {
            (
                ErrorCode::InvalidParams,
                crate::tr!("lsp-not-open", uri = uri.as_str()),
            )
        })
    }
}

/// An error reply: its code and message.
type Failure = (ErrorCode, String);

fn error(id: RequestId, code: ErrorCode, message: &str) -> Outgoing {
    vec![Response::new_err(id, code as i32, message.to_string()).into()]
}

fn params<P: DeserializeOwned>(value: Value) -> Result<P, serde_json::Error> {
    serde_json::from_value(value)
}

/// `Uri::from_str` under a name that says it can fail.
trait CheckedUri {
    fn from_str_checked(s: &str) -> Option<Uri>;
}

impl CheckedUri for Uri {
    fn from_str_checked(s: &str) -> Option<Uri> {
        <Uri as std::str::FromStr>::from_str(s).ok()
    }
}

/// `textDocument/formatting`: the `fmt` layout as one edit of the whole
/// text; none when it is formatted already or does not parse.
fn formatting(
    server: &mut Server,
    p: lsp_types::DocumentFormattingParams,
) -> Result<Value, Failure> {
    let doc = server.document(&p.text_document.uri)?;
    let edits = match crate::format::format(&doc.text) {
        Ok(formatted) if formatted != doc.text => vec![TextEdit {
            range: Range {
                start: Position::new(0, 0),
                end: doc.lines.position(&doc.text, doc.text.len()),
            },
            new_text: formatted,
        }],
        _ => Vec::new(),
    };
    to_value(edits)
}

fn to_value(v: impl serde::Serialize) -> Result<Value, Failure> {
    serde_json::to_value(v).map_err(|e| (ErrorCode::InternalError, e.to_string()))
}
