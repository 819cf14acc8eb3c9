//! Diagnostics: what every stage reports, with a stable code, a severity,
//! a message, labelled spans and a help line.
//!
//! Stages never print; they return [`Diagnostic`]s, and `render` turns them
//! into human (miette), JSON or SARIF output.

use serde::Serialize;

use crate::source::{FileId, Span};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Label {
    pub span: Span,
    pub message: String,
    pub primary: bool,
}

impl Label {
    pub fn primary(span: Span, message: impl Into<String>) -> Self {
        Label {
            span,
            message: message.into(),
            primary: true,
        }
    }
    pub fn secondary(span: Span, message: impl Into<String>) -> Self {
        Label {
            span,
            message: message.into(),
            primary: false,
        }
    }
}

/// A replacement that fixes what a diagnostic reports: the text at `span`
/// (in the diagnostic's file) becomes `replacement`. Editors offer it as a
/// quick fix (`lsp::actions`); the help line says the same in words.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Fix {
    /// What the fix does, for a menu: "write `hengelo`".
    pub title: String,
    pub span: Span,
    pub replacement: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Diagnostic {
    pub code: &'static str,
    pub severity: Severity,
    pub message: String,
    /// The file the labels point into; `None` for problems with no source
    /// (a missing file named on the command line).
    pub file: Option<FileId>,
    pub labels: Vec<Label>,
    pub help: Option<String>,
    pub notes: Vec<String>,
    /// Structured fixes (did-you-mean names, a suggested date), if any.
    pub fixes: Vec<Fix>,
}

impl Diagnostic {
    pub fn new(code: &'static str, severity: Severity, message: impl Into<String>) -> Self {
        Diagnostic {
            code,
            severity,
            message: message.into(),
            file: None,
            labels: Vec::new(),
            help: None,
            notes: Vec::new(),
            fixes: Vec::new(),
        }
    }
    pub fn error(code: &'static str, message: impl Into<String>) -> Self {
        Self::new(code, Severity::Error, message)
    }
    pub fn warning(code: &'static str, message: impl Into<String>) -> Self {
        Self::new(code, Severity::Warning, message)
    }
    pub fn info(code: &'static str, message: impl Into<String>) -> Self {
        Self::new(code, Severity::Info, message)
    }
    pub fn in_file(mut self, file: FileId) -> Self {
        self.file = Some(file);
        self
    }
    pub fn with_label(mut self, label: Label) -> Self {
        self.labels.push(label);
        self
    }
    /// A primary label at `span` with `message`.
    pub fn at(self, span: Span, message: impl Into<String>) -> Self {
        self.with_label(Label::primary(span, message))
    }
    pub fn also(self, span: Span, message: impl Into<String>) -> Self {
        self.with_label(Label::secondary(span, message))
    }
    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }
    pub fn with_note(mut self, note: impl Into<String>) -> Self {
        self.notes.push(note.into());
        self
    }
    /// A fix replacing the text at `span` by `replacement`.
    pub fn with_fix(self, span: Span, replacement: impl Into<String>) -> Self {
        let replacement = replacement.into();
        let title = crate::tr!("fix-write", replacement = replacement);
        self.with_titled_fix(title, span, replacement)
    }
    /// A fix with a title of its own ("move the due date to 2027-12-02").
    pub fn with_titled_fix(
        mut self,
        title: impl Into<String>,
        span: Span,
        replacement: impl Into<String>,
    ) -> Self {
        self.fixes.push(Fix {
            title: title.into(),
            span,
            replacement: replacement.into(),
        });
        self
    }
    /// Start of the primary label, for sorting by position.
    pub fn offset(&self) -> usize {
        self.labels
            .iter()
            .find(|l| l.primary)
            .or(self.labels.first())
            .map(|l| l.span.start)
            .unwrap_or(0)
    }
}

/// A collection of diagnostics for one run.
#[derive(Debug, Default, Clone)]
pub struct Diagnostics {
    pub items: Vec<Diagnostic>,
}

impl Diagnostics {
    pub fn push(&mut self, d: Diagnostic) {
        self.items.push(d);
    }
    pub fn extend(&mut self, ds: impl IntoIterator<Item = Diagnostic>) {
        self.items.extend(ds);
    }
    pub fn has_errors(&self) -> bool {
        self.items.iter().any(|d| d.severity == Severity::Error)
    }
    pub fn count(&self, severity: Severity) -> usize {
        self.items.iter().filter(|d| d.severity == severity).count()
    }
    /// Sorts by file, then position, then code: the order users read them in.
    pub fn sort(&mut self) {
        self.items.sort_by(|a, b| {
            (a.file, a.offset(), a.code, &a.message).cmp(&(b.file, b.offset(), b.code, &b.message))
        });
    }
}
