//! `mijlpaal show --format json`: the lowered model, for other tools.

use serde_json::{json, Map, Value};

use crate::model::*;

fn money(m: Money) -> Value {
    Value::String(m.to_plain())
}

fn streams(s: &StreamAmounts) -> Value {
    Value::Object(
        s.iter()
            .map(|(id, m)| (id.to_string(), money(*m)))
            .collect(),
    )
}

fn window(w: &Window) -> Value {
    json!({ "from": w.from.map(|d| d.to_string()), "to": w.to.map(|d| d.to_string()) })
}

fn target(t: &Target) -> Value {
    match &t.kind {
        TargetKind::Count {
            metric,
            window: w,
            cmp,
            value,
        } => json!({
            "kind": "count", "metric": metric, "window": window(w), "op": cmp.as_str(), "value": value.to_string(),
        }),
        TargetKind::Share {
            numerator,
            denominator,
            window: w,
            cmp,
            value,
        } => json!({
            "kind": "share", "numerator": numerator, "denominator": denominator, "window": window(w),
            "op": cmp.as_str(), "percent": value.value().to_string(),
        }),
        TargetKind::Level {
            metric,
            at,
            cmp,
            rhs,
        } => {
            let rhs = match rhs {
                LevelRhs::Value(v) => json!({ "value": v.to_string() }),
                LevelRhs::Baseline {
                    milestone, delta, ..
                } => {
                    let delta = match delta {
                        Delta::None => Value::Null,
                        Delta::Absolute(d) => json!({ "absolute": d.to_string() }),
                        Delta::Relative(p) => json!({ "percent": p.value().to_string() }),
                    };
                    json!({ "baseline_of": milestone, "delta": delta })
                }
            };
            json!({ "kind": "level", "metric": metric, "at": at.to_string(), "op": cmp.as_str(), "rhs": rhs })
        }
    }
}

fn milestone(m: &Milestone) -> Value {
    let payout: Map<String, Value> = m
        .payout
        .iter()
        .map(|p| (p.stream.to_string(), json!(p.to.as_str())))
        .collect();
    // One risk key for the milestone when all streams that bear risk share it.
    let risk = match m.risk.as_slice() {
        [] => Value::Null,
        [first, rest @ ..] if rest.iter().all(|r| r.key == first.key) => json!(first.key),
        _ => Value::Null,
    };
    let risk_by_stream: Map<String, Value> = m
        .risk
        .iter()
        .map(|r| (r.stream.to_string(), json!(r.key)))
        .collect();
    json!({
        "number": m.number,
        "component": m.component,
        "text": m.text,
        "obligation": m.obligation.as_str(),
        "due": m.due.map(|d| d.to_string()),
        "amount": money(m.total()),
        "streams": m.amount.as_ref().map(|a| streams(&a.streams)).unwrap_or_else(|| json!({})),
        "declared": m.declared.iter().map(|d| json!({
            "by": d.by, "amount": money(d.total), "streams": streams(&d.streams),
        })).collect::<Vec<_>>(),
        "after": m.after.iter().map(|(n, _)| n.0).collect::<Vec<_>>(),
        "payout": payout,
        "risk": risk,
        "risk_by_stream": risk_by_stream,
        "evidence": m.evidence,
        "targets": m.targets.iter().map(target).collect::<Vec<_>>(),
        "sets_baseline": m.baselines.iter().map(|b| json!({ "metric": b.metric, "at": b.at.to_string() })).collect::<Vec<_>>(),
        "judged": m.judged,
    })
}

pub fn plan_json(plan: &Plan) -> Value {
    let keys: Map<String, Value> = plan
        .keys
        .iter()
        .map(|k| {
            let members: Map<String, Value> = k
                .members
                .iter()
                .map(|m| (m.party.to_string(), json!(m.weight.to_string())))
                .collect();
            (k.id.to_string(), Value::Object(members))
        })
        .collect();
    json!({
        "plan": plan.id,
        "title": plan.title,
        "rules": plan.rules.as_ref().map(|r| r.name.clone()),
        "period": plan.period.map(|p| json!({ "from": p.from.to_string(), "to": p.to.to_string() })),
        "parties": plan.parties.iter().map(|p| json!({
            "id": p.id, "name": p.name, "roles": p.roles.iter().map(|r| r.as_str()).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
        "streams": plan.streams.iter().map(|s| json!({ "id": s.id, "name": s.name, "paid_by": s.payer })).collect::<Vec<_>>(),
        "keys": keys,
        "declared_totals": plan.declared_totals.iter().map(|d| json!({
            "by": d.by, "amount": money(d.total), "streams": streams(&d.streams),
        })).collect::<Vec<_>>(),
        "metrics": plan.metrics.iter().map(|m| json!({
            "id": m.id, "title": m.title, "kind": match m.kind { MetricKind::Count => "count", MetricKind::Level => "level" },
        })).collect::<Vec<_>>(),
        "components": plan.components.iter().map(|c| json!({ "number": c.number, "name": c.name })).collect::<Vec<_>>(),
        "milestones": plan.milestones.iter().map(milestone).collect::<Vec<_>>(),
        "addresses": plan.addresses.iter().map(|a| json!({ "criterion": a.criterion, "pointer": a.pointer })).collect::<Vec<_>>(),
    })
}
