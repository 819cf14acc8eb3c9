//! Rounding tolerances: how far a figure may be from another and still be
//! the same figure rounded. Shared by the checks that compare figures.

use rust_decimal::Decimal;

use crate::model::Money;

/// A figure rounded to whole `unit`s is at most half a unit from the truth.
pub fn half_unit(unit: Money) -> Money {
    // PANIC SAFETY: halving cannot overflow.
    #[allow(clippy::arithmetic_side_effects)]
    let half = unit.amount() / Decimal::TWO;
    Money::new(half)
}

/// The coarsest step, among the usual ones, in which all `amounts` are
/// written: € 1.000 for 82.000 and 92.000, € 500 for 98.500. Amounts written
/// in a step were rounded to it, so each may be half a step off.
pub fn step_of(amounts: &[Money]) -> Money {
    const STEPS: [i64; 7] = [1000, 500, 100, 50, 10, 5, 1];
    let nonzero: Vec<Decimal> = amounts
        .iter()
        .map(|m| m.amount())
        .filter(|a| !a.is_zero())
        .collect();
    for step in STEPS {
        let s = Decimal::from(step);
        if !nonzero.is_empty()
            && nonzero
                .iter()
                .all(|a| a.checked_rem(s).is_some_and(|r| r.is_zero()))
        {
            return Money::new(s);
        }
    }
    Money::new(Decimal::new(1, 2))
}

/// Half of the last decimal place of a figure written with `scale`
/// decimals: 2 → 0,005. At the finest scale (28) that place cannot be
/// halved exactly, so it is the place itself.
pub fn half_place(scale: u32) -> Decimal {
    Decimal::try_new(5, scale.saturating_add(1))
        .unwrap_or_else(|_| Decimal::new(1, Decimal::MAX_SCALE))
}

/// Rounds `value` to the precision `like` was written with (11,63 → 2 decimals).
pub fn round_like(value: Decimal, like: Decimal) -> Decimal {
    value.round_dp_with_strategy(
        like.scale(),
        rust_decimal::RoundingStrategy::MidpointAwayFromZero,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn m(s: &str) -> Money {
        Money::new(Decimal::from_str(s).unwrap())
    }

    #[test]
    fn steps_follow_the_figures() {
        assert_eq!(step_of(&[m("82000"), m("92000")]), m("1000"));
        assert_eq!(step_of(&[m("98500"), m("109500")]), m("500"));
        assert_eq!(step_of(&[m("98510"), m("109500")]), m("10"));
        assert_eq!(step_of(&[m("0.5")]), m("0.01"));
        assert_eq!(half_unit(m("1000")), m("500"));
        assert_eq!(
            round_like(
                Decimal::from_str("11.62647").unwrap(),
                Decimal::from_str("11.63").unwrap()
            )
            .to_string(),
            "11.63"
        );
    }
}
