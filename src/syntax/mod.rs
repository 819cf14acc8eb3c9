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
    if let Some(d) = limits::check(file, text, limits) {
        return (None, vec![d]);
    }
    match MijlpaalParser::parse(Rule::file, text) {
        Ok(pairs) => {
            let mut builder = build::Builder::new(file, text);
            let tree = builder.file(pairs);
            (tree, builder.diagnostics)
        }
        Err(e) => (None, vec![pest_error(file, text, e)]),
    }
}

/// Converts pest's error into a diagnostic that names what was expected in
/// the language's own words.
fn pest_error(file: FileId, text: &str, e: pest::error::Error<Rule>) -> Diagnostic {
    let (start, end) = match e.location {
        pest::error::InputLocation::Pos(p) => (p, next_char_end(text, p)),
        pest::error::InputLocation::Span((a, b)) => (a, b.max(a)),
    };
    let expected: Vec<&str> = match &e.variant {
        pest::error::ErrorVariant::ParsingError { positives, .. } => {
            let mut v: Vec<&str> = positives.iter().map(describe).collect();
            v.sort_unstable();
            v.dedup();
            v
        }
        pest::error::ErrorVariant::CustomError { .. } => Vec::new(),
    };
    let found = text
        .get(start..)
        .and_then(|rest| rest.chars().next())
        .map(|c| match c {
            '\n' | '\r' => "the end of the line".to_string(),
            c => format!("`{c}`"),
        })
        .unwrap_or_else(|| "the end of the file".to_string());
    let message = if expected.is_empty() {
        format!("unexpected {found}")
    } else {
        format!("expected {}, found {found}", join_or(&expected))
    };
    let help = if text.get(start..).is_some_and(|r| r.is_empty()) {
        "a block is not closed: every `{` needs a `}` on a line of its own"
    } else if start == 0 || text.get(..start).is_some_and(|t| t.trim().is_empty()) {
        "a file starts with `plan ID \"title\" {`, `rules ID \"title\" {` or `facts PLAN {`"
    } else {
        "see docs/language.md for the statements each block accepts"
    };
    Diagnostic::error("S004", message)
        .in_file(file)
        .at(Span::new(start, end), "here")
        .with_help(help)
}

fn next_char_end(text: &str, p: usize) -> usize {
    text.get(p..)
        .and_then(|r| r.chars().next())
        .map(|c| p + c.len_utf8())
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
