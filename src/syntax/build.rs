//! pest pairs → [`ast`] nodes.
//!
//! The grammar guarantees the shape of each pair; where the code still has to
//! ask for a child it goes through [`Children::need`], which reports an
//! internal diagnostic rather than panicking should grammar and builder ever
//! disagree.

use pest::iterators::{Pair, Pairs};

use super::ast::*;
use super::Rule;
use crate::diagnostic::Diagnostic;
use crate::source::{FileId, Span};

pub(super) struct Builder<'s> {
    file: FileId,
    #[allow(dead_code)]
    text: &'s str,
    pub diagnostics: Vec<Diagnostic>,
}

type P<'i> = Pair<'i, Rule>;

fn span(p: &P) -> Span {
    Span::new(p.as_span().start(), p.as_span().end())
}

/// Missing child: grammar and builder disagree. Never caused by input alone.
struct Shape(Span);

struct Children<'i> {
    inner: std::iter::Peekable<Pairs<'i, Rule>>,
    parent: Span,
}

impl<'i> Children<'i> {
    fn of(p: P<'i>) -> Self {
        let parent = span(&p);
        Children {
            inner: p.into_inner().peekable(),
            parent,
        }
    }
    fn need(&mut self, rule: Rule) -> Result<P<'i>, Shape> {
        match self.inner.next() {
            Some(p) if p.as_rule() == rule => Ok(p),
            _ => Err(Shape(self.parent)),
        }
    }
    fn opt(&mut self, rule: Rule) -> Option<P<'i>> {
        if self.inner.peek().map(|p| p.as_rule()) == Some(rule) {
            self.inner.next()
        } else {
            None
        }
    }
    fn next_any(&mut self) -> Option<P<'i>> {
        self.inner.next()
    }
    fn rest(self) -> impl Iterator<Item = P<'i>> {
        self.inner
    }
}

fn ident(p: P) -> Ident {
    Ident {
        name: p.as_str().to_string(),
        span: span(&p),
    }
}

fn string(p: P) -> Str {
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

fn unescape(s: &str) -> String {
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
fn lit(p: P) -> Lit {
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
        }
    }

    pub fn file(&mut self, mut pairs: Pairs<Rule>) -> Option<File> {
        let file = pairs.next()?;
        let top = file
            .into_inner()
            .find(|p| matches!(p.as_rule(), Rule::plan | Rule::rules | Rule::facts))?;
        let result = match top.as_rule() {
            Rule::plan => self.plan(top).map(File::Plan),
            Rule::rules => self.rules(top).map(File::Rules),
            _ => self.facts(top).map(File::Facts),
        };
        match result {
            Ok(f) => Some(f),
            Err(Shape(sp)) => {
                self.diagnostics.push(
                    Diagnostic::error(
                        "S999",
                        "internal error: the parser produced an unexpected tree here",
                    )
                    .in_file(self.file)
                    .at(sp, "here")
                    .with_help("this is a bug in mijlpaal; please report it with this file"),
                );
                None
            }
        }
    }

    fn bad(&mut self, sp: Span, what: &str, help: &str) {
        self.diagnostics.push(
            Diagnostic::error("S005", format!("this line is not a valid {what}"))
                .in_file(self.file)
                .at(sp, "not understood")
                .with_help(help.to_string()),
        );
    }

    // ------------------------------------------------------------ plans

    fn plan(&mut self, p: P) -> Result<PlanAst, Shape> {
        let sp = span(&p);
        let mut c = Children::of(p);
        let id = ident(c.need(Rule::ident)?);
        let title = string(c.need(Rule::string)?);
        let mut items = Vec::new();
        for item in c.rest() {
            if item.as_rule() == Rule::block_end {
                continue;
            }
            items.push(self.plan_item(item)?);
        }
        Ok(PlanAst {
            id,
            title,
            items,
            span: sp,
        })
    }

    fn plan_item(&mut self, p: P) -> Result<PlanItem, Shape> {
        let sp = span(&p);
        let rule = p.as_rule();
        let mut c = Children::of(p);
        Ok(match rule {
            Rule::rules_ref => PlanItem::Rules {
                name: ident(c.need(Rule::ident)?),
                span: sp,
            },
            Rule::period => {
                let from = lit(c.need(Rule::date)?);
                let to = lit(c.need(Rule::date)?);
                PlanItem::Period { from, to, span: sp }
            }
            Rule::document => {
                let id = ident(c.need(Rule::ident)?);
                let title = string(c.need(Rule::string)?);
                let unit = c.opt(Rule::money).map(lit);
                PlanItem::Document {
                    id,
                    title,
                    unit,
                    span: sp,
                }
            }
            Rule::declared_total => {
                let by = c.opt(Rule::ident).map(ident);
                let total = lit(c.need(Rule::money)?);
                let split = c.opt(Rule::stream_split).map(stream_split).transpose()?;
                PlanItem::DeclaredTotal {
                    by,
                    total,
                    split,
                    span: sp,
                }
            }
            Rule::declared_effort_share => {
                let by = c.opt(Rule::ident).map(ident);
                let about = c.opt(Rule::about).is_some();
                let share = lit(c.need(Rule::percent)?);
                PlanItem::EffortShare {
                    by,
                    about,
                    share,
                    span: sp,
                }
            }
            Rule::same_ratio => PlanItem::SameRatio {
                within: c.opt(Rule::money).map(lit),
                span: sp,
            },
            Rule::party => {
                let id = ident(c.need(Rule::ident)?);
                let name = string(c.need(Rule::string)?);
                let mut roles = Vec::new();
                let mut reference = None;
                for r in c.rest() {
                    match r.as_rule() {
                        Rule::role => roles.push(ident(r)),
                        Rule::string => reference = Some(string(r)),
                        _ => {}
                    }
                }
                PlanItem::Party {
                    id,
                    name,
                    roles,
                    reference,
                    span: sp,
                }
            }
            Rule::stream => {
                let id = ident(c.need(Rule::ident)?);
                let name = string(c.need(Rule::string)?);
                let payer = ident(c.need(Rule::ident)?);
                PlanItem::Stream {
                    id,
                    name,
                    payer,
                    span: sp,
                }
            }
            Rule::key => PlanItem::Key(self.key(c, sp)?),
            Rule::key_subset => {
                let id = ident(c.need(Rule::ident)?);
                let title = c.opt(Rule::string).map(string);
                let parent = ident(c.need(Rule::ident)?);
                let members = c
                    .rest()
                    .filter(|m| m.as_rule() == Rule::ident)
                    .map(ident)
                    .collect();
                PlanItem::KeySubset {
                    id,
                    title,
                    parent,
                    members,
                    span: sp,
                }
            }
            Rule::metric => {
                let id = ident(c.need(Rule::ident)?);
                let title = string(c.need(Rule::string)?);
                let kind = ident(c.need(Rule::metric_kind)?);
                PlanItem::Metric {
                    id,
                    title,
                    kind,
                    span: sp,
                }
            }
            Rule::default_payout => {
                let stream = ident(c.need(Rule::ident)?);
                let to = ident(c.need(Rule::ident)?);
                PlanItem::DefaultPayout {
                    stream,
                    to,
                    span: sp,
                }
            }
            Rule::default_risk => {
                let stream = ident(c.need(Rule::ident)?);
                let key = ident(c.need(Rule::ident)?);
                PlanItem::DefaultRisk {
                    stream,
                    key,
                    span: sp,
                }
            }
            Rule::component => PlanItem::Component(self.component(c, sp)?),
            Rule::amendment => PlanItem::Amendment(self.amendment(c, sp)?),
            _ => {
                self.bad(
                    sp,
                    "plan statement",
                    "a plan holds: rules, period, document, declared, split, party, stream, key, metric, default, component",
                );
                PlanItem::Bad(sp)
            }
        })
    }

    fn key(&mut self, mut c: Children, sp: Span) -> Result<KeyAst, Shape> {
        let id = ident(c.need(Rule::ident)?);
        let title = string(c.need(Rule::string)?);
        let mut members = Vec::new();
        let mut total: Option<KeyTotalAst> = None;
        let mut extra_totals = Vec::new();
        let mut bad = Vec::new();
        for item in c.rest() {
            let isp = span(&item);
            match item.as_rule() {
                Rule::key_member => {
                    let mut m = Children::of(item);
                    let party = ident(m.need(Rule::ident)?);
                    let weight = lit(m.need(Rule::number)?);
                    let declared = m.opt(Rule::percent).map(lit);
                    members.push(KeyMemberAst {
                        party,
                        weight,
                        declared,
                        span: isp,
                    });
                }
                Rule::key_total => {
                    let mut m = Children::of(item);
                    let t = lit(m.need(Rule::number)?);
                    let declared = m.opt(Rule::percent).map(lit);
                    if total.is_some() {
                        extra_totals.push(isp);
                    } else {
                        total = Some(KeyTotalAst {
                            total: t,
                            declared,
                            span: isp,
                        });
                    }
                }
                Rule::block_end => {}
                _ => {
                    self.bad(
                        isp,
                        "key member",
                        "write one member per line as `party 74.776 declared 11,63%`, and the total as `declared total 654.153`",
                    );
                    bad.push(isp);
                }
            }
        }
        Ok(KeyAst {
            id,
            title,
            members,
            total,
            extra_totals,
            bad,
            span: sp,
        })
    }

    fn component(&mut self, mut c: Children, sp: Span) -> Result<ComponentAst, Shape> {
        let number = lit(c.need(Rule::number)?);
        let name = string(c.need(Rule::string)?);
        let mut milestones = Vec::new();
        let mut bad = Vec::new();
        for item in c.rest() {
            match item.as_rule() {
                Rule::milestone => milestones.push(self.milestone(item)?),
                Rule::block_end => {}
                _ => {
                    let isp = span(&item);
                    self.bad(
                        isp,
                        "milestone",
                        "a component holds milestones: `milestone 14 \"text\" {` ... `}`",
                    );
                    bad.push(isp);
                }
            }
        }
        Ok(ComponentAst {
            number,
            name,
            milestones,
            bad,
            span: sp,
        })
    }

    fn milestone(&mut self, p: P) -> Result<MilestoneAst, Shape> {
        let sp = span(&p);
        let mut c = Children::of(p);
        let number = lit(c.need(Rule::number)?);
        let text = string(c.need(Rule::string)?);
        let mut items = Vec::new();
        for item in c.rest() {
            if item.as_rule() == Rule::block_end {
                continue;
            }
            items.push(self.milestone_item(item)?);
        }
        Ok(MilestoneAst {
            number,
            text,
            items,
            span: sp,
        })
    }

    fn milestone_item(&mut self, p: P) -> Result<MilestoneItem, Shape> {
        let sp = span(&p);
        let rule = p.as_rule();
        let is_result = p.as_str().trim_start().starts_with("result");
        let mut c = Children::of(p);
        Ok(match rule {
            Rule::obligation => MilestoneItem::Obligation {
                result: is_result,
                span: sp,
            },
            Rule::due => MilestoneItem::Due {
                date: lit(c.need(Rule::date)?),
                span: sp,
            },
            Rule::amount => {
                let total = lit(c.need(Rule::money)?);
                let split = c.opt(Rule::stream_split).map(stream_split).transpose()?;
                MilestoneItem::Amount {
                    total,
                    split,
                    span: sp,
                }
            }
            Rule::declared_amount => {
                let by = ident(c.need(Rule::ident)?);
                let total = lit(c.need(Rule::money)?);
                let split = c.opt(Rule::stream_split).map(stream_split).transpose()?;
                MilestoneItem::Declared {
                    by,
                    total,
                    split,
                    span: sp,
                }
            }
            Rule::evidence => MilestoneItem::Evidence {
                text: string(c.need(Rule::string)?),
                span: sp,
            },
            Rule::after => MilestoneItem::After {
                numbers: c.rest().map(lit).collect(),
                span: sp,
            },
            Rule::payout => {
                let stream = ident(c.need(Rule::ident)?);
                let to = ident(c.need(Rule::ident)?);
                MilestoneItem::Payout {
                    stream,
                    to,
                    span: sp,
                }
            }
            Rule::risk => {
                let stream = ident(c.need(Rule::ident)?);
                let key = ident(c.need(Rule::ident)?);
                MilestoneItem::Risk {
                    stream,
                    key,
                    span: sp,
                }
            }
            Rule::sets_baseline => {
                let metric = ident(c.need(Rule::ident)?);
                let at = lit(c.need(Rule::date)?);
                MilestoneItem::SetsBaseline {
                    metric,
                    at,
                    span: sp,
                }
            }
            Rule::judged => MilestoneItem::Judged {
                by: string(c.need(Rule::string)?),
                span: sp,
            },
            Rule::target => {
                let inner = c.next_any().ok_or(Shape(sp))?;
                MilestoneItem::Target {
                    target: target(inner)?,
                    span: sp,
                }
            }
            _ => {
                self.bad(
                    sp,
                    "milestone statement",
                    "a milestone holds: effort|result, due, amount, declared by, evidence, after, payout, risk, target, sets baseline, judged",
                );
                MilestoneItem::Bad(sp)
            }
        })
    }

    fn amendment(&mut self, mut c: Children, sp: Span) -> Result<AmendmentAst, Shape> {
        let id = ident(c.need(Rule::ident)?);
        let title = string(c.need(Rule::string)?);
        let mut items = Vec::new();
        for item in c.rest() {
            let isp = span(&item);
            let rule = item.as_rule();
            let mut a = Children::of(item);
            items.push(match rule {
                Rule::effective => AmendmentItem::Effective { date: lit(a.need(Rule::date)?), span: isp },
                Rule::decision => AmendmentItem::Decision { text: string(a.need(Rule::string)?), span: isp },
                Rule::change => {
                    let milestone = lit(a.need(Rule::number)?);
                    let stmt = a.next_any().ok_or(Shape(isp))?;
                    let item = self.milestone_item(stmt)?;
                    AmendmentItem::Change { milestone, item, span: isp }
                }
                Rule::withdraw => AmendmentItem::Withdraw { milestones: a.rest().map(lit).collect(), span: isp },
                Rule::add_milestone => {
                    let component = lit(a.need(Rule::number)?);
                    let milestone = self.milestone(a.need(Rule::milestone)?)?;
                    AmendmentItem::Add { component, milestone, span: isp }
                }
                Rule::rule_change => {
                    let kind = ident(a.need(Rule::clause_kind)?);
                    let args = a.rest().map(token).collect::<Result<_, _>>()?;
                    AmendmentItem::Rule { kind, args, span: isp }
                }
                Rule::block_end => continue,
                _ => {
                    self.bad(isp, "amendment statement", "an amendment holds: effective, decision, change N ..., withdraw N, add to component N milestone ..., rule KIND ...");
                    AmendmentItem::Bad(isp)
                }
            });
        }
        Ok(AmendmentAst {
            id,
            title,
            items,
            span: sp,
        })
    }

    // ------------------------------------------------------------ rules

    fn rules(&mut self, p: P) -> Result<RulesAst, Shape> {
        let sp = span(&p);
        let mut c = Children::of(p);
        let id = ident(c.need(Rule::ident)?);
        let title = string(c.need(Rule::string)?);
        let mut clauses = Vec::new();
        let mut bad = Vec::new();
        for item in c.rest() {
            let isp = span(&item);
            match item.as_rule() {
                Rule::clause => {
                    let mut cc = Children::of(item);
                    let citation = string(cc.need(Rule::string)?);
                    let kind = ident(cc.need(Rule::clause_kind)?);
                    let args = cc.rest().map(token).collect::<Result<_, _>>()?;
                    clauses.push(ClauseAst {
                        citation,
                        kind,
                        args,
                        span: isp,
                    });
                }
                Rule::block_end => {}
                _ => {
                    self.bad(isp, "clause", "write `clause \"art. 3.2.2\" KIND ARGS...`; see docs/language.md for the kinds");
                    bad.push(isp);
                }
            }
        }
        Ok(RulesAst {
            id,
            title,
            clauses,
            bad,
            span: sp,
        })
    }

    // ------------------------------------------------------------ facts

    fn facts(&mut self, p: P) -> Result<FactsAst, Shape> {
        let sp = span(&p);
        let mut c = Children::of(p);
        let plan = ident(c.need(Rule::ident)?);
        let mut facts = Vec::new();
        let mut bad = Vec::new();
        let mut evaluate_at = Vec::new();
        for item in c.rest() {
            let isp = span(&item);
            match item.as_rule() {
                Rule::evaluate_at => evaluate_at.extend(item.into_inner().map(lit)),
                Rule::fact => {
                    let mut fc = Children::of(item);
                    let date = lit(fc.need(Rule::date)?);
                    let verb = ident(fc.need(Rule::fact_verb)?);
                    let args = fc.rest().map(token).collect::<Result<_, _>>()?;
                    facts.push(FactAst {
                        date,
                        verb,
                        args,
                        span: isp,
                    });
                }
                Rule::block_end => {}
                _ => {
                    self.bad(isp, "fact", "every fact starts with its date: `2026-01-10 assessed 14 achieved by menzis`");
                    bad.push(isp);
                }
            }
        }
        Ok(FactsAst {
            plan,
            facts,
            evaluate_at,
            bad,
            span: sp,
        })
    }
}

fn stream_split(p: P) -> Result<Vec<StreamAmount>, Shape> {
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

fn target(p: P) -> Result<TargetAst, Shape> {
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

fn token(p: P) -> Result<Token, Shape> {
    let sp = span(&p);
    Ok(match p.as_rule() {
        Rule::ident => Token::Ident(ident(p)),
        Rule::string => Token::Str(string(p)),
        Rule::range => {
            let mut c = Children::of(p);
            let a = lit(c.need(Rule::date)?);
            let b = lit(c.need(Rule::date)?);
            Token::Range(a, b, sp)
        }
        _ => Token::Lit(lit(p)),
    })
}
