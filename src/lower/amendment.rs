//! Lowering of amendments: each statement resolved against the plan as
//! written (milestones must exist, or be added by the amendment itself).

use std::collections::HashSet;

use crate::diagnostic::Diagnostic;
use crate::model::*;
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
                ctx.error("L010", m.number.span, format!("milestone {n} already exists"), "exists already", "an amendment adds new milestone numbers; use `change N ...` to change an existing one");
                continue;
            }
            if !plan.components.iter().any(|x| x.number.0 == c) {
                ctx.error(
                    "L011",
                    component.span,
                    format!("component {c} does not exist"),
                    "unknown component",
                    "add milestones to a component of the plan",
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
                    ctx.error("L014", *span, "`effective` is given twice in this amendment", "given again", "an amendment takes effect on one date; write a second amendment for a later change");
                } else {
                    effective = ctx.date(date);
                }
            }
            AmendmentItem::Decision { text, span } => {
                if decision.is_some() {
                    ctx.error(
                        "L014",
                        *span,
                        "`decision` is given twice in this amendment",
                        "given again",
                        "cite the decision once",
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
                        format!("the amendment changes milestone {number}, which does not exist"),
                        "unknown milestone",
                        "to bring in a new milestone write `add to component N milestone ...`",
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
                            format!(
                                "the amendment withdraws milestone {number}, which does not exist"
                            ),
                            "unknown milestone",
                            "name a milestone of the plan",
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
                format!("amendment `{}` has no effective date", a.id.name),
            )
            .at(header, "from when?")
            .with_help(
                "add `effective YYYY-MM-DD`: the date from which the addendum applies (art. 2.3)",
            ),
        );
        return None;
    };
    let Some(decision) = decision else {
        ctx.push(
            Diagnostic::error("L023", format!("amendment `{}` does not cite its decision", a.id.name))
                .at(header, "decided by whom, when?")
                .with_help("add `decision \"...\"`: who agreed to the addendum and when (art. 2.3.1 requires consensus)"),
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
