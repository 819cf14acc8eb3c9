//! Exact allocation of an amount over weights: largest remainder on whole
//! cents, ties to the larger weight, then to the member listed first. The
//! parts always add up to the whole.

use rust_decimal::Decimal;

use crate::model::Money;

/// Splits `amount` (rounded to cents first) over `weights`, in their order.
/// Returns `None` when the weights cannot be used (none positive, or too
/// large to compute exactly); callers report that as a plan error.
pub fn allocate(amount: Money, weights: &[Decimal]) -> Option<Vec<Money>> {
    let cents = to_cents(amount)?;
    let scale = weights.iter().map(|w| w.scale()).max().unwrap_or(0);
    let ints: Vec<i128> = weights
        .iter()
        .map(|w| scaled(*w, scale))
        .collect::<Option<_>>()?;
    if ints.iter().any(|w| *w < 0) {
        return None;
    }
    let total: i128 = ints.iter().try_fold(0i128, |a, w| a.checked_add(*w))?;
    if total == 0 {
        return None;
    }
    let negative = cents < 0;
    let cents = cents.abs();
    let mut parts = Vec::with_capacity(ints.len());
    let mut remainders = Vec::with_capacity(ints.len());
    for (i, w) in ints.iter().enumerate() {
        let product = cents.checked_mul(*w)?;
        parts.push(product / total);
        remainders.push((product % total, *w, i));
    }
    let given: i128 = parts.iter().sum();
    let left = cents - given;
    // Largest remainder first; ties to the larger weight, then the first listed.
    remainders.sort_by(|a, b| b.0.cmp(&a.0).then(b.1.cmp(&a.1)).then(a.2.cmp(&b.2)));
    for (_, _, i) in remainders.iter().take(usize::try_from(left).ok()?) {
        if let Some(p) = parts.get_mut(*i) {
            *p += 1;
        }
    }
    Some(
        parts
            .into_iter()
            .map(|c| {
                Money::new(Decimal::from_i128_with_scale(
                    if negative { -c } else { c },
                    2,
                ))
            })
            .collect(),
    )
}

fn to_cents(m: Money) -> Option<i128> {
    let r = m.round_cents().amount();
    let mut v = r;
    v.rescale(2);
    Some(v.mantissa())
}

fn scaled(w: Decimal, scale: u32) -> Option<i128> {
    let mut v = w;
    if v.scale() > scale {
        return None;
    }
    v.rescale(scale);
    (v.scale() == scale).then(|| v.mantissa())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn m(s: &str) -> Money {
        Money::new(Decimal::from_str(s).unwrap())
    }
    fn w(v: &[i64]) -> Vec<Decimal> {
        v.iter().map(|x| Decimal::from(*x)).collect()
    }

    #[test]
    fn parts_add_up_to_the_whole() {
        let parts = allocate(m("100"), &w(&[1, 1, 1])).unwrap();
        assert_eq!(parts, vec![m("33.34"), m("33.33"), m("33.33")]);
        assert_eq!(parts.iter().copied().sum::<Money>(), m("100"));
    }

    #[test]
    fn ties_go_to_the_larger_weight_then_the_first() {
        // 2 cents over weights 1 and 3: exactly 0,5 and 1,5 cents; both
        // remainders are equal, so the left-over cent goes to the larger weight.
        assert_eq!(
            allocate(m("0.02"), &w(&[1, 3])).unwrap(),
            vec![m("0.00"), m("0.02")]
        );
        // Equal weights and remainders: the member listed first.
        assert_eq!(
            allocate(m("0.01"), &w(&[1, 1])).unwrap(),
            vec![m("0.01"), m("0.00")]
        );
    }

    #[test]
    fn twente_population_key() {
        // € 109.500 of KPI 11 over the 14 municipalities by population.
        let pop = w(&[
            74776, 24741, 26278, 162317, 24225, 36213, 83655, 35660, 23469, 32021, 38836, 21507,
            34113, 25342,
        ]);
        let parts = allocate(m("109500"), &pop).unwrap();
        assert_eq!(parts.iter().copied().sum::<Money>(), m("109500"));
        // Tubbergen: 109500 x 21507 / 643153 = 3661,6738... → € 3.661,67
        assert_eq!(parts[11], m("3661.67"));
    }

    #[test]
    fn no_weights_no_allocation() {
        assert!(allocate(m("10"), &[]).is_none());
        assert!(allocate(m("10"), &w(&[0, 0])).is_none());
    }
}
