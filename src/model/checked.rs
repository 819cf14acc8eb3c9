//! Checked arithmetic on figures from input: sums and shares that say
//! "too large" (`None`, or the item that overflowed) instead of panicking,
//! wrapping or saturating. Every figure in a plan, rule set or facts file
//! comes from a stranger; `rust_decimal` holds at most 28 significant digits,
//! and 47 amounts of 28 digits do not add up inside it.

use rust_decimal::Decimal;

use super::Money;

/// The sum of `items`, or the index of the first item that made it overflow.
pub fn sum_decimal(items: impl IntoIterator<Item = Decimal>) -> Result<Decimal, usize> {
    items
        .into_iter()
        .enumerate()
        .try_fold(Decimal::ZERO, |acc, (i, x)| acc.checked_add(x).ok_or(i))
}

/// The sum of `items`, or the index of the first item that made it overflow.
pub fn sum_money(items: impl IntoIterator<Item = Money>) -> Result<Money, usize> {
    sum_decimal(items.into_iter().map(Money::amount)).map(Money::new)
}

/// `|a - b|`, `None` on overflow.
pub fn distance(a: Money, b: Money) -> Option<Money> {
    a.checked_sub(b).map(Money::abs)
}

/// `part` as a percentage of `whole` (`part × 100 / whole`); `None` when
/// `whole` is zero or the result does not fit.
pub fn percent_of(part: Decimal, whole: Decimal) -> Option<Decimal> {
    if whole.is_zero() {
        return None;
    }
    // Multiply first for precision; for very large parts divide first.
    part.checked_mul(Decimal::ONE_HUNDRED)
        .and_then(|p| p.checked_div(whole))
        .or_else(|| {
            // Multiplying a quotient by 100 keeps its scale (0,5 → 50,0): normalise.
            part.checked_div(whole)
                .and_then(|q| q.checked_mul(Decimal::ONE_HUNDRED))
                .map(|p| p.normalize())
        })
}

/// `amount × numerator / denominator`: a part of `amount` in the ratio of two
/// figures; `None` when the denominator is zero or the result does not fit.
pub fn pro_rata(amount: Decimal, numerator: Decimal, denominator: Decimal) -> Option<Decimal> {
    if denominator.is_zero() {
        return None;
    }
    amount
        .checked_mul(numerator)
        .and_then(|p| p.checked_div(denominator))
        .or_else(|| {
            numerator
                .checked_div(denominator)
                .and_then(|r| amount.checked_mul(r))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sums_name_the_item_that_overflowed() {
        assert_eq!(
            sum_decimal([1, 2, 3].map(Decimal::from)),
            Ok(Decimal::from(6))
        );
        assert_eq!(
            sum_decimal([Decimal::MAX, Decimal::ONE, Decimal::ONE]),
            Err(1)
        );
        assert_eq!(sum_money([]), Ok(Money::ZERO));
    }

    #[test]
    fn shares_of_huge_figures() {
        // 10^27 of 3 × 10^27 is 33,33...%: multiplying by 100 first overflows.
        let big = Decimal::from_i128_with_scale(10i128.pow(27), 0);
        let whole = big.checked_mul(Decimal::from(3)).unwrap();
        let p = percent_of(big, whole).unwrap();
        assert_eq!(p.round_dp(2), Decimal::new(3333, 2));
        assert_eq!(percent_of(Decimal::ONE, Decimal::ZERO), None);
        assert_eq!(percent_of(Decimal::MAX, Decimal::new(1, 28)), None);
        assert_eq!(
            pro_rata(Decimal::from(300), Decimal::from(1), Decimal::from(3)),
            Some(Decimal::from(100))
        );
        assert_eq!(pro_rata(Decimal::MAX, Decimal::MAX, Decimal::ONE), None);
    }

    #[test]
    fn differences_are_checked() {
        let max = Money::new(Decimal::MAX);
        let min = Money::new(Decimal::MIN);
        assert_eq!(max.checked_sub(min), None);
        assert_eq!(distance(Money::ZERO, max), Some(max));
    }
}
