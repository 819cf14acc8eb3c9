//! Evaluation results as text tables, JSON and CSV, and one milestone's
//! trace (`explain-milestone`).

use serde_json::{json, Map, Value};

use crate::eval::{
    amount_of, Duty, Evaluation, MilestoneResult, PartyResult, PerStream, MONEY_COLUMNS,
};
use crate::model::{Cite, Money, Plan};

fn sum(v: &PerStream) -> Money {
    v.iter().map(|(_, m)| *m).sum()
}

fn cite_text(c: &Option<Cite>) -> String {
    c.as_ref()
        .map(|c| format!("{} ({})", c.clause, c.citation))
        .unwrap_or_default()
}

// ------------------------------------------------------------------ JSON

fn per_stream(v: &PerStream) -> Value {
    Value::Object(
        v.iter()
            .map(|(s, m)| (s.to_string(), json!(m.to_plain())))
            .collect(),
    )
}

fn cite_json(c: &Option<Cite>) -> Value {
    match c {
        Some(c) => json!({ "clause": c.clause, "citation": c.citation }),
        None => Value::Null,
    }
}

fn milestone_json(m: &MilestoneResult) -> Value {
    json!({
        "number": m.number,
        "status": m.status.as_str(),
        "since": m.since.map(|d| d.to_string()),
        "due": m.due.map(|d| d.to_string()),
        "assessment_deadline": m.assessment_deadline.map(|d| d.to_string()),
        "earned": per_stream(&m.earned),
        "paid": per_stream(&m.paid),
        "outstanding": per_stream(&m.outstanding),
        "repayable": per_stream(&m.repayable),
        "exposure": per_stream(&m.exposure),
        "measured": m.measured.iter().map(|x| json!({
            "target": x.target, "value": x.value.map(|v| v.normalize().to_string()), "met": x.met, "text": x.text,
        })).collect::<Vec<_>>(),
        "reason": m.reason,
        "cite": cite_json(&m.cite),
    })
}

fn party_json_inner(p: &PartyResult) -> Value {
    json!({
        "id": p.id,
        "earned": per_stream(&p.earned),
        "paid": per_stream(&p.paid),
        "outstanding": per_stream(&p.outstanding),
        "repayable": per_stream(&p.repayable),
        "repaid": per_stream(&p.repaid),
        "exposure": per_stream(&p.exposure),
    })
}

fn duty_json(d: &Duty) -> Value {
    json!({
        "party": d.party,
        "kind": d.kind.as_str(),
        "milestone": d.milestone,
        "due": d.due.to_string(),
        "stream": d.stream,
        "amount": d.amount.map(|a| a.to_plain()),
        "overdue": d.overdue,
        "text": d.text,
        "cite": cite_json(&d.cite),
    })
}

pub fn json(e: &Evaluation) -> Value {
    let mut totals = Map::new();
    for (i, name) in MONEY_COLUMNS.iter().enumerate() {
        let mut per: Map<String, Value> = Map::new();
        for s in &e.streams {
            let total: Money = e
                .milestones
                .iter()
                .filter_map(|m| m.money_columns().get(i).map(|(_, v)| amount_of(v, s)))
                .sum();
            per.insert(s.to_string(), json!(total.to_plain()));
        }
        totals.insert(name.to_string(), Value::Object(per));
    }
    json!({
        "at": e.at.to_string(),
        "horizon_days": e.horizon_days,
        "milestones": e.milestones.iter().map(milestone_json).collect::<Vec<_>>(),
        "parties": e.parties.iter().map(party_json_inner).collect::<Vec<_>>(),
        "obligations": e.obligations.iter().map(duty_json).collect::<Vec<_>>(),
        "totals": totals,
        "advances": per_stream(&e.advances),
    })
}

// ------------------------------------------------------------------ text

/// A party's money columns, in the order of [`PARTY_HEADERS`].
fn party_columns(p: &PartyResult) -> [&PerStream; 6] {
    [
        &p.earned,
        &p.paid,
        &p.outstanding,
        &p.repayable,
        &p.repaid,
        &p.exposure,
    ]
}

const PARTY_HEADERS: [&str; 6] = [
    "earned",
    "paid",
    "outstanding",
    "repayable",
    "repaid",
    "exposure",
];

/// A table of party money: a first column, then the six money columns.
fn party_table(first: &str, rows: &[Vec<String>]) -> String {
    let headers: Vec<String> = std::iter::once(first)
        .chain(PARTY_HEADERS)
        .map(String::from)
        .collect();
    table(&headers, rows, &[false, true, true, true, true, true, true])
}

/// A plain table: columns padded to their widest cell, numbers right-aligned.
fn table(headers: &[String], rows: &[Vec<String>], right: &[bool]) -> String {
    let mut widths: Vec<usize> = headers.iter().map(|h| h.chars().count()).collect();
    for r in rows {
        for (i, c) in r.iter().enumerate() {
            if let Some(w) = widths.get_mut(i) {
                *w = (*w).max(c.chars().count());
            }
        }
    }
    let line = |cells: &[String]| {
        let mut out = String::new();
        for (i, c) in cells.iter().enumerate() {
            let w = widths.get(i).copied().unwrap_or(0);
            let pad = w.saturating_sub(c.chars().count());
            if i > 0 {
                out.push_str("  ");
            }
            if right.get(i).copied().unwrap_or(false) {
                out.push_str(&" ".repeat(pad));
                out.push_str(c);
            } else {
                out.push_str(c);
                if i + 1 < cells.len() {
                    out.push_str(&" ".repeat(pad));
                }
            }
        }
        out.trim_end().to_string() + "\n"
    };
    let mut out = line(headers);
    out.push_str(&line(
        &widths.iter().map(|w| "─".repeat(*w)).collect::<Vec<_>>(),
    ));
    for r in rows {
        out.push_str(&line(r));
    }
    out
}

fn amount(v: &PerStream, s: &crate::model::StreamId) -> String {
    v.iter()
        .find(|(x, _)| x == s)
        .map(|(_, m)| m.to_string())
        .unwrap_or_default()
}

pub fn text(e: &Evaluation, plan: &Plan) -> String {
    let mut out = format!("{} ({}) at {}\n\n", plan.title, plan.id, e.at);
    out.push_str("Milestones\n");
    let mut headers: Vec<String> = vec!["#".into(), "status".into(), "due".into()];
    for s in &e.streams {
        headers.push(format!("earned {s}"));
    }
    headers.extend([
        "paid".into(),
        "repayable".into(),
        "exposure".into(),
        "reason".into(),
    ]);
    let mut right = vec![true, false, false];
    right.extend(e.streams.iter().map(|_| true));
    right.extend([true, true, true, false]);
    let rows: Vec<Vec<String>> = e
        .milestones
        .iter()
        .map(|m| {
            let mut r = vec![
                m.number.to_string(),
                m.status.as_str().to_string(),
                m.due.map(|d| d.to_string()).unwrap_or_default(),
            ];
            r.extend(e.streams.iter().map(|s| amount(&m.earned, s)));
            let measured: Vec<&str> = m.measured.iter().map(|x| x.text.as_str()).collect();
            let reason = if measured.is_empty() {
                m.reason.clone()
            } else {
                format!("{}; {}", m.reason, measured.join("; "))
            };
            r.extend([
                sum(&m.paid).to_string(),
                sum(&m.repayable).to_string(),
                sum(&m.exposure).to_string(),
                reason,
            ]);
            r
        })
        .collect();
    out.push_str(&table(&headers, &rows, &right));
    let total = |pick: fn(&MilestoneResult) -> &PerStream| -> Money {
        e.milestones.iter().map(|m| sum(pick(m))).sum()
    };
    out.push_str(&format!(
        "total: earned {}, paid {}, outstanding {}, repayable {}, exposure {}\n\n",
        total(|m| &m.earned),
        total(|m| &m.paid),
        total(|m| &m.outstanding),
        total(|m| &m.repayable),
        total(|m| &m.exposure)
    ));
    out.push_str("Parties\n");
    let rows: Vec<Vec<String>> = e
        .parties
        .iter()
        .map(|p| {
            std::iter::once(p.id.clone())
                .chain(party_columns(p).iter().map(|v| sum(v).to_string()))
                .collect()
        })
        .collect();
    out.push_str(&party_table("party", &rows));
    out.push_str(&format!(
        "\nObligations until {} ({} days)\n",
        e.horizon_end(),
        e.horizon_days
    ));
    if e.obligations.is_empty() {
        out.push_str("none\n");
    } else {
        let headers: Vec<String> = ["due", "party", "kind", "#", "amount", "what", "clause"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let rows: Vec<Vec<String>> = e
            .obligations
            .iter()
            .map(|d| {
                vec![
                    format!("{}{}", d.due, if d.overdue { " (overdue)" } else { "" }),
                    d.party.clone(),
                    d.kind.as_str().to_string(),
                    d.milestone.map(|m| m.to_string()).unwrap_or_default(),
                    d.amount.map(|a| a.to_string()).unwrap_or_default(),
                    d.text.clone(),
                    cite_text(&d.cite),
                ]
            })
            .collect();
        out.push_str(&table(
            &headers,
            &rows,
            &[false, false, false, true, true, false, false],
        ));
    }
    out
}

// ------------------------------------------------------------------ CSV

fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

fn csv_row(cells: &[String]) -> String {
    cells
        .iter()
        .map(|c| csv_field(c))
        .collect::<Vec<_>>()
        .join(",")
        + "\n"
}

fn plain(v: &PerStream, s: &crate::model::StreamId) -> String {
    amount_of(v, s).to_plain()
}

/// CSV of one table: `milestones`, `parties` or `obligations`; money in plain decimals.
pub fn csv(e: &Evaluation, which: &str) -> String {
    let columns = MONEY_COLUMNS;
    match which {
        "parties" => {
            let mut head = vec!["party".to_string()];
            for c in columns.iter().chain(["repaid"].iter()) {
                head.extend(e.streams.iter().map(|s| format!("{c}_{s}")));
            }
            let mut out = csv_row(&head);
            for p in &e.parties {
                let mut r = vec![p.id.clone()];
                for v in [
                    &p.earned,
                    &p.paid,
                    &p.outstanding,
                    &p.repayable,
                    &p.exposure,
                    &p.repaid,
                ] {
                    r.extend(e.streams.iter().map(|s| plain(v, s)));
                }
                out.push_str(&csv_row(&r));
            }
            out
        }
        "obligations" => {
            let mut out = csv_row(
                &[
                    "due",
                    "party",
                    "kind",
                    "milestone",
                    "stream",
                    "amount",
                    "overdue",
                    "text",
                ]
                .map(String::from),
            );
            for d in &e.obligations {
                out.push_str(&csv_row(&[
                    d.due.to_string(),
                    d.party.clone(),
                    d.kind.as_str().to_string(),
                    d.milestone.map(|m| m.to_string()).unwrap_or_default(),
                    d.stream.as_ref().map(|s| s.to_string()).unwrap_or_default(),
                    d.amount.map(|a| a.to_plain()).unwrap_or_default(),
                    d.overdue.to_string(),
                    d.text.clone(),
                ]));
            }
            out
        }
        _ => {
            let mut head = vec![
                "number".to_string(),
                "status".into(),
                "since".into(),
                "due".into(),
            ];
            for c in columns {
                head.extend(e.streams.iter().map(|s| format!("{c}_{s}")));
            }
            head.push("reason".into());
            let mut out = csv_row(&head);
            for m in &e.milestones {
                let mut r = vec![
                    m.number.to_string(),
                    m.status.as_str().to_string(),
                    m.since.map(|d| d.to_string()).unwrap_or_default(),
                    m.due.map(|d| d.to_string()).unwrap_or_default(),
                ];
                for v in [
                    &m.earned,
                    &m.paid,
                    &m.outstanding,
                    &m.repayable,
                    &m.exposure,
                ] {
                    r.extend(e.streams.iter().map(|s| plain(v, s)));
                }
                r.push(m.reason.clone());
                out.push_str(&csv_row(&r));
            }
            out
        }
    }
}

// ------------------------------------------------------------------ trace

/// `explain-milestone`: the milestone, its status and every step with the clause it rests on.
pub fn trace(e: &Evaluation, plan: &Plan, number: crate::model::MilestoneNo) -> Option<String> {
    let m = e.milestones.iter().find(|m| m.number == number)?;
    // The milestone as it stands at the evaluation date (amendments applied).
    let now = plan.as_of(e.at);
    let pm = now.milestone(number)?;
    let mut out = format!(
        "Milestone {} ({}, {}): {}\n",
        m.number,
        pm.obligation.as_str(),
        pm.component,
        pm.text
    );
    out.push_str(&format!(
        "At {}: {} — {}",
        e.at,
        m.status.as_str(),
        m.reason
    ));
    if let Some(c) = &m.cite {
        out.push_str(&format!(" [{} ({})]", c.clause, c.citation));
    }
    out.push_str("\n\nTrace\n");
    for s in &m.trace {
        let date = s
            .date
            .map(|d| d.to_string())
            .unwrap_or_else(|| "          ".into());
        let cite = s
            .cite
            .as_ref()
            .map(|c| format!("  [{} ({})]", c.clause, c.citation))
            .unwrap_or_default();
        out.push_str(&format!("  {date}  {}{cite}\n", s.text));
    }
    if !m.measured.is_empty() {
        out.push_str("\nTargets from the facts\n");
        for x in &m.measured {
            out.push_str(&format!("  {}: {}\n", x.target, x.text));
        }
    }
    out.push_str("\nMoney\n");
    let headers: Vec<String> = [
        "stream",
        "amount",
        "earned",
        "paid",
        "outstanding",
        "repayable",
        "exposure",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    let rows: Vec<Vec<String>> = e
        .streams
        .iter()
        .map(|s| {
            vec![
                s.to_string(),
                pm.stream_amount(s).to_string(),
                amount(&m.earned, s),
                amount(&m.paid, s),
                amount(&m.outstanding, s),
                amount(&m.repayable, s),
                amount(&m.exposure, s),
            ]
        })
        .collect();
    out.push_str(&table(
        &headers,
        &rows,
        &[false, true, true, true, true, true, true],
    ));
    Some(out)
}

// ------------------------------------------------------------------ one party

/// `evaluate --party ID`: one party's money, in total and per milestone,
/// with each milestone's status and the clause it rests on.
pub fn party_text(e: &Evaluation, plan: &Plan, id: &str) -> Option<String> {
    let p = e.parties.iter().find(|p| p.id == id)?;
    let name = plan
        .parties
        .iter()
        .find(|x| x.id.as_str() == id)
        .map(|x| x.name.as_str())
        .unwrap_or(id);
    let mut out = format!("{name} ({id}) in {} at {}\n\n", plan.title, e.at);
    let mut rows: Vec<Vec<String>> = e
        .streams
        .iter()
        .map(|s| {
            std::iter::once(s.to_string())
                .chain(party_columns(p).iter().map(|v| amount(v, s)))
                .collect()
        })
        .collect();
    rows.push(
        std::iter::once("total".to_string())
            .chain(party_columns(p).iter().map(|v| sum(v).to_string()))
            .collect(),
    );
    out.push_str(&party_table("", &rows));
    out.push_str("\nPer milestone\n");
    let headers: Vec<String> = [
        "#",
        "status",
        "earned",
        "paid",
        "outstanding",
        "repayable",
        "exposure",
        "why",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    let rows: Vec<Vec<String>> = p
        .lines
        .iter()
        .filter(|l| {
            [
                &l.earned,
                &l.paid,
                &l.outstanding,
                &l.repayable,
                &l.exposure,
            ]
            .iter()
            .any(|v| !sum(v).is_zero())
        })
        .map(|l| {
            let m = e.milestones.iter().find(|m| m.number == l.milestone);
            let why = m
                .map(|m| match &m.cite {
                    Some(c) => format!("{} [{} ({})]", m.reason, c.clause, c.citation),
                    None => m.reason.clone(),
                })
                .unwrap_or_default();
            vec![
                l.milestone.to_string(),
                m.map(|m| m.status.as_str().to_string()).unwrap_or_default(),
                sum(&l.earned).to_string(),
                sum(&l.paid).to_string(),
                sum(&l.outstanding).to_string(),
                sum(&l.repayable).to_string(),
                sum(&l.exposure).to_string(),
                why,
            ]
        })
        .collect();
    out.push_str(&table(
        &headers,
        &rows,
        &[true, false, true, true, true, true, true, false],
    ));
    let duties: Vec<&Duty> = e.obligations.iter().filter(|d| d.party == id).collect();
    if !duties.is_empty() {
        out.push_str("\nObligations\n");
        for d in duties {
            out.push_str(&format!(
                "  {}{}  {}  [{}]\n",
                d.due,
                if d.overdue { " (overdue)" } else { "" },
                d.text,
                cite_text(&d.cite)
            ));
        }
    }
    Some(out)
}

/// `evaluate --party ID --format json`: the party with its lines per milestone.
pub fn party_json(e: &Evaluation, id: &str) -> Option<Value> {
    let p = e.parties.iter().find(|p| p.id == id)?;
    let mut v = party_json_inner(p);
    if let Value::Object(map) = &mut v {
        map.insert(
            "milestones".into(),
            Value::Array(
                p.lines
                    .iter()
                    .map(|l| {
                        json!({
                            "number": l.milestone,
                            "earned": per_stream(&l.earned),
                            "paid": per_stream(&l.paid),
                            "outstanding": per_stream(&l.outstanding),
                            "repayable": per_stream(&l.repayable),
                            "exposure": per_stream(&l.exposure),
                        })
                    })
                    .collect(),
            ),
        );
    }
    Some(json!({ "at": e.at.to_string(), "party": v }))
}
