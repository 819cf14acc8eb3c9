//! Human-readable diagnostics, drawn by miette: code, message, the source
//! lines with labelled spans, and the help line.

use std::fmt;

use miette::{
    GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteError, MietteSpanContents,
    SourceCode, SourceSpan, SpanContents,
};

use crate::diagnostic::{Diagnostic, Severity};
use crate::source::{SourceFile, SourceMap};

/// Labels drawn per diagnostic; the rest are counted in a note. A cycle of
/// sixty thousand milestones is one finding, not sixty thousand snippets.
pub const MAX_LABELS: usize = 12;

/// Diagnostics drawn per file and code; the rest are counted in one line
/// (`--format json` lists them all).
pub const MAX_PER_FILE_AND_CODE: usize = 50;

/// Adapts our [`Diagnostic`] to miette's trait for drawing.
struct View<'a> {
    diag: &'a Diagnostic,
    source: Option<Snippet<'a>>,
}

/// A source file as miette reads it, without copying it and without
/// scanning it from the start for every snippet: miette's own line finder
/// runs on a window of lines around the span, found by binary search, so
/// drawing N diagnostics costs N small windows, not N whole files.
struct Snippet<'a> {
    file: &'a SourceFile,
    /// The file's name as shown (escaped).
    name: String,
}

impl SourceCode for Snippet<'_> {
    fn read_span<'b>(
        &'b self,
        span: &SourceSpan,
        before: usize,
        after: usize,
    ) -> Result<Box<dyn SpanContents<'b> + 'b>, MietteError> {
        let f = self.file;
        let end = span.offset().saturating_add(span.len());
        let first_line = f
            .line_of(span.offset())
            .saturating_sub(before.saturating_add(1));
        let last_line = f.line_of(end).saturating_add(after).saturating_add(2);
        let from = f.line_start(first_line);
        let to = f.line_start(last_line);
        let window = f.text.get(from..to).ok_or(MietteError::OutOfBounds)?;
        let local = SourceSpan::new(span.offset().saturating_sub(from).into(), span.len());
        let inner = window.read_span(&local, before, after)?;
        let contents = MietteSpanContents::new_named(
            self.name.clone(),
            inner.data(),
            SourceSpan::new(
                inner.span().offset().saturating_add(from).into(),
                inner.span().len(),
            ),
            inner.line().saturating_add(first_line),
            inner.column(),
            inner.line_count().saturating_add(first_line),
        )
        .with_language("mijlpaal");
        Ok(Box::new(contents))
    }
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
        let hidden = self.diag.labels.len().saturating_sub(MAX_LABELS);
        let more = (hidden > 0).then(|| crate::tr!("diagnostic-more-places", count = hidden));
        for note in self.diag.notes.iter().chain(more.as_ref()) {
            if !help.is_empty() {
                help.push('\n');
            }
            help.push_str(&crate::tr!("diagnostic-note", text = note));
        }
        (!help.is_empty()).then(|| Box::new(help) as Box<dyn fmt::Display>)
    }
    fn source_code(&self) -> Option<&dyn miette::SourceCode> {
        self.source.as_ref().map(|s| s as &dyn SourceCode)
    }
    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        self.source.as_ref()?;
        Some(Box::new(self.diag.labels.iter().take(MAX_LABELS).map(
            |l| {
                let span = SourceSpan::new(l.span.start.into(), l.span.len());
                if l.primary {
                    LabeledSpan::new_primary_with_span(Some(l.message.clone()), span)
                } else {
                    LabeledSpan::new_with_span(Some(l.message.clone()), span)
                }
            },
        )))
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
    let mut per_code: std::collections::HashMap<(Option<crate::source::FileId>, &str), usize> =
        std::collections::HashMap::new();
    let mut hidden: std::collections::BTreeMap<(Option<crate::source::FileId>, &str), usize> =
        std::collections::BTreeMap::new();
    // Each file as it is drawn (hidden characters escaped), made once.
    let mut shown_files: Vec<Option<Shown>> = Vec::new();
    let plain = Shown::of(&EMPTY);
    for d in diags {
        let count = per_code.entry((d.file, d.code)).or_insert(0);
        if *count >= MAX_PER_FILE_AND_CODE {
            let n = hidden.entry((d.file, d.code)).or_insert(0);
            *n = n.saturating_add(1);
            continue;
        }
        *count = count.saturating_add(1);
        let file = d.file.and_then(|f| sources.get(f).map(|s| (f.0, s)));
        let (source, shown) = match file {
            Some((index, f)) => {
                if shown_files.len() <= index {
                    shown_files.resize_with(index.saturating_add(1), || None);
                }
                let shown = shown_files
                    .get_mut(index)
                    .map(|slot| &*slot.get_or_insert_with(|| Shown::of(f)));
                let source = shown.map(|s| Snippet {
                    file: s.file(),
                    name: super::escape::text(&f.name).into_owned(),
                });
                (source, shown.map_or_else(|| d.clone(), |s| escaped(d, s)))
            }
            None => (None, escaped(d, &plain)),
        };
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
    let mut out = help_in_language(out);
    for ((file, code), n) in hidden {
        let name = file
            .and_then(|f| sources.get(f))
            .map_or_else(|| crate::tr!("diagnostic-the-input"), |f| f.name.clone());
        out.push_str(&crate::tr!(
            "diagnostic-more-findings",
            count = n,
            code = code,
            file = name
        ));
        out.push_str("\n\n");
    }
    out
}

/// miette writes the help line's prefix itself, in English (`  help: `);
/// in another language the word is replaced where miette put it: at the
/// start of a line, after nothing but colour codes. Only a word of the same
/// width is put in, so miette's wrapping of the help text stays aligned.
fn help_in_language(drawn: String) -> String {
    let word = crate::tr!("diagnostic-help-word");
    if word == "help" || word.chars().count() != 4 {
        return drawn;
    }
    let (from, to) = ("  help: ", format!("  {word}: "));
    let mut out = String::with_capacity(drawn.len());
    for line in drawn.split_inclusive('\n') {
        match line.find(from) {
            Some(at) if only_colour_codes(line.get(..at).unwrap_or("")) => {
                out.push_str(line.get(..at).unwrap_or(""));
                out.push_str(&to);
                out.push_str(line.get(at.saturating_add(from.len())..).unwrap_or(""));
            }
            _ => out.push_str(line),
        }
    }
    out
}

/// Whether `text` is only ANSI colour codes (`\x1b[…m`), or nothing.
fn only_colour_codes(text: &str) -> bool {
    let mut rest = text;
    while let Some(after) = rest.strip_prefix("\x1b[") {
        match after.find('m') {
            Some(end) => rest = after.get(end.saturating_add(1)..).unwrap_or(""),
            None => return false,
        }
    }
    rest.is_empty()
}

/// An empty file, for diagnostics that point into none.
static EMPTY: std::sync::LazyLock<SourceFile> =
    std::sync::LazyLock::new(|| SourceFile::new("", "", String::new()));

/// A file as it is drawn: every hidden character escaped (`\u{1b}`, see
/// `render::escape`) so that a snippet can never steer the terminal, with
/// what is needed to move spans along. A file without hidden characters is
/// drawn as it is, uncopied.
enum Shown<'a> {
    Plain(&'a SourceFile),
    Escaped {
        file: SourceFile,
        /// For each escaped character: its offset in the file and how many
        /// bytes the escapes up to and including it added.
        shifts: Vec<(usize, usize)>,
    },
}

impl<'a> Shown<'a> {
    fn of(f: &'a SourceFile) -> Shown<'a> {
        if !crate::source::any_hidden(&f.text) {
            return Shown::Plain(f);
        }
        let mut out = String::with_capacity(f.text.len().saturating_add(16));
        let mut shifts = Vec::new();
        let mut added: usize = 0;
        for (i, c) in f.text.char_indices() {
            if crate::source::is_hidden(c) {
                let e = super::escape::escaped(c);
                added = added.saturating_add(e.len().saturating_sub(c.len_utf8()));
                out.push_str(&e);
                shifts.push((i, added));
            } else {
                out.push(c);
            }
        }
        Shown::Escaped {
            file: SourceFile::new(f.name.clone(), f.path.clone(), out),
            shifts,
        }
    }

    fn file(&self) -> &SourceFile {
        match self {
            Shown::Plain(f) => f,
            Shown::Escaped { file, .. } => file,
        }
    }

    /// Where a byte offset of the file lies in the drawn text: an offset at
    /// a hidden character points at the start of its escape.
    fn offset(&self, at: usize) -> usize {
        let Shown::Escaped { shifts, .. } = self else {
            return at;
        };
        let before = shifts.partition_point(|(i, _)| *i < at);
        let added = before
            .checked_sub(1)
            .and_then(|k| shifts.get(k))
            .map_or(0, |(_, a)| *a);
        at.saturating_add(added)
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
    crate::tr!(
        "summary-counts",
        errors = count(Severity::Error),
        warnings = count(Severity::Warning),
        notes = count(Severity::Info)
    )
}
