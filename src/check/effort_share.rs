//! # C702 effort-share (warning)
//!
//! When the plan declares which share of the money is linked to effort
//! obligations (the Twente plan: "Ongeveer 70% van de transformatiegelden
//! zijn gekoppeld aan [inspannings-]KPI's"), the milestones must bear it
//! out. `declared effort-share 70%` must hold at the precision written
//! (70% → 69,5% up to 70,5%); `declared effort-share about 70%` is a round
//! figure and holds within half its last digit's place (65% up to 75%).
//!
//! ## Fails
//! ```text
//! declared effort-share about 70%
//! // effort milestones carry 55% of the money
//! ```
//! ## Fixed
//! Declare the share the milestones have, or move money between obligations.

use rust_decimal::Decimal;

use super::tolerance::half_place;
use super::{milestone_sum, Check, Context, Sink};
use crate::diagnostic::Severity;
use crate::model::checked::percent_of;
use crate::model::{Milestone, Money, Obligation, Percent};

pub const CHECK: Check = Check {
    code: "C702",
    name: "effort-share",
    severity: Severity::Warning,
    run,
    source: include_str!("effort_share.rs"),
};

/// Half of the place of the last non-zero digit: 70 → 5, 72 → 0,5, 72,5 → 0,05.
fn about_tolerance(p: Decimal) -> Decimal {
    let v = p.normalize();
    if v.scale() > 0 {
        return half_place(v.scale());
    }
    // A whole number: the place of its last non-zero digit (70 → 10).
    let mut rest = v;
    let mut place = Decimal::ONE;
    while !rest.is_zero() && rest.checked_rem(Decimal::TEN).is_some_and(|r| r.is_zero()) {
        let (Some(r), Some(p)) = (
            rest.checked_div(Decimal::TEN),
            place.checked_mul(Decimal::TEN),
        ) else {
            break;
        };
        rest = r;
        place = p;
    }
    // PANIC SAFETY: halving cannot overflow.
    #[allow(clippy::arithmetic_side_effects)]
    let half = place / Decimal::TWO;
    half
}

fn run(ctx: &Context, out: &mut Sink) {
    let Some(declared) = &ctx.plan.effort_share else {
        return;
    };
    let plan = ctx.plan;
    let effort_amount = |m: &Milestone| {
        if m.obligation == Obligation::Effort {
            m.total()
        } else {
            Money::ZERO
        }
    };
    let (total, effort) = match (
        milestone_sum(plan, Milestone::total),
        milestone_sum(plan, effort_amount),
    ) {
        (Ok(total), Ok(effort)) => (total, effort),
        (Err(span), _) | (_, Err(span)) => {
            let d = out.overflow("A702", span, crate::tr!("a702-message"));
            out.push(d);
            return;
        }
    };
    let Some(share) = percent_of(effort.amount(), total.amount()) else {
        return;
    };
    let wanted = declared.share.value();
    let tolerance = if declared.about {
        about_tolerance(wanted)
    } else {
        half_place(wanted.scale())
    };
    let (Some(low), Some(high)) = (wanted.checked_sub(tolerance), wanted.checked_add(tolerance))
    else {
        return;
    };
    if share < low || share > high {
        let d = out
            .report(if declared.about {
                crate::tr!(
                    "c702-about-message",
                    share = Percent::new(share.round_dp(2)),
                    effort = effort,
                    total = total,
                    declared = declared.share
                )
            } else {
                crate::tr!(
                    "c702-message",
                    share = Percent::new(share.round_dp(2)),
                    effort = effort,
                    total = total,
                    declared = declared.share
                )
            })
            .at(
                declared.span,
                crate::tr!(
                    "c702-label",
                    low = Percent::new(low),
                    high = Percent::new(high)
                ),
            )
            .with_help(crate::tr!("c702-help"));
        out.push(d);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn about_means_half_the_last_place() {
        assert_eq!(about_tolerance(Decimal::from(70)), Decimal::from(5));
        assert_eq!(about_tolerance(Decimal::from(72)), Decimal::new(5, 1));
        assert_eq!(about_tolerance(Decimal::new(725, 1)), Decimal::new(5, 2));
    }
}
