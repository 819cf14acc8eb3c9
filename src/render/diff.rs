//! `mijlpaal diff` output: text, JSON, and Markdown for a council letter.

use serde_json::{json, Value};

use crate::diff::{FieldChange, MilestoneChange, PlanDiff};
use crate::eval::{DutyKind, Status};
use crate::i18n::Lang;
use crate::model::Money;

fn opt(s: &Option<String>) -> String {
    s.clone().unwrap_or_else(|| "—".into())
}

fn field_line(f: &FieldChange) -> String {
    let (path, old, new) = shown(f);
    format!("{path}: {old} → {new}")
}

/// A changed field as a reader sees it: path, before, after. In English
/// as the plan's JSON has it (`declared_totals[0].amount`, `300000.00`), as
/// it always was; in another language in words (`gedeclareerd totaal 1 ›
/// bedrag`, `€ 300.000`), for a council letter.
fn shown(f: &FieldChange) -> (String, String, String) {
    if crate::i18n::lang() == Lang::En {
        return (f.path.clone(), opt(&f.old), opt(&f.new));
    }
    let value = |v: &Option<String>| {
        v.as_ref()
            .map_or_else(|| opt(v), |v| value_words(&f.path, v))
    };
    (path_words(&f.path), value(&f.old), value(&f.new))
}

/// `declared_totals[0].amount` as `gedeclareerd totaal 1 › bedrag`; a
/// clause of the rules (`clause assessment-window`) by its keyword.
fn path_words(path: &str) -> String {
    if let Some(clause) = path.strip_prefix("clause ") {
        return crate::tr!("diff-clause", clause = clause);
    }
    path.split('.')
        .map(|segment| match segment.split_once('[') {
            Some((key, rest)) => {
                let number = rest
                    .trim_end_matches(']')
                    .parse::<usize>()
                    .map_or(0, |i| i.saturating_add(1));
                crate::tr!("diff-path-item", field = field_word(key), number = number)
            }
            None => field_word(segment),
        })
        .collect::<Vec<_>>()
        .join(" › ")
}

/// A value of the plan's JSON in words: money as money, a yes or no, the
/// kind of obligation; anything else (dates, names, texts) as it is.
fn value_words(path: &str, v: &str) -> String {
    let mut keys = path.rsplit('.');
    let last = keys.next().unwrap_or("");
    let parent = keys.next().unwrap_or("");
    let money = last == "amount" || parent == "streams";
    match v {
        "true" => return crate::tr!("diff-yes"),
        "false" => return crate::tr!("diff-no"),
        _ => {}
    }
    if money {
        if let Ok(d) = v.parse::<rust_decimal::Decimal>() {
            return Money::new(d).to_string();
        }
    }
    match (last, v) {
        ("obligation", "effort") => crate::model::Obligation::Effort.label(),
        ("obligation", "result") => crate::model::Obligation::Result.label(),
        _ => v.to_string(),
    }
}

/// A key of the plan's JSON as a word; ids (of streams, parties, metrics)
/// that are keys of a map stay as they are.
fn field_word(key: &str) -> String {
    match key {
        "plan" => crate::tr!("diff-field-plan"),
        "title" => crate::tr!("diff-field-title"),
        "rules" => crate::tr!("diff-field-rules"),
        "period" => crate::tr!("diff-field-period"),
        "from" => crate::tr!("diff-field-from"),
        "to" => crate::tr!("diff-field-to"),
        "parties" => crate::tr!("diff-field-parties"),
        "id" => crate::tr!("diff-field-id"),
        "name" => crate::tr!("diff-field-name"),
        "roles" => crate::tr!("diff-field-roles"),
        "streams" => crate::tr!("diff-field-streams"),
        "paid_by" => crate::tr!("diff-field-paid-by"),
        "keys" => crate::tr!("diff-field-keys"),
        "declared_totals" => crate::tr!("diff-field-declared-totals"),
        "by" => crate::tr!("diff-field-by"),
        "amount" => crate::tr!("diff-field-amount"),
        "metrics" => crate::tr!("diff-field-metrics"),
        "kind" => crate::tr!("diff-field-kind"),
        "components" | "component" => crate::tr!("diff-field-component"),
        "number" => crate::tr!("diff-field-number"),
        "text" => crate::tr!("diff-field-text"),
        "obligation" => crate::tr!("diff-field-obligation"),
        "due" => crate::tr!("diff-field-due"),
        "declared" => crate::tr!("diff-field-declared"),
        "after" => crate::tr!("diff-field-after"),
        "payout" => crate::tr!("diff-field-payout"),
        "risk" => crate::tr!("diff-field-risk"),
        "risk_by_stream" => crate::tr!("diff-field-risk-by-stream"),
        "evidence" => crate::tr!("diff-field-evidence"),
        "targets" => crate::tr!("diff-field-targets"),
        "sets_baseline" => crate::tr!("diff-field-sets-baseline"),
        "metric" => crate::tr!("diff-field-metric"),
        "at" => crate::tr!("diff-field-at"),
        "judged" => crate::tr!("diff-field-judged"),
        "window" => crate::tr!("diff-field-window"),
        "op" => crate::tr!("diff-field-op"),
        "value" => crate::tr!("diff-field-value"),
        "numerator" => crate::tr!("diff-field-numerator"),
        "denominator" => crate::tr!("diff-field-denominator"),
        "percent" => crate::tr!("diff-field-percent"),
        "rhs" => crate::tr!("diff-field-rhs"),
        "baseline_of" => crate::tr!("diff-field-baseline-of"),
        "delta" => crate::tr!("diff-field-delta"),
        "absolute" => crate::tr!("diff-field-absolute"),
        "weight" => crate::tr!("diff-field-weight"),
        other => other.to_string(),
    }
}

/// A status id of the diff (`deemed-achieved`, or `(new)` for a milestone
/// the old version lacks) as text tables show statuses.
fn status_word(id: &str) -> String {
    Status::ALL
        .iter()
        .find(|s| s.as_str() == id)
        .map_or_else(|| crate::tr!("diff-status-new"), |s| s.word())
}

/// A kind id of the diff in words.
fn kind_word(id: &str) -> String {
    DutyKind::ALL
        .iter()
        .find(|k| k.as_str() == id)
        .map_or_else(|| id.to_string(), |k| k.label())
}

/// The change of a money figure, signed; "too large" when the difference
/// of two extreme figures does not fit.
fn delta(c: &crate::diff::MoneyChange) -> String {
    c.new
        .checked_sub(c.old)
        .map_or_else(|| crate::tr!("diff-too-large"), signed)
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
        return crate::tr!("diff-none") + "\n";
    }
    let mut out = String::new();
    if !d.plan.is_empty() {
        out.push_str(&(crate::tr!("diff-heading-plan") + "\n"));
        d.plan
            .iter()
            .for_each(|f| out.push_str(&format!("  {}\n", field_line(f))));
    }
    if !d.rules.is_empty() {
        out.push_str(&(crate::tr!("diff-heading-rules") + "\n"));
        d.rules
            .iter()
            .for_each(|f| out.push_str(&format!("  {}\n", field_line(f))));
    }
    if !d.milestones.is_empty() {
        out.push_str(&(crate::tr!("diff-heading-milestones") + "\n"));
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
        out.push_str(&(crate::tr!("diff-heading-statuses") + "\n"));
        for (n, a, b) in &d.statuses {
            out.push_str(&format!("  {n}: {} → {}\n", status_word(a), status_word(b)));
        }
    }
    for (view, _, changes) in &d.money {
        if changes.is_empty() {
            continue;
        }
        out.push_str(&(crate::tr!("diff-heading-money", view = view) + "\n"));
        for c in changes {
            out.push_str(&format!(
                "  {:<16} {:<11} {:<5} {:>16} → {:>16}  ({})\n",
                c.party,
                c.column.word(),
                c.stream.as_str(),
                c.old.to_string(),
                c.new.to_string(),
                delta(c)
            ));
        }
    }
    if !d.duties.is_empty() {
        out.push_str(&(crate::tr!("diff-heading-obligations") + "\n"));
        for o in &d.duties {
            let m = o
                .milestone
                .map(|m| crate::tr!("diff-duty-milestone", milestone = m))
                .unwrap_or_default();
            let a = o.amount.map(|a| format!(" {a}")).unwrap_or_default();
            let sign = if o.added { "+" } else { "-" };
            out.push_str(&format!(
                "  {sign} {}\n",
                crate::tr!(
                    "diff-duty-line",
                    party = o.party,
                    kind = kind_word(o.kind),
                    milestone = m,
                    amount = a,
                    due = o.due
                )
            ));
        }
    }
    out
}

pub fn markdown(d: &PlanDiff, old_name: &str, new_name: &str) -> String {
    let mut out = format!(
        "## {}\n\n",
        crate::tr!("diff-md-title", old = old_name, new = new_name)
    );
    if d.is_empty() {
        out.push_str(&(crate::tr!("diff-md-none") + "\n"));
        return out;
    }
    let (was, becomes) = (crate::tr!("diff-md-was"), crate::tr!("diff-md-becomes"));
    if !d.plan.is_empty() || !d.rules.is_empty() {
        out.push_str(&format!(
            "| {} | {was} | {becomes} |\n|---|---|---|\n",
            crate::tr!("diff-md-field")
        ));
        for f in d.plan.iter().chain(&d.rules) {
            let (path, old, new) = shown(f);
            out.push_str(&format!("| {path} | {old} | {new} |\n"));
        }
        out.push('\n');
    }
    if !d.milestones.is_empty() {
        out.push_str(&format!(
            "### {}\n\n| KPI | {} | {was} | {becomes} |\n|---|---|---|---|\n",
            crate::tr!("diff-md-milestones"),
            crate::tr!("diff-md-change")
        ));
        for m in &d.milestones {
            match m {
                MilestoneChange::Added { number, text } => out.push_str(&format!(
                    "| {number} | {} | — | {text} |\n",
                    crate::tr!("diff-md-added")
                )),
                MilestoneChange::Removed { number, text } => out.push_str(&format!(
                    "| {number} | {} | {text} | — |\n",
                    crate::tr!("diff-md-removed")
                )),
                MilestoneChange::Changed { number, fields } => {
                    for f in fields {
                        let (path, old, new) = shown(f);
                        out.push_str(&format!("| {number} | {path} | {old} | {new} |\n"));
                    }
                }
            }
        }
        out.push('\n');
    }
    if !d.statuses.is_empty() {
        out.push_str(&format!(
            "### {}\n\n| KPI | {was} | {becomes} |\n|---|---|---|\n",
            crate::tr!("diff-md-statuses")
        ));
        for (n, a, b) in &d.statuses {
            out.push_str(&format!(
                "| {n} | {} | {} |\n",
                status_word(a),
                status_word(b)
            ));
        }
        out.push('\n');
    }
    for (view, _, changes) in &d.money {
        if changes.is_empty() {
            continue;
        }
        out.push_str(&format!(
            "### {}\n\n| {} | {} | {} | {was} | {becomes} | {} |\n|---|---|---|---:|---:|---:|\n",
            crate::tr!("diff-md-money", view = view),
            crate::tr!("diff-md-party"),
            crate::tr!("diff-md-column"),
            crate::tr!("diff-md-stream"),
            crate::tr!("diff-md-delta")
        ));
        for c in changes {
            out.push_str(&format!(
                "| {} | {} | {} | {} | {} | {} |\n",
                c.party,
                c.column.word(),
                c.stream,
                c.old,
                c.new,
                delta(c)
            ));
        }
        out.push('\n');
    }
    if !d.duties.is_empty() {
        out.push_str(&format!(
            "### {}\n\n| | {} | {} | KPI | {} | {} |\n|---|---|---|---|---|---:|\n",
            crate::tr!("diff-md-obligations"),
            crate::tr!("diff-md-party"),
            crate::tr!("diff-md-kind"),
            crate::tr!("diff-md-date"),
            crate::tr!("diff-md-amount")
        ));
        for o in &d.duties {
            out.push_str(&format!(
                "| {} | {} | {} | {} | {} | {} |\n",
                if o.added {
                    crate::tr!("diff-md-new")
                } else {
                    crate::tr!("diff-md-gone")
                },
                o.party,
                kind_word(o.kind),
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
