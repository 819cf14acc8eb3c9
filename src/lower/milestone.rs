//! Lowering of components and milestones: obligations, amounts, targets,
//! dependencies, payouts and risk, with the plan's defaults applied.

use std::collections::HashMap;

use crate::diagnostic::Diagnostic;
use crate::model::*;
use crate::source::Span;
use crate::syntax::ast::{self, LevelRhsAst, Lit, MilestoneItem, TargetAst, WindowAst};

use super::plan::{split, Defaults, Names};
use super::Ctx;

pub(super) fn lower_components(
    ctx: &mut Ctx,
    names: &Names,
    defaults: &Defaults,
    plan: &mut Plan,
    components: &[&ast::ComponentAst],
) {
    let mut numbers: HashMap<u32, Span> = HashMap::new();
    let mut milestone_numbers: HashMap<u32, Span> = HashMap::new();
    for c in components {
        // With a bad component number the milestones are still lowered, so
        // that their own errors are reported too.
        let n = ctx.whole(&c.number).unwrap_or(0);
        if let Some(first) = numbers.get(&n) {
            ctx.push(
                Diagnostic::error("L010", format!("component {n} is declared twice"))
                    .at(c.number.span, "declared again here")
                    .also(*first, "first declared here")
                    .with_help("put all milestones of a component in one block"),
            );
        } else {
            numbers.insert(n, c.number.span);
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
            if let Some(first) = milestone_numbers.get(&number) {
                ctx.push(
                    Diagnostic::error("L010", format!("milestone {number} is declared twice"))
                        .at(m.number.span, "declared again here")
                        .also(*first, "first declared here")
                        .with_help("number each milestone once; the numbers are the KPI numbers of the plan"),
                );
                continue;
            }
            milestone_numbers.insert(number, m.number.span);
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
    resolve_after(ctx, plan, &milestone_numbers);
}

/// `after` and `baseline N` name milestones; they must exist.
fn resolve_after(ctx: &mut Ctx, plan: &Plan, known: &HashMap<u32, Span>) {
    let mut all: Vec<u32> = known.keys().copied().collect();
    all.sort_unstable();
    let help = |n: u32| match all.iter().min_by_key(|k| k.abs_diff(n)) {
        Some(k) if all.len() == 1 => format!("the plan has only milestone {k}"),
        Some(k) => format!(
            "the plan has milestones {}..{}; the nearest is {k}",
            all.first().unwrap_or(k),
            all.last().unwrap_or(k)
        ),
        None => "the plan has no milestones yet".to_string(),
    };
    for m in &plan.milestones {
        for (n, span) in &m.after {
            if !known.contains_key(&n.0) {
                ctx.error(
                    "L011",
                    *span,
                    format!(
                        "milestone {} depends on milestone {n}, which does not exist",
                        m.number
                    ),
                    "unknown milestone",
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
                        format!(
                            "the baseline refers to milestone {milestone}, which does not exist"
                        ),
                        "unknown milestone",
                        help(milestone.0),
                    );
                }
            }
        }
    }
}

/// Reports a statement given twice in one milestone.
fn once(
    ctx: &mut Ctx,
    seen: &mut HashMap<&'static str, Span>,
    what: &'static str,
    span: Span,
) -> bool {
    if let Some(first) = seen.get(what) {
        ctx.push(
            Diagnostic::error("L014", format!("`{what}` is given twice in this milestone"))
                .at(span, "given again here")
                .also(*first, "first given here")
                .with_help(format!("a milestone has one `{what}`; remove one")),
        );
        return false;
    }
    seen.insert(what, span);
    true
}

#[allow(clippy::too_many_arguments)]
fn milestone(
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
        header_span: m.number.span.to(m.text.span),
        span: m.span,
    };
    let mut seen: HashMap<&'static str, Span> = HashMap::new();
    for item in &m.items {
        match item {
            MilestoneItem::Obligation { result, span } => {
                if once(ctx, &mut seen, "effort/result", *span) {
                    out.obligation = if *result {
                        Obligation::Result
                    } else {
                        Obligation::Effort
                    };
                }
            }
            MilestoneItem::Due { date, span } => {
                if once(ctx, &mut seen, "due", *span) {
                    out.due = ctx.date(date);
                    out.due_span = Some(date.span);
                }
            }
            MilestoneItem::Amount {
                total,
                split: s,
                span,
            } => {
                if once(ctx, &mut seen, "amount", *span) {
                    out.amount = amount(ctx, names, total, s.as_deref(), *span);
                }
            }
            MilestoneItem::Declared {
                by,
                total,
                split: s,
                span,
            } => {
                if let Some(d) = declared(ctx, names, plan, by, total, s.as_deref(), *span) {
                    out.declared.push(d);
                }
            }
            MilestoneItem::Evidence { text, .. } => out.evidence.push(text.value.clone()),
            MilestoneItem::After { numbers, .. } => {
                for n in numbers {
                    if n.text.contains(',') && !n.text.contains('.') {
                        let spaced = n.text.replace(',', ", ");
                        ctx.error("L003", n.span, format!("`{}` reads as a decimal number", n.text), "not a milestone number", format!("separate milestone numbers with a comma and a space: `after {spaced}`"));
                        continue;
                    }
                    if let Some(k) = ctx.whole(n) {
                        out.after.push((MilestoneNo(k), n.span));
                    }
                }
            }
            MilestoneItem::Payout { stream, to, span } => {
                if let (Some(stream), Some(to)) =
                    (names.stream(ctx, stream), names.recipient(ctx, to))
                {
                    if out.payout.iter().any(|p| p.stream == stream) {
                        ctx.error(
                            "L014",
                            *span,
                            format!("payout of `{stream}` is given twice"),
                            "again",
                            "give one payout per stream",
                        );
                    } else {
                        out.payout.push(Payout {
                            stream,
                            to,
                            span: *span,
                            is_default: false,
                        });
                    }
                }
            }
            MilestoneItem::Risk { stream, key, span } => {
                if let (Some(stream), Some(key)) = (names.stream(ctx, stream), names.key(ctx, key))
                {
                    if out.risk.iter().any(|r| r.stream == stream) {
                        ctx.error(
                            "L014",
                            *span,
                            format!("risk of `{stream}` is given twice"),
                            "again",
                            "give one risk key per stream",
                        );
                    } else {
                        out.risk.push(Risk {
                            stream,
                            key,
                            span: *span,
                            is_default: false,
                        });
                    }
                }
            }
            MilestoneItem::Target { target: t, span } => {
                if let Some(kind) = target(ctx, names, t) {
                    out.targets.push(Target { kind, span: *span });
                }
            }
            MilestoneItem::SetsBaseline { metric, at, span } => {
                if let (Some(metric), Some(at)) = (names.metric(ctx, metric), ctx.date(at)) {
                    out.baselines.push(Baseline {
                        metric,
                        at,
                        span: *span,
                    });
                }
            }
            MilestoneItem::Judged { by, span } => {
                if once(ctx, &mut seen, "judged", *span) {
                    out.judged = Some(by.value.clone());
                }
            }
            MilestoneItem::Bad(_) => {}
        }
    }
    if !seen.contains_key("effort/result") {
        ctx.error(
            "L013",
            out.header_span,
            format!(
                "milestone {number} does not say whether it is an effort or a result obligation"
            ),
            "effort or result?",
            "add a line `effort` (inspanningsverplichting) or `result` (resultaatverplichting)",
        );
    }
    apply_defaults(&mut out, defaults);
    out
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
    let total = ctx.money(total)?.checked_mul(unit.amount())?;
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
                format!("`{other}` is not a comparison"),
                "not a comparison",
                "use >=, >, <=, < or =",
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
                                    Delta::Relative(Percent::new(if negative {
                                        -p.value()
                                    } else {
                                        p.value()
                                    }))
                                })
                            } else {
                                ctx.number(amount)
                                    .map(|n| Delta::Absolute(if negative { -n } else { n }))
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
