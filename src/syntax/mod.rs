//! Stage 1: source text → syntax tree ([`ast::File`]), with spans.
//!
//! pest does the recognising (grammar/mijlpaal.pest); `build` turns its pairs
//! into the typed tree. Lines that match no statement come out as `Bad` nodes
//! and become one diagnostic each, so parsing goes on after a bad line.

pub mod ast;
mod build;
mod fact_lines;
pub mod limits;
mod pieces;

pub use pieces::Components;

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
    if let Some(tree) = pieces::parse(file, text) {
        return (Some(tree), diags);
    }
    if let Some(tree) = pieces::facts(file, text, pieces::FACTS_CHUNK) {
        return (Some(tree), diags);
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

/// A plan read a component at a time, for a caller that needs each
/// component's tree only while it lowers it (`Session::load`: the whole
/// file's tree is never alive at once, only the model growing and one
/// component's tree).
pub struct PlanInPieces<'t> {
    /// The plan without its components.
    pub outline: ast::PlanAst,
    /// What [`parse`] reports beside the tree (hidden characters).
    pub diagnostics: Vec<Diagnostic>,
    /// The components, parsed one by one as they are asked for, in the
    /// order of the file; `None` for one with a mistake, after which the
    /// file is to be parsed whole by [`parse`] (and its diagnostics are
    /// exactly that parse's).
    pub components: pieces::Components<'t>,
}

/// The plan in `text` to be read a component at a time, or `None` where
/// it is to be parsed whole by [`parse`]: it is no plan of two or more
/// components, breaks a limit, or has a mistake outside its components.
/// Parsed and built exactly as [`parse`] does it, so that the outline and
/// components together are its tree.
pub fn parse_plan_in_pieces<'t>(
    file: FileId,
    text: &'t str,
    limits: &Limits,
) -> Option<PlanInPieces<'t>> {
    // Any other kind of file is parsed by `parse`: the limits not checked twice.
    if !pieces::claims_plan(text) {
        return None;
    }
    let diagnostics = limits::hidden(file, text);
    if limits::check(file, text, limits).is_some() {
        return None;
    }
    let mut outlined = pieces::outlined(file, text)?;
    let components = pieces::Components::of(file, text, &mut outlined);
    Some(PlanInPieces {
        outline: outlined.plan,
        diagnostics,
        components,
    })
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
    let mut expected: Vec<String> = positives.iter().map(describe).collect();
    expected.sort_unstable();
    expected.dedup();
    let at_end = text.get(start..).is_some_and(|r| r.trim().is_empty());
    let found = match text.get(start..end) {
        _ if at_end => crate::tr!("s004-end-of-file"),
        Some("\n" | "\r" | "\r\n") | None => crate::tr!("s004-end-of-line"),
        Some(word) => format!("`{word}`"),
    };
    let message = if expected.is_empty() {
        crate::tr!("s004-unexpected", found = found)
    } else {
        crate::tr!("s004-message", expected = join_or(&expected), found = found)
    };
    let header = positives
        .iter()
        .any(|r| matches!(r, Rule::plan | Rule::rules | Rule::facts));
    let help = if header {
        crate::tr!("syntax-file-start-help")
    } else if at_end {
        crate::tr!("s004-help-unclosed")
    } else if positives == [Rule::EOI] {
        crate::tr!("s004-help-after-end")
    } else {
        crate::tr!("s004-help")
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
        (Span::new(from, last), crate::tr!("s004-label-end"))
    } else {
        (Span::new(start, end), crate::tr!("syntax-label-here"))
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

fn join_or(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => crate::tr!("s004-or", init = init.join(", "), last = last),
    }
}

fn describe(rule: &Rule) -> String {
    match rule {
        Rule::plan => "`plan`".to_string(),
        Rule::rules => "`rules`".to_string(),
        Rule::facts => "`facts`".to_string(),
        Rule::criteria => "`criteria`".to_string(),
        Rule::ident => crate::tr!("s004-a-name"),
        Rule::string => crate::tr!("s004-a-quoted-text"),
        Rule::number | Rule::int => crate::tr!("s004-a-number"),
        Rule::date => crate::tr!("s004-a-date"),
        Rule::percent => crate::tr!("s004-a-percentage"),
        Rule::money | Rule::money_suffix => crate::tr!("s004-an-amount"),
        Rule::block_end => "`}`".to_string(),
        Rule::EOI => crate::tr!("s004-end-of-file"),
        Rule::op => crate::tr!("s004-a-comparison"),
        _ => crate::tr!("s004-a-statement"),
    }
}
