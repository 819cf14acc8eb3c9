//! # C104 same-ratio (warning)
//!
//! When the plan states that every milestone splits over the streams in the
//! same ratio (`split same-ratio`), each milestone's split must follow the
//! plan's ratio. The ratio is taken from the first declared total with a
//! split, or else from the sum of all milestones. A stream amount may differ
//! from the exact ratio by the rounding its figures show: half of the step
//! the milestone's stream amounts are written in (€ 1.000 for 82.000 and
//! 92.000, € 500 for 98.500), or by `within € X` when the plan gives one.
//!
//! ## Fails
//! ```text
//! declared total € 200.000 { iza € 100.000, spuk € 100.000 }
//! split same-ratio
//! amount € 100.000 { iza € 60.000, spuk € 40.000 }   // 60%, not 50%
//! ```
//! ## Fixed
//! ```text
//! amount € 100.000 { iza € 50.000, spuk € 50.000 }
//! ```

use super::tolerance::{half_unit, step_of};
use super::{milestone_sum, Check, Context, Sink};
use crate::diagnostic::Severity;
use crate::model::checked::{distance, percent_of, pro_rata};
use crate::model::{Milestone, Money, StreamAmounts};

pub const CHECK: Check = Check {
    code: "C104",
    name: "same-ratio",
    severity: Severity::Warning,
    run,
    source: include_str!("same_ratio.rs"),
};

fn reference(ctx: &Context) -> Option<(Money, StreamAmounts)> {
    if let Some(d) = ctx
        .plan
        .declared_totals
        .iter()
        .find(|d| !d.streams.is_empty())
    {
        return Some((d.total, d.streams.clone()));
    }
    // Overflowing sums are C102's finding (A102).
    let total = milestone_sum(ctx.plan, Milestone::total).ok()?;
    let streams = ctx
        .plan
        .streams
        .iter()
        .map(|s| {
            Some((
                s.id.clone(),
                milestone_sum(ctx.plan, |m| m.stream_amount(&s.id)).ok()?,
            ))
        })
        .collect::<Option<_>>()?;
    Some((total, streams))
}

fn percent(part: Money, whole: Money) -> String {
    if whole.is_zero() {
        return "-".to_string();
    }
    match percent_of(part.amount(), whole.amount()) {
        Some(p) => format!("{}%", crate::model::money::dutch(p.round_dp(2), false)),
        None => "-".to_string(),
    }
}

fn run(ctx: &Context, out: &mut Sink) {
    let Some(rule) = &ctx.plan.same_ratio else {
        return;
    };
    let Some((ref_total, ref_streams)) = reference(ctx) else {
        return;
    };
    if ref_total.is_zero() {
        return;
    }
    for m in &ctx.plan.milestones {
        let Some(a) = &m.amount else { continue };
        if a.total.is_zero() || a.streams.is_empty() {
            continue;
        }
        let allowed = rule.within.unwrap_or_else(|| {
            half_unit(step_of(
                &a.streams.iter().map(|(_, x)| *x).collect::<Vec<_>>(),
            ))
        });
        for (s, ref_amount) in &ref_streams {
            let actual = m.stream_amount(s);
            let expected =
                pro_rata(a.total.amount(), ref_amount.amount(), ref_total.amount()).map(Money::new);
            let Some((expected, diff)) = expected.and_then(|e| Some((e, distance(actual, e)?)))
            else {
                let d = out.overflow(
                    "A104",
                    a.span,
                    crate::tr!("a104-message", milestone = m.number, stream = s),
                );
                out.push(d);
                break;
            };
            if diff > allowed {
                // One finding per milestone: the other stream deviates by the same amount.
                let d = out
                    .report(crate::tr!(
                        "c104-message",
                        milestone = m.number,
                        stream = s,
                        share = percent(actual, a.total),
                        plan_share = percent(*ref_amount, ref_total)
                    ))
                    .at(
                        a.span,
                        crate::tr!(
                            "c104-label",
                            actual = actual,
                            expected = expected.round_cents()
                        ),
                    )
                    .also(rule.span, crate::tr!("c104-label-rule"))
                    .with_help(crate::tr!(
                        "c104-help",
                        diff = diff.round_cents(),
                        allowed = allowed
                    ));
                out.push(d);
                break;
            }
        }
    }
}
