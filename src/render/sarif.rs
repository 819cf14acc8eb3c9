//! SARIF 2.1.0 output, so CI systems can show findings inline.

use serde_json::{json, Value};

use crate::diagnostic::{Diagnostic, Severity};
use crate::source::SourceMap;

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

fn rules() -> Vec<Value> {
    let mut rules: Vec<Value> = crate::check::ALL
        .iter()
        .map(|c| {
            let doc = c.doc();
            let summary = doc
                .lines()
                .find(|l| !l.trim().is_empty() && !l.starts_with('#'))
                .unwrap_or(c.name)
                .to_string();
            json!({
                "id": c.code,
                "name": c.name,
                "shortDescription": { "text": summary },
                "fullDescription": { "text": doc },
                "defaultConfiguration": { "level": level(c.severity) },
            })
        })
        .collect();
    rules.extend(crate::codes::CODES.iter().map(|(code, summary, text)| {
        json!({
            "id": code,
            "shortDescription": { "text": summary },
            "fullDescription": { "text": text },
            "defaultConfiguration": { "level": match crate::codes::severity(code) { "info" => "note", other => other } },
        })
    }));
    rules
}

fn result(d: &Diagnostic, sources: &SourceMap) -> Value {
    let j = super::json::to_json_diagnostic(d, sources);
    let mut text = d.message.clone();
    if let Some(h) = &d.help {
        text.push_str("\nhelp: ");
        text.push_str(h);
    }
    let locations = match (&j.file, j.line, j.column) {
        (Some(file), Some(line), Some(column)) => vec![json!({
            "physicalLocation": {
                "artifactLocation": { "uri": file.replace('\\', "/") },
                "region": {
                    "startLine": line, "startColumn": column,
                    "endLine": j.end_line.unwrap_or(line), "endColumn": j.end_column.unwrap_or(column),
                },
            }
        })],
        (Some(file), _, _) => vec![
            json!({ "physicalLocation": { "artifactLocation": { "uri": file.replace('\\', "/") } } }),
        ],
        _ => Vec::new(),
    };
    json!({ "ruleId": d.code, "level": level(d.severity), "message": { "text": text }, "locations": locations })
}

pub fn render(diags: &[Diagnostic], sources: &SourceMap) -> String {
    let sarif = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": { "driver": { "name": "mijlpaal", "version": env!("CARGO_PKG_VERSION"), "rules": rules() } },
            "results": diags.iter().map(|d| result(d, sources)).collect::<Vec<_>>(),
        }],
    });
    serde_json::to_string_pretty(&sarif).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"))
}
