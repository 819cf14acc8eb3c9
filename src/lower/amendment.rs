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
                            Diagnostic::error("L010", format!("milestone {n} is added by amendment `{}` already", first.id))
                                .at(span, "added again here")
                                .also(*at, "first added here")
                                .with_help("an amendment adds new milestone numbers; to change the added milestone write `change N ...` in the later amendment"),
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
                                format!(
                                    "amendments `{}` and `{}` both set `{}` of milestone {} from {}",
                                    first.id, a.id, key.1, key.0, a.effective
                                ),
                            )
                            .at(*span, "set again here")
                            .also(*at, "first set here")
                            .with_help("amendments effective on the same date take effect together; set each statement in one of them, or give them different dates"),
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
