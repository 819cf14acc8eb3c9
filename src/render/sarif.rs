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

/// A file name as a relative URI reference (RFC 3986): `/` separates
/// segments (a Windows `\\` too), unreserved characters stay, and every other
/// byte of its UTF-8 is percent-encoded, so that a space, `#`, `%`, `?`, a
/// `:` that would read as a scheme, or `ë` cannot change what the URI means.
pub fn uri(file: &str) -> String {
    let mut out = String::with_capacity(file.len());
    for b in file.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => {
                out.push(char::from(b))
            }
            b'\\' => out.push('/'),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
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
                "artifactLocation": { "uri": uri(file) },
                "region": {
                    "startLine": line, "startColumn": column,
                    "endLine": j.end_line.unwrap_or(line), "endColumn": j.end_column.unwrap_or(column),
                },
            }
        })],
        (Some(file), _, _) => {
            vec![json!({ "physicalLocation": { "artifactLocation": { "uri": uri(file) } } })]
        }
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

#[cfg(test)]
mod tests {
    use super::uri;

    #[test]
    fn uris_are_percent_encoded() {
        assert_eq!(
            uri("plans/mentaal-gezond-twente.plan"),
            "plans/mentaal-gezond-twente.plan"
        );
        assert_eq!(
            uri("my plans/a#1 100%.plan"),
            "my%20plans/a%231%20100%25.plan"
        );
        assert_eq!(uri("cliënt.plan"), "cli%C3%ABnt.plan");
        assert_eq!(uri("c:\\plans\\x.plan"), "c%3A/plans/x.plan");
    }
}
