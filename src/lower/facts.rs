//! Lowering of facts files against the plan they describe: every fact has
//! one fixed form ([`FORMS`]), and every name it uses must exist in the plan.

use std::collections::HashMap;

use crate::diagnostic::Diagnostic;
use crate::model::*;
use crate::source::{FileId, Span};
use crate::syntax::ast::{self, Ident, Lit, LitKind, Token};

use super::names::{closest, help_for, help_for_fixed};
use super::Ctx;

/// Every fact verb with the form of the words after it.
pub const FORMS: &[(&str, &str)] = &[
    (
        "administration",
        "DATE administration compliant|non-compliant",
    ),
    ("measured", "DATE measured METRIC VALUE at DATE"),
    ("counted", "DATE counted METRIC FROM .. TO = VALUE"),
    ("evidence", "DATE evidence MILESTONE submitted [\"note\"]"),
    (
        "assessed",
        "DATE assessed MILESTONE achieved|not-achieved by PARTY",
    ),
    (
        "decided",
        "DATE decided MILESTONE partial PERCENT|AMOUNT by PARTY[, PARTY...]",
    ),
    (
        "postponed",
        "DATE postponed MILESTONE until DATE [by PARTY[, PARTY...]]",
    ),
    ("advance", "DATE advance STREAM AMOUNT received by PARTY"),
    ("paid", "DATE paid STREAM for MILESTONE AMOUNT"),
    ("repaid", "DATE repaid STREAM AMOUNT by PARTY"),
    ("dissolved", "DATE dissolved \"reason\""),
    ("submitted", "DATE submitted"),
];

pub fn lower_facts(ast: &ast::FactsAst, file: FileId, plan: &Plan) -> (Facts, Vec<Diagnostic>) {
    let mut ctx = Ctx::new(file);
    if ast.plan.name != plan.id.as_str() {
        ctx.error(
            "L018",
            ast.plan.span,
            crate::tr!("l018-message", facts_plan = ast.plan.name, plan = plan.id),
            crate::tr!("l018-label"),
            crate::tr!("l018-help", plan = plan.id),
        );
    }
    let evaluate_at = ast.evaluate_at.iter().filter_map(|d| ctx.date(d)).collect();
    let known = Known {
        added: added_milestones(plan),
        parties: plan
            .parties
            .iter()
            .map(|p| (p.id.as_str(), &p.id))
            .collect(),
    };
    // Room for every fact at once: the facts of a national plan are
    // hundreds of thousands, and growing by doubling leaves up to half unused.
    let mut facts = Vec::with_capacity(ast.facts.len());
    // One vector for every fact's view of its words, not one each.
    let mut args = Vec::new();
    for f in &ast.facts {
        if let Some(fact) = fact(&mut ctx, plan, &known, f, &mut args) {
            facts.push(fact);
        }
    }
    (
        Facts {
            file,
            plan: ast.plan.name.clone(),
            facts,
            evaluate_at,
            span: ast.span,
        },
        ctx.diagnostics,
    )
}

/// A view of a fact's words for matching against its form.
#[derive(Clone, Copy)]
enum W<'a> {
    Word(&'a Ident),
    Lit(&'a Lit),
    Str(&'a ast::Str),
    Range(&'a Lit, &'a Lit),
    Names(&'a [Ident]),
}

fn view(t: &Token) -> W<'_> {
    match t {
        Token::Ident(i) => W::Word(i),
        Token::Lit(l) => W::Lit(l),
        Token::Str(s) => W::Str(s),
        Token::Range(range, _) => W::Range(&range.0, &range.1),
        Token::Names(names, _) => W::Names(names),
    }
}

fn is(w: &W, word: &str) -> bool {
    matches!(w, W::Word(i) if i.name == word)
}

/// Milestones added by amendments: the first amendment (by effective
/// date) that adds each, with that date.
type Added<'a> = HashMap<MilestoneNo, (&'a str, chrono::NaiveDate)>;

/// What the facts are checked against besides the plan, looked up once.
struct Known<'a> {
    added: Added<'a>,
    /// The plan's parties by name: a fact names one or more, and a
    /// national plan has hundreds. A fact's id shares the plan's text.
    parties: HashMap<&'a str, &'a PartyId>,
}

fn added_milestones(plan: &Plan) -> Added<'_> {
    let mut added: Added = HashMap::new();
    for a in &plan.amendments {
        for e in &a.edits {
            if let AmendmentEdit::Add { milestone, .. } = e {
                let entry = added
                    .entry(milestone.number)
                    .or_insert((a.id.as_str(), a.effective));
                if a.effective < entry.1 {
                    *entry = (a.id.as_str(), a.effective);
                }
            }
        }
    }
    added
}

fn fact<'a>(
    ctx: &mut Ctx,
    plan: &Plan,
    known: &Known,
    f: &'a ast::FactAst,
    args: &mut Vec<W<'a>>,
) -> Option<Fact> {
    let date = ctx.date(&f.date);
    let verb = f.verb.name.as_str();
    let Some((_, form)) = FORMS.iter().find(|(v, _)| *v == verb) else {
        ctx.unknown(
            "L012",
            f.verb.span,
            crate::tr!("l012-fact-message", verb = verb),
            crate::tr!("l012-fact-label"),
            help_for_fixed("kinds of fact", verb, FORMS.iter().map(|(v, _)| *v)),
            closest(verb, FORMS.iter().map(|(v, _)| *v)),
        );
        return None;
    };
    args.clear();
    args.extend(f.args.iter().map(view));
    let added = &known.added;
    let before = ctx.diagnostics.len();
    let kind = match (verb, args.as_slice()) {
        ("administration", [w]) if is(w, "compliant") => {
            Some(FactKind::Administration { compliant: true })
        }
        ("administration", [w]) if is(w, "non-compliant") => {
            Some(FactKind::Administration { compliant: false })
        }
        ("measured", [W::Word(m), W::Lit(v), at, W::Lit(d)]) if is(at, "at") => {
            let metric = metric(ctx, plan, m);
            let value = ctx.number(v);
            let at = ctx.date(d);
            Some(FactKind::Measured {
                metric: metric?,
                value: value?,
                at: at?,
            })
        }
        ("counted", [W::Word(m), W::Range(a, b), W::Lit(eq), W::Lit(v)]) if eq.text == "=" => {
            let metric = metric(ctx, plan, m);
            let (from, to) = (ctx.date(a), ctx.date(b));
            let value = ctx.number(v);
            Some(FactKind::Counted {
                metric: metric?,
                from: from?,
                to: to?,
                value: value?,
            })
        }
        ("evidence", [W::Lit(n), s, rest @ ..]) if is(s, "submitted") && rest.len() <= 1 => {
            let note = match rest {
                [W::Str(s)] => Some(s.value.clone()),
                [] => None,
                _ => return bad_form(ctx, f, form),
            };
            Some(FactKind::Evidence {
                milestone: milestone(ctx, plan, added, n, date)?,
                note,
            })
        }
        ("assessed", [W::Lit(n), verdict, by, W::Word(p)])
            if is(by, "by") && (is(verdict, "achieved") || is(verdict, "not-achieved")) =>
        {
            let m = milestone(ctx, plan, added, n, date);
            let by = party(ctx, plan, known, p);
            Some(FactKind::Assessed {
                milestone: m?,
                achieved: is(verdict, "achieved"),
                by: by?,
            })
        }
        ("decided", [W::Lit(n), partial, W::Lit(share), by, who])
            if is(partial, "partial") && is(by, "by") && is_names(who) =>
        {
            let m = milestone(ctx, plan, added, n, date);
            let share = match share.kind {
                LitKind::Percent => ctx.percent(share).map(PartialShare::Percent),
                LitKind::Money | LitKind::MoneySuffix => ctx.money(share).map(PartialShare::Amount),
                _ => {
                    ctx.wrong_kind(
                        share,
                        crate::tr!("l015-a-percentage-or-amount"),
                        &crate::tr!("l015-a-percentage-or-amount-example"),
                    );
                    None
                }
            };
            let by = parties(ctx, plan, known, who);
            Some(FactKind::Partial {
                milestone: m?,
                share: share?,
                by: by?,
            })
        }
        ("postponed", [W::Lit(n), until, W::Lit(d), rest @ ..])
            if is(until, "until")
                && (rest.is_empty()
                    || matches!(rest, [by, who] if is(by, "by") && is_names(who))) =>
        {
            let m = milestone(ctx, plan, added, n, date);
            let until = ctx.date(d);
            let by = match rest {
                [_, who] => parties(ctx, plan, known, who),
                _ => Some(Vec::new()),
            };
            Some(FactKind::Postponed {
                milestone: m?,
                until: until?,
                by: by?,
            })
        }
        ("advance", [W::Word(s), W::Lit(a), received, by, W::Word(p)])
            if is(received, "received") && is(by, "by") =>
        {
            let stream = stream(ctx, plan, s);
            let amount = ctx.money(a);
            let by = party(ctx, plan, known, p);
            Some(FactKind::Advance {
                stream: stream?,
                amount: amount?,
                by: by?,
            })
        }
        ("paid", [W::Word(s), for_, W::Lit(n), W::Lit(a)]) if is(for_, "for") => {
            let stream = stream(ctx, plan, s);
            let m = milestone(ctx, plan, added, n, date);
            let amount = ctx.money(a);
            Some(FactKind::Paid {
                stream: stream?,
                milestone: m?,
                amount: amount?,
            })
        }
        ("repaid", [W::Word(s), W::Lit(a), by, W::Word(p)]) if is(by, "by") => {
            let stream = stream(ctx, plan, s);
            let amount = ctx.money(a);
            let by = party(ctx, plan, known, p);
            Some(FactKind::Repaid {
                stream: stream?,
                amount: amount?,
                by: by?,
            })
        }
        ("dissolved", [W::Str(reason)]) => Some(FactKind::Dissolved {
            reason: reason.value.clone(),
        }),
        ("submitted", []) => Some(FactKind::Submitted),
        _ => return bad_form(ctx, f, form),
    };
    if kind.is_none() && ctx.diagnostics.len() == before {
        return bad_form(ctx, f, form);
    }
    Some(Fact {
        date: date?,
        kind: kind?,
        span: f.span,
    })
}

fn bad_form(ctx: &mut Ctx, f: &ast::FactAst, form: &str) -> Option<Fact> {
    let span = f.args.first().map(|a| a.span()).unwrap_or(f.verb.span).to(f
        .args
        .last()
        .map(|a| a.span())
        .unwrap_or(f.verb.span));
    ctx.error(
        "L019",
        span,
        crate::tr!("l019-message", verb = f.verb.name),
        crate::tr!("l017-label"),
        crate::tr!("l019-help", form = form),
    );
    None
}

/// A milestone of the plan as it stands on the fact's date: of the plan as
/// written, or added by an amendment in force by then (art. 2.3).
fn milestone(
    ctx: &mut Ctx,
    plan: &Plan,
    added: &Added,
    n: &Lit,
    date: Option<chrono::NaiveDate>,
) -> Option<MilestoneNo> {
    let number = MilestoneNo(ctx.whole(n)?);
    if plan.milestone(number).is_some() {
        return Some(number);
    }
    if let Some((id, effective)) = added.get(&number) {
        if date.is_some_and(|d| d >= *effective) {
            return Some(number);
        }
        ctx.error(
            "L011",
            n.span,
            crate::tr!(
                "l011-fact-added-message",
                milestone = number,
                amendment = id,
                effective = effective
            ),
            crate::tr!("l011-fact-added-label"),
            crate::tr!(
                "l011-fact-added-help",
                milestone = number,
                effective = effective
            ),
        );
        return None;
    }
    let max = plan
        .milestones
        .iter()
        .map(|m| m.number.0)
        .max()
        .unwrap_or(0);
    ctx.error(
        "L011",
        n.span,
        crate::tr!("l011-fact-milestone-message", milestone = number),
        crate::tr!("l011-fact-label"),
        crate::tr!(
            "l011-fact-milestone-help",
            plan = plan.id,
            max = max.to_string()
        ),
    );
    None
}

fn lookup<'a>(
    ctx: &mut Ctx,
    what: &str,
    plural: &str,
    id: &Ident,
    names: impl Iterator<Item = &'a str> + Clone,
) -> Option<String> {
    if names.clone().any(|n| n == id.name) {
        return Some(id.name.clone());
    }
    ctx.unknown(
        "L011",
        id.span,
        crate::tr!("l011-message", kind = what, name = id.name),
        crate::tr!("l011-fact-label"),
        help_for(plural, &id.name, names.clone()),
        closest(&id.name, names),
    );
    None
}

fn metric(ctx: &mut Ctx, plan: &Plan, id: &Ident) -> Option<MetricId> {
    // The plan's id, shared: one allocation less per fact.
    if let Some(m) = plan.metrics.iter().find(|m| m.id.as_str() == id.name) {
        return Some(m.id.clone());
    }
    lookup(
        ctx,
        "metric",
        "metrics",
        id,
        plan.metrics.iter().map(|m| m.id.as_str()),
    )
    .map(MetricId::new)
}
fn party(ctx: &mut Ctx, plan: &Plan, known: &Known, id: &Ident) -> Option<PartyId> {
    if let Some(p) = known.parties.get(id.name.as_str()) {
        return Some(PartyId::clone(p));
    }
    lookup(
        ctx,
        "party",
        "parties",
        id,
        plan.parties.iter().map(|p| p.id.as_str()),
    )
    .map(PartyId::new)
}
/// Whether a word is a name or a list of names (`twentse_koers, menzis`).
fn is_names(w: &W) -> bool {
    matches!(w, W::Word(_) | W::Names(_))
}

/// The parties named after `by`: one, or several separated by commas. Each
/// must exist in the plan (L011) and be named once (L014); all are
/// checked, so every unknown name is reported at once.
fn parties(ctx: &mut Ctx, plan: &Plan, known: &Known, w: &W) -> Option<Vec<PartyId>> {
    let names: &[Ident] = match w {
        W::Word(i) => std::slice::from_ref(*i),
        W::Names(names) => names,
        _ => return None,
    };
    let mut out: Vec<PartyId> = Vec::with_capacity(names.len());
    let mut seen: HashMap<&str, Span> = HashMap::new();
    let mut ok = true;
    for id in names {
        if let Some(first) = seen.get(id.name.as_str()) {
            ctx.given_twice(
                crate::tr!("l014-party-message", party = id.name),
                id.span,
                *first,
                crate::tr!("l014-party-help"),
            );
            ok = false;
            continue;
        }
        seen.insert(id.name.as_str(), id.span);
        match party(ctx, plan, known, id) {
            Some(p) => out.push(p),
            None => ok = false,
        }
    }
    ok.then_some(out)
}

fn stream(ctx: &mut Ctx, plan: &Plan, id: &Ident) -> Option<StreamId> {
    // The plan's id, shared: one allocation less per fact.
    if let Some(s) = plan.streams.iter().find(|s| s.id.as_str() == id.name) {
        return Some(s.id.clone());
    }
    lookup(
        ctx,
        "stream",
        "streams",
        id,
        plan.streams.iter().map(|s| s.id.as_str()),
    )
    .map(StreamId::new)
}
