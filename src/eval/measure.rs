//! Targets computed from the facts, before anyone has assessed: counts over
//! their window, shares of two counts, levels against a baseline.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::facts::FactIndex;
use super::model::Measured;
use crate::model::money::dutch;
use crate::model::*;

/// The count of `metric` over `from ..= to`, from the counted facts: a chain
/// of adjacent windows from `from`, taking at each start the widest window
/// (the quarterly exports may be cumulative or per quarter). Returns the sum
/// and the last day covered.
pub fn count(
    idx: &FactIndex,
    metric: &MetricId,
    from: NaiveDate,
    to: NaiveDate,
) -> Option<(Decimal, NaiveDate)> {
    let counts = idx.counted.get(metric)?;
    let mut cursor = from;
    let mut sum = Decimal::ZERO;
    let mut covered = None;
    loop {
        let best = counts
            .iter()
            .filter(|f| f.value.0 == cursor && f.value.1 <= to)
            .max_by_key(|f| (f.value.1, f.date));
        let Some(f) = best else { break };
        sum += f.value.2;
        covered = Some(f.value.1);
        match f.value.1.succ_opt() {
            Some(next) if next <= to => cursor = next,
            _ => break,
        }
    }
    covered.map(|c| (sum, c))
}

/// The latest measurement of `metric` at `date`.
pub fn level(idx: &FactIndex, metric: &MetricId, date: NaiveDate) -> Option<Decimal> {
    idx.measured
        .get(metric)?
        .iter()
        .filter(|f| f.value.1 == date)
        .max_by_key(|f| f.date)
        .map(|f| f.value.0)
}

fn show(d: Decimal) -> String {
    dutch(d.normalize(), false)
}

fn verdict(
    met: bool,
    cmp: Cmp,
    value: String,
    wanted: String,
    complete: bool,
) -> (Option<bool>, String) {
    let sign = match (cmp, met) {
        (Cmp::Ge, true) => "≥",
        (Cmp::Ge, false) => "<",
        (Cmp::Gt, true) => ">",
        (Cmp::Gt, false) => "≤",
        (Cmp::Le, true) => "≤",
        (Cmp::Le, false) => ">",
        (Cmp::Lt, true) => "<",
        (Cmp::Lt, false) => "≥",
        (Cmp::Eq, true) => "=",
        (Cmp::Eq, false) => "≠",
    };
    if complete {
        (
            Some(met),
            format!(
                "{value} {sign} {wanted}: {}",
                if met { "met" } else { "not met" }
            ),
        )
    } else {
        (None, format!("{value} {sign} {wanted} so far"))
    }
}

/// Computes every target of `m` from the facts.
pub fn measure(plan: &Plan, idx: &FactIndex, m: &Milestone) -> Vec<Measured> {
    m.targets
        .iter()
        .map(|t| measure_one(plan, idx, m, t))
        .collect()
}

fn window_of(w: &Window, m: &Milestone, plan: &Plan) -> Option<(NaiveDate, NaiveDate)> {
    let from = w.from.or(plan.period.map(|p| p.from))?;
    let to = w.to.or(m.due)?;
    Some((from, to))
}

fn measure_one(plan: &Plan, idx: &FactIndex, m: &Milestone, t: &Target) -> Measured {
    let none = |target: String, why: &str| {
        // "gesprekken: no counts yet", so that two targets read apart.
        let subject = target.split(' ').nth(1).unwrap_or("").to_string();
        Measured {
            target,
            value: None,
            met: None,
            text: format!("{subject}: {why}"),
        }
    };
    match &t.kind {
        TargetKind::Count {
            metric,
            window,
            cmp,
            value,
        } => {
            let target = format!("count {metric} {} {}", cmp.as_str(), show(*value));
            let Some((from, to)) = window_of(window, m, plan) else {
                return none(target, "no window");
            };
            let Some((sum, covered)) = count(idx, metric, from, to) else {
                return none(target, "no counts yet");
            };
            let complete = covered >= to;
            let met = cmp.holds(sum, *value);
            let (met, mut text) = verdict(
                met,
                *cmp,
                show(sum),
                show(*value),
                complete || (met && cmp.is_minimum()),
            );
            if !complete {
                text.push_str(&format!(" (counted {from} .. {covered})"));
            }
            Measured {
                target,
                value: Some(sum),
                met,
                text,
            }
        }
        TargetKind::Share {
            numerator,
            denominator,
            window,
            cmp,
            value,
        } => {
            let target = format!(
                "share {numerator} of {denominator} {} {value}",
                cmp.as_str()
            );
            let Some((from, to)) = window_of(window, m, plan) else {
                return none(target, "no window");
            };
            let (Some((num, c1)), Some((den, c2))) = (
                count(idx, numerator, from, to),
                count(idx, denominator, from, to),
            ) else {
                return none(target, "no counts yet");
            };
            if den.is_zero() {
                return none(target, "no cases counted yet");
            }
            let share = (num * Decimal::ONE_HUNDRED / den).round_dp(2);
            let complete = c1 >= to && c2 >= to;
            let met = cmp.holds(share, value.value());
            let (met, mut text) = verdict(
                met,
                *cmp,
                format!("{}% ({} of {})", show(share), show(num), show(den)),
                value.to_string(),
                complete,
            );
            if !complete {
                text.push_str(&format!(" (counted {from} .. {})", c1.min(c2)));
            }
            Measured {
                target,
                value: Some(share),
                met,
                text,
            }
        }
        TargetKind::Level {
            metric,
            at,
            cmp,
            rhs,
        } => {
            let (wanted, target) = match rhs {
                LevelRhs::Value(v) => (
                    Some(*v),
                    format!("level {metric} at {at} {} {}", cmp.as_str(), show(*v)),
                ),
                LevelRhs::Baseline {
                    milestone, delta, ..
                } => {
                    let base_date = plan
                        .milestone(*milestone)
                        .and_then(|b| b.baselines.iter().find(|x| &x.metric == metric))
                        .map(|b| b.at);
                    let base = base_date.and_then(|d| level(idx, metric, d));
                    let (wanted, shown) = match delta {
                        Delta::None => (base, String::new()),
                        Delta::Absolute(d) => (
                            base.map(|b| b + *d),
                            format!(
                                " {} {}",
                                if d.is_sign_negative() { "-" } else { "+" },
                                show(d.abs())
                            ),
                        ),
                        Delta::Relative(p) => (
                            base.map(|b| b + b * p.fraction()),
                            format!(
                                " {} {}",
                                if p.value().is_sign_negative() {
                                    "-"
                                } else {
                                    "+"
                                },
                                Percent::new(p.value().abs())
                            ),
                        ),
                    };
                    let base_text = base.map(|b| format!(" ({})", show(b))).unwrap_or_default();
                    (
                        wanted,
                        format!(
                            "level {metric} at {at} {} baseline {milestone}{base_text}{shown}",
                            cmp.as_str()
                        ),
                    )
                }
            };
            let Some(value) = level(idx, metric, *at) else {
                return none(target, "not measured yet");
            };
            let Some(wanted) = wanted else {
                return Measured {
                    target,
                    value: Some(value),
                    met: None,
                    text: format!("{} measured; the baseline is not measured yet", show(value)),
                };
            };
            let met = cmp.holds(value, wanted);
            let (met, text) = verdict(met, *cmp, show(value), show(wanted), true);
            Measured {
                target,
                value: Some(value),
                met,
                text,
            }
        }
    }
}
