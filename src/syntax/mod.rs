//! Stage 1: source text → syntax tree ([`ast::File`]), with spans.
//!
//! pest does the recognising (grammar/mijlpaal.pest); `build` turns its pairs
//! into the typed tree. Lines that match no statement come out as `Bad` nodes
//! and become one diagnostic each, so parsing goes on after a bad line.

pub mod ast;
mod build;
pub mod limits;

use pest::Parser as _;

use crate::diagnostic::Diagnostic;
use crate::source::{FileId, Span};

pub use limits::Limits;

#[derive(pest_derive::Parser)]
#[grammar = "../grammar/mijlpaal.pest"]
pub struct MijlpaalParser;

/// Parses one file. Returns the tree (if the file's outline could be read)
/// and every syntax diagnostic found.
pub fn parse(file: FileId, text: &str, limits: &Limits) -> (Option<ast::File>, Vec<Diagnostic>) {
    // Hidden characters are reported beside whatever else is wrong.
    let mut diags = limits::hidden(file, text);
    if let Some(d) = limits::check(file, text, limits) {
        diags.push(d);
        return (None, diags);
    }
    match MijlpaalParser::parse(Rule::file, text) {
        Ok(pairs) => {
            let mut builder = build::Builder::new(file, text);
            let tree = builder.file(pairs);
            diags.extend(builder.diagnostics);
            (tree, diags)
        }
        Err(e) => {
            diags.push(pest_error(file, text, e));
            (None, diags)
        }
    }
}

/// Converts pest's error into a diagnostic that names what was expected in
/// the language's own words.
fn pest_error(file: FileId, text: &str, e: pest::error::Error<Rule>) -> Diagnostic {
    let (start, end) = match e.location {
        pest::error::InputLocation::Pos(p) => (p, word_end(text, p)),
        pest::error::InputLocation::Span((a, b)) => (a, b.max(a)),
    };
    let positives: &[Rule] = match &e.variant {
        pest::error::ErrorVariant::ParsingError { positives, .. } => positives,
        pest::error::ErrorVariant::CustomError { .. } => &[],
    };
    let mut expected: Vec<&str> = positives.iter().map(describe).collect();
    expected.sort_unstable();
    expected.dedup();
    let at_end = text.get(start..).is_some_and(|r| r.trim().is_empty());
    let found = match text.get(start..end) {
        _ if at_end => "the end of the file".to_string(),
        Some("\n" | "\r" | "\r\n") | None => "the end of the line".to_string(),
        Some(word) => format!("`{word}`"),
    };
    let message = if expected.is_empty() {
        format!("unexpected {found}")
    } else {
        format!("expected {}, found {found}", join_or(&expected))
    };
    let header = positives
        .iter()
        .any(|r| matches!(r, Rule::plan | Rule::rules | Rule::facts));
    let help = if header {
        "a file starts with `plan ID \"title\" {`, `rules ID \"title\" {` or `facts PLAN {`"
    } else if at_end {
        "a block is not closed: every `{` needs a `}` on a line of its own"
    } else if positives == [Rule::EOI] {
        "nothing may follow the `}` that closes the file's block; move this inside it or remove it"
    } else {
        "see docs/language.md for the statements each block accepts"
    };
    // At the end of the file there is nothing to point at: point at the last
    // thing written instead, so that the label is shown.
    let (span, label) = if at_end {
        let last = text.trim_end().len();
        let from = text
            .get(..last)
            .and_then(|t| t.char_indices().next_back())
            .map(|(i, _)| i)
            .unwrap_or(0);
        (Span::new(from, last), "the file ends here")
    } else {
        (Span::new(start, end), "here")
    };
    Diagnostic::error("S004", message)
        .in_file(file)
        .at(span, label)
        .with_help(help)
}

/// The end of the word at `p` (a name or number), or of its one character.
fn word_end(text: &str, p: usize) -> usize {
    let rest = text.get(p..).unwrap_or("");
    let word = rest
        .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == '-'))
        .unwrap_or(rest.len());
    if word > 0 {
        return p.saturating_add(word);
    }
    rest.chars()
        .next()
        .map(|c| p.saturating_add(c.len_utf8()))
        .unwrap_or(p)
}

fn join_or(items: &[&str]) -> String {
    match items {
        [] => String::new(),
        [one] => (*one).to_string(),
        [init @ .., last] => format!("{} or {last}", init.join(", ")),
    }
}

fn describe(rule: &Rule) -> &'static str {
    match rule {
        Rule::plan => "`plan`",
        Rule::rules => "`rules`",
        Rule::facts => "`facts`",
        Rule::criteria => "`criteria`",
        Rule::ident => "a name",
        Rule::string => "a quoted text",
        Rule::number | Rule::int => "a number",
        Rule::date => "a date (2026-12-31)",
        Rule::percent => "a percentage (73%)",
        Rule::money | Rule::money_suffix => "an amount (€ 1.237.000)",
        Rule::block_end => "`}`",
        Rule::EOI => "the end of the file",
        Rule::op => "a comparison (>=, <=)",
        _ => "a statement",
    }
}
