//! Completion: what may be written at the cursor, read from the words
//! before it on its line and the block it is in.
//!
//! Every statement is one line, so the words before the cursor say which
//! statement it is and which argument comes next: after `payout spuk to`
//! a party or a key, after `risk spuk by` a key, after `after` a milestone
//! number. At the start of a line, the keywords of the enclosing block.

use lsp_types::{CompletionItem, CompletionItemKind};

use crate::model::{Keyword, Role};

use super::index::{Index, Kind};

/// The kind of block the cursor is in, by the keyword that opened it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Block {
    Outside,
    Plan,
    Key,
    Component,
    Milestone,
    Amendment,
    Rules,
    Facts,
    Other,
}

const PLAN_KEYWORDS: &[&str] = &[
    "rules",
    "period",
    "document",
    "declared",
    "split",
    "party",
    "stream",
    "key",
    "metric",
    "default",
    "component",
    "amendment",
    "addresses",
];
const MILESTONE_KEYWORDS: &[&str] = &[
    "effort", "result", "due", "amount", "declared", "evidence", "after", "payout", "risk",
    "target", "sets", "judged",
];
const AMENDMENT_KEYWORDS: &[&str] = &["effective", "decision", "change", "withdraw", "add", "rule"];

/// Completion items at byte `offset` of `text`, with the index of the
/// file that declares the names (the file itself; for facts, their plan).
pub fn complete(text: &str, offset: usize, index: &Index) -> Vec<CompletionItem> {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset = offset.saturating_sub(1);
    }
    let before = text.get(..offset).unwrap_or("");
    let line_start = before.rfind('\n').map_or(0, |i| i.saturating_add(1));
    let block = enclosing(before.get(..line_start).unwrap_or(""));
    let prefix = blank_strings(before.get(line_start..).unwrap_or(""));
    if prefix.contains("//") {
        return Vec::new();
    }
    let mut words: Vec<&str> = prefix.split_whitespace().collect();
    // The word being typed is not context; the client filters by it.
    if !prefix.ends_with(char::is_whitespace) {
        words.pop();
    }
    let c = Completer { index };
    match block {
        Block::Outside => keywords(&["plan", "rules", "facts"]),
        Block::Plan => c.plan_line(&words),
        Block::Key => match words.as_slice() {
            [] => c.names(Kind::Party).chain_keywords(&["declared"]),
            _ => Vec::new(),
        },
        Block::Component => match words.as_slice() {
            [] => keywords(&["milestone"]),
            _ => Vec::new(),
        },
        Block::Milestone => c.milestone_line(&words),
        Block::Amendment => match words.as_slice() {
            [] => keywords(AMENDMENT_KEYWORDS),
            ["change"] | ["withdraw", ..] => c.names(Kind::Milestone),
            ["change", _] => keywords(MILESTONE_KEYWORDS),
            ["rule", ..] => clause_kinds(),
            _ => Vec::new(),
        },
        Block::Rules => match words.as_slice() {
            [] => keywords(&["clause"]),
            ["clause", _] => clause_kinds(),
            ["clause", _, kind, ..] if takes_roles(kind) => roles(),
            _ => Vec::new(),
        },
        Block::Facts => c.fact_line(&words),
        Block::Other => Vec::new(),
    }
}

fn takes_roles(kind: &str) -> bool {
    matches!(
        kind,
        "assessors" | "payment" | "partial-payout" | "postponement"
    )
}

struct Completer<'a> {
    index: &'a Index,
}

impl Completer<'_> {
    fn names(&self, kind: Kind) -> Vec<CompletionItem> {
        self.index
            .declared(kind)
            .map(|o| CompletionItem {
                label: o.name.clone(),
                kind: Some(match kind {
                    Kind::Milestone => CompletionItemKind::CONSTANT,
                    Kind::Key => CompletionItemKind::STRUCT,
                    Kind::Stream => CompletionItemKind::ENUM,
                    Kind::Metric | Kind::Document => CompletionItemKind::FIELD,
                    _ => CompletionItemKind::VARIABLE,
                }),
                detail: Some(kind.label()),
                ..Default::default()
            })
            .collect()
    }

    fn plan_line(&self, words: &[&str]) -> Vec<CompletionItem> {
        match words {
            [] => keywords(PLAN_KEYWORDS),
            ["default"] => keywords(&["payout", "risk"]),
            ["default", rest @ ..] => self.milestone_line(rest),
            ["rules"] => crate::builtin::RULE_SETS
                .iter()
                .map(|(name, _, _)| keyword_item(name, CompletionItemKind::MODULE))
                .collect(),
            ["party", _, _, ..] => {
                let mut items = roles();
                items.extend(keywords(&["ref"]));
                items
            }
            ["stream", _, _] => keywords(&["paid-by"]),
            ["stream", _, _, "paid-by"] => self.names(Kind::Party),
            ["key", _, _] => keywords(&["="]),
            ["key", _, _, "="] => self.names(Kind::Key),
            ["key", _, _, "=", _] => keywords(&["only"]),
            ["key", _, _, "=", _, "only", ..] => self.names(Kind::Party),
            ["metric", _, _] => keywords(&["count", "level"]),
            ["declared"] => keywords(&["by", "total", "effort-share"]),
            ["declared", "by"] => self.names(Kind::Document),
            ["declared", "by", _] => keywords(&["total", "effort-share"]),
            ["split"] => keywords(&["same-ratio"]),
            [first, ..] if *first == "declared" && words.contains(&"{") => self.after_brace(words),
            _ => Vec::new(),
        }
    }

    fn milestone_line(&self, words: &[&str]) -> Vec<CompletionItem> {
        match words {
            [] => keywords(MILESTONE_KEYWORDS),
            ["payout"] | ["risk"] => self.names(Kind::Stream),
            ["payout", _] => keywords(&["to"]),
            ["risk", _] => keywords(&["by"]),
            ["payout", _, "to"] => {
                let mut items = self.names(Kind::Party);
                items.extend(self.names(Kind::Key));
                items
            }
            ["risk", _, "by"] => self.names(Kind::Key),
            ["after", ..] => self.names(Kind::Milestone),
            ["declared"] => keywords(&["by"]),
            ["declared", "by"] => self.names(Kind::Document),
            ["target"] => keywords(&["count", "share", "level"]),
            ["target", "count" | "share" | "level"] => self.names(Kind::Metric),
            ["target", "share", _] => keywords(&["of"]),
            ["target", "share", _, "of"] => self.names(Kind::Metric),
            ["target", "level", .., "baseline"] => self.names(Kind::Milestone),
            ["sets"] => keywords(&["baseline"]),
            ["sets", "baseline"] => self.names(Kind::Metric),
            ["sets", "baseline", _] => keywords(&["at"]),
            ["amount" | "declared", ..] if words.contains(&"{") => self.after_brace(words),
            _ => Vec::new(),
        }
    }

    /// Inside `{ iza € 1, spuk € 2 }`: a stream after `{` or `,`.
    fn after_brace(&self, words: &[&str]) -> Vec<CompletionItem> {
        match words.last() {
            Some(w) if w.ends_with('{') || w.ends_with(',') => self.names(Kind::Stream),
            _ => Vec::new(),
        }
    }

    /// A facts file's names are the plan's: `self.index` is the plan's
    /// index there (empty when the plan is not found).
    fn fact_line(&self, words: &[&str]) -> Vec<CompletionItem> {
        let by = |w: &&str| *w == "by" || w.ends_with(',');
        match words {
            [] => keywords(&["evaluate"]),
            [_date] => crate::lower::facts::FORMS
                .iter()
                .map(|(verb, form)| CompletionItem {
                    label: (*verb).to_string(),
                    kind: Some(CompletionItemKind::KEYWORD),
                    detail: Some((*form).to_string()),
                    ..Default::default()
                })
                .collect(),
            [_, "evidence" | "assessed" | "decided" | "postponed"] => self.names(Kind::Milestone),
            [_, "measured" | "counted"] => self.names(Kind::Metric),
            [_, "advance" | "paid" | "repaid"] => self.names(Kind::Stream),
            [_, "paid", _] => keywords(&["for"]),
            [_, "paid", _, "for"] => self.names(Kind::Milestone),
            [_, "evidence", _] => keywords(&["submitted"]),
            [_, "assessed", _] => keywords(&["achieved", "not-achieved"]),
            [_, "decided", _] => keywords(&["partial"]),
            [_, "postponed", _] => keywords(&["until"]),
            [_, "administration"] => keywords(&["compliant", "non-compliant"]),
            [_, _, ..] if words.last().is_some_and(by) => self.names(Kind::Party),
            _ => Vec::new(),
        }
    }
}

trait Chain {
    fn chain_keywords(self, words: &[&str]) -> Vec<CompletionItem>;
}

impl Chain for Vec<CompletionItem> {
    fn chain_keywords(mut self, words: &[&str]) -> Vec<CompletionItem> {
        self.extend(keywords(words));
        self
    }
}

fn keyword_item(word: &str, kind: CompletionItemKind) -> CompletionItem {
    CompletionItem {
        label: word.to_string(),
        kind: Some(kind),
        ..Default::default()
    }
}

fn keywords(words: &[&str]) -> Vec<CompletionItem> {
    words
        .iter()
        .map(|w| keyword_item(w, CompletionItemKind::KEYWORD))
        .collect()
}

fn roles() -> Vec<CompletionItem> {
    Role::ALL
        .iter()
        .map(|(name, _)| keyword_item(name, CompletionItemKind::ENUM_MEMBER))
        .collect()
}

fn clause_kinds() -> Vec<CompletionItem> {
    Keyword::ALL
        .iter()
        .map(|(k, word, form)| CompletionItem {
            label: (*word).to_string(),
            kind: Some(CompletionItemKind::KEYWORD),
            detail: Some((*form).to_string()),
            documentation: Some(lsp_types::Documentation::String(
                super::hover::keyword_meaning(k.as_str()).unwrap_or_default(),
            )),
            ..Default::default()
        })
        .collect()
}

/// A line with its string literals replaced by `"_"` (so a title with
/// spaces is one word).
fn blank_strings(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut in_string = false;
    let mut escaped = false;
    for c in line.chars() {
        if in_string {
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_string = false;
                out.push_str("_\"");
            }
            continue;
        }
        if c == '"' {
            in_string = true;
        }
        out.push(c);
    }
    if in_string {
        out.push('_');
    }
    out
}

/// The block the text before the cursor's line leaves open.
fn enclosing(text: &str) -> Block {
    let mut stack: Vec<Block> = Vec::new();
    for line in text.lines() {
        let line = blank_strings(line);
        let code = line.split("//").next().unwrap_or("");
        let first = code.split_whitespace().next().unwrap_or("");
        for c in code.chars() {
            match c {
                '{' => stack.push(match (stack.last(), first) {
                    (None, "plan") => Block::Plan,
                    (None, "rules") => Block::Rules,
                    (None, "facts") => Block::Facts,
                    (Some(Block::Plan), "key") => Block::Key,
                    (Some(Block::Plan), "component") => Block::Component,
                    (Some(Block::Plan), "amendment") => Block::Amendment,
                    (Some(Block::Component), "milestone") => Block::Milestone,
                    (Some(Block::Amendment), "add") => Block::Milestone,
                    _ => Block::Other,
                }),
                '}' => {
                    stack.pop();
                }
                _ => {}
            }
        }
    }
    stack.last().copied().unwrap_or(Block::Outside)
}
