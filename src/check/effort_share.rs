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

use super::{Check, Context, Sink};
use crate::diagnostic::Severity;
use crate::model::{Money, Obligation, Percent};

pub const CHECK: Check = Check {
    code: "C702",
    name: "effort-share",
    severity: Severity::Warning,
    run,
    source: include_str!("effort_share.rs"),
};

/// Half of the place of the last non-zero digit: 70 → 5, 72 → 0,5, 72,5 → 0,05.
fn about_tolerance(p: Decimal) -> Decimal {
    let mut v = p.normalize();
    let place = if v.scale() == 0 {
        let mut place = Decimal::ONE;
        while !v.is_zero() && (v % Decimal::TEN).is_zero() {
            v /= Decimal::TEN;
            place *= Decimal::TEN;
        }
        place
    } else {
        Decimal::new(1, v.scale())
    };
    place / Decimal::TWO
}

fn run(ctx: &Context, out: &mut Sink) {
    let Some(declared) = &ctx.plan.effort_share else {
        return;
    };
    let total: Money = ctx.plan.milestones.iter().map(|m| m.total()).sum();
    if total.is_zero() {
        return;
    }
    let effort: Money = ctx
        .plan
        .milestones
        .iter()
        .filter(|m| m.obligation == Obligation::Effort)
        .map(|m| m.total())
        .sum();
    let share = effort.amount() * Decimal::ONE_HUNDRED / total.amount();
    let wanted = declared.share.value();
    let tolerance = if declared.about {
        about_tolerance(wanted)
    } else {
        Decimal::new(5, wanted.scale() + 1)
    };
    if (share - wanted).abs() > tolerance {
        let d = out
            .report(format!(
                "effort milestones carry {} of the money ({effort} of {total}), but the plan declares {}{}",
                Percent::new(share.round_dp(2)),
                if declared.about { "about " } else { "" },
                declared.share
            ))
            .at(declared.span, format!("holds from {} to {}", Percent::new(wanted - tolerance), Percent::new(wanted + tolerance)))
            .with_help("declare the share the milestones carry, or move money between effort and result milestones");
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
