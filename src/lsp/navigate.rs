//! The requests that start from a position: hover, definition, references,
//! rename, completion; and the outline of a document.

use std::collections::HashMap;

use lsp_server::ErrorCode;
use lsp_types::{
    CompletionParams, CompletionResponse, DocumentSymbolParams, DocumentSymbolResponse,
    GotoDefinitionParams, Hover, HoverContents, HoverParams, Location, MarkupContent, MarkupKind,
    PrepareRenameResponse, ReferenceParams, RenameParams, TextDocumentPositionParams, TextEdit,
    WorkspaceEdit,
};
use serde_json::Value;

use crate::model::{Plan, RuleSet};
use crate::source::Span;
use crate::syntax::{self, ast};

use super::index::{Index, Kind, Occurrence};
use super::text::{uri_of, LineIndex};
use super::{to_value, Failure, Server};

/// The name under the cursor, with the document's URI.
fn occurrence_at(
    server: &mut Server,
    at: &TextDocumentPositionParams,
) -> Result<Option<Occurrence>, Failure> {
    let options = server.options.clone();
    let doc = server.document(&at.text_document.uri)?;
    let offset = doc.offset(at.position);
    Ok(doc.parsed(&options).index.at(offset).cloned())
}

pub fn hover(server: &mut Server, p: HoverParams) -> Result<Value, Failure> {
    let at = &p.text_document_position_params;
    let Some(o) = occurrence_at(server, at)? else {
        return Ok(Value::Null);
    };
    let key = at.text_document.uri.as_str().to_string();
    let is_rules = server.documents.get(&key).is_some_and(|d| d.is("rules"));
    let own_rules = if is_rules {
        server
            .documents
            .get(&key)
            .and_then(|d| rules_of_text(&d.text, &server.options))
    } else {
        None
    };
    let project = server.analyses.get(&key).and_then(|a| a.project());
    let plan: Option<&Plan> = project.map(|p| &p.plan);
    let rules: Option<&RuleSet> = own_rules
        .as_ref()
        .or(project.and_then(|p| p.rules.as_ref()));
    let Some(mut text) = super::hover::hover(&o, plan, rules) else {
        return Ok(Value::Null);
    };
    // A milestone's status today: under the facts of a facts file, or in a
    // plan under each scenario beside it.
    if let (Kind::Milestone, Some(analysis), Some(doc)) = (
        o.kind,
        server.analyses.get(&key),
        server.documents.get(&key),
    ) {
        let overlay = server.overlay();
        let status = if doc.is("facts") {
            super::status::under_own_facts(analysis, &o.name)
        } else {
            doc.path.as_ref().and_then(|path| {
                super::status::under_scenarios(analysis, path, &o.name, &overlay, &server.options)
            })
        };
        if let Some(status) = status {
            text.push_str(&status);
        }
    }
    let range = server.documents.get(&key).map(|d| d.range(o.span));
    to_value(Hover {
        contents: HoverContents::Markup(MarkupContent {
            kind: MarkupKind::Markdown,
            // Names and titles from the file, hidden characters escaped.
            value: crate::render::escape::text(&text).into_owned(),
        }),
        range,
    })
}

/// A rule set's own text lowered, for hover inside a `.rules` file.
fn rules_of_text(text: &str, options: &crate::project::Options) -> Option<RuleSet> {
    let file = crate::source::FileId(0);
    match syntax::parse(file, text, &options.limits).0? {
        ast::File::Rules(r) => Some(crate::lower::lower_rules(&r, file).0),
        _ => None,
    }
}

pub fn definition(server: &mut Server, p: GotoDefinitionParams) -> Result<Value, Failure> {
    let at = &p.text_document_position_params;
    let Some(o) = occurrence_at(server, at)? else {
        return Ok(Value::Null);
    };
    let uri = at.text_document.uri.clone();
    let options = server.options.clone();
    // A name of another file: the rule set a plan names; in a facts file,
    // the plan and its names.
    let key = uri.as_str().to_string();
    let is_facts = server.documents.get(&key).is_some_and(|d| d.is("facts"));
    if o.kind == Kind::Rules || (is_facts && o.kind.is_declared()) {
        let target = server.analyses.get(&key).and_then(|a| {
            let project = a.project()?;
            let file = match o.kind {
                Kind::Rules => project.rules.as_ref()?.file,
                _ => project.plan.file,
            };
            let f = a.sources.get(file)?;
            Some((f.path.clone(), f.text.clone()))
        });
        let Some((path, text)) = target else {
            return Ok(Value::Null);
        };
        let own = server.documents.get(&key).and_then(|d| d.path.clone());
        if own.as_ref() != Some(&path) {
            let Some(target_uri) = absolute(&path).and_then(|p| uri_of(&p)) else {
                return Ok(Value::Null);
            };
            let Some(span) = declared_in(&text, &options, o.kind, &o.name) else {
                return Ok(Value::Null);
            };
            let lines = LineIndex::new(&text);
            return to_value(Location {
                uri: target_uri,
                range: lines.range(&text, span),
            });
        }
    }
    let doc = server.document(&uri)?;
    let Some(decl) = doc
        .parsed(&options)
        .index
        .declaration(o.kind, &o.name)
        .cloned()
    else {
        return Ok(Value::Null);
    };
    to_value(Location {
        uri,
        range: doc.range(decl.span),
    })
}

fn absolute(path: &std::path::Path) -> Option<std::path::PathBuf> {
    if path.is_absolute() {
        Some(path.to_path_buf())
    } else {
        std::env::current_dir().ok().map(|d| d.join(path))
    }
}

/// Where a name of `kind` is declared in another file's text.
fn declared_in(
    text: &str,
    options: &crate::project::Options,
    kind: Kind,
    name: &str,
) -> Option<Span> {
    let tree = syntax::parse(crate::source::FileId(0), text, &options.limits).0?;
    let index = super::index::index(&tree);
    index.declaration(kind, name).map(|o| o.span)
}

pub fn references(server: &mut Server, p: ReferenceParams) -> Result<Value, Failure> {
    let at = &p.text_document_position;
    let Some(o) = occurrence_at(server, at)? else {
        return Ok(Value::Null);
    };
    let include = p.context.include_declaration;
    let mut locations: Vec<Location> = Vec::new();
    for file in files_naming(server, &at.text_document.uri, &o) {
        let lines = LineIndex::new(&file.text);
        locations.extend(
            file.index
                .all_of(&o)
                .filter(|x| include || !x.declaration)
                .map(|x| Location {
                    uri: file.uri.clone(),
                    range: lines.range(&file.text, x.span),
                }),
        );
    }
    to_value(locations)
}

/// A file whose names are searched: its URI, text and index.
struct Named {
    uri: lsp_types::Uri,
    text: String,
    index: Index,
}

/// The names a plan shares with its facts files.
fn shared(kind: Kind) -> bool {
    matches!(
        kind,
        Kind::Party | Kind::Stream | Kind::Metric | Kind::Milestone | Kind::Plan
    )
}

/// The files where what `o` names may occur: the document at `uri`; for a
/// name a plan shares with its facts, also the plan and its facts files:
/// those open (their buffers) and, on disk, the plan and the scenarios
/// beside it (`plans/NAME/*.facts`).
fn files_naming(server: &mut Server, uri: &lsp_types::Uri, o: &Occurrence) -> Vec<Named> {
    let options = server.options.clone();
    let plan = if shared(o.kind) {
        plan_path_of(server, uri.as_str())
    } else {
        None
    };
    let mut keys: Vec<String> = vec![uri.as_str().to_string()];
    if let Some(plan) = plan.as_ref() {
        let others: Vec<String> = server
            .documents
            .keys()
            .filter(|k| *k != uri.as_str())
            .filter(|k| plan_path_of(server, k).as_ref() == Some(plan))
            .cloned()
            .collect();
        keys.extend(others);
    }
    let mut files: Vec<Named> = Vec::new();
    let mut open_paths: Vec<std::path::PathBuf> = Vec::new();
    for key in &keys {
        let (Some(doc), Ok(doc_uri)) = (
            server.documents.get_mut(key),
            <lsp_types::Uri as std::str::FromStr>::from_str(key),
        ) else {
            continue;
        };
        open_paths.extend(doc.path.clone());
        let index = doc.parsed(&options).index.clone();
        files.push(Named {
            uri: doc_uri,
            text: doc.text.clone(),
            index,
        });
    }
    let Some(plan) = plan else {
        return files;
    };
    let on_disk = std::iter::once(plan.clone()).chain(super::status::scenario_files(&plan));
    for path in on_disk.filter(|p| !open_paths.contains(p)) {
        let (Ok(text), Some(file_uri)) = (std::fs::read_to_string(&path), uri_of(&path)) else {
            continue;
        };
        let Some(tree) = syntax::parse(crate::source::FileId(0), &text, &options.limits).0 else {
            continue;
        };
        files.push(Named {
            uri: file_uri,
            index: super::index::index(&tree),
            text,
        });
    }
    files
}

/// The plan a document belongs to: itself if it is one, else the plan its
/// analysis checked it with (a facts file's).
fn plan_path_of(server: &Server, key: &str) -> Option<std::path::PathBuf> {
    let doc = server.documents.get(key)?;
    if doc.is("plan") {
        return doc.path.clone();
    }
    if !doc.is("facts") {
        return None;
    }
    let analysis = server.analyses.get(key)?;
    let project = analysis.project()?;
    let path = analysis.sources.get(project.plan.file)?.path.clone();
    absolute(&path)
}

/// Names that can be renamed within their file: the plan's declarations
/// other than numbers. (A rule set's or plan's name is also a file's name
/// or another file's reference, so it is not renamed here.)
fn renamable(o: &Occurrence) -> bool {
    matches!(
        o.kind,
        Kind::Party | Kind::Stream | Kind::Key | Kind::Metric | Kind::Document
    )
}

pub fn prepare_rename(
    server: &mut Server,
    p: TextDocumentPositionParams,
) -> Result<Value, Failure> {
    let Some(o) = occurrence_at(server, &p)? else {
        return Ok(Value::Null);
    };
    if !renamable(&o) {
        return Err((
            ErrorCode::InvalidRequest,
            crate::tr!("lsp-cannot-rename", kind = o.kind.label()),
        ));
    }
    let doc = server.document(&p.text_document.uri)?;
    to_value(PrepareRenameResponse::RangeWithPlaceholder {
        range: doc.range(o.span),
        placeholder: o.name.clone(),
    })
}

pub fn rename(server: &mut Server, p: RenameParams) -> Result<Value, Failure> {
    let at = &p.text_document_position;
    let Some(o) = occurrence_at(server, at)? else {
        return Ok(Value::Null);
    };
    if !renamable(&o) {
        return Err((
            ErrorCode::InvalidRequest,
            crate::tr!("lsp-cannot-rename", kind = o.kind.label()),
        ));
    }
    if !is_identifier(&p.new_name) {
        return Err((
            ErrorCode::InvalidParams,
            crate::tr!("lsp-not-a-name", name = p.new_name),
        ));
    }
    // The file itself and, for a party, stream or metric, the plan and its
    // facts files: a rename that left the facts naming the old name would
    // break them.
    let files = files_naming(server, &at.text_document.uri, &o);
    let taken = files.iter().any(|f| {
        f.index
            .occurrences
            .iter()
            .any(|x| x.declaration && x.name == p.new_name && x.kind != Kind::Milestone)
    });
    if taken {
        return Err((
            ErrorCode::InvalidParams,
            crate::tr!("lsp-declared-already", name = p.new_name),
        ));
    }
    let mut changes: Vec<(lsp_types::Uri, Vec<TextEdit>)> = Vec::new();
    for file in &files {
        let lines = LineIndex::new(&file.text);
        let edits: Vec<TextEdit> = file
            .index
            .all_of(&o)
            .map(|x| TextEdit {
                range: lines.range(&file.text, x.span),
                new_text: p.new_name.clone(),
            })
            .collect();
        if !edits.is_empty() {
            changes.push((file.uri.clone(), edits));
        }
    }
    to_value(WorkspaceEdit {
        changes: Some(changes.into_iter().collect::<HashMap<_, _>>()),
        ..Default::default()
    })
}

/// The grammar's `ident`: a letter, then letters, digits, `_` or `-`.
fn is_identifier(s: &str) -> bool {
    let mut chars = s.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
}

pub fn completion(server: &mut Server, p: CompletionParams) -> Result<Value, Failure> {
    let at = &p.text_document_position;
    let options = server.options.clone();
    let doc = server.document(&at.text_document.uri)?;
    let offset = doc.offset(at.position);
    // A line being typed is a `bad_line` to the parser (S005), so the
    // names declared on the other lines are still indexed.
    let index: Index = doc.parsed(&options).index.clone();
    let is_facts = doc.is("facts");
    let text = doc.text.clone();
    // In a facts file, the names are its plan's.
    let index = if is_facts {
        let key = at.text_document.uri.as_str();
        server
            .analyses
            .get(key)
            .and_then(|a| {
                let plan = a.project()?;
                let source = a.sources.get(plan.plan.file)?;
                let tree =
                    syntax::parse(crate::source::FileId(0), &source.text, &options.limits).0?;
                Some(super::index::index(&tree))
            })
            .unwrap_or_default()
    } else {
        index
    };
    let items = super::completion::complete(&text, offset, &index);
    to_value(CompletionResponse::Array(items))
}

pub fn symbols(server: &mut Server, p: DocumentSymbolParams) -> Result<Value, Failure> {
    let options = server.options.clone();
    let doc = server.document(&p.text_document.uri)?;
    let text = doc.text.clone();
    let symbols = match &doc.parsed(&options).tree {
        Some(tree) => super::outline::outline(tree, &text),
        None => Vec::new(),
    };
    to_value(DocumentSymbolResponse::Nested(symbols))
}
