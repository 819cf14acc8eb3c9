//! Machine-readable diagnostics: `{"diagnostics": [...]}`.

use serde::Serialize;

use crate::diagnostic::Diagnostic;
use crate::source::SourceMap;

#[derive(Serialize)]
pub struct JsonLabel {
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
    pub message: String,
}

#[derive(Serialize)]
pub struct JsonDiagnostic {
    pub code: &'static str,
    pub severity: &'static str,
    pub message: String,
    pub file: Option<String>,
    pub line: Option<usize>,
    pub column: Option<usize>,
    pub end_line: Option<usize>,
    pub end_column: Option<usize>,
    pub help: Option<String>,
    pub notes: Vec<String>,
    pub labels: Vec<JsonLabel>,
}

#[derive(Serialize)]
struct Report {
    diagnostics: Vec<JsonDiagnostic>,
}

pub fn to_json_diagnostic(d: &Diagnostic, sources: &SourceMap) -> JsonDiagnostic {
    let file = d.file.and_then(|f| sources.get(f));
    let primary = d.labels.iter().find(|l| l.primary).or(d.labels.first());
    let pos = |offset: usize| file.map(|f| f.line_col(offset));
    let start = primary.and_then(|l| pos(l.span.start));
    let end = primary.and_then(|l| pos(l.span.end));
    JsonDiagnostic {
        code: d.code,
        severity: d.severity.as_str(),
        message: d.message.clone(),
        file: file.map(|f| f.name.clone()),
        line: start.map(|p| p.0),
        column: start.map(|p| p.1),
        end_line: end.map(|p| p.0),
        end_column: end.map(|p| p.1),
        help: d.help.clone(),
        notes: d.notes.clone(),
        labels: d
            .labels
            .iter()
            .filter_map(|l| {
                let (line, column) = pos(l.span.start)?;
                let (end_line, end_column) = pos(l.span.end)?;
                Some(JsonLabel {
                    line,
                    column,
                    end_line,
                    end_column,
                    message: l.message.clone(),
                })
            })
            .collect(),
    }
}

pub fn render(diags: &[Diagnostic], sources: &SourceMap) -> String {
    let report = Report {
        diagnostics: diags
            .iter()
            .map(|d| to_json_diagnostic(d, sources))
            .collect(),
    };
    serde_json::to_string_pretty(&report).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"))
}
