//! Lowering of amendments: each statement resolved against the plan as
//! written (milestones must exist, or be added by the amendment itself).

use std::collections::HashSet;

use crate::diagnostic::Diagnostic;
use crate::model::*;
use crate::source::Span;
use crate::syntax::ast::{self, AmendmentItem, ClauseAst};

use super::milestone::{lower_item, milestone};
use super::plan::{Defaults, Names};
use super::Ctx;

pub(super) fn lower_amendment(
    ctx: &mut Ctx,
    names: &Names,
    defaults: &Defaults,
    plan: &Plan,
    a: &ast::AmendmentAst,
) -> Option<Amendment> {
    let mut effective = None;
    let mut decision: Option<String> = None;
    let mut edits = Vec::new();
    let mut added: HashSet<u32> = HashSet::new();
    for item in &a.items {
        if let AmendmentItem::Add {
            milestone: m,
            component,
            span,
        } = item
        {
            let (Some(c), Some(n)) = (ctx.whole(component), ctx.whole(&m.number)) else {
                continue;
            };
            if plan.milestone(MilestoneNo(n)).is_some() || !added.insert(n) {
                ctx.error(
                    "L010",
                    m.number.span,
                    crate::tr!("l010-exists-message", milestone = n),
                    crate::tr!("l010-exists-label"),
                    crate::tr!("l010-exists-help"),
                );
                continue;
            }
            if !plan.components.iter().any(|x| x.number.0 == c) {
                ctx.error(
                    "L011",
                    component.span,
                    crate::tr!("l011-component-message", component = c),
                    crate::tr!("l011-component-label"),
                    crate::tr!("l011-component-help"),
                );
                continue;
            }
            let lowered = milestone(
                ctx,
                names,
                defaults,
                plan,
                ComponentNo(c),
                MilestoneNo(n),
                m,
            );
            edits.push(AmendmentEdit::Add {
                milestone: Box::new(lowered),
                span: *span,
            });
        }
    }
    let known = |n: u32| plan.milestone(MilestoneNo(n)).is_some() || added.contains(&n);
    for item in &a.items {
        match item {
            AmendmentItem::Effective { date, span } => {
                if effective.is_some() {
                    ctx.error(
                        "L014",
                        *span,
                        crate::tr!("l014-effective-message"),
                        crate::tr!("l014-label-given-again"),
                        crate::tr!("l014-effective-help"),
                    );
                } else {
                    effective = ctx.date(date);
                }
            }
            AmendmentItem::Decision { text, span } => {
                if decision.is_some() {
                    ctx.error(
                        "L014",
                        *span,
                        crate::tr!("l014-decision-message"),
                        crate::tr!("l014-label-given-again"),
                        crate::tr!("l014-decision-help"),
                    );
                } else {
                    decision = Some(text.value.clone());
                }
            }
            AmendmentItem::Change {
                milestone: n,
                item,
                span,
            } => {
                let Some(number) = ctx.whole(n) else { continue };
                if !known(number) {
                    ctx.error(
                        "L011",
                        n.span,
                        crate::tr!("l011-change-message", milestone = number),
                        crate::tr!("l011-milestone-label"),
                        crate::tr!("l011-change-help"),
                    );
                    continue;
                }
                if let Some(edit) = lower_item(ctx, names, plan, item) {
                    edits.push(AmendmentEdit::Change {
                        milestone: MilestoneNo(number),
                        edit,
                        span: *span,
                    });
                }
            }
            AmendmentItem::Withdraw { milestones, span } => {
                for n in milestones {
                    let Some(number) = ctx.whole(n) else { continue };
                    if known(number) {
                        edits.push(AmendmentEdit::Withdraw {
                            milestone: MilestoneNo(number),
                            span: *span,
                        });
                    } else {
                        ctx.error(
                            "L011",
                            n.span,
                            crate::tr!("l011-withdraw-message", milestone = number),
                            crate::tr!("l011-milestone-label"),
                            crate::tr!("l011-withdraw-help"),
                        );
                    }
                }
            }
            AmendmentItem::Rule { kind, args, span } => {
                let citation = ast::Str {
                    value: format!("{} ({})", a.title.value, a.id.name),
                    span: a.title.span,
                };
                let c = ClauseAst {
                    citation,
                    kind: kind.clone(),
                    args: args.clone(),
                    span: *span,
                };
                if let Some(k) = super::rules::clause(ctx, &c) {
                    edits.push(AmendmentEdit::Rule {
                        clause: Clause {
                            citation: c.citation.value,
                            kind: k,
                            span: *span,
                        },
                    });
                }
            }
            AmendmentItem::Add { .. } | AmendmentItem::Bad(_) => {}
        }
    }
    let header = a.id.span.to(a.title.span);
    let Some(effective) = effective else {
        ctx.push(
            Diagnostic::error(
                "L023",
                crate::tr!("l023-effective-message", amendment = a.id.name),
            )
            .at(header, crate::tr!("l023-effective-label"))
            .with_help(crate::tr!("l023-effective-help")),
        );
        return None;
    };
    let Some(decision) = decision else {
        ctx.push(
            Diagnostic::error(
                "L023",
                crate::tr!("l023-decision-message", amendment = a.id.name),
            )
            .at(header, crate::tr!("l023-decision-label"))
            .with_help(crate::tr!("l023-decision-help")),
        );
        return None;
    };
    Some(Amendment {
        id: a.id.name.clone(),
        title: a.title.value.clone(),
        effective,
        decision,
        edits,
        span: a.span,
    })
}

/// What an amendment's `change` sets, for finding two that set the same:
/// the milestone, the statement, and for `payout` and `risk` the stream.
type Statement<'a> = (MilestoneNo, &'static str, Option<&'a StreamId>);

fn statement_of(milestone: MilestoneNo, edit: &MilestoneEdit) -> Statement<'_> {
    let stream = match edit {
        MilestoneEdit::Payout(p) => Some(&p.stream),
        MilestoneEdit::Risk(r) => Some(&r.stream),
        _ => None,
    };
    (milestone, edit.name(), stream)
}

/// Conflicts between amendments, which each amendment on its own cannot
/// see: two that add the same milestone number (L010), and two effective
/// on the same date that set the same statement of the same milestone
/// (L024): neither takes effect before the other, so the order they are
/// written in would decide, silently.
pub(super) fn conflicts(ctx: &mut Ctx, plan: &Plan) {
    use std::collections::HashMap;
    let mut added: HashMap<MilestoneNo, (&Amendment, Span)> = HashMap::new();
    let mut set: HashMap<(Statement, chrono::NaiveDate), (&Amendment, Span)> = HashMap::new();
    for a in &plan.amendments {
        let mut own: HashSet<Statement> = HashSet::new();
        for e in &a.edits {
            match e {
                AmendmentEdit::Add { milestone, .. } => {
                    let (n, span) = (milestone.number, milestone.header_span);
                    if let Some((first, at)) = added.get(&n) {
                        ctx.push(
                            Diagnostic::error(
                                "L010",
                                crate::tr!(
                                    "l010-added-message",
                                    milestone = n,
                                    amendment = first.id
                                ),
                            )
                            .at(span, crate::tr!("l010-added-label-again"))
                            .also(*at, crate::tr!("l010-added-label-first"))
                            .with_help(crate::tr!("l010-added-help")),
                        );
                    } else {
                        added.insert(n, (a, span));
                    }
                }
                AmendmentEdit::Change {
                    milestone,
                    edit,
                    span,
                } => {
                    let key = statement_of(*milestone, edit);
                    // One amendment may set a list statement on several lines.
                    if !own.insert(key) {
                        continue;
                    }
                    match set.get(&(key, a.effective)) {
                        Some((first, at)) => ctx.push(
                            Diagnostic::error(
                                "L024",
                                crate::tr!(
                                    "l024-message",
                                    first = first.id,
                                    second = a.id,
                                    statement = key.1,
                                    milestone = key.0,
                                    effective = a.effective
                                ),
                            )
                            .at(*span, crate::tr!("l024-label-again"))
                            .also(*at, crate::tr!("l024-label-first"))
                            .with_help(crate::tr!("l024-help")),
                        ),
                        None => {
                            set.insert((key, a.effective), (a, *span));
                        }
                    }
                }
                AmendmentEdit::Withdraw { .. } | AmendmentEdit::Rule { .. } => {}
            }
        }
    }
}
