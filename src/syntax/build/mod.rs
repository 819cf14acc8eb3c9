//! pest pairs → [`ast`] nodes: the shared machinery here, plans and
//! amendments in `plan`, rule sets and facts in `files`.
//!
//! The grammar guarantees the shape of each pair; where the code still has to
//! ask for a child it goes through [`Children::need`], which reports an
//! internal diagnostic rather than panicking should grammar and builder ever
//! disagree.

use pest::iterators::{Pair, Pairs};

mod files;
mod plan;

pub(super) use files::FactsBody;

use super::ast::*;
use super::Rule;
use crate::diagnostic::Diagnostic;
use crate::source::{FileId, Span};

pub(super) struct Builder<'s> {
    pub(super) file: FileId,
    #[allow(dead_code)]
    text: &'s str,
    pub diagnostics: Vec<Diagnostic>,
    /// Where each item of the plan built starts, in order (`syntax::pieces`
    /// puts the items it parsed separately between them).
    pub item_starts: Vec<usize>,
}

pub(super) type P<'i> = Pair<'i, Rule>;

thread_local! {
    /// Where the text pest reads starts in the file: 0 for a whole file,
    /// the piece's start when `syntax::pieces` parses one piece of it.
    static BASE: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
    /// For the outline `syntax::pieces` parses: where a piece was cut out
    /// (a position in the outline) and the bytes cut up to and with it.
    static CUTS: std::cell::RefCell<Vec<(usize, usize)>> = const { std::cell::RefCell::new(Vec::new()) };
    /// Whether `CUTS` holds any (one look instead of a borrow per position).
    static ANY_CUTS: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// While alive, the spans built are of a piece that starts at `base`, or
/// of an outline with pieces cut out (`cuts`: outline position, bytes cut
/// up to and with it, ascending).
pub(super) struct Based(());

impl Based {
    pub(super) fn at(base: usize) -> Self {
        BASE.with(|b| b.set(base));
        Based(())
    }
    pub(super) fn cut(cuts: Vec<(usize, usize)>) -> Self {
        ANY_CUTS.with(|a| a.set(!cuts.is_empty()));
        CUTS.with(|c| *c.borrow_mut() = cuts);
        Based(())
    }
}

impl Drop for Based {
    fn drop(&mut self) {
        BASE.with(|b| b.set(0));
        ANY_CUTS.with(|a| a.set(false));
        CUTS.with(|c| c.borrow_mut().clear());
    }
}

/// A position pest reports, as a position in the file.
fn in_file(pos: usize) -> usize {
    let base = BASE.with(std::cell::Cell::get);
    if !ANY_CUTS.with(std::cell::Cell::get) {
        return base.saturating_add(pos);
    }
    let shift = CUTS.with(|c| {
        let cuts = c.borrow();
        match cuts.partition_point(|(at, _)| *at <= pos) {
            0 => 0,
            n => cuts.get(n.saturating_sub(1)).map_or(0, |(_, cut)| *cut),
        }
    });
    base.saturating_add(pos).saturating_add(shift)
}

pub(super) fn span(p: &P) -> Span {
    let s = p.as_span();
    Span::new(in_file(s.start()), in_file(s.end()))
}

/// Missing child: grammar and builder disagree. Never caused by input alone.
pub(super) struct Shape(pub(super) Span);

pub(super) struct Children<'i> {
    inner: std::iter::Peekable<Pairs<'i, Rule>>,
    parent: Span,
}

impl<'i> Children<'i> {
    pub(super) fn of(p: P<'i>) -> Self {
        let parent = span(&p);
        Children {
            inner: p.into_inner().peekable(),
            parent,
        }
    }
    pub(super) fn need(&mut self, rule: Rule) -> Result<P<'i>, Shape> {
        match self.inner.next() {
            Some(p) if p.as_rule() == rule => Ok(p),
            _ => Err(Shape(self.parent)),
        }
    }
    pub(super) fn opt(&mut self, rule: Rule) -> Option<P<'i>> {
        if self.inner.peek().map(|p| p.as_rule()) == Some(rule) {
            self.inner.next()
        } else {
            None
        }
    }
    pub(super) fn next_any(&mut self) -> Option<P<'i>> {
        self.inner.next()
    }
    pub(super) fn rest(self) -> impl ExactSizeIterator<Item = P<'i>> {
        self.inner
    }
}

pub(super) fn ident(p: P) -> Ident {
    Ident {
        name: p.as_str().to_string(),
        span: span(&p),
    }
}

pub(super) fn string(p: P) -> Str {
    let raw = p.as_str();
    let body = raw
        .strip_prefix('"')
        .and_then(|r| r.strip_suffix('"'))
        .unwrap_or(raw);
    Str {
        value: unescape(body),
        span: span(&p),
    }
}

pub(super) fn unescape(s: &str) -> String {
    // Most strings have no escape: copied at once, not a character at a time.
    if !s.contains('\\') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some('"') => out.push('"'),
                Some('\\') => out.push('\\'),
                Some(other) => {
                    out.push('\\');
                    out.push(other);
                }
                None => out.push('\\'),
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// A literal pair of any numeric kind; `text` is its numeric part.
pub(super) fn lit(p: P) -> Lit {
    let sp = span(&p);
    let kind = match p.as_rule() {
        Rule::date => LitKind::Date,
        Rule::percent => LitKind::Percent,
        Rule::money => LitKind::Money,
        Rule::money_suffix => LitKind::MoneySuffix,
        Rule::op => LitKind::Op,
        Rule::sign => LitKind::Sign,
        _ => LitKind::Number,
    };
    let text = match kind {
        LitKind::Percent | LitKind::Money | LitKind::MoneySuffix => {
            first_number(p.clone()).unwrap_or_else(|| p.as_str().to_string())
        }
        _ => p.as_str().to_string(),
    };
    let kind =
        if kind == LitKind::Money && p.into_inner().any(|c| c.as_rule() == Rule::money_suffix) {
            LitKind::MoneySuffix
        } else {
            kind
        };
    Lit {
        kind,
        text,
        span: sp,
    }
}

fn first_number(p: P) -> Option<String> {
    p.into_inner()
        .flatten()
        .find(|c| c.as_rule() == Rule::number)
        .map(|c| c.as_str().to_string())
}

impl<'s> Builder<'s> {
    pub fn new(file: FileId, text: &'s str) -> Self {
        Builder {
            file,
            text,
            diagnostics: Vec::new(),
            item_starts: Vec::new(),
        }
    }

    /// One item of a plan parsed on its own (`Rule::plan_piece`).
    pub fn plan_piece(&mut self, mut pairs: Pairs<Rule>) -> Option<PlanItem> {
        let item = pairs.next()?.into_inner().next()?;
        self.plan_item(item).ok()
    }

    pub fn file(&mut self, mut pairs: Pairs<Rule>) -> Option<File> {
        let file = pairs.next()?;
        let top = file.into_inner().find(|p| {
            matches!(
                p.as_rule(),
                Rule::plan | Rule::rules | Rule::facts | Rule::criteria
            )
        })?;
        let result = match top.as_rule() {
            Rule::plan => self.plan(top).map(File::Plan),
            Rule::rules => self.rules(top).map(File::Rules),
            Rule::criteria => self.criteria(top).map(File::Criteria),
            _ => self.facts(top).map(File::Facts),
        };
        match result {
            Ok(f) => Some(f),
            Err(Shape(sp)) => {
                self.diagnostics.push(
                    Diagnostic::error("S999", crate::tr!("s999-message"))
                        .in_file(self.file)
                        .at(sp, crate::tr!("syntax-label-here"))
                        .with_help(crate::tr!("s999-help")),
                );
                None
            }
        }
    }

    pub(super) fn bad(&mut self, sp: Span, what: &str, help: &str) {
        self.diagnostics.push(
            Diagnostic::error("S005", crate::tr!("s005-message", what = what))
                .in_file(self.file)
                .at(sp, crate::tr!("s005-label"))
                .with_help(help.to_string()),
        );
    }
}

pub(super) fn stream_split(p: P) -> Result<Vec<StreamAmount>, Shape> {
    let mut out = Vec::new();
    for sa in p.into_inner() {
        let mut c = Children::of(sa);
        let stream = ident(c.need(Rule::ident)?);
        let amount = lit(c.need(Rule::money)?);
        out.push(StreamAmount { stream, amount });
    }
    Ok(out)
}

fn window(p: Option<P>) -> WindowAst {
    let mut w = WindowAst::default();
    let Some(p) = p else { return w };
    let text = p.as_str();
    let dates: Vec<Lit> = p.into_inner().map(lit).collect();
    // `from` comes before `to` in the grammar; with one date, the text says which.
    match dates.as_slice() {
        [a, b] => {
            w.from = Some(a.clone());
            w.to = Some(b.clone());
        }
        [a] if text.trim_start().starts_with("from") => w.from = Some(a.clone()),
        [a] => w.to = Some(a.clone()),
        _ => {}
    }
    w
}

pub(super) fn target(p: P) -> Result<TargetAst, Shape> {
    let sp = span(&p);
    let rule = p.as_rule();
    let mut c = Children::of(p);
    Ok(match rule {
        Rule::target_count => {
            let metric = ident(c.need(Rule::ident)?);
            let window = window(c.opt(Rule::window));
            let op = lit(c.need(Rule::op)?);
            let value = lit(c.next_any().ok_or(Shape(sp))?);
            TargetAst::Count {
                metric,
                window,
                op,
                value,
            }
        }
        Rule::target_share => {
            let numerator = ident(c.need(Rule::ident)?);
            let denominator = ident(c.need(Rule::ident)?);
            let window = window(c.opt(Rule::window));
            let op = lit(c.need(Rule::op)?);
            let value = lit(c.next_any().ok_or(Shape(sp))?);
            TargetAst::Share {
                numerator,
                denominator,
                window,
                op,
                value,
            }
        }
        Rule::target_level => {
            let metric = ident(c.need(Rule::ident)?);
            let at = lit(c.need(Rule::date)?);
            let op = lit(c.need(Rule::op)?);
            let rhs = c.next_any().ok_or(Shape(sp))?;
            let rhs = if rhs.as_rule() == Rule::baseline_ref {
                let bsp = span(&rhs);
                let mut b = Children::of(rhs);
                let milestone = lit(b.need(Rule::number)?);
                let delta = match b.opt(Rule::sign) {
                    Some(s) => Some((lit(s), lit(b.next_any().ok_or(Shape(bsp))?))),
                    None => None,
                };
                LevelRhsAst::Baseline {
                    milestone,
                    delta,
                    span: bsp,
                }
            } else {
                LevelRhsAst::Number(lit(rhs))
            };
            TargetAst::Level {
                metric,
                at,
                op,
                rhs,
            }
        }
        _ => return Err(Shape(sp)),
    })
}

pub(super) fn token(p: P) -> Result<Token, Shape> {
    let sp = span(&p);
    Ok(match p.as_rule() {
        Rule::ident => Token::Ident(ident(p)),
        Rule::string => Token::Str(string(p)),
        Rule::range => {
            let mut c = Children::of(p);
            let a = lit(c.need(Rule::date)?);
            let b = lit(c.need(Rule::date)?);
            Token::Range(Box::new((a, b)), sp)
        }
        Rule::names => Token::Names(p.into_inner().map(ident).collect(), sp),
        _ => Token::Lit(lit(p)),
    })
}
