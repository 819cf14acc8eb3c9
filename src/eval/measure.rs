//! Targets computed from the facts, before anyone has assessed: counts over
//! their window, shares of two counts, levels against a baseline.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::facts::{Count, Dated, FactIndex};
use super::model::Measured;
use crate::diagnostic::{Diagnostic, Severity};
use crate::model::checked::percent_of;
use crate::model::money::dutch;
use crate::model::*;
use crate::source::{FileId, Span};

/// The count of `metric` over `from ..= to`, from the counted facts: a chain
/// of adjacent windows from `from`, taking at each start the widest window
/// (the quarterly exports may be cumulative or per quarter). Returns the sum
/// and the last day covered.
pub fn count(
    idx: &FactIndex,
    metric: &MetricId,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Option<(Decimal, NaiveDate)>, (FileId, Span)> {
    let Some(counts) = idx.counted.get(metric) else {
        return Ok(None);
    };
    let mut cursor = from;
    let mut sum = Decimal::ZERO;
    let mut covered = None;
    while let Some(f) = widest_window(counts, cursor, to) {
        sum = sum.checked_add(f.value.2).ok_or((f.file, f.span))?;
        covered = Some(f.value.1);
        match f.value.1.succ_opt() {
            Some(next) if next <= to => cursor = next,
            _ => break,
        }
    }
    Ok(covered.map(|c| (sum, c)))
}

/// A501: the counts of a window are too large to add up.
fn count_overflow(metric: &MetricId, (file, span): (FileId, Span)) -> Diagnostic {
    Diagnostic::new(
        "A501",
        Severity::Error,
        crate::tr!("a501-message", metric = metric),
    )
    .in_file(file)
    .at(span, crate::tr!("a501-label"))
    .with_help(crate::tr!("a501-help"))
}

/// A502: a level target's wanted value (baseline plus change) does not fit.
fn level_overflow(plan: &Plan, t: &Target) -> Diagnostic {
    Diagnostic::new("A502", Severity::Error, crate::tr!("a502-message"))
        .in_file(plan.file)
        .at(t.span, crate::tr!("a501-label"))
        .with_help(crate::tr!("a502-help"))
}

/// Of the windows starting on `start` and ending by `to`, the widest, and
/// of those the latest known; the last in the file among equals. `counts`
/// is sorted by (start, end, day known), stable, so that is the last one
/// before the first that starts later or ends after `to`.
fn widest_window(
    counts: &[Dated<Count>],
    start: NaiveDate,
    to: NaiveDate,
) -> Option<&Dated<Count>> {
    let first = counts.partition_point(|f| f.value.0 < start);
    let after = counts.partition_point(|f| (f.value.0, f.value.1) <= (start, to));
    counts.get(first..after)?.last()
}

/// The latest measurement of `metric` at `date`: of the facts measured on
/// `date`, the latest known; the last in the file among equals. The
/// measurements are sorted by (day measured, day known), stable.
pub fn level(idx: &FactIndex, metric: &MetricId, date: NaiveDate) -> Option<Decimal> {
    let levels = idx.measured.get(metric)?;
    let after = levels.partition_point(|f| f.value.1 <= date);
    let last = levels.get(after.checked_sub(1)?)?;
    (last.value.1 == date).then_some(last.value.0)
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
            if met {
                crate::tr!("measured-met", value = value, sign = sign, wanted = wanted)
            } else {
                crate::tr!(
                    "measured-not-met",
                    value = value,
                    sign = sign,
                    wanted = wanted
                )
            },
        )
    } else {
        (
            None,
            crate::tr!(
                "measured-so-far",
                value = value,
                sign = sign,
                wanted = wanted
            ),
        )
    }
}

/// Computes every target of `m` from the facts; figures too large to
/// compute with are reported (A501, A502) and the target shown unmeasured.
pub fn measure(
    plan: &Plan,
    idx: &FactIndex,
    m: &Milestone,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<Measured> {
    m.targets
        .iter()
        .map(|t| measure_one(plan, idx, m, t, diagnostics))
        .collect()
}

fn window_of(w: &Window, m: &Milestone, plan: &Plan) -> Option<(NaiveDate, NaiveDate)> {
    let from = w.from.or(plan.period.map(|p| p.from))?;
    let to = w.to.or(m.due)?;
    Some((from, to))
}

fn measure_one(
    plan: &Plan,
    idx: &FactIndex,
    m: &Milestone,
    t: &Target,
    diagnostics: &mut Vec<Diagnostic>,
) -> Measured {
    let none = |target: String, why: String| {
        // "gesprekken: no counts yet", so that two targets read apart.
        let subject = target.split(' ').nth(1).unwrap_or("").to_string();
        Measured {
            target,
            value: None,
            met: None,
            text: crate::tr!("measured-none", subject = subject, why = why),
        }
    };
    match &t.kind {
        TargetKind::Count {
            metric,
            window,
            cmp,
            value,
        } => {
            // Pieces joined, not `format!`: a target's text is made for
            // every target at every evaluation.
            let target = [
                "count ",
                metric.as_str(),
                " ",
                cmp.as_str(),
                " ",
                &show(*value),
            ]
            .concat();
            let Some((from, to)) = window_of(window, m, plan) else {
                return none(target, crate::tr!("measured-no-window"));
            };
            let (sum, covered) = match count(idx, metric, from, to) {
                Ok(Some(found)) => found,
                Ok(None) => return none(target, crate::tr!("measured-no-counts")),
                Err(at) => {
                    diagnostics.push(count_overflow(metric, at));
                    return none(target, crate::tr!("measured-too-large-to-add"));
                }
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
                text.push_str(&crate::tr!("measured-counted", from = from, to = covered));
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
            let target = [
                "share ",
                numerator.as_str(),
                " of ",
                denominator.as_str(),
                " ",
                cmp.as_str(),
                " ",
                &value.to_string(),
            ]
            .concat();
            let Some((from, to)) = window_of(window, m, plan) else {
                return none(target, crate::tr!("measured-no-window"));
            };
            let (num, den) = match (
                count(idx, numerator, from, to),
                count(idx, denominator, from, to),
            ) {
                (Ok(num), Ok(den)) => (num, den),
                (Err(at), _) => {
                    diagnostics.push(count_overflow(numerator, at));
                    return none(target, crate::tr!("measured-too-large-to-add"));
                }
                (_, Err(at)) => {
                    diagnostics.push(count_overflow(denominator, at));
                    return none(target, crate::tr!("measured-too-large-to-add"));
                }
            };
            let (Some((num, c1)), Some((den, c2))) = (num, den) else {
                return none(target, crate::tr!("measured-no-counts"));
            };
            if den.is_zero() {
                return none(target, crate::tr!("measured-no-cases"));
            }
            let Some(share) = percent_of(num, den).map(|s| s.round_dp(2)) else {
                return none(target, crate::tr!("measured-too-large-share"));
            };
            let complete = c1 >= to && c2 >= to;
            let met = cmp.holds(share, value.value());
            let (met, mut text) = verdict(
                met,
                *cmp,
                crate::tr!(
                    "measured-share",
                    share = show(share),
                    part = show(num),
                    whole = show(den)
                ),
                value.to_string(),
                complete,
            );
            if !complete {
                text.push_str(&crate::tr!(
                    "measured-counted",
                    from = from,
                    to = c1.min(c2)
                ));
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
                    Some(Some(*v)),
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
                        Delta::None => (base.map(Some), String::new()),
                        Delta::Absolute(d) => (
                            base.map(|b| b.checked_add(*d)),
                            format!(
                                " {} {}",
                                if d.is_sign_negative() { "-" } else { "+" },
                                show(d.abs())
                            ),
                        ),
                        Delta::Relative(p) => (
                            base.map(|b| {
                                b.checked_mul(p.fraction()).and_then(|c| b.checked_add(c))
                            }),
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
                return none(target, crate::tr!("measured-not-yet"));
            };
            let wanted = match wanted {
                Some(Some(w)) => Some(w),
                Some(None) => {
                    diagnostics.push(level_overflow(plan, t));
                    return none(target, crate::tr!("measured-too-large-level"));
                }
                None => None,
            };
            let Some(wanted) = wanted else {
                return Measured {
                    target,
                    value: Some(value),
                    met: None,
                    text: crate::tr!("measured-no-baseline", value = show(value)),
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::eval::facts::{order_counts, order_levels, Measurement};

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2025, 1, 1)
            .and_then(|first| first.checked_add_days(chrono::Days::new(u64::from(d))))
            .unwrap_or_default()
    }

    /// Facts with a few days only, so that many share a window, a start or
    /// a day known; each one's span start is its place in the file.
    fn dated<T>(n: usize, known: u32, value: T) -> Dated<T> {
        Dated {
            date: day(known),
            value,
            file: FileId(0),
            span: Span { start: n, end: n },
        }
    }

    proptest::proptest! {
        /// The binary search finds the very fact the former scan of every
        /// count found: of the windows starting on a day and ending by `to`,
        /// the last maximum of (end, day known) in the order the index had
        /// (by day known, start and end, then file order).
        #[test]
        fn widest_window_is_the_scans_choice(
            facts in proptest::collection::vec((0u32..4, 0u32..6, 0u32..6), 0..60),
            start in 0u32..6,
            to in 0u32..7,
        ) {
            let mut counts: Vec<Dated<Count>> = facts
                .iter()
                .enumerate()
                .map(|(n, (known, from, len))| {
                    dated(n, *known, (day(*from), day(from.saturating_add(*len)), Decimal::ZERO))
                })
                .collect();
            counts.sort_by_key(|c| (c.date, c.value.0, c.value.1));
            let mut scanned = counts.clone();
            scanned.sort_by_key(|c| c.value.0);
            let by_scan = scanned
                .iter()
                .filter(|f| f.value.0 == day(start) && f.value.1 <= day(to))
                .max_by_key(|f| (f.value.1, f.date))
                .map(|f| f.span.start);
            order_counts(&mut counts);
            let by_search = widest_window(&counts, day(start), day(to)).map(|f| f.span.start);
            proptest::prop_assert_eq!(by_search, by_scan);
        }

        /// Likewise for levels: of the facts measured on a day, the last of
        /// the latest known, in file order.
        #[test]
        fn level_is_the_scans_choice(
            facts in proptest::collection::vec((0u32..4, 0u32..5), 0..60),
            at in 0u32..6,
        ) {
            let levels: Vec<Dated<Measurement>> = facts
                .iter()
                .enumerate()
                .map(|(n, (known, measured))| {
                    dated(n, *known, (Decimal::from(n), day(*measured)))
                })
                .collect();
            let by_scan = levels
                .iter()
                .filter(|f| f.value.1 == day(at))
                .max_by_key(|f| f.date)
                .map(|f| f.value.0);
            let metric = MetricId::new("m");
            let mut idx = FactIndex::default();
            let mut ordered = levels;
            order_levels(&mut ordered);
            idx.measured.insert(metric.clone(), ordered);
            proptest::prop_assert_eq!(level(&idx, &metric, day(at)), by_scan);
        }
    }
}
