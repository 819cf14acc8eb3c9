//! Human-readable diagnostics, drawn by miette: code, message, the source
//! lines with labelled spans, and the help line.

use std::fmt;

use miette::{GraphicalReportHandler, GraphicalTheme, LabeledSpan, NamedSource, SourceSpan};

use crate::diagnostic::{Diagnostic, Severity};
use crate::source::SourceMap;

/// Adapts our [`Diagnostic`] to miette's trait for drawing.
struct View<'a> {
    diag: &'a Diagnostic,
    source: Option<NamedSource<String>>,
}

impl fmt::Debug for View<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.diag.message)
    }
}

impl fmt::Display for View<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.diag.message)
    }
}

impl std::error::Error for View<'_> {}

impl miette::Diagnostic for View<'_> {
    fn code<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        Some(Box::new(self.diag.code))
    }
    fn severity(&self) -> Option<miette::Severity> {
        Some(match self.diag.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
            Severity::Info => miette::Severity::Advice,
        })
    }
    fn help<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        let mut help = self.diag.help.clone().unwrap_or_default();
        for note in &self.diag.notes {
            if !help.is_empty() {
                help.push('\n');
            }
            help.push_str("note: ");
            help.push_str(note);
        }
        (!help.is_empty()).then(|| Box::new(help) as Box<dyn fmt::Display>)
    }
    fn source_code(&self) -> Option<&dyn miette::SourceCode> {
        self.source.as_ref().map(|s| s as &dyn miette::SourceCode)
    }
    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        self.source.as_ref()?;
        Some(Box::new(self.diag.labels.iter().map(|l| {
            let span = SourceSpan::new(l.span.start.into(), l.span.len());
            if l.primary {
                LabeledSpan::new_primary_with_span(Some(l.message.clone()), span)
            } else {
                LabeledSpan::new_with_span(Some(l.message.clone()), span)
            }
        })))
    }
}

/// Renders diagnostics for a terminal or a snapshot. `color` adds ANSI colours.
pub fn render(diags: &[Diagnostic], sources: &SourceMap, color: bool) -> String {
    let theme = if color {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    let handler = GraphicalReportHandler::new_themed(theme)
        .with_width(100)
        .with_links(false);
    let mut out = String::new();
    // Each file's text with its hidden characters escaped, made once.
    let mut shown_files: Vec<Option<Shown>> = Vec::new();
    for d in diags {
        let file = d.file.and_then(|f| sources.get(f).map(|s| (f.0, s)));
        let (source, shown) = match file {
            Some((index, f)) => {
                if shown_files.len() <= index {
                    shown_files.resize_with(index + 1, || None);
                }
                let slot = shown_files.get_mut(index);
                let shown = slot.map(|s| s.get_or_insert_with(|| Shown::of(&f.text)));
                let text = shown.as_ref().map_or_else(String::new, |s| s.text.clone());
                let named =
                    NamedSource::new(super::escape::text(&f.name), text).with_language("mijlpaal");
                (Some(named), shown.map(|s| escaped(d, s)))
            }
            None => (None, Some(escaped(d, &Shown::of("")))),
        };
        let shown = shown.unwrap_or_else(|| d.clone());
        let view = View {
            diag: &shown,
            source,
        };
        if handler.render_report(&mut out, &view).is_err() {
            out.push_str(&format!(
                "{}[{}]: {}\n",
                shown.severity.as_str(),
                shown.code,
                shown.message
            ));
        }
        out.push('\n');
    }
    out
}

/// A file's text as it is drawn: every hidden character escaped
/// (`\u{1b}`, see `render::escape`) so that a snippet can never steer the
/// terminal, with what is needed to move spans along.
struct Shown {
    text: String,
    /// For each escaped character: its offset in the file and how many
    /// bytes the escapes up to and including it added.
    shifts: Vec<(usize, usize)>,
}

impl Shown {
    fn of(text: &str) -> Shown {
        if !text.chars().any(crate::source::is_hidden) {
            return Shown {
                text: text.to_string(),
                shifts: Vec::new(),
            };
        }
        let mut out = String::with_capacity(text.len() + 16);
        let mut shifts = Vec::new();
        let mut added = 0;
        for (i, c) in text.char_indices() {
            if crate::source::is_hidden(c) {
                let e = super::escape::escaped(c);
                added += e.len() - c.len_utf8();
                out.push_str(&e);
                shifts.push((i, added));
            } else {
                out.push(c);
            }
        }
        Shown { text: out, shifts }
    }

    /// Where a byte offset of the file lies in the escaped text: an offset
    /// at a hidden character points at the start of its escape.
    fn offset(&self, at: usize) -> usize {
        let before = self.shifts.partition_point(|(i, _)| *i < at);
        let added = before
            .checked_sub(1)
            .and_then(|k| self.shifts.get(k))
            .map_or(0, |(_, a)| *a);
        at + added
    }
}

/// A diagnostic as it is drawn: its texts escaped, its spans moved to the
/// escaped source.
fn escaped(d: &Diagnostic, shown: &Shown) -> Diagnostic {
    let text = |s: &str| super::escape::text(s).into_owned();
    let mut e = d.clone();
    e.message = text(&d.message);
    e.help = d.help.as_deref().map(text);
    e.notes = d.notes.iter().map(|n| text(n)).collect();
    for l in &mut e.labels {
        l.message = text(&l.message);
        let start = shown.offset(l.span.start);
        l.span = crate::source::Span::new(start, shown.offset(l.span.end).max(start));
    }
    e
}

/// The closing line: "2 errors, 1 warning".
pub fn summary(diags: &[Diagnostic]) -> String {
    let count = |s: Severity| diags.iter().filter(|d| d.severity == s).count();
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    format!(
        "{}, {}, {}",
        plural(count(Severity::Error), "error"),
        plural(count(Severity::Warning), "warning"),
        plural(count(Severity::Info), "note")
    )
}
