//! Hover: what a name means in the plan, computed by the engine.
//!
//! A milestone shows its amount and split, due date, assessment deadline
//! (`Terms::assessment_deadline`, the checker's and evaluator's own),
//! obligation, and for each stream who receives the money, divided over a
//! key by `eval::allocate` exactly as the ledger divides it. A party shows
//! its roles and its share in every key; a key its weights, percentages and
//! sum; a clause its citation and meaning.

use rust_decimal::Decimal;

use crate::eval::allocate::allocate;
use crate::model::money::dutch;
use crate::model::{
    Key, KeyId, Keyword, Milestone, MilestoneNo, Money, PartyId, Plan, Recipient, RuleSet,
    StreamId, Terms,
};

use super::index::{Kind, Occurrence};

/// The hover text (Markdown) for a name, given the plan and rule set it is
/// read against.
pub fn hover(o: &Occurrence, plan: Option<&Plan>, rules: Option<&RuleSet>) -> Option<String> {
    match o.kind {
        Kind::Clause => clause(o, rules?),
        Kind::Role => role(o, plan),
        Kind::Milestone => {
            let no = MilestoneNo(o.name.parse().ok()?);
            milestone(plan?, plan?.milestone(no)?, rules)
        }
        Kind::Party => party(plan?, &PartyId::new(&o.name)),
        Kind::Key => key(plan?, &KeyId::new(&o.name)),
        Kind::Stream => stream(o, plan?),
        Kind::Metric => metric(o, plan?),
        Kind::Document => document(o, plan?),
        Kind::Rules => {
            let r = rules?;
            (r.id.as_str() == o.name).then(|| {
                format!(
                    "{}\n\n{}",
                    crate::tr!("lsp-hover-rules", rules = r.id, title = r.title),
                    crate::tr!("lsp-hover-rules-clauses", count = r.clauses.len())
                )
            })
        }
        Kind::Plan => plan.map(|p| crate::tr!("lsp-hover-plan", plan = p.id, title = p.title)),
        Kind::Component => component(o, plan?),
    }
}

/// A role and the parties that hold it.
fn role(o: &Occurrence, plan: Option<&Plan>) -> Option<String> {
    let role = crate::model::Role::parse(&o.name)?;
    let holders: Vec<String> = plan
        .map(|p| {
            p.parties_with(role)
                .map(|x| format!("`{}`", x.id))
                .collect()
        })
        .unwrap_or_default();
    Some(if holders.is_empty() {
        crate::tr!("lsp-hover-role", role = o.name)
    } else {
        crate::tr!(
            "lsp-hover-role-holders",
            role = o.name,
            holders = holders.join(", ")
        )
    })
}

/// A stream, its payer and its total over the milestones.
fn stream(o: &Occurrence, plan: &Plan) -> Option<String> {
    let s = plan.stream(&StreamId::new(&o.name))?;
    let total = Money::checked_sum(plan.milestones.iter().map(|m| m.stream_amount(&s.id)))
        .map_or_else(|| crate::tr!("lsp-too-large"), |m| m.to_string());
    Some(format!(
        "{}\n\n{}",
        crate::tr!("lsp-hover-stream", stream = s.id, name = s.name),
        crate::tr!("lsp-hover-stream-detail", payer = s.payer, total = total)
    ))
}

fn metric(o: &Occurrence, plan: &Plan) -> Option<String> {
    let m = plan.metric(&crate::model::MetricId::new(&o.name))?;
    let kind = match m.kind {
        crate::model::MetricKind::Count => "count",
        crate::model::MetricKind::Level => "level",
    };
    Some(crate::tr!(
        "lsp-hover-metric",
        metric = m.id,
        kind = kind,
        title = m.title
    ))
}

fn document(o: &Occurrence, plan: &Plan) -> Option<String> {
    let d = plan.document(&crate::model::DocumentId::new(&o.name))?;
    Some(format!(
        "{}\n\n{}",
        crate::tr!("lsp-hover-document", document = d.id, title = d.title),
        crate::tr!("lsp-hover-document-unit", unit = d.unit)
    ))
}

/// A component, how many milestones it has and what they add up to.
fn component(o: &Occurrence, plan: &Plan) -> Option<String> {
    let n: u32 = o.name.parse().ok()?;
    let c = plan.components.iter().find(|c| c.number.0 == n)?;
    let milestones: Vec<&Milestone> = plan
        .milestones
        .iter()
        .filter(|m| m.component.0 == n)
        .collect();
    let total = Money::checked_sum(milestones.iter().map(|m| m.total()));
    let total = total.map_or_else(|| crate::tr!("lsp-too-large"), |m| m.to_string());
    Some(format!(
        "{}\n\n{}",
        crate::tr!("lsp-hover-component", component = n, name = c.name),
        crate::tr!(
            "lsp-hover-component-detail",
            count = milestones.len(),
            total = total
        )
    ))
}

fn clause(o: &Occurrence, rules: &RuleSet) -> Option<String> {
    let (_, index) = o.name.split_once('#')?;
    let c = rules.clauses.get(index.parse::<usize>().ok()?)?;
    let keyword = c.kind.keyword();
    Some(format!(
        "{}\n\n{}\n\n{}",
        crate::tr!(
            "lsp-hover-clause",
            keyword = keyword.as_str(),
            citation = c.citation
        ),
        capitalised(&keyword.meaning()),
        crate::tr!("lsp-hover-clause-form", form = keyword.form())
    ))
}

/// Also for a clause kind written but not lowered (completion's detail).
pub fn keyword_meaning(word: &str) -> Option<String> {
    Keyword::parse(word).map(|k| capitalised(&k.meaning()))
}

fn capitalised(s: &str) -> String {
    let mut chars = s.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

fn milestone(plan: &Plan, m: &Milestone, rules: Option<&RuleSet>) -> Option<String> {
    let mut out = format!(
        "{}\n\n{}\n\n",
        crate::tr!(
            "lsp-hover-milestone",
            milestone = m.number,
            component = m.component
        ),
        m.text
    );
    line(
        &mut out,
        crate::tr!("lsp-hover-obligation", obligation = m.obligation.label()),
    );
    amount_line(&mut out, m);
    due_lines(&mut out, m, rules);
    if !m.after.is_empty() {
        let after: Vec<String> = m.after.iter().map(|(n, _)| n.to_string()).collect();
        line(
            &mut out,
            crate::tr!("lsp-hover-after", milestones = after.join(", ")),
        );
    }
    payout_lines(&mut out, plan, m);
    for r in &m.risk {
        let how = plans_default(r.is_default);
        let risk = crate::tr!("lsp-hover-risk", stream = r.stream, key = r.key);
        line(&mut out, format!("{risk}{how}"));
    }
    if let Some(judged) = &m.judged {
        line(&mut out, crate::tr!("lsp-hover-judged", judged = judged));
    }
    Some(out)
}

/// The milestone's amount and its split over the streams.
fn amount_line(out: &mut String, m: &Milestone) {
    match &m.amount {
        Some(a) => {
            let split: Vec<String> = a
                .streams
                .iter()
                .map(|(s, amount)| format!("{s} {amount}"))
                .collect();
            line(
                out,
                crate::tr!(
                    "lsp-hover-amount",
                    total = a.total,
                    split = split.join(", ")
                ),
            );
        }
        None => line(out, crate::tr!("lsp-hover-amount-none")),
    }
}

/// The due date and the end of its assessment window, by the rule set's
/// own `Terms` (as the checker and the evaluator compute it).
fn due_lines(out: &mut String, m: &Milestone, rules: Option<&RuleSet>) {
    let Some(due) = m.due else {
        line(out, crate::tr!("lsp-hover-due-not-set"));
        return;
    };
    line(out, crate::tr!("lsp-hover-due", due = due));
    let terms = rules.map(Terms::of);
    if let Some(deadline) = terms
        .as_ref()
        .and_then(|t| t.window.as_ref().map(|w| (t, w)))
        .and_then(|(t, (_, cite))| Some((t.assessment_deadline(due)?, cite)))
    {
        line(
            out,
            crate::tr!(
                "lsp-hover-assessment-deadline",
                date = deadline.0,
                clause = deadline.1.clause,
                citation = deadline.1.citation
            ),
        );
    }
}

/// Who receives each stream's amount; for a key, each member's share.
fn payout_lines(out: &mut String, plan: &Plan, m: &Milestone) {
    for stream in &plan.streams {
        let amount = m.stream_amount(&stream.id);
        let Some(payout) = m.payout_for(&stream.id) else {
            continue;
        };
        let how = plans_default(payout.is_default);
        match &payout.to {
            Recipient::Party(p) => {
                let to = crate::tr!(
                    "lsp-hover-payout-party",
                    stream = stream.id,
                    amount = amount,
                    party = p
                );
                line(out, format!("{to}{how}"));
            }
            Recipient::Key(k) => {
                let to = crate::tr!(
                    "lsp-hover-payout-key",
                    stream = stream.id,
                    amount = amount,
                    key = k
                );
                line(out, format!("{to}{how}:"));
                if let Some(key) = plan.key(k) {
                    out.push_str(&shares(key, amount));
                }
            }
        }
    }
}

/// ` (the plan's default)` after a payout or risk line that the plan's
/// `default` gives, else nothing.
fn plans_default(is_default: bool) -> String {
    if is_default {
        format!(" {}", crate::tr!("lsp-hover-plan-default"))
    } else {
        String::new()
    }
}

fn line(out: &mut String, s: String) {
    out.push_str("- ");
    out.push_str(&s);
    out.push('\n');
}

/// Each member's part of `amount`, divided as the ledger divides it.
fn shares(key: &Key, amount: Money) -> String {
    let weights: Vec<Decimal> = key.members.iter().map(|m| m.weight).collect();
    match allocate(amount, &weights) {
        Some(parts) => key
            .members
            .iter()
            .zip(parts)
            .map(|(m, part)| format!("  - `{}` {part}\n", m.party))
            .collect(),
        None => format!("  - {}\n", crate::tr!("lsp-hover-shares-impossible")),
    }
}

fn party(plan: &Plan, id: &PartyId) -> Option<String> {
    let p = plan.party(id)?;
    let roles: Vec<&str> = p.roles.iter().map(|r| r.as_str()).collect();
    let mut out = format!(
        "{}\n\n",
        crate::tr!("lsp-hover-party", party = p.id, name = p.name)
    );
    let roles = if roles.is_empty() {
        crate::tr!("lsp-hover-roles-none")
    } else {
        roles.join(", ")
    };
    line(&mut out, crate::tr!("lsp-hover-roles", roles = roles));
    if let Some(r) = &p.reference {
        line(&mut out, crate::tr!("lsp-hover-ref", reference = r));
    }
    for s in plan.streams.iter().filter(|s| &s.payer == id) {
        line(&mut out, crate::tr!("lsp-hover-pays-stream", stream = s.id));
    }
    for key in &plan.keys {
        let Some(member) = key.members.iter().find(|m| &m.party == id) else {
            continue;
        };
        let declared = member
            .declared
            .map(|d| crate::tr!("lsp-hover-party-declared", declared = d))
            .unwrap_or_default();
        let share = crate::tr!(
            "lsp-hover-party-key",
            key = key.id,
            weight = dutch(member.weight, false),
            total = key
                .total_weight()
                .map_or_else(|_| crate::tr!("lsp-too-large"), |t| dutch(t, false)),
            share = percent(member.weight, key)
        );
        line(&mut out, format!("{share}{declared}"));
    }
    Some(out)
}

fn key(plan: &Plan, id: &KeyId) -> Option<String> {
    let key = plan.key(id)?;
    let mut out = format!(
        "{}\n\n",
        crate::tr!("lsp-hover-key", key = key.id, title = key.title)
    );
    if let Some(subset) = &key.subset_of {
        out.push_str(&format!(
            "{}\n\n",
            crate::tr!("lsp-hover-key-part-of", parent = subset.parent)
        ));
    }
    out.push_str(&format!(
        "{}\n|---|---:|---:|---:|\n",
        crate::tr!("lsp-hover-key-header")
    ));
    for m in &key.members {
        out.push_str(&format!(
            "| `{}` | {} | {} | {} |\n",
            m.party,
            dutch(m.weight, false),
            percent(m.weight, key),
            m.declared.map(|d| d.to_string()).unwrap_or_default()
        ));
    }
    let sum = key.total_weight();
    out.push_str(&format!(
        "| {} | {} | 100% | {} |\n",
        crate::tr!("lsp-hover-key-sum"),
        sum.map_or_else(|_| crate::tr!("lsp-too-large"), |t| dutch(t, false)),
        key.declared_total
            .as_ref()
            .map(|t| crate::tr!(
                "lsp-hover-key-declared-total",
                total = dutch(t.total, false)
            ))
            .unwrap_or_default()
    ));
    Some(out)
}

/// `weight` as a percentage of the key's sum, to two decimals.
fn percent(weight: Decimal, key: &Key) -> String {
    key.total_weight()
        .ok()
        .and_then(|total| weight.checked_mul(Decimal::ONE_HUNDRED)?.checked_div(total))
        .map_or("?".to_string(), |p| {
            format!("{}%", dutch(p.round_dp(2), false))
        })
}
