//! Code actions: the quick fixes that diagnostics carry (`Diagnostic::fixes`:
//! a did-you-mean name, C305's latest payable due date), offered where the
//! diagnostic lies.

use std::collections::HashMap;

use lsp_types::{
    CodeAction, CodeActionKind, CodeActionOrCommand, CodeActionParams, TextEdit, WorkspaceEdit,
};
use serde_json::Value;

use super::{to_value, Failure, Server};

pub fn code_actions(server: &mut Server, p: CodeActionParams) -> Result<Value, Failure> {
    let uri = p.text_document.uri;
    let wanted = p.range;
    let overlaps = |r: &lsp_types::Range| r.start <= wanted.end && wanted.start <= r.end;
    let actions: Vec<CodeActionOrCommand> = server
        .diagnostics_for(uri.as_str())
        .into_iter()
        .filter(|d| overlaps(&d.diagnostic.range))
        .flat_map(|d| {
            d.fixes.iter().map(|fix| {
                CodeActionOrCommand::CodeAction(CodeAction {
                    title: fix.title.clone(),
                    kind: Some(CodeActionKind::QUICKFIX),
                    diagnostics: Some(vec![d.diagnostic.clone()]),
                    edit: Some(WorkspaceEdit {
                        changes: Some(HashMap::from([(
                            uri.clone(),
                            vec![TextEdit {
                                range: fix.range,
                                new_text: fix.new_text.clone(),
                            }],
                        )])),
                        ..Default::default()
                    }),
                    is_preferred: Some(d.fixes.len() == 1),
                    ..Default::default()
                })
            })
        })
        .collect();
    to_value(actions)
}
