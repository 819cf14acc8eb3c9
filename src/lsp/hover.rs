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
        Kind::Role => {
            let role = crate::model::Role::parse(&o.name)?;
            let holders: Vec<String> = plan
                .map(|p| {
                    p.parties_with(role)
                        .map(|x| format!("`{}`", x.id))
                        .collect()
                })
                .unwrap_or_default();
            Some(if holders.is_empty() {
                format!("**role `{}`**", o.name)
            } else {
                format!("**role `{}`**: {}", o.name, holders.join(", "))
            })
        }
        Kind::Milestone => {
            let no = MilestoneNo(o.name.parse().ok()?);
            milestone(plan?, plan?.milestone(no)?, rules)
        }
        Kind::Party => party(plan?, &PartyId::new(&o.name)),
        Kind::Key => key(plan?, &KeyId::new(&o.name)),
        Kind::Stream => {
            let plan = plan?;
            let s = plan.stream(&StreamId::new(&o.name))?;
            Some(format!(
                "**stream `{}`**: {}\n\npaid by `{}`; {} in all milestones",
                s.id,
                s.name,
                s.payer,
                Money::checked_sum(plan.milestones.iter().map(|m| m.stream_amount(&s.id)))
                    .map_or("too large".to_string(), |m| m.to_string())
            ))
        }
        Kind::Metric => {
            let m = plan?.metric(&crate::model::MetricId::new(&o.name))?;
            let kind = match m.kind {
                crate::model::MetricKind::Count => "count",
                crate::model::MetricKind::Level => "level",
            };
            Some(format!("**metric `{}`** ({kind}): {}", m.id, m.title))
        }
        Kind::Document => {
            let d = plan?.document(&crate::model::DocumentId::new(&o.name))?;
            Some(format!(
                "**document `{}`**: {}\n\namounts in {}",
                d.id, d.title, d.unit
            ))
        }
        Kind::Rules => {
            let r = rules?;
            (r.id.as_str() == o.name).then(|| {
                format!(
                    "**rule set `{}`**: {}\n\n{} clauses",
                    r.id,
                    r.title,
                    r.clauses.len()
                )
            })
        }
        Kind::Plan => plan.map(|p| format!("**plan `{}`**: {}", p.id, p.title)),
        Kind::Component => {
            let plan = plan?;
            let n: u32 = o.name.parse().ok()?;
            let c = plan.components.iter().find(|c| c.number.0 == n)?;
            let milestones: Vec<&Milestone> = plan
                .milestones
                .iter()
                .filter(|m| m.component.0 == n)
                .collect();
            let total = Money::checked_sum(milestones.iter().map(|m| m.total()));
            Some(format!(
                "**component {n}**: {}\n\n{} milestones, {}",
                c.name,
                milestones.len(),
                total.map_or("too large".to_string(), |m| m.to_string())
            ))
        }
    }
}

fn clause(o: &Occurrence, rules: &RuleSet) -> Option<String> {
    let (_, index) = o.name.split_once('#')?;
    let c = rules.clauses.get(index.parse::<usize>().ok()?)?;
    let keyword = c.kind.keyword();
    Some(format!(
        "**clause `{}`** ({})\n\n{}\n\nform: `{}`",
        keyword.as_str(),
        c.citation,
        capitalised(keyword.meaning()),
        keyword.form()
    ))
}

/// Also for a clause kind written but not lowered (completion's detail).
pub fn keyword_meaning(word: &str) -> Option<String> {
    Keyword::parse(word).map(|k| capitalised(k.meaning()))
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
        "**milestone {}** (component {})\n\n{}\n\n",
        m.number, m.component, m.text
    );
    line(&mut out, format!("obligation: {}", m.obligation.as_str()));
    match &m.amount {
        Some(a) => {
            let split: Vec<String> = a
                .streams
                .iter()
                .map(|(s, amount)| format!("{s} {amount}"))
                .collect();
            line(
                &mut out,
                format!("amount: {} ({})", a.total, split.join(", ")),
            );
        }
        None => line(&mut out, "amount: none".to_string()),
    }
    let terms = rules.map(Terms::of);
    match m.due {
        Some(due) => {
            line(&mut out, format!("due: {due}"));
            if let Some(deadline) = terms
                .as_ref()
                .and_then(|t| t.window.as_ref().map(|w| (t, w)))
                .and_then(|(t, (_, cite))| Some((t.assessment_deadline(due)?, cite)))
            {
                line(
                    &mut out,
                    format!(
                        "assessment deadline: {} (`{}`, {})",
                        deadline.0, deadline.1.clause, deadline.1.citation
                    ),
                );
            }
        }
        None => line(&mut out, "due: not set".to_string()),
    }
    if !m.after.is_empty() {
        let after: Vec<String> = m.after.iter().map(|(n, _)| n.to_string()).collect();
        line(&mut out, format!("after: {}", after.join(", ")));
    }
    for stream in &plan.streams {
        let amount = m.stream_amount(&stream.id);
        let Some(payout) = m.payout_for(&stream.id) else {
            continue;
        };
        let how = if payout.is_default {
            " (the plan's default)"
        } else {
            ""
        };
        match &payout.to {
            Recipient::Party(p) => line(&mut out, format!("{} {amount} to `{p}`{how}", stream.id)),
            Recipient::Key(k) => {
                line(
                    &mut out,
                    format!("{} {amount} to key `{k}`{how}:", stream.id),
                );
                if let Some(key) = plan.key(k) {
                    out.push_str(&shares(key, amount));
                }
            }
        }
    }
    for r in &m.risk {
        let how = if r.is_default {
            " (the plan's default)"
        } else {
            ""
        };
        out.push_str(&format!("- risk: {} by `{}`{how}\n", r.stream, r.key));
    }
    if let Some(judged) = &m.judged {
        out.push_str(&format!("- judged: {judged}\n"));
    }
    Some(out)
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
        None => "  - (the key's weights cannot divide money)\n".to_string(),
    }
}

fn party(plan: &Plan, id: &PartyId) -> Option<String> {
    let p = plan.party(id)?;
    let roles: Vec<&str> = p.roles.iter().map(|r| r.as_str()).collect();
    let mut out = format!("**party `{}`**: {}\n\n", p.id, p.name);
    out.push_str(&format!(
        "- roles: {}\n",
        if roles.is_empty() {
            "none".to_string()
        } else {
            roles.join(", ")
        }
    ));
    if let Some(r) = &p.reference {
        out.push_str(&format!("- ref: {r}\n"));
    }
    for s in plan.streams.iter().filter(|s| &s.payer == id) {
        out.push_str(&format!("- pays stream `{}`\n", s.id));
    }
    for key in &plan.keys {
        let Some(member) = key.members.iter().find(|m| &m.party == id) else {
            continue;
        };
        let declared = member
            .declared
            .map(|d| format!(", declared {d}"))
            .unwrap_or_default();
        out.push_str(&format!(
            "- key `{}`: {} of {} = {}{declared}\n",
            key.id,
            dutch(member.weight, false),
            key.total_weight()
                .map_or("too large".to_string(), |t| dutch(t, false)),
            percent(member.weight, key)
        ));
    }
    Some(out)
}

fn key(plan: &Plan, id: &KeyId) -> Option<String> {
    let key = plan.key(id)?;
    let mut out = format!("**key `{}`**: {}\n\n", key.id, key.title);
    if let Some(subset) = &key.subset_of {
        out.push_str(&format!("part of key `{}`\n\n", subset.parent));
    }
    out.push_str("| member | weight | share | declared |\n|---|---:|---:|---:|\n");
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
        "| sum | {} | 100% | {} |\n",
        sum.map_or("too large".to_string(), |t| dutch(t, false)),
        key.declared_total
            .as_ref()
            .map(|t| format!("{} (total)", dutch(t.total, false)))
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
