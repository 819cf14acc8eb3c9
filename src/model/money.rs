//! Exact money and percentages. Floats never touch either.

use std::fmt;

use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Serialize, Serializer};

/// An amount in euros, exact to the cent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Money(Decimal);

impl Money {
    pub const ZERO: Money = Money(Decimal::ZERO);

    pub fn new(amount: Decimal) -> Self {
        Money(amount)
    }
    pub fn amount(self) -> Decimal {
        self.0
    }
    pub fn abs(self) -> Money {
        Money(self.0.abs())
    }
    pub fn is_zero(self) -> bool {
        self.0.is_zero()
    }
    /// Rounds to whole cents, half away from zero (the usual rule for payments).
    pub fn round_cents(self) -> Money {
        Money(
            self.0
                .round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero),
        )
    }
    pub fn checked_mul(self, factor: Decimal) -> Option<Money> {
        self.0.checked_mul(factor).map(Money)
    }
    pub fn checked_add(self, other: Money) -> Option<Money> {
        self.0.checked_add(other.0).map(Money)
    }
    pub fn checked_sub(self, other: Money) -> Option<Money> {
        self.0.checked_sub(other.0).map(Money)
    }
    /// `self - other` for two amounts that are not negative, as every amount
    /// of the language is (it has no minus sign for money) and every part of
    /// one: their difference lies within ±`Decimal::MAX`.
    pub fn less(self, other: Money) -> Money {
        debug_assert!(!self.0.is_sign_negative() && !other.0.is_sign_negative());
        // PANIC SAFETY: the difference of two non-negative decimals cannot
        // overflow; a negative operand would be a bug, caught above in tests.
        #[allow(clippy::arithmetic_side_effects)]
        let difference = self.0 - other.0;
        Money(difference)
    }
    /// The sum of `items`, `None` if it does not fit. Money has no `+`:
    /// every sum of figures from input says what happens when it is too large.
    pub fn checked_sum(items: impl IntoIterator<Item = Money>) -> Option<Money> {
        items
            .into_iter()
            .try_fold(Money::ZERO, |acc, m| acc.checked_add(m))
    }
    /// "208000.00": the machine form used in JSON and CSV.
    pub fn to_plain(self) -> String {
        let mut d = self.0;
        d.rescale(2);
        d.to_string()
    }
}

/// Dutch notation, as in the documents: `€ 1.237.000`, `€ 98.500,50`, `-€ 500`.
impl fmt::Display for Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = if self.0.is_sign_negative() && !self.0.is_zero() {
            "-"
        } else {
            ""
        };
        write!(f, "{sign}€ {}", dutch(self.0.abs(), true))
    }
}

impl Serialize for Money {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.to_plain())
    }
}

/// Formats a non-negative decimal the Dutch way. With `cents`, a fraction
/// is shown with two decimals and a whole amount with none. Written into
/// one string of the right size (every amount, count and percentage an
/// evaluation shows passes here).
pub fn dutch(value: Decimal, cents: bool) -> String {
    let mut v = value;
    if cents && v.fract().is_zero() {
        v = v.trunc();
    } else if cents {
        v.rescale(2);
    }
    let s = v.abs().to_string();
    let (int, frac) = match s.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (s.as_str(), None),
    };
    let negative = v.is_sign_negative() && !v.is_zero();
    let mut out = String::with_capacity(s.len().saturating_add(int.len() / 3).saturating_add(1));
    if negative {
        out.push('-');
    }
    // The digits in groups of three from the right, the first group
    // holding what is left over (the digits are ASCII: a byte each).
    let first = match int.len() % 3 {
        0 => int.len().min(3),
        n => n,
    };
    let (head, mut rest) = int.split_at_checked(first).unwrap_or((int, ""));
    out.push_str(head);
    while let Some((group, after)) = rest.split_at_checked(3) {
        out.push('.');
        out.push_str(group);
        rest = after;
    }
    out.push_str(rest);
    if let Some(f) = frac {
        out.push(',');
        out.push_str(f);
    }
    out
}

/// A percentage as written: `value` is in percent points (73 for 73%), and
/// its scale is the precision it was declared with (11,63% → 2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Percent(Decimal);

impl Percent {
    pub fn new(points: Decimal) -> Self {
        Percent(points)
    }
    pub fn value(self) -> Decimal {
        self.0
    }
    /// The fraction it stands for (0,73 for 73%).
    pub fn fraction(self) -> Decimal {
        // PANIC SAFETY: dividing by 100 cannot overflow (it may round in the
        // 28th decimal, far below a cent).
        #[allow(clippy::arithmetic_side_effects)]
        let fraction = self.0 / Decimal::ONE_HUNDRED;
        fraction
    }
}

/// `11,63%`, with the precision it was declared with.
impl fmt::Display for Percent {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}%", dutch(self.0, false))
    }
}

impl Serialize for Percent {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    /// The former `dutch`, a character at a time: the reference for `dutch`.
    fn dutch_by_chars(value: Decimal, cents: bool) -> String {
        let mut v = value;
        if cents && v.fract().is_zero() {
            v = v.trunc();
        } else if cents {
            v.rescale(2);
        }
        let s = v.abs().to_string();
        let (int, frac) = match s.split_once('.') {
            Some((i, f)) => (i.to_string(), Some(f.to_string())),
            None => (s, None),
        };
        let mut grouped = String::new();
        for (i, ch) in int.chars().enumerate() {
            if i > 0 && int.len().saturating_sub(i) % 3 == 0 {
                grouped.push('.');
            }
            grouped.push(ch);
        }
        let sign = if v.is_sign_negative() && !v.is_zero() {
            "-"
        } else {
            ""
        };
        match frac {
            Some(f) => format!("{sign}{grouped},{f}"),
            None => format!("{sign}{grouped}"),
        }
    }

    #[test]
    fn dutch_display() {
        assert_eq!(Money::new(d("1237000")).to_string(), "€ 1.237.000");
        assert_eq!(Money::new(d("98500.5")).to_string(), "€ 98.500,50");
        assert_eq!(Money::new(d("-500")).to_string(), "-€ 500");
        assert_eq!(Money::new(d("0")).to_string(), "€ 0");
        assert_eq!(Percent::new(d("11.63")).to_string(), "11,63%");
        assert_eq!(Percent::new(d("100.00")).to_string(), "100,00%");
    }

    #[test]
    fn plain_form_has_two_decimals() {
        assert_eq!(Money::new(d("208000")).to_plain(), "208000.00");
        assert_eq!(Money::new(d("98500.5")).to_plain(), "98500.50");
    }

    proptest::proptest! {
        /// The grouped string is the one the former character-by-character
        /// `dutch` made: any mantissa up to a `Decimal`'s 96 bits, any scale,
        /// either sign, with and without cents.
        #[test]
        fn dutch_is_the_former_dutch(
            lo in proptest::num::u32::ANY,
            mid in proptest::num::u32::ANY,
            hi in proptest::num::u32::ANY,
            digits in 0u32..4,
            negative in proptest::bool::ANY,
            scale in 0u32..=28,
            cents in proptest::bool::ANY,
        ) {
            // Small mantissas too (no high words), where the groups are few.
            let (mid, hi) = match digits {
                0 => (0, 0),
                1 => (mid % 1000, 0),
                2 => (mid, 0),
                _ => (mid, hi),
            };
            let v = Decimal::from_parts(lo, mid, hi, negative, scale);
            proptest::prop_assert_eq!(dutch(v, cents), dutch_by_chars(v, cents));
        }
    }
}
