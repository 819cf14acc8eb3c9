//! Amendments (addenda, art. 2.3): dated changes to milestones and rules.
//! `Plan::as_of` gives the plan as it stands on a date.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;

use super::ids::MilestoneNo;
use super::plan::*;
use super::rules::{Clause, RuleSet};
use crate::source::Span;

/// One milestone statement, lowered: what it sets on a milestone.
#[derive(Debug, Clone, PartialEq)]
pub enum MilestoneEdit {
    Obligation(Obligation),
    Due(NaiveDate, Span),
    Amount(Amount),
    Declared(DeclaredAmount),
    Evidence(String),
    After(Vec<(MilestoneNo, Span)>),
    Payout(Payout),
    Risk(Risk),
    Target(Target),
    Baseline(Baseline),
    Judged(String),
}

impl MilestoneEdit {
    /// The statement's name, as written.
    pub fn name(&self) -> &'static str {
        match self {
            MilestoneEdit::Obligation(_) => "effort/result",
            MilestoneEdit::Due(..) => "due",
            MilestoneEdit::Amount(_) => "amount",
            MilestoneEdit::Declared(_) => "declared",
            MilestoneEdit::Evidence(_) => "evidence",
            MilestoneEdit::After(_) => "after",
            MilestoneEdit::Payout(_) => "payout",
            MilestoneEdit::Risk(_) => "risk",
            MilestoneEdit::Target(_) => "target",
            MilestoneEdit::Baseline(_) => "sets baseline",
            MilestoneEdit::Judged(_) => "judged",
        }
    }

    /// Whether the statement is one of a list (targets, evidence, ...).
    fn is_list(&self) -> bool {
        matches!(
            self,
            MilestoneEdit::Declared(_)
                | MilestoneEdit::Evidence(_)
                | MilestoneEdit::After(_)
                | MilestoneEdit::Target(_)
                | MilestoneEdit::Baseline(_)
        )
    }
}

impl Milestone {
    /// Applies a statement: single-valued fields are set, lists grow, a
    /// payout or risk replaces that stream's.
    pub fn apply(&mut self, edit: MilestoneEdit) {
        match edit {
            MilestoneEdit::Obligation(o) => self.obligation = o,
            MilestoneEdit::Due(d, span) => {
                self.due = Some(d);
                self.due_span = Some(span);
            }
            MilestoneEdit::Amount(a) => self.amount = Some(a),
            MilestoneEdit::Declared(d) => self.declared.push(d),
            MilestoneEdit::Evidence(e) => self.evidence.push(e),
            MilestoneEdit::After(a) => self.after.extend(a),
            MilestoneEdit::Payout(p) => {
                self.payout.retain(|x| x.stream != p.stream);
                self.payout.push(p);
            }
            MilestoneEdit::Risk(r) => {
                self.risk.retain(|x| x.stream != r.stream);
                self.risk.push(r);
            }
            MilestoneEdit::Target(t) => self.targets.push(t),
            MilestoneEdit::Baseline(b) => self.baselines.push(b),
            MilestoneEdit::Judged(j) => self.judged = Some(j),
        }
    }

    /// Empties the list a statement belongs to, so that an amendment's
    /// statements replace the old ones instead of adding to them.
    fn clear_list_of(&mut self, edit: &MilestoneEdit) {
        match edit {
            MilestoneEdit::Declared(_) => self.declared.clear(),
            MilestoneEdit::Evidence(_) => self.evidence.clear(),
            MilestoneEdit::After(_) => self.after.clear(),
            MilestoneEdit::Target(_) => self.targets.clear(),
            MilestoneEdit::Baseline(_) => self.baselines.clear(),
            _ => {}
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum AmendmentEdit {
    Change {
        milestone: MilestoneNo,
        edit: MilestoneEdit,
        span: Span,
    },
    Withdraw {
        milestone: MilestoneNo,
        span: Span,
    },
    Add {
        milestone: Box<Milestone>,
        span: Span,
    },
    Rule {
        clause: Clause,
    },
}

impl AmendmentEdit {
    /// The milestone it touches, if any.
    pub fn milestone(&self) -> Option<MilestoneNo> {
        match self {
            AmendmentEdit::Change { milestone, .. } | AmendmentEdit::Withdraw { milestone, .. } => {
                Some(*milestone)
            }
            AmendmentEdit::Add { milestone, .. } => Some(milestone.number),
            AmendmentEdit::Rule { .. } => None,
        }
    }
    pub fn span(&self) -> Span {
        match self {
            AmendmentEdit::Change { span, .. }
            | AmendmentEdit::Withdraw { span, .. }
            | AmendmentEdit::Add { span, .. } => *span,
            AmendmentEdit::Rule { clause } => clause.span,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Amendment {
    pub id: String,
    pub title: String,
    pub effective: NaiveDate,
    pub decision: String,
    pub edits: Vec<AmendmentEdit>,
    pub span: Span,
}

impl Plan {
    /// The amendments in force on `date`, in order of taking effect.
    pub fn amendments_until(&self, date: NaiveDate) -> Vec<&Amendment> {
        let mut a: Vec<&Amendment> = self
            .amendments
            .iter()
            .filter(|a| a.effective <= date)
            .collect();
        a.sort_by_key(|a| a.effective);
        a
    }

    /// The plan as it stands on `date`: every amendment in force applied.
    /// Milestones are found by number through a map of their first
    /// positions (an amendment may edit thousands of them).
    pub fn as_of(&self, date: NaiveDate) -> Plan {
        let mut plan = self.clone();
        let mut at: HashMap<MilestoneNo, usize> = HashMap::new();
        for (i, m) in plan.milestones.iter().enumerate() {
            at.entry(m.number).or_insert(i);
        }
        for a in self.amendments_until(date) {
            let mut cleared: HashSet<(MilestoneNo, &'static str)> = HashSet::new();
            for e in &a.edits {
                match e {
                    AmendmentEdit::Change {
                        milestone, edit, ..
                    } => {
                        let i = at.get(milestone).copied();
                        if let Some(m) = i.and_then(|i| plan.milestones.get_mut(i)) {
                            if edit.is_list() && cleared.insert((*milestone, edit.name())) {
                                m.clear_list_of(edit);
                            }
                            m.apply(edit.clone());
                        }
                    }
                    AmendmentEdit::Withdraw { milestone, .. } => {
                        let i = at.get(milestone).copied();
                        if let Some(m) = i.and_then(|i| plan.milestones.get_mut(i)) {
                            m.withdrawn = Some((a.effective, a.id.clone()));
                        }
                    }
                    AmendmentEdit::Add { milestone, .. }
                        if plan.milestone(milestone.number).is_none() =>
                    {
                        at.entry(milestone.number).or_insert(plan.milestones.len());
                        plan.milestones.push((**milestone).clone());
                    }
                    AmendmentEdit::Add { .. } | AmendmentEdit::Rule { .. } => {}
                }
            }
        }
        plan.reindex();
        plan
    }
}

impl RuleSet {
    /// The rule set as it stands on `date`: clauses replaced or added by
    /// the plan's amendments in force.
    pub fn as_of(&self, plan: &Plan, date: NaiveDate) -> RuleSet {
        let mut rules = self.clone();
        for a in plan.amendments_until(date) {
            for e in &a.edits {
                if let AmendmentEdit::Rule { clause } = e {
                    let kind = std::mem::discriminant(&clause.kind);
                    rules
                        .clauses
                        .retain(|c| std::mem::discriminant(&c.kind) != kind);
                    rules.clauses.push(clause.clone());
                }
            }
        }
        rules
    }
}
