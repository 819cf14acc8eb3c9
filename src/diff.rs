//! The semantic difference between two versions of a plan (or of its rule
//! set): what changed, field by field, and what it does to every party's
//! money and to the obligations.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use serde_json::Value;

use crate::eval::{self, Evaluation, Overrides};
use crate::model::{Clause, Facts, MilestoneNo, Money, Plan, RuleSet, StreamId};
use crate::render::show::plan_json;

/// One changed field: where, before, after.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldChange {
    pub path: String,
    pub old: Option<String>,
    pub new: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MilestoneChange {
    Added {
        number: MilestoneNo,
        text: String,
    },
    Removed {
        number: MilestoneNo,
        text: String,
    },
    Changed {
        number: MilestoneNo,
        fields: Vec<FieldChange>,
    },
}

/// Money of one party in one view, per stream.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MoneyChange {
    pub party: String,
    pub column: eval::Column,
    pub stream: StreamId,
    pub old: Money,
    pub new: Money,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DutyChange {
    pub added: bool,
    pub party: String,
    pub kind: &'static str,
    pub milestone: Option<MilestoneNo>,
    pub due: NaiveDate,
    pub amount: Option<Money>,
}

#[derive(Debug, Clone, Default)]
pub struct PlanDiff {
    pub plan: Vec<FieldChange>,
    pub milestones: Vec<MilestoneChange>,
    pub rules: Vec<FieldChange>,
    /// (view name, date, changes): "planned" (everything achieved), "at" (the facts at a date).
    pub money: Vec<(String, NaiveDate, Vec<MoneyChange>)>,
    pub duties: Vec<DutyChange>,
    pub statuses: Vec<(MilestoneNo, String, String)>,
}

impl PlanDiff {
    pub fn is_empty(&self) -> bool {
        self.plan.is_empty()
            && self.milestones.is_empty()
            && self.rules.is_empty()
            && self.money.iter().all(|m| m.2.is_empty())
            && self.duties.is_empty()
            && self.statuses.is_empty()
    }
}

fn show(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// Compares two JSON values, reporting leaves that differ with their path.
fn compare(path: &str, old: Option<&Value>, new: Option<&Value>, out: &mut Vec<FieldChange>) {
    match (old, new) {
        (Some(Value::Object(a)), Some(Value::Object(b))) => {
            let keys: BTreeSet<&String> = a.keys().chain(b.keys()).collect();
            for k in keys {
                compare(&join(path, k), a.get(k), b.get(k), out);
            }
        }
        (Some(a), Some(b)) if a == b => {}
        (Some(Value::Array(a)), Some(Value::Array(b)))
            if a.len() == b.len() && a.iter().all(Value::is_object) =>
        {
            for (i, (x, y)) in a.iter().zip(b).enumerate() {
                compare(&format!("{path}[{i}]"), Some(x), Some(y), out);
            }
        }
        (a, b) => out.push(FieldChange {
            path: path.to_string(),
            old: a.map(show),
            new: b.map(show),
        }),
    }
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

fn milestones_by_number(plan: &Value) -> BTreeMap<u64, Value> {
    plan.get("milestones")
        .and_then(Value::as_array)
        .map(|ms| {
            ms.iter()
                .filter_map(|m| Some((m.get("number")?.as_u64()?, m.clone())))
                .collect()
        })
        .unwrap_or_default()
}

/// Plan-level and per-milestone field changes.
pub fn structure(old: &Plan, new: &Plan) -> (Vec<FieldChange>, Vec<MilestoneChange>) {
    // Compared as they stand after all their amendments.
    let (a, b) = (
        plan_json(&old.as_of(NaiveDate::MAX)),
        plan_json(&new.as_of(NaiveDate::MAX)),
    );
    let mut plan = Vec::new();
    for key in [
        "plan",
        "title",
        "rules",
        "period",
        "parties",
        "streams",
        "keys",
        "declared_totals",
        "metrics",
        "components",
    ] {
        compare(key, a.get(key), b.get(key), &mut plan);
    }
    let (ma, mb) = (milestones_by_number(&a), milestones_by_number(&b));
    let numbers: BTreeSet<u64> = ma.keys().chain(mb.keys()).copied().collect();
    let text = |m: &Value| m.get("text").map(show).unwrap_or_default();
    let mut milestones = Vec::new();
    for n in numbers {
        let number = MilestoneNo(u32::try_from(n).unwrap_or(u32::MAX));
        match (ma.get(&n), mb.get(&n)) {
            (None, Some(m)) => milestones.push(MilestoneChange::Added {
                number,
                text: text(m),
            }),
            (Some(m), None) => milestones.push(MilestoneChange::Removed {
                number,
                text: text(m),
            }),
            (Some(x), Some(y)) => {
                let mut fields = Vec::new();
                compare("", Some(x), Some(y), &mut fields);
                if !fields.is_empty() {
                    milestones.push(MilestoneChange::Changed { number, fields });
                }
            }
            (None, None) => {}
        }
    }
    (plan, milestones)
}

/// Clause changes between two rule sets, by clause kind (and subject, for
/// the kinds that repeat), compared as typed clauses with their citations.
pub fn rules(old: Option<&RuleSet>, new: Option<&RuleSet>) -> Vec<FieldChange> {
    type ByKind<'a> = BTreeMap<(&'static str, Option<String>), &'a Clause>;
    fn by_kind(r: Option<&RuleSet>) -> ByKind<'_> {
        r.map(|r| {
            r.clauses
                .iter()
                .map(|c| ((c.kind.keyword().as_str(), c.kind.subject()), c))
                .collect()
        })
        .unwrap_or_default()
    }
    let (a, b) = (by_kind(old), by_kind(new));
    let same = |x: &Clause, y: &Clause| x.kind == y.kind && x.citation == y.citation;
    let shown = |c: &Clause| format!("{} [{}]", c.kind.written(), c.citation);
    let kinds: BTreeSet<&(&str, Option<String>)> = a.keys().chain(b.keys()).collect();
    kinds
        .into_iter()
        .filter(|k| match (a.get(*k), b.get(*k)) {
            (Some(x), Some(y)) => !same(x, y),
            _ => true,
        })
        .map(|k| FieldChange {
            path: match &k.1 {
                Some(subject) => format!("clause {} {subject}", k.0),
                None => format!("clause {}", k.0),
            },
            old: a.get(k).map(|c| shown(c)),
            new: b.get(k).map(|c| shown(c)),
        })
        .collect()
}

/// The changes of each party's `only` columns, in the order of [`eval::Column::ALL`].
fn money_changes(old: &Evaluation, new: &Evaluation, only: &[eval::Column]) -> Vec<MoneyChange> {
    let mut out = Vec::new();
    let parties: BTreeSet<&String> = old
        .parties
        .iter()
        .chain(new.parties.iter())
        .map(|p| &p.id)
        .collect();
    let streams: BTreeSet<&StreamId> = old.streams.iter().chain(new.streams.iter()).collect();
    let get = |e: &Evaluation, party: &str, c: eval::Column, s: &StreamId| -> Money {
        e.parties
            .iter()
            .find(|p| p.id == party)
            .map(|p| eval::amount_of(p.column(c), s))
            .unwrap_or(Money::ZERO)
    };
    // In plan order of the new version, then any parties only the old one has.
    let mut order: Vec<&String> = new.parties.iter().map(|p| &p.id).collect();
    order.extend(
        parties
            .iter()
            .filter(|p| !new.parties.iter().any(|x| &&x.id == *p))
            .copied(),
    );
    for party in order {
        for column in eval::Column::ALL.into_iter().filter(|c| only.contains(c)) {
            for s in &streams {
                let (a, b) = (get(old, party, column, s), get(new, party, column, s));
                if a != b {
                    out.push(MoneyChange {
                        party: party.clone(),
                        column,
                        stream: (*s).clone(),
                        old: a,
                        new: b,
                    });
                }
            }
        }
    }
    out
}

fn duty_changes(old: &Evaluation, new: &Evaluation) -> Vec<DutyChange> {
    type Key = (
        NaiveDate,
        String,
        &'static str,
        Option<MilestoneNo>,
        Option<Money>,
    );
    let key = |d: &eval::Duty| -> Key {
        (
            d.due,
            d.party.to_string(),
            d.kind.as_str(),
            d.milestone,
            d.amount,
        )
    };
    let a: BTreeSet<Key> = old.obligations.iter().map(key).collect();
    let b: BTreeSet<Key> = new.obligations.iter().map(key).collect();
    let mut out: Vec<DutyChange> = a
        .difference(&b)
        .map(|k| DutyChange {
            added: false,
            party: k.1.clone(),
            kind: k.2,
            milestone: k.3,
            due: k.0,
            amount: k.4,
        })
        .chain(b.difference(&a).map(|k| DutyChange {
            added: true,
            party: k.1.clone(),
            kind: k.2,
            milestone: k.3,
            due: k.0,
            amount: k.4,
        }))
        .collect();
    out.sort_by(|x, y| {
        (x.due, &x.party, x.kind, x.milestone, x.added).cmp(&(
            y.due,
            &y.party,
            y.kind,
            y.milestone,
            y.added,
        ))
    });
    out
}

/// One version to compare: a plan, its rules and its facts.
pub struct Version<'a> {
    pub plan: &'a Plan,
    pub rules: Option<&'a RuleSet>,
    pub facts: &'a [Facts],
}

/// The full difference. `at` is the date for the evaluation with facts; the
/// "planned" view evaluates both versions with every milestone achieved,
/// at the end of the later period.
pub fn diff(old: &Version, new: &Version, at: Option<NaiveDate>, horizon_days: u32) -> PlanDiff {
    // Obligations are compared over the horizon; one that moves beyond it shows as gone.
    let (plan, milestones) = structure(old.plan, new.plan);
    let mut d = PlanDiff {
        plan,
        milestones,
        rules: rules(old.rules, new.rules),
        ..PlanDiff::default()
    };
    let (Some(ro), Some(rn)) = (old.rules, new.rules) else {
        return d;
    };
    let end = [old.plan.period, new.plan.period]
        .iter()
        .flatten()
        .map(|p| p.to)
        .max();
    if let Some(end) = end.and_then(|e| e.succ_opt()) {
        let all = |p: &Plan| Overrides {
            achieved: p.as_of(end).milestones.iter().map(|m| m.number).collect(),
            ..Overrides::default()
        };
        let opts = |p: &Plan| eval::Options {
            at: end,
            horizon_days,
            overrides: all(p),
            party_lines: crate::eval::PartyLines::None,
            trace: true,
        };
        let eo = eval::evaluate(old.plan, ro, &[], &opts(old.plan));
        let en = eval::evaluate(new.plan, rn, &[], &opts(new.plan));
        d.money.push((
            crate::tr!("diff-view-planned"),
            end,
            money_changes(&eo, &en, &[eval::Column::Earned]),
        ));
    }
    if let Some(at) = at {
        let opts = eval::Options {
            at,
            horizon_days,
            overrides: Overrides::default(),
            party_lines: crate::eval::PartyLines::None,
            trace: true,
        };
        let eo = eval::evaluate(old.plan, ro, old.facts, &opts);
        let en = eval::evaluate(new.plan, rn, new.facts, &opts);
        d.money.push((
            crate::tr!("diff-view-at", date = at),
            at,
            money_changes(
                &eo,
                &en,
                &[
                    eval::Column::Earned,
                    eval::Column::Outstanding,
                    eval::Column::Repayable,
                    eval::Column::Exposure,
                    eval::Column::Lapsed,
                ],
            ),
        ));
        d.duties = duty_changes(&eo, &en);
        for m in &en.milestones {
            let before = eo
                .milestones
                .iter()
                .find(|x| x.number == m.number)
                .map(|x| x.status.as_str())
                .unwrap_or("(new)");
            if before != m.status.as_str() {
                d.statuses
                    .push((m.number, before.to_string(), m.status.as_str().to_string()));
            }
        }
    }
    d
}
