//! Lowering of components and milestones: obligations, amounts, targets,
//! dependencies, payouts and risk, with the plan's defaults applied.

use std::collections::HashMap;

use crate::diagnostic::Diagnostic;
use crate::model::*;
use crate::source::Span;
use crate::syntax::ast::{self, LevelRhsAst, Lit, MilestoneItem, TargetAst, WindowAst};

use super::plan::{split, Defaults, Names};
use super::Ctx;

/// The component and milestone numbers seen so far: components are
/// lowered one at a time, in the order of the file (L010 for a number
/// given twice), then the milestones they name are resolved ([`Self::resolve`]).
#[derive(Default)]
pub(super) struct Numbers {
    components: HashMap<u32, Span>,
    milestones: HashMap<u32, Span>,
}

impl Numbers {
    /// Lowers one component and its milestones into `plan`.
    pub(super) fn component(
        &mut self,
        ctx: &mut Ctx,
        names: &Names,
        defaults: &Defaults,
        plan: &mut Plan,
        c: &ast::ComponentAst,
    ) {
        // With a bad component number the milestones are still lowered, so
        // that their own errors are reported too.
        let n = ctx.whole(&c.number).unwrap_or(0);
        if let Some(first) = self.components.get(&n) {
            ctx.push(
                Diagnostic::error("L010", crate::tr!("l010-component-message", component = n))
                    .at(c.number.span, crate::tr!("l010-label-again"))
                    .also(*first, crate::tr!("l010-label-first"))
                    .with_help(crate::tr!("l010-component-help")),
            );
        } else {
            self.components.insert(n, c.number.span);
            plan.components.push(Component {
                number: ComponentNo(n),
                name: c.name.value.clone(),
                span: c.span,
            });
        }
        for m in &c.milestones {
            let Some(number) = ctx.whole(&m.number) else {
                continue;
            };
            if let Some(first) = self.milestones.get(&number) {
                ctx.push(
                    Diagnostic::error(
                        "L010",
                        crate::tr!("l010-milestone-message", milestone = number),
                    )
                    .at(m.number.span, crate::tr!("l010-label-again"))
                    .also(*first, crate::tr!("l010-label-first"))
                    .with_help(crate::tr!("l010-milestone-help")),
                );
                continue;
            }
            self.milestones.insert(number, m.number.span);
            let lowered = milestone(
                ctx,
                names,
                defaults,
                plan,
                ComponentNo(n),
                MilestoneNo(number),
                m,
            );
            plan.milestones.push(lowered);
        }
    }

    /// After the last component: the milestones named by `after` and
    /// `baseline` must exist.
    pub(super) fn resolve(&self, ctx: &mut Ctx, plan: &Plan) {
        resolve_after(ctx, plan, &self.milestones);
    }
}

/// `after` and `baseline N` name milestones; they must exist.
fn resolve_after(ctx: &mut Ctx, plan: &Plan, known: &HashMap<u32, Span>) {
    let mut all: Vec<u32> = known.keys().copied().collect();
    all.sort_unstable();
    let help = |n: u32| match all.iter().min_by_key(|k| k.abs_diff(n)) {
        Some(k) if all.len() == 1 => crate::tr!("l011-milestone-only", milestone = k.to_string()),
        Some(k) => crate::tr!(
            "l011-milestone-nearest",
            first = all.first().unwrap_or(k).to_string(),
            last = all.last().unwrap_or(k).to_string(),
            nearest = k.to_string()
        ),
        None => crate::tr!("l011-milestone-none"),
    };
    for m in &plan.milestones {
        for (n, span) in &m.after {
            if !known.contains_key(&n.0) {
                ctx.error(
                    "L011",
                    *span,
                    crate::tr!("l011-after-message", milestone = m.number, dependency = n),
                    crate::tr!("l011-milestone-label"),
                    help(n.0),
                );
            }
        }
        for t in &m.targets {
            if let TargetKind::Level {
                rhs: LevelRhs::Baseline {
                    milestone, span, ..
                },
                ..
            } = &t.kind
            {
                if !known.contains_key(&milestone.0) {
                    ctx.error(
                        "L011",
                        *span,
                        crate::tr!("l011-baseline-message", milestone = milestone),
                        crate::tr!("l011-milestone-label"),
                        help(milestone.0),
                    );
                }
            }
        }
    }
}

/// Lowers one milestone statement; `None` if it has errors (reported).
pub(super) fn lower_item(
    ctx: &mut Ctx,
    names: &Names,
    plan: &Plan,
    item: &MilestoneItem,
) -> Option<MilestoneEdit> {
    Some(match item {
        MilestoneItem::Obligation { result, .. } => MilestoneEdit::Obligation(if *result {
            Obligation::Result
        } else {
            Obligation::Effort
        }),
        MilestoneItem::Due { date, .. } => MilestoneEdit::Due(ctx.date(date)?, date.span),
        MilestoneItem::Amount {
            total,
            split: s,
            span,
        } => MilestoneEdit::Amount(amount(ctx, names, total, s.as_deref(), *span)?),
        MilestoneItem::Declared {
            by,
            total,
            split: s,
            span,
        } => MilestoneEdit::Declared(declared(ctx, names, plan, by, total, s.as_deref(), *span)?),
        MilestoneItem::Evidence { text, .. } => MilestoneEdit::Evidence(text.value.clone()),
        MilestoneItem::After { numbers, .. } => {
            let mut after = Vec::new();
            for n in numbers {
                if n.text.contains(',') && !n.text.contains('.') {
                    let spaced = n.text.replace(',', ", ");
                    ctx.error(
                        "L003",
                        n.span,
                        crate::tr!("l003-after-message", text = n.text),
                        crate::tr!("l003-after-label"),
                        crate::tr!("l003-after-help", spaced = spaced),
                    );
                    continue;
                }
                if let Some(k) = ctx.whole(n) {
                    after.push((MilestoneNo(k), n.span));
                }
            }
            MilestoneEdit::After(after)
        }
        MilestoneItem::Payout { stream, to, span } => {
            let (stream, to) = (names.stream(ctx, stream), names.recipient(ctx, to));
            MilestoneEdit::Payout(Payout {
                stream: stream?,
                to: to?,
                span: *span,
                is_default: false,
            })
        }
        MilestoneItem::Risk { stream, key, span } => {
            let (stream, key) = (names.stream(ctx, stream), names.key(ctx, key));
            MilestoneEdit::Risk(Risk {
                stream: stream?,
                key: key?,
                span: *span,
                is_default: false,
            })
        }
        MilestoneItem::Target { target: t, span } => MilestoneEdit::Target(Target {
            kind: target(ctx, names, t)?,
            span: *span,
        }),
        MilestoneItem::SetsBaseline { metric, at, span } => {
            let (metric, at) = (names.metric(ctx, metric), ctx.date(at));
            MilestoneEdit::Baseline(Baseline {
                metric: metric?,
                at: at?,
                span: *span,
            })
        }
        MilestoneItem::Judged { by, .. } => MilestoneEdit::Judged(by.value.clone()),
        MilestoneItem::Bad(_) => return None,
    })
}

pub(super) fn item_span(item: &MilestoneItem) -> Span {
    match item {
        MilestoneItem::Obligation { span, .. }
        | MilestoneItem::Due { span, .. }
        | MilestoneItem::Amount { span, .. }
        | MilestoneItem::Declared { span, .. }
        | MilestoneItem::Evidence { span, .. }
        | MilestoneItem::After { span, .. }
        | MilestoneItem::Payout { span, .. }
        | MilestoneItem::Risk { span, .. }
        | MilestoneItem::Target { span, .. }
        | MilestoneItem::SetsBaseline { span, .. }
        | MilestoneItem::Judged { span, .. } => *span,
        MilestoneItem::Bad(span) => *span,
    }
}

/// Statements a milestone has at most once (per stream for payout and
/// risk): the statement's name and the stream.
fn single(edit: &MilestoneEdit) -> Option<(&'static str, Option<StreamId>)> {
    match edit {
        MilestoneEdit::Obligation(_)
        | MilestoneEdit::Due(..)
        | MilestoneEdit::Amount(_)
        | MilestoneEdit::Judged(_) => Some((edit.name(), None)),
        MilestoneEdit::Payout(p) => Some((edit.name(), Some(p.stream.clone()))),
        MilestoneEdit::Risk(r) => Some((edit.name(), Some(r.stream.clone()))),
        _ => None,
    }
}

/// A [`single`] statement as the L014 message names it (`payout iza`).
fn single_name((name, stream): &(&'static str, Option<StreamId>)) -> String {
    match stream {
        Some(s) => format!("{name} {s}"),
        None => name.to_string(),
    }
}

#[allow(clippy::too_many_arguments)]
pub(super) fn milestone(
    ctx: &mut Ctx,
    names: &Names,
    defaults: &Defaults,
    plan: &Plan,
    component: ComponentNo,
    number: MilestoneNo,
    m: &ast::MilestoneAst,
) -> Milestone {
    let mut out = Milestone {
        number,
        text: m.text.value.clone(),
        component,
        obligation: Obligation::Effort,
        due: None,
        due_span: None,
        amount: None,
        declared: Vec::new(),
        evidence: Vec::new(),
        after: Vec::new(),
        payout: Vec::new(),
        risk: Vec::new(),
        targets: Vec::new(),
        baselines: Vec::new(),
        judged: None,
        withdrawn: None,
        header_span: m.number.span.to(m.text.span),
        span: m.span,
    };
    reserve_lists(&mut out, &m.items, defaults);
    // A few statements each: looked through, not hashed.
    let mut seen: Vec<((&'static str, Option<StreamId>), Span)> = Vec::new();
    for item in &m.items {
        let Some(edit) = lower_item(ctx, names, plan, item) else {
            continue;
        };
        if let Some(key) = single(&edit) {
            let span = item_span(item);
            if let Some((_, first)) = seen.iter().find(|(k, _)| *k == key) {
                let statement = single_name(&key);
                ctx.given_twice(
                    crate::tr!("l014-milestone-message", statement = statement),
                    span,
                    *first,
                    crate::tr!("l014-milestone-help", statement = statement),
                );
                continue;
            }
            seen.push((key, span));
        }
        out.apply(edit);
    }
    let obligation = MilestoneEdit::Obligation(Obligation::Effort).name();
    if !seen.iter().any(|((name, _), _)| *name == obligation) {
        ctx.error(
            "L013",
            out.header_span,
            crate::tr!("l013-message", milestone = number),
            crate::tr!("l013-label"),
            crate::tr!("l013-help"),
        );
    }
    apply_defaults(&mut out, defaults);
    out
}

/// Room in a milestone's lists for the statements written and the plan's
/// defaults, made once: a list grown by `push` has room for four, and a
/// large plan's model would be a third slack.
fn reserve_lists(out: &mut Milestone, items: &[MilestoneItem], defaults: &Defaults) {
    let (mut declared, mut evidence, mut after, mut targets, mut baselines) = (0, 0, 0, 0, 0);
    let (mut payout, mut risk) = (defaults.payout.len(), defaults.risk.len());
    for item in items {
        let n = match item {
            MilestoneItem::Declared { .. } => &mut declared,
            MilestoneItem::Evidence { .. } => &mut evidence,
            MilestoneItem::After { numbers, .. } => {
                after = numbers.len().saturating_add(after);
                continue;
            }
            MilestoneItem::Payout { .. } => &mut payout,
            MilestoneItem::Risk { .. } => &mut risk,
            MilestoneItem::Target { .. } => &mut targets,
            MilestoneItem::SetsBaseline { .. } => &mut baselines,
            _ => continue,
        };
        *n = n.saturating_add(1);
    }
    out.declared.reserve_exact(declared);
    out.evidence.reserve_exact(evidence);
    out.after.reserve_exact(after);
    out.payout.reserve_exact(payout);
    out.risk.reserve_exact(risk);
    out.targets.reserve_exact(targets);
    out.baselines.reserve_exact(baselines);
}

/// Streams without their own payout or risk take the plan's default.
fn apply_defaults(m: &mut Milestone, defaults: &Defaults) {
    for d in &defaults.payout {
        if m.payout_for(&d.stream).is_none() {
            m.payout.push(d.clone());
        }
    }
    for d in &defaults.risk {
        if m.risk_for(&d.stream).is_none() {
            m.risk.push(d.clone());
        }
    }
}

fn amount(
    ctx: &mut Ctx,
    names: &Names,
    total: &Lit,
    s: Option<&[ast::StreamAmount]>,
    span: Span,
) -> Option<Amount> {
    let total = ctx.money(total)?;
    let streams = match s {
        Some(s) => split(ctx, names, s, Money::new(rust_decimal::Decimal::ONE))?,
        None => Vec::new(),
    };
    Some(Amount {
        total,
        streams,
        span,
    })
}

fn declared(
    ctx: &mut Ctx,
    names: &Names,
    plan: &Plan,
    by: &ast::Ident,
    total: &Lit,
    s: Option<&[ast::StreamAmount]>,
    span: Span,
) -> Option<DeclaredAmount> {
    let by = names.document(ctx, by)?;
    let unit = plan
        .document(&by)
        .map(|d| d.unit)
        .unwrap_or(Money::new(rust_decimal::Decimal::ONE));
    let total = ctx.money_in(total, unit)?;
    let streams = match s {
        Some(s) => split(ctx, names, s, unit)?,
        None => Vec::new(),
    };
    Some(DeclaredAmount {
        by,
        total,
        streams,
        unit,
        span,
    })
}

fn cmp(ctx: &mut Ctx, op: &Lit) -> Option<Cmp> {
    match op.text.as_str() {
        ">=" | "≥" => Some(Cmp::Ge),
        ">" => Some(Cmp::Gt),
        "<=" | "≤" => Some(Cmp::Le),
        "<" => Some(Cmp::Lt),
        "=" => Some(Cmp::Eq),
        other => {
            ctx.error(
                "L015",
                op.span,
                crate::tr!("l015-cmp-message", text = other),
                crate::tr!("l015-cmp-label"),
                crate::tr!("l015-cmp-help"),
            );
            None
        }
    }
}

fn window(ctx: &mut Ctx, w: &WindowAst) -> Option<Window> {
    let from = match &w.from {
        Some(d) => Some(ctx.date(d)?),
        None => None,
    };
    let to = match &w.to {
        Some(d) => Some(ctx.date(d)?),
        None => None,
    };
    Some(Window { from, to })
}

fn target(ctx: &mut Ctx, names: &Names, t: &TargetAst) -> Option<TargetKind> {
    match t {
        TargetAst::Count {
            metric,
            window: w,
            op,
            value,
        } => {
            let metric = names.metric(ctx, metric);
            let window = window(ctx, w);
            let cmp = cmp(ctx, op);
            let value = ctx.number(value);
            Some(TargetKind::Count {
                metric: metric?,
                window: window?,
                cmp: cmp?,
                value: value?,
            })
        }
        TargetAst::Share {
            numerator,
            denominator,
            window: w,
            op,
            value,
        } => {
            let numerator = names.metric(ctx, numerator);
            let denominator = names.metric(ctx, denominator);
            let window = window(ctx, w);
            let cmp = cmp(ctx, op);
            let value = ctx.percent(value);
            Some(TargetKind::Share {
                numerator: numerator?,
                denominator: denominator?,
                window: window?,
                cmp: cmp?,
                value: value?,
            })
        }
        TargetAst::Level {
            metric,
            at,
            op,
            rhs,
        } => {
            let metric = names.metric(ctx, metric);
            let at = ctx.date(at);
            let cmp = cmp(ctx, op);
            let rhs = match rhs {
                LevelRhsAst::Number(n) => ctx.number(n).map(LevelRhs::Value),
                LevelRhsAst::Baseline {
                    milestone,
                    delta,
                    span,
                } => {
                    let m = ctx.whole(milestone).map(MilestoneNo);
                    let delta = match delta {
                        None => Some(Delta::None),
                        Some((sign, amount)) => {
                            let negative = sign.text == "-";
                            if amount.kind == ast::LitKind::Percent {
                                ctx.percent(amount).map(|p| {
                                    Delta::Relative(Percent::new(signed(p.value(), negative)))
                                })
                            } else {
                                ctx.number(amount)
                                    .map(|n| Delta::Absolute(signed(n, negative)))
                            }
                        }
                    };
                    match (m, delta) {
                        (Some(milestone), Some(delta)) => Some(LevelRhs::Baseline {
                            milestone,
                            delta,
                            span: *span,
                        }),
                        _ => None,
                    }
                }
            };
            Some(TargetKind::Level {
                metric: metric?,
                at: at?,
                cmp: cmp?,
                rhs: rhs?,
            })
        }
    }
}

/// `value`, negated when written with a minus sign. Flipping the sign of a
/// decimal cannot overflow (its range is symmetric).
fn signed(value: rust_decimal::Decimal, negative: bool) -> rust_decimal::Decimal {
    let mut v = value;
    if negative && !v.is_zero() {
        v.set_sign_negative(!v.is_sign_negative());
    }
    v
}
