//! `mijlpaal diff` output: text, JSON, and Markdown for a council letter.

use serde_json::{json, Value};

use crate::diff::{FieldChange, MilestoneChange, PlanDiff};
use crate::model::Money;

fn opt(s: &Option<String>) -> String {
    s.clone().unwrap_or_else(|| "—".into())
}

fn field_line(f: &FieldChange) -> String {
    format!("{}: {} → {}", f.path, opt(&f.old), opt(&f.new))
}

/// The change of a money figure, signed; "too large" when the difference
/// of two extreme figures does not fit.
fn delta(c: &crate::diff::MoneyChange) -> String {
    c.new
        .checked_sub(c.old)
        .map_or_else(|| "too large to show".to_string(), signed)
}

fn signed(m: Money) -> String {
    if m.amount().is_sign_positive() && !m.is_zero() {
        format!("+{m}")
    } else {
        m.to_string()
    }
}

pub fn text(d: &PlanDiff) -> String {
    if d.is_empty() {
        return "no differences\n".into();
    }
    let mut out = String::new();
    if !d.plan.is_empty() {
        out.push_str("Plan\n");
        d.plan
            .iter()
            .for_each(|f| out.push_str(&format!("  {}\n", field_line(f))));
    }
    if !d.rules.is_empty() {
        out.push_str("Rules\n");
        d.rules
            .iter()
            .for_each(|f| out.push_str(&format!("  {}\n", field_line(f))));
    }
    if !d.milestones.is_empty() {
        out.push_str("Milestones\n");
        for m in &d.milestones {
            match m {
                MilestoneChange::Added { number, text } => {
                    out.push_str(&format!("  + {number}: {text}\n"))
                }
                MilestoneChange::Removed { number, text } => {
                    out.push_str(&format!("  - {number}: {text}\n"))
                }
                MilestoneChange::Changed { number, fields } => {
                    out.push_str(&format!("  ~ {number}\n"));
                    fields
                        .iter()
                        .for_each(|f| out.push_str(&format!("      {}\n", field_line(f))));
                }
            }
        }
    }
    if !d.statuses.is_empty() {
        out.push_str("Statuses\n");
        for (n, a, b) in &d.statuses {
            out.push_str(&format!("  {n}: {a} → {b}\n"));
        }
    }
    for (view, _, changes) in &d.money {
        if changes.is_empty() {
            continue;
        }
        out.push_str(&format!("Money per party, {view}\n"));
        for c in changes {
            out.push_str(&format!(
                "  {:<16} {:<11} {:<5} {:>16} → {:>16}  ({})\n",
                c.party,
                c.column.name(),
                c.stream.as_str(),
                c.old.to_string(),
                c.new.to_string(),
                delta(c)
            ));
        }
    }
    if !d.duties.is_empty() {
        out.push_str("Obligations\n");
        for o in &d.duties {
            let m = o
                .milestone
                .map(|m| format!(" milestone {m}"))
                .unwrap_or_default();
            let a = o.amount.map(|a| format!(" {a}")).unwrap_or_default();
            let sign = if o.added { "+" } else { "-" };
            out.push_str(&format!(
                "  {sign} {} {}{m}{a} by {}\n",
                o.party, o.kind, o.due
            ));
        }
    }
    out
}

pub fn markdown(d: &PlanDiff, old_name: &str, new_name: &str) -> String {
    let mut out = format!("## Wijzigingen: `{old_name}` → `{new_name}`\n\n");
    if d.is_empty() {
        out.push_str("Geen verschillen.\n");
        return out;
    }
    if !d.plan.is_empty() || !d.rules.is_empty() {
        out.push_str("| onderdeel | was | wordt |\n|---|---|---|\n");
        for f in d.plan.iter().chain(&d.rules) {
            out.push_str(&format!(
                "| {} | {} | {} |\n",
                f.path,
                opt(&f.old),
                opt(&f.new)
            ));
        }
        out.push('\n');
    }
    if !d.milestones.is_empty() {
        out.push_str("### Mijlpalen\n\n| KPI | wijziging | was | wordt |\n|---|---|---|---|\n");
        for m in &d.milestones {
            match m {
                MilestoneChange::Added { number, text } => {
                    out.push_str(&format!("| {number} | toegevoegd | — | {text} |\n"))
                }
                MilestoneChange::Removed { number, text } => {
                    out.push_str(&format!("| {number} | vervallen | {text} | — |\n"))
                }
                MilestoneChange::Changed { number, fields } => {
                    for f in fields {
                        out.push_str(&format!(
                            "| {number} | {} | {} | {} |\n",
                            f.path,
                            opt(&f.old),
                            opt(&f.new)
                        ));
                    }
                }
            }
        }
        out.push('\n');
    }
    if !d.statuses.is_empty() {
        out.push_str("### Status van mijlpalen\n\n| KPI | was | wordt |\n|---|---|---|\n");
        for (n, a, b) in &d.statuses {
            out.push_str(&format!("| {n} | {a} | {b} |\n"));
        }
        out.push('\n');
    }
    for (view, _, changes) in &d.money {
        if changes.is_empty() {
            continue;
        }
        out.push_str(&format!("### Gevolgen per partij ({view})\n\n| partij | kolom | stroom | was | wordt | verschil |\n|---|---|---|---:|---:|---:|\n"));
        for c in changes {
            out.push_str(&format!(
                "| {} | {} | {} | {} | {} | {} |\n",
                c.party,
                c.column.name(),
                c.stream,
                c.old,
                c.new,
                delta(c)
            ));
        }
        out.push('\n');
    }
    if !d.duties.is_empty() {
        out.push_str("### Verplichtingen\n\n| | partij | soort | KPI | datum | bedrag |\n|---|---|---|---|---|---:|\n");
        for o in &d.duties {
            out.push_str(&format!(
                "| {} | {} | {} | {} | {} | {} |\n",
                if o.added {
                    "nieuw"
                } else {
                    "niet meer (binnen de horizon)"
                },
                o.party,
                o.kind,
                o.milestone.map(|m| m.to_string()).unwrap_or_default(),
                o.due,
                o.amount.map(|a| a.to_string()).unwrap_or_default()
            ));
        }
    }
    out
}

fn field_json(f: &FieldChange) -> Value {
    json!({ "path": f.path, "old": f.old, "new": f.new })
}

pub fn json(d: &PlanDiff) -> Value {
    json!({
        "plan": d.plan.iter().map(field_json).collect::<Vec<_>>(),
        "rules": d.rules.iter().map(field_json).collect::<Vec<_>>(),
        "milestones": d.milestones.iter().map(|m| match m {
            MilestoneChange::Added { number, text } => json!({ "number": number, "change": "added", "text": text }),
            MilestoneChange::Removed { number, text } => json!({ "number": number, "change": "removed", "text": text }),
            MilestoneChange::Changed { number, fields } => json!({ "number": number, "change": "changed", "fields": fields.iter().map(field_json).collect::<Vec<_>>() }),
        }).collect::<Vec<_>>(),
        "statuses": d.statuses.iter().map(|(n, a, b)| json!({ "number": n, "old": a, "new": b })).collect::<Vec<_>>(),
        "money": d.money.iter().map(|(view, at, changes)| json!({
            "view": view,
            "at": at.to_string(),
            "changes": changes.iter().map(|c| json!({
                "party": c.party, "column": c.column.name(), "stream": c.stream,
                "old": c.old.to_plain(), "new": c.new.to_plain(), "delta": c.new.checked_sub(c.old).map(Money::to_plain),
            })).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
        "obligations": d.duties.iter().map(|o| json!({
            "change": if o.added { "added" } else { "removed" },
            "party": o.party, "kind": o.kind, "milestone": o.milestone, "due": o.due.to_string(),
            "amount": o.amount.map(|a| a.to_plain()),
        })).collect::<Vec<_>>(),
    })
}
