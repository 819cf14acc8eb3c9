//! A large plan parsed a component at a time, so that pest's token queue
//! (two tokens of 40 bytes per pair, for the whole file at once) never
//! holds more than one component: the peak of a parse is the syntax tree
//! plus one component's queue instead of the tree plus the file's queue.
//!
//! The outline (the plan with every component cut out, line break and all;
//! its positions are mapped back to the file's) is parsed first, then each
//! component on its own from `Rule::plan_piece`, which is `plan_item` as
//! the plan reads it; the items are put back in the order of the file. Any
//! doubt (a component or the outline that does not parse, a diagnostic, not
//! a plan) and the caller parses the file whole, as before: what comes out
//! for a file with mistakes is exactly what the whole-file parse says.
//!
//! A large facts file is parsed the same way a run of lines at a time
//! ([`facts`]): its outline is the header and the closing `}`, and each
//! run of statements is parsed from `Rule::facts_piece`.

// PANIC SAFETY: byte positions within one file, bounded by its length.
#![allow(clippy::arithmetic_side_effects)]

use std::ops::ControlFlow;

use pest::Parser as _;

use super::ast::{ComponentAst, File, PlanAst, PlanItem};
use super::build::{Based, Builder, FactsBody};
use super::{MijlpaalParser, Rule};
use crate::source::FileId;

/// Below this many components the file is parsed whole.
const MIN_PIECES: usize = 2;

/// The plan's tree, parsed a component at a time, or `None` where the
/// file is to be parsed whole (see the module's comment). The text has
/// passed `limits::check`: its braces are balanced and shallow.
pub(super) fn parse(file: FileId, text: &str) -> Option<File> {
    let Outlined {
        plan: mut outline,
        starts,
        pieces,
        ..
    } = outlined(file, text)?;
    let mut parsed: Vec<PlanItem> = Vec::with_capacity(pieces.len());
    for &piece in &pieces {
        parsed.push(component(file, text, piece)?);
    }
    // The outline's items and the components, in the order of the file.
    let outline_items = std::mem::take(&mut outline.items);
    let mut items = Vec::with_capacity(outline_items.len() + parsed.len());
    let mut pieces = pieces.iter().zip(parsed).peekable();
    for (item, start) in outline_items.into_iter().zip(starts) {
        while let Some(((_, _), p)) = pieces.next_if(|((s, _), _)| *s < start) {
            items.push(p);
        }
        items.push(item);
    }
    items.extend(pieces.map(|(_, p)| p));
    outline.items = items;
    Some(File::Plan(outline))
}

/// A plan of [`MIN_PIECES`] or more components, its outline parsed: what
/// is left to do is to parse each component (see [`Components`]).
pub(super) struct Outlined {
    /// The plan without its components.
    pub(super) plan: PlanAst,
    /// Where each of the outline's items starts in the file.
    starts: Vec<usize>,
    /// Each component's bytes in the file, in the order of the file.
    pieces: Vec<(usize, usize)>,
    /// How many milestones the components hold, by their first words.
    milestones: usize,
}

/// The outline's tree, or `None` where the file is to be parsed whole.
pub(super) fn outlined(file: FileId, text: &str) -> Option<Outlined> {
    if first_word(text) != "plan" {
        return None;
    }
    let (pieces, milestones) = components(text);
    if pieces.len() < MIN_PIECES {
        return None;
    }
    let (outline, cuts) = outline(text, &pieces);
    let pairs = MijlpaalParser::parse(Rule::file, &outline).ok()?;
    let mut builder = Builder::new(file, &outline);
    let tree = {
        let _cut = Based::cut(cuts);
        builder.file(pairs)
    };
    if !builder.diagnostics.is_empty() {
        return None;
    }
    let File::Plan(plan) = tree? else {
        return None;
    };
    let starts = builder.item_starts;
    (starts.len() == plan.items.len()).then_some(Outlined {
        plan,
        starts,
        pieces,
        milestones,
    })
}

/// One component of the file parsed on its own, or `None` where it does
/// not parse without a diagnostic.
fn component(file: FileId, text: &str, (start, end): (usize, usize)) -> Option<PlanItem> {
    let piece = text.get(start..end)?;
    let pairs = MijlpaalParser::parse(Rule::plan_piece, piece).ok()?;
    let mut builder = Builder::new(file, piece);
    let item = {
        let _based = Based::at(start);
        builder.plan_piece(pairs)?
    };
    builder.diagnostics.is_empty().then_some(item)
}

/// The components of an [`Outlined`] plan, each parsed when it is asked
/// for, in the order of the file: `None` for one that does not parse
/// without a diagnostic (and the file is to be parsed whole).
pub struct Components<'t> {
    file: FileId,
    text: &'t str,
    pieces: std::vec::IntoIter<(usize, usize)>,
    milestones: usize,
}

impl<'t> Components<'t> {
    pub(super) fn of(file: FileId, text: &'t str, outlined: &mut Outlined) -> Self {
        Components {
            file,
            text,
            pieces: std::mem::take(&mut outlined.pieces).into_iter(),
            milestones: outlined.milestones,
        }
    }

    /// How many milestones the components hold, by the first words of
    /// their lines: exact for a plan without mistakes, so that room for
    /// the model's milestones can be made once.
    pub fn milestones(&self) -> usize {
        self.milestones
    }
}

impl Iterator for Components<'_> {
    type Item = Option<ComponentAst>;

    fn next(&mut self) -> Option<Self::Item> {
        let piece = self.pieces.next()?;
        Some(match component(self.file, self.text, piece) {
            Some(PlanItem::Component(c)) => Some(c),
            _ => None,
        })
    }
}

/// Whether the file's first word is `plan` (see [`first_word`]).
pub(super) fn claims_plan(text: &str) -> bool {
    first_word(text) == "plan"
}

/// The first word of the file after blank lines, spaces, tabs and `//`
/// comment lines: which kind of file it claims to be, so that the other
/// kind's scan is not run (anything else written first, and the caller
/// parses the file whole).
fn first_word(text: &str) -> &str {
    let mut rest = text;
    loop {
        rest = rest.trim_start_matches([' ', '\t', '\r', '\n']);
        match rest.strip_prefix("//") {
            Some(comment) => rest = comment.split_once('\n').map_or("", |(_, r)| r),
            None => break,
        }
    }
    let end = rest
        .find(|c: char| !c.is_ascii_alphanumeric())
        .unwrap_or(rest.len());
    rest.get(..end).unwrap_or("")
}

/// The file without the pieces, and where each was cut: its position in
/// what is left and the bytes cut up to and with it.
fn outline(text: &str, pieces: &[(usize, usize)]) -> (String, Vec<(usize, usize)>) {
    let mut out = String::new();
    let mut cuts = Vec::with_capacity(pieces.len());
    let (mut from, mut cut) = (0, 0);
    for &(start, end) in pieces {
        out.push_str(text.get(from..start).unwrap_or(""));
        cut += end - start;
        cuts.push((out.len(), cut));
        from = end;
    }
    out.push_str(text.get(from..).unwrap_or(""));
    (out, cuts)
}

/// Each line directly inside the outermost block that starts (after spaces
/// and tabs) with `component` and a space, with the lines of its block:
/// from the word to the line break after the line where the block is closed
/// again, that line break included; and how many lines directly inside
/// those blocks start with `milestone` and a space. Strings and comments
/// are read as in `limits::nesting`.
fn components(text: &str) -> (Vec<(usize, usize)>, usize) {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut milestones = 0usize;
    let mut open: Option<usize> = None;
    let starts_with = |word: usize, keyword: &[u8]| {
        bytes
            .get(word..word + keyword.len() + 1)
            .is_some_and(|w| w.starts_with(keyword) && matches!(w.last(), Some(b' ' | b'\t')))
    };
    scan(bytes, true, |event| {
        match event {
            Event::Line { word, depth: 1 } if open.is_none() && starts_with(word, b"component") => {
                open = Some(word);
            }
            Event::Line { word, depth: 2 } if open.is_some() => {
                milestones += usize::from(starts_with(word, b"milestone"));
            }
            Event::LineEnd { at, depth: 1 } => {
                if let Some(start) = open.take() {
                    out.push((start, at + 1));
                }
            }
            _ => {}
        }
        ControlFlow::Continue(())
    });
    (out, milestones)
}

/// What [`scan`] meets, with the block depth there (before a `}` closes).
enum Event {
    /// A line's first word (after spaces and tabs), at byte `word`.
    Line { word: usize, depth: usize },
    /// A line break outside strings, at byte `at`.
    LineEnd { at: usize, depth: usize },
    /// A `}` outside strings and comments, at byte `at`.
    Close { at: usize, depth: usize },
}

/// Walks a file's bytes as the grammar reads its blocks: strings (as
/// `limits::string_end` reads them) and `//` comments skipped, `{` and `}`
/// counted, telling `on` of each line start, line break and `}` until it
/// breaks. The one scanner of the plan's components and the facts' runs.
fn scan(bytes: &[u8], at_start_of_line: bool, mut on: impl FnMut(Event) -> ControlFlow<()>) {
    let mut depth = 0usize;
    let mut at_line_start = at_start_of_line;
    let mut i = 0;
    while i < bytes.len() {
        if at_line_start {
            at_line_start = false;
            let indent = bytes.get(i..).map_or(0, |r| {
                r.iter().take_while(|c| **c == b' ' || **c == b'\t').count()
            });
            i += indent;
            if on(Event::Line { word: i, depth }).is_break() {
                return;
            }
            continue;
        }
        // Only these bytes matter; the rest is skipped in one `position`.
        let Some(n) = bytes
            .get(i..)
            .and_then(|r| r.iter().position(super::limits::structural))
        else {
            return;
        };
        i += n;
        let Some(&b) = bytes.get(i) else { return };
        match b {
            b'\n' => {
                at_line_start = true;
                if on(Event::LineEnd { at: i, depth }).is_break() {
                    return;
                }
            }
            b'"' => {
                if let Some(end) = super::limits::string_end(bytes, i) {
                    i = end;
                }
            }
            b'/' if bytes.get(i + 1) == Some(&b'/') => {
                i = bytes
                    .get(i..)
                    .and_then(|r| r.iter().position(|c| *c == b'\n'))
                    .map_or(bytes.len(), |n| i + n);
                continue;
            }
            b'{' => depth += 1,
            b'}' => {
                if on(Event::Close { at: i, depth }).is_break() {
                    return;
                }
                depth = depth.saturating_sub(1);
            }
            _ => {}
        }
        i += 1;
    }
}

/// About this many bytes of a facts file are parsed at a time: pest's
/// token queue for them is some ten times their size.
pub(super) const FACTS_CHUNK: usize = 64 * 1024;

/// A facts file's tree, parsed `chunk` bytes (or so: whole lines) at a
/// time, or `None` where the file is to be parsed whole: it is not a facts
/// file, it fits in one chunk, or anything is amiss (see the module's
/// comment). The text has passed `limits::check`.
pub(super) fn facts(file: FileId, text: &str, chunk: usize) -> Option<File> {
    if first_word(text) != "facts" {
        return None;
    }
    let (starts, end, lines) = fact_runs(text, chunk)?;
    let (&first, _) = starts.split_first()?;
    if starts.len() < MIN_PIECES {
        return None;
    }
    let mut outline = String::with_capacity(first + text.len().checked_sub(end)?);
    outline.push_str(text.get(..first)?);
    outline.push_str(text.get(end..)?);
    let mut facts = {
        let pairs = MijlpaalParser::parse(Rule::file, &outline).ok()?;
        let mut builder = Builder::new(file, &outline);
        let tree = {
            let _cut = Based::cut(vec![(first, end.checked_sub(first)?)]);
            builder.file(pairs)
        };
        if !builder.diagnostics.is_empty() {
            return None;
        }
        match tree? {
            File::Facts(f) if f.facts.is_empty() && f.evaluate_at.is_empty() => f,
            _ => return None,
        }
    };
    drop(outline);
    // Room for a fact on every line that starts a statement, so that the
    // vector is not copied as it grows (the whole-file parse's grows by
    // doubling and has room to spare).
    let mut body = FactsBody::default();
    body.facts.reserve_exact(lines);
    let ends = starts.iter().skip(1).copied().chain([end]);
    for (&start, stop) in starts.iter().zip(ends) {
        let piece = text.get(start..stop)?;
        if super::fact_lines::read(piece, start, &mut body) {
            continue;
        }
        let pairs = MijlpaalParser::parse(Rule::facts_piece, piece).ok()?;
        let mut builder = Builder::new(file, piece);
        {
            let _based = Based::at(start);
            builder.facts_piece(pairs, &mut body).ok()?;
        }
        if !builder.diagnostics.is_empty() {
            return None;
        }
    }
    facts.facts = body.facts;
    facts.evaluate_at = body.evaluate_at;
    Some(File::Facts(facts))
}

/// Where each run of a facts file's lines starts (the first word of a line
/// directly inside the outermost block that starts with a letter or digit,
/// as every statement does, at least `chunk` bytes after the run before),
/// the position of the `}` that closes the outermost block, and how many
/// lines inside it start with a letter or digit. `None` where the file has
/// no such line or the block is not closed.
fn fact_runs(text: &str, chunk: usize) -> Option<(Vec<usize>, usize, usize)> {
    let bytes = text.as_bytes();
    let mut starts: Vec<usize> = Vec::new();
    let mut lines = 0usize;
    let mut closed = None;
    scan(bytes, false, |event| {
        match event {
            Event::Line { word, depth: 1 }
                if bytes.get(word).is_some_and(u8::is_ascii_alphanumeric) =>
            {
                lines += 1;
                if starts.last().is_none_or(|last| word - last >= chunk) {
                    starts.push(word);
                }
            }
            Event::Close { at, depth: 1 } => {
                closed = Some(at);
                return ControlFlow::Break(());
            }
            _ => {}
        }
        ControlFlow::Continue(())
    });
    let end = closed?;
    (!starts.is_empty()).then_some((starts, end, lines))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::syntax::{ast, Limits};

    fn whole(text: &str) -> Option<ast::File> {
        let pairs = MijlpaalParser::parse(Rule::file, text).ok()?;
        let mut builder = Builder::new(FileId(0), text);
        builder.file(pairs)
    }

    #[test]
    fn the_same_tree_as_the_whole_file() {
        let texts = [
            std::fs::read_to_string("plans/mentaal-gezond-twente.plan").unwrap_or_default(),
            "plan p \"x\" {\n  // c\n  component 1 \"a\" { // x\n    milestone 1 \"m\" {\n      due 2025-01-01\n    }\n  }\r\n\tcomponent 2 \"b {\" {\n  }\n  metric m \"m\" count\n  component 3 \"c\" {\n  } // end\n}\n".to_string(),
        ];
        for text in &texts {
            assert!(components(text).0.len() >= MIN_PIECES, "{text}");
            let limits = Limits::default();
            assert!(crate::syntax::limits::check(FileId(0), text, &limits).is_none());
            let a = parse(FileId(0), text);
            assert!(a.is_some());
            assert_eq!(a, whole(text));
        }
    }

    #[test]
    fn every_plan_of_the_repository_the_same_either_way() {
        let paths = crate::test_files::repository_files("plan");
        let mut pieced = 0;
        for path in &paths {
            let Ok(text) = std::fs::read_to_string(path) else {
                continue;
            };
            if crate::syntax::limits::check(FileId(0), &text, &Limits::default()).is_some() {
                continue;
            }
            if let Some(tree) = parse(FileId(0), &text) {
                pieced += 1;
                assert_eq!(Some(tree), whole(&text), "{}", path.display());
            }
        }
        assert!(pieced > 0);
    }

    #[test]
    fn a_mistake_in_a_component_parses_whole() {
        let text = "plan p \"x\" {\n  component 1 \"a\" {\n    milestone 1 \"m\" {\n      due soon\n    }\n  }\n  component 2 \"b\" {\n  }\n}\n";
        assert_eq!(parse(FileId(0), text), None);
    }

    /// Every line its own run, a few lines at a time, and the size used.
    const CHUNKS: [usize; 4] = [0, 100, 1000, FACTS_CHUNK];

    #[test]
    fn every_facts_file_of_the_repository_the_same_either_way() {
        let paths = crate::test_files::repository_files("facts");
        let mut pieced = 0;
        for path in &paths {
            let Ok(text) = std::fs::read_to_string(path) else {
                continue;
            };
            if crate::syntax::limits::check(FileId(0), &text, &Limits::default()).is_some() {
                continue;
            }
            for chunk in CHUNKS {
                if let Some(tree) = facts(FileId(0), &text, chunk) {
                    pieced += 1;
                    assert_eq!(Some(tree), whole(&text), "{} {chunk}", path.display());
                }
            }
        }
        assert!(pieced > 10, "{pieced}");
    }

    #[test]
    fn facts_the_same_tree_as_the_whole_file() {
        let texts = [
            // comments, blank lines, CRLF, braces and `//` in strings, tabs
            "// head\nfacts p { // x\n  // c\n\n  2025-01-01 paid iza for 1 € 98.500,50 \"a { b\"\r\n\t2025-02-01 decided 3 partial 60% by a, b // }\n  evaluate at 2025-01-31, 2025-02-28\n\n  // c {\n  2025-03-01 noted \"} // \\\" {\"\r\n  2025-04-01 measured m 12 range 2025-01-01..2025-03-31\n} // end\n",
            // no line break at the end, the `}` indented
            "facts p {\n  2025-01-01 a\n  2025-01-02 b\n  }",
            // lines that start with a letter, one run each
            "facts p {\nevaluate at 2025-01-31\n2025-01-01 a 1\n}\n",
            // the plan's twenty-thousand-line scenario, were there one: many lines
            &"facts p {\n".chars().chain("  2025-01-01 counted m 1 € 3\n".repeat(500).chars()).chain("}\n".chars()).collect::<String>(),
        ];
        for text in texts {
            assert!(crate::syntax::limits::check(FileId(0), text, &Limits::default()).is_none());
            let w = whole(text);
            assert!(matches!(w, Some(ast::File::Facts(_))), "{text}");
            for chunk in CHUNKS.into_iter().chain([1, 30]) {
                let a = facts(FileId(0), text, chunk);
                if chunk <= 1 {
                    assert!(a.is_some(), "{chunk} {text}");
                }
                if a.is_some() {
                    assert_eq!(a, w, "{chunk} {text}");
                }
            }
        }
    }

    #[test]
    fn the_first_word() {
        assert_eq!(first_word("// a\r\n\n  // b {\n\tfacts x {\n}\n"), "facts");
        assert_eq!(first_word("plan p \"x\" {"), "plan");
        assert_eq!(first_word("// only a comment"), "");
        assert_eq!(first_word(""), "");
    }

    #[test]
    fn a_mistake_in_a_facts_file_parses_whole() {
        for text in [
            "facts p {\n  2025-01-01 a\n  soon paid\n  2025-01-02 b\n}\n",
            "facts p {\n  2025-01-01 a\n  2025-01-02 b {\n  }\n  2025-01-03 c\n}\n",
            "facts p {\n  2025-01-01 a\n  2025-01-02 b }\n",
            "facts p {\n  2025-01-01 a\n  2025-01-02 b\n}\nfacts q {\n}\n",
            "facts p {\n  2025-01-01 a\n  2025-01-02 \"b\n}\n",
            "plan p \"x\" {\n  metric m \"m\" count\n  metric n \"n\" count\n}\n",
        ] {
            assert_eq!(facts(FileId(0), text, 0), None, "{text}");
        }
    }
}
