//! Plans, their keys, components, milestones and amendments.

use super::{ident, lit, span, stream_split, string, target, token, Builder, Children, Shape, P};
use crate::source::Span;
use crate::syntax::ast::*;
use crate::syntax::Rule;

impl Builder<'_> {
    pub(super) fn plan(&mut self, p: P) -> Result<PlanAst, Shape> {
        let sp = span(&p);
        let mut c = Children::of(p);
        let id = ident(c.need(Rule::ident)?);
        let title = string(c.need(Rule::string)?);
        let mut items = Vec::new();
        for item in c.rest() {
            if item.as_rule() == Rule::block_end {
                continue;
            }
            self.item_starts.push(span(&item).start);
            items.push(self.plan_item(item)?);
        }
        Ok(PlanAst {
            id,
            title,
            items,
            span: sp,
        })
    }

    pub(super) fn plan_item(&mut self, p: P) -> Result<PlanItem, Shape> {
        let sp = span(&p);
        let rule = p.as_rule();
        let mut c = Children::of(p);
        Ok(match rule {
            Rule::addresses => PlanItem::Addresses {
                criterion: ident(c.need(Rule::ident)?),
                pointer: string(c.need(Rule::string)?),
                span: sp,
            },
            Rule::rules_ref => PlanItem::Rules {
                name: ident(c.need(Rule::ident)?),
                pinned: c.opt(Rule::string).map(string),
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
                    &crate::tr!("s005-plan-statement"),
                    &crate::tr!("s005-plan-statement-help"),
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
                        &crate::tr!("s005-key-member"),
                        &crate::tr!("s005-key-member-help"),
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
        let rest = c.rest();
        let mut milestones = Vec::with_capacity(rest.len().saturating_sub(1));
        let mut bad = Vec::new();
        for item in rest {
            match item.as_rule() {
                Rule::milestone => milestones.push(self.milestone(item)?),
                Rule::block_end => {}
                _ => {
                    let isp = span(&item);
                    self.bad(
                        isp,
                        &crate::tr!("s005-milestone"),
                        &crate::tr!("s005-milestone-help"),
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

    pub(super) fn milestone(&mut self, p: P) -> Result<MilestoneAst, Shape> {
        let sp = span(&p);
        let mut c = Children::of(p);
        let number = lit(c.need(Rule::number)?);
        let text = string(c.need(Rule::string)?);
        // Every statement but the closing `}`: no slack in the tree's
        // largest vectors (a milestone item is 128 bytes).
        let rest = c.rest();
        let mut items = Vec::with_capacity(rest.len().saturating_sub(1));
        for item in rest {
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
                    target: Box::new(target(inner)?),
                    span: sp,
                }
            }
            _ => {
                self.bad(
                    sp,
                    &crate::tr!("s005-milestone-statement"),
                    &crate::tr!("s005-milestone-statement-help"),
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
                Rule::effective => AmendmentItem::Effective {
                    date: lit(a.need(Rule::date)?),
                    span: isp,
                },
                Rule::decision => AmendmentItem::Decision {
                    text: string(a.need(Rule::string)?),
                    span: isp,
                },
                Rule::change => {
                    let milestone = lit(a.need(Rule::number)?);
                    let stmt = a.next_any().ok_or(Shape(isp))?;
                    let item = self.milestone_item(stmt)?;
                    AmendmentItem::Change {
                        milestone,
                        item,
                        span: isp,
                    }
                }
                Rule::withdraw => AmendmentItem::Withdraw {
                    milestones: a.rest().map(lit).collect(),
                    span: isp,
                },
                Rule::add_milestone => {
                    let component = lit(a.need(Rule::number)?);
                    let milestone = self.milestone(a.need(Rule::milestone)?)?;
                    AmendmentItem::Add {
                        component,
                        milestone,
                        span: isp,
                    }
                }
                Rule::rule_change => {
                    let kind = ident(a.need(Rule::clause_kind)?);
                    let args = a.rest().map(token).collect::<Result<_, _>>()?;
                    AmendmentItem::Rule {
                        kind,
                        args,
                        span: isp,
                    }
                }
                Rule::block_end => continue,
                _ => {
                    self.bad(
                        isp,
                        &crate::tr!("s005-amendment-statement"),
                        &crate::tr!("s005-amendment-statement-help"),
                    );
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
}
