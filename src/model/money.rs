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
    let digits = Digits::of(v);
    let (int, frac) = (digits.whole(), digits.fraction());
    let negative = v.is_sign_negative() && !v.is_zero();
    let written = int
        .len()
        .saturating_add(frac.map_or(0, |f| f.len().saturating_add(1)));
    let mut out = String::with_capacity(written.saturating_add(int.len() / 3).saturating_add(1));
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

/// The digits of a decimal's magnitude as `Decimal`'s `Display` writes
/// them, split at the point: the whole part (`0` when there is none) and,
/// for a scale above zero, exactly that many digits of fraction. Made on
/// the stack, without the formatting machinery.
struct Digits {
    /// The digits at the end, zeros before them.
    bytes: [u8; 40],
    start: usize,
    point: usize,
}

impl Digits {
    fn of(v: Decimal) -> Digits {
        let mut bytes = [b'0'; 40];
        let mut start = bytes.len();
        // At most 29 digits (96 bits): they fit, with the zeros before them.
        let mut m = v.mantissa().unsigned_abs();
        while m > 0 {
            start = start.saturating_sub(1);
            let digit = usize::try_from(m % 10)
                .ok()
                .and_then(|d| b"0123456789".get(d));
            if let (Some(slot), Some(digit)) = (bytes.get_mut(start), digit) {
                *slot = *digit;
            }
            m /= 10;
        }
        // At least one digit before the point (the scale is at most 28).
        let scale = usize::try_from(v.scale()).unwrap_or(0);
        let point = bytes.len().saturating_sub(scale);
        Digits {
            bytes,
            start: start.min(point.saturating_sub(1)),
            point,
        }
    }

    fn whole(&self) -> &str {
        self.text(self.start, self.point)
    }

    fn fraction(&self) -> Option<&str> {
        (self.point < self.bytes.len()).then(|| self.text(self.point, self.bytes.len()))
    }

    fn text(&self, from: usize, to: usize) -> &str {
        self.bytes
            .get(from..to)
            .and_then(|b| std::str::from_utf8(b).ok())
            .unwrap_or_default()
    }
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
            let (lo, mid, hi) = match digits {
                0 => (lo % 10, 0, 0),
                1 => (lo, mid % 1000, 0),
                2 => (lo, mid, 0),
                _ => (lo, mid, hi),
            };
            let v = Decimal::from_parts(lo, mid, hi, negative, scale);
            proptest::prop_assert_eq!(dutch(v, cents), dutch_by_chars(v, cents));
        }
    }
}
