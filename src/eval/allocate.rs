//! Exact allocation of an amount over weights: largest remainder on whole
//! cents, ties to the larger weight, then to the member listed first. The
//! parts always add up to the whole.
//!
//! This is the one division routine: [`allocate`] (a partial amount over the
//! streams) and the ledger (a milestone's columns over a key) both divide
//! through [`Weights`]. It is exact for any weights the language accepts
//! (28 significant digits, up to 28 decimals, mixed scales): weights are
//! brought to one scale as integers of up to about 190 bits, so products and
//! remainders are computed in [`Wide`] (384-bit) integer arithmetic, with a
//! native `u128` path when everything fits.

use std::cmp::Ordering;

use rust_decimal::Decimal;

use crate::model::Money;

/// Splits `amount` (rounded to cents first) over `weights`, in their order.
/// Returns `None` when the weights cannot be used (none positive, or a
/// negative one); callers report that as a plan error.
pub fn allocate(amount: Money, weights: &[Decimal]) -> Option<Vec<Money>> {
    let parts = Weights::new(weights)?.split(amount)?;
    parts.into_iter().map(money_of_cents).collect()
}

/// Whole cents of an amount, rounded half away from zero. Exact for every
/// `Decimal`: the mantissa is scaled up in `i128`, never by `rescale`, which
/// silently keeps a smaller scale when the digits do not fit (a 28-digit
/// amount then read as cents came out 100 times too small).
pub fn cents_of(m: Money) -> Option<i128> {
    let r = m.round_cents().amount();
    let up = 2u32.checked_sub(r.scale())?;
    r.mantissa().checked_mul(10i128.checked_pow(up)?)
}

/// The amount in cents when it is a whole number of cents, else `None`
/// (no rounding). An amount with at most two decimals is one; only one
/// written with more is checked by converting back.
pub fn whole_cents(m: Money) -> Option<i128> {
    let cents = cents_of(m)?;
    if m.amount().scale() <= 2 {
        return Some(cents);
    }
    (money_of_cents(cents)? == m).then_some(cents)
}

/// An amount of cents as `Money`, exactly, or `None` if no `Decimal` holds
/// it: beyond 2^96 - 1 cents (about € 7,9 × 10^26) only amounts in whole
/// tens of cents or whole euros still fit.
pub fn money_of_cents(cents: i128) -> Option<Money> {
    [(1i128, 2u32), (10, 1), (100, 0)]
        .into_iter()
        .filter(|(unit, _)| cents.checked_rem(*unit) == Some(0))
        .find_map(|(unit, scale)| {
            Decimal::try_from_i128_with_scale(cents.checked_div(unit)?, scale).ok()
        })
        .map(Money::new)
}

/// The finest unit (1, 10 or 100 cents) in which every amount of
/// `amounts` is whole and `largest` (in cents, the largest total that will
/// be formed from them) still fits a `Decimal`: cents where they fit, else
/// the unit the amounts are written in. `None` if there is none.
pub fn unit_for(amounts: &[i128], largest: i128) -> Option<i128> {
    [1i128, 10, 100].into_iter().find(|u| {
        amounts.iter().all(|a| a.checked_rem(*u) == Some(0))
            && largest
                .checked_div(*u)
                .and_then(i128::checked_abs)
                .is_some_and(|c| c <= DECIMAL_MANTISSA_MAX)
    })
}

/// Largest mantissa a `Decimal` holds: 2^96 - 1.
const DECIMAL_MANTISSA_MAX: i128 = (1i128 << 96) - 1;

/// The weights of a key (or of the streams of a milestone), prepared once
/// for any number of divisions: non-negative integers at one common scale,
/// and their total.
#[derive(Debug, Clone)]
pub struct Weights {
    ints: Vec<Wide>,
    total: Wide,
    /// The weights and their total again as `u64`, when the total fits:
    /// see [`Weights::divide`].
    narrow: Option<(Vec<u64>, u64)>,
}

impl Weights {
    /// `None` if a weight is negative or none is positive.
    pub fn new(weights: &[Decimal]) -> Option<Weights> {
        if weights.iter().any(|w| w.is_sign_negative() && !w.is_zero()) {
            return None;
        }
        // Trailing zeros say nothing about a weight; dropping them keeps the
        // common scale, and so the integers, as small as the weights allow.
        let normal: Vec<Decimal> = weights.iter().map(|w| w.normalize()).collect();
        let scale = normal.iter().map(|w| w.scale()).max().unwrap_or(0);
        let ints: Vec<Wide> = normal
            .iter()
            .map(|w| {
                let m = u128::try_from(w.mantissa().checked_abs()?).ok()?;
                Wide::from_u128(m).checked_mul(Wide::pow10(scale.checked_sub(w.scale())?)?)
            })
            .collect::<Option<_>>()?;
        let total = ints.iter().try_fold(Wide::ZERO, |a, w| a.checked_add(*w))?;
        let narrow = total
            .to_u128()
            .and_then(|t| u64::try_from(t).ok())
            .and_then(|t| {
                let each = ints.iter().map(|w| u64::try_from(w.to_u128()?).ok());
                Some((each.collect::<Option<Vec<u64>>>()?, t))
            });
        (!total.is_zero()).then_some(Weights {
            ints,
            total,
            narrow,
        })
    }

    pub fn len(&self) -> usize {
        self.ints.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ints.is_empty()
    }

    /// Splits `amount` into parts in cents, one per weight, adding up to the
    /// amount rounded to cents. Parts are whole cents where a `Decimal` can
    /// hold every part's cents; for amounts beyond that (above about
    /// € 7,9 × 10^26) the amount is divided in the unit it is written in
    /// (tens of cents or euros), so that every part is representable.
    pub fn split(&self, amount: Money) -> Option<Vec<i128>> {
        let cents = cents_of(amount)?;
        self.split_in(cents, unit_for(&[cents], cents)?)
    }

    /// Splits `cents` in whole `unit`s of cents (1, 10 or 100): the parts,
    /// in cents, are multiples of `unit`. `None` if `cents` is not.
    pub fn split_in(&self, cents: i128, unit: i128) -> Option<Vec<i128>> {
        if cents.checked_rem(unit)? != 0 {
            return None;
        }
        let parts = self.divide(cents.checked_div(unit)?)?;
        if unit == 1 {
            return Some(parts);
        }
        parts.into_iter().map(|p| p.checked_mul(unit)).collect()
    }

    /// Divides `units` (any sign): each part the floor of its exact share,
    /// the units left one each by largest remainder, ties to the larger
    /// weight, then to the member listed first. `None` only if the quotient
    /// does not fit, which the language's limits rule out.
    ///
    /// Where `units × total` fits a `u64` (cents of amounts up to about
    /// € 10^11 over weights totalling 10^7, say: every real plan) the
    /// division is made in `u64`, one machine division per member; else in
    /// [`Wide`]. Both give the same parts (a property test holds them to it).
    pub fn divide(&self, units: i128) -> Option<Vec<i128>> {
        if self.ints.len() == 1 {
            return Some(vec![units]);
        }
        let narrow = self.narrow.as_ref().and_then(|(ws, t)| {
            let whole = u64::try_from(units.unsigned_abs()).ok()?;
            whole.checked_mul(*t)?;
            Some((ws, *t, whole))
        });
        match narrow {
            Some((ws, total, whole)) => divide_narrow(ws, total, whole, units < 0),
            None => self.divide_wide(units),
        }
    }

    /// [`Weights::divide`] in [`Wide`] arithmetic, for any weights and units.
    pub fn divide_wide(&self, units: i128) -> Option<Vec<i128>> {
        if self.ints.len() == 1 {
            return Some(vec![units]);
        }
        let negative = units < 0;
        let whole = units.unsigned_abs();
        let mut parts: Vec<u128> = Vec::with_capacity(self.ints.len());
        let mut rems: Vec<(Wide, usize)> = Vec::with_capacity(self.ints.len());
        for (i, w) in self.ints.iter().enumerate() {
            let (q, r) = share(whole, w, &self.total)?;
            parts.push(q);
            rems.push((r, i));
        }
        let given = parts.iter().try_fold(0u128, |a, p| a.checked_add(*p))?;
        let left = usize::try_from(whole.checked_sub(given)?).ok()?;
        if left > 0 {
            // Only which members get a unit matters, not their order: select, don't sort.
            let ints = &self.ints;
            let order = |a: &(Wide, usize), b: &(Wide, usize)| -> Ordering {
                let weight = |i: usize| ints.get(i).copied().unwrap_or(Wide::ZERO);
                b.0.cmp(&a.0)
                    .then(weight(b.1).cmp(&weight(a.1)))
                    .then(a.1.cmp(&b.1))
            };
            if left < rems.len() {
                rems.select_nth_unstable_by(left.checked_sub(1)?, order);
            }
            for (_, i) in rems.iter().take(left) {
                if let Some(p) = parts.get_mut(*i) {
                    *p = p.checked_add(1)?;
                }
            }
        }
        parts
            .into_iter()
            .map(|p| {
                let p = i128::try_from(p).ok()?;
                Some(if negative { p.checked_neg()? } else { p })
            })
            .collect()
    }
}

/// [`Weights::divide`] of `whole` units over `weights` (totalling `total`)
/// where `whole × total` fits a `u64`, so every product does.
fn divide_narrow(weights: &[u64], total: u64, whole: u64, negative: bool) -> Option<Vec<i128>> {
    let mut parts = if total < PACKED_TOTAL && weights.len() <= PACKED_MEMBERS {
        floors_then_packed(weights, total, whole)?
    } else {
        floors_then_tuples(weights, total, whole)?
    };
    if negative {
        for p in &mut parts {
            *p = p.checked_neg()?;
        }
    }
    Some(parts)
}

/// Below this total, a remainder and a weight fit 52 bits each of a packed
/// key (see [`floors_then_packed`]).
const PACKED_TOTAL: u64 = 1 << 52;
/// Members a packed key numbers (24 bits), and the mask of those bits.
const PACKED_MEMBERS: usize = 1 << 24;
const MEMBER_BITS: u128 = (1 << 24) - 1;

/// Each member's floor of its exact share, then the units left one each by
/// largest remainder, ties to the larger weight, then to the member listed
/// first. The remainders are first counted per bucket of their top 8 bits
/// (buckets are in the remainders' order): every member in a bucket above
/// the one where the `left` largest end gets a unit, and only that bucket's
/// members are selected among, by the order of `(remainder, weight,
/// !member)` packed in one `u128` each, so the selection compares plain
/// integers. The key is stored inverted (lowest first), which leaves the
/// member's number in its low bits. For `total` below [`PACKED_TOTAL`] and
/// at most [`PACKED_MEMBERS`] members; [`floors_then_tuples`] is the same
/// division for any, and a property test holds the two to `divide_wide`.
fn floors_then_packed(weights: &[u64], total: u64, whole: u64) -> Option<Vec<i128>> {
    // Filled by `push`, not zeroed first: `calloc` of a reused block clears
    // it byte by byte.
    let mut parts: Vec<i128> = Vec::with_capacity(weights.len());
    let mut rems: Vec<u64> = Vec::with_capacity(weights.len());
    // A remainder's bucket: its top 8 bits of `total`'s length (r < total).
    let shift = (u64::BITS.checked_sub(total.leading_zeros())?).saturating_sub(8);
    let bucket = |r: u64| usize::try_from(r.checked_shr(shift).unwrap_or(0)).unwrap_or(0);
    let mut counts = [0u32; 256];
    let mut given: u64 = 0;
    let by = Divisor::new(total)?;
    for w in weights {
        let p = whole.checked_mul(*w)?;
        let (q, r) = by.div_rem(p)?;
        given = given.checked_add(q)?;
        parts.push(i128::from(q));
        rems.push(r);
        if let Some(c) = counts.get_mut(bucket(r)) {
            *c = c.checked_add(1)?;
        }
    }
    let left = usize::try_from(whole.checked_sub(given)?).ok()?;
    if left == 0 {
        return Some(parts);
    }
    // The bucket where the `left` largest remainders end, and how many
    // members are in the buckets above it. (`left` is below the number of
    // members: the remainders add up to `left × total`.)
    let mut above = 0usize;
    let mut edge = None;
    for (b, c) in counts.iter().enumerate().rev() {
        let upto = above.checked_add(usize::try_from(*c).ok()?)?;
        if upto >= left {
            edge = Some(b);
            break;
        }
        above = upto;
    }
    let edge = edge?;
    let mut candidates: Vec<u128> = Vec::new();
    for (i, ((w, part), r)) in weights.iter().zip(&mut parts).zip(&rems).enumerate() {
        let b = bucket(*r);
        if b > edge {
            *part = part.checked_add(1)?;
        } else if b == edge {
            // r < total and w <= total, both below 2^52; i below 2^24.
            let member = MEMBER_BITS ^ u128::try_from(i).ok()?;
            let key = u128::from(*r).checked_shl(76)? | u128::from(*w).checked_shl(24)? | member;
            candidates.push(!key);
        }
    }
    let rest = left.checked_sub(above)?;
    // Only which members get a unit matters, not their order: select, don't sort.
    if rest < candidates.len() {
        candidates.select_nth_unstable(rest.checked_sub(1)?);
    }
    for k in candidates.iter().take(rest) {
        let i = usize::try_from(k & MEMBER_BITS).ok()?;
        if let Some(p) = parts.get_mut(i) {
            *p = p.checked_add(1)?;
        }
    }
    Some(parts)
}

/// Division by one `total` for every member of a key, by multiplying with
/// its reciprocal instead of dividing: a machine division per member was
/// the largest single cost of `evaluate` at 100 000 milestones (one per
/// member for every amount booked), a multiplication is a fraction of it.
/// Exact: the estimate is the quotient or one below it (see `div_rem`),
/// and corrected; a property test holds it to `/` and `%`.
struct Divisor {
    total: u64,
    /// floor((2^64 - 1) / total).
    inverse: u64,
}

impl Divisor {
    fn new(total: u64) -> Option<Divisor> {
        Some(Divisor {
            total,
            inverse: u64::MAX.checked_div(total)?,
        })
    }

    /// (p / total, p % total). With inverse = (2^64 - 1 - s) / total, s
    /// the remainder of 2^64 - 1 by total, p × inverse / 2^64 falls short
    /// of p / total by p × (1 + s) / (total × 2^64) < 1 for p < 2^64, so
    /// the estimate q = floor(p × inverse / 2^64) is the quotient or one
    /// below it, and p - q × total (never negative) is the remainder or
    /// one `total` above it. (The loop would also take a larger shortfall.)
    fn div_rem(&self, p: u64) -> Option<(u64, u64)> {
        let wide = u128::from(p).checked_mul(u128::from(self.inverse))?;
        let mut q = u64::try_from(wide.checked_shr(64)?).ok()?;
        let mut r = p.checked_sub(q.checked_mul(self.total)?)?;
        while r >= self.total {
            q = q.checked_add(1)?;
            r = r.checked_sub(self.total)?;
        }
        Some((q, r))
    }
}

/// [`floors_then_packed`] for any total: the order by tuples.
fn floors_then_tuples(weights: &[u64], total: u64, whole: u64) -> Option<Vec<i128>> {
    // The parts in the vector returned (exactly one per weight: a ledger
    // may keep it, see `ledger::Divisions`).
    let mut parts: Vec<i128> = Vec::with_capacity(weights.len());
    // (remainder, weight, member): best first by largest remainder, then
    // the larger weight, then the member listed first.
    let mut rems: Vec<(u64, u64, usize)> = Vec::with_capacity(weights.len());
    let mut given: u64 = 0;
    let by = Divisor::new(total)?;
    for (i, w) in weights.iter().enumerate() {
        let p = whole.checked_mul(*w)?;
        let (q, r) = by.div_rem(p)?;
        given = given.checked_add(q)?;
        parts.push(i128::from(q));
        rems.push((r, *w, i));
    }
    let left = usize::try_from(whole.checked_sub(given)?).ok()?;
    if left > 0 {
        // Only which members get a unit matters, not their order: select, don't sort.
        let order =
            |a: &(u64, u64, usize), b: &(u64, u64, usize)| (b.0, b.1, a.2).cmp(&(a.0, a.1, b.2));
        if left < rems.len() {
            rems.select_nth_unstable_by(left.checked_sub(1)?, order);
        }
        for (_, _, i) in rems.iter().take(left) {
            if let Some(p) = parts.get_mut(*i) {
                *p = p.checked_add(1)?;
            }
        }
    }
    Some(parts)
}

/// `whole × w / total` as quotient and remainder. The quotient is at most
/// `whole` (w ≤ total), so it fits `u128`.
fn share(whole: u128, w: &Wide, total: &Wide) -> Option<(u128, Wide)> {
    if let (Some(w), Some(t)) = (w.to_u128(), total.to_u128()) {
        if let Some(p) = whole.checked_mul(w) {
            return Some((p.checked_div(t)?, Wide::from_u128(p.checked_rem(t)?)));
        }
    }
    Wide::from_u128(whole).checked_mul(*w)?.div_rem(total)
}

/// An unsigned 384-bit integer, little-endian 64-bit limbs: wide enough for
/// cents (below 2^103) times a weight at the common scale (below 2^190),
/// summed over any number of members.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Wide([u64; LIMBS]);

const LIMBS: usize = 6;
const BITS: u32 = 384;

impl Wide {
    pub const ZERO: Wide = Wide([0; LIMBS]);

    pub fn from_u128(v: u128) -> Wide {
        // Truncating casts on purpose: the low and the high 64 bits.
        let mut limbs = [0u64; LIMBS];
        limbs[0] = v as u64;
        limbs[1] = v.checked_shr(64).unwrap_or(0) as u64;
        Wide(limbs)
    }

    /// 10^n, for n up to 115.
    pub fn pow10(n: u32) -> Option<Wide> {
        (0..n).try_fold(Wide::from_u128(1), |a, _| {
            a.checked_mul(Wide::from_u128(10))
        })
    }

    pub fn is_zero(&self) -> bool {
        self.0.iter().all(|l| *l == 0)
    }

    pub fn to_u128(self) -> Option<u128> {
        let [lo, hi, rest @ ..] = self.0;
        rest.iter()
            .all(|l| *l == 0)
            .then(|| u128::from(lo) | u128::from(hi).checked_shl(64).unwrap_or(0))
    }

    /// The number of significant bits.
    fn bits(&self) -> u32 {
        for (i, l) in self.0.iter().enumerate().rev() {
            if *l != 0 {
                // i < LIMBS: at most 384, no overflow.
                let below = u32::try_from(i).unwrap_or(0).saturating_mul(64);
                return below.saturating_add(64u32.saturating_sub(l.leading_zeros()));
            }
        }
        0
    }

    pub fn checked_add(self, o: Wide) -> Option<Wide> {
        let mut out = [0u64; LIMBS];
        let mut carry = false;
        for ((r, a), b) in out.iter_mut().zip(self.0).zip(o.0) {
            let (s, c1) = a.overflowing_add(b);
            let (s, c2) = s.overflowing_add(u64::from(carry));
            *r = s;
            carry = c1 || c2;
        }
        (!carry).then_some(Wide(out))
    }

    /// `self - o`, for `self >= o`.
    fn checked_sub(self, o: Wide) -> Option<Wide> {
        let mut out = [0u64; LIMBS];
        let mut borrow = false;
        for ((r, a), b) in out.iter_mut().zip(self.0).zip(o.0) {
            let (d, b1) = a.overflowing_sub(b);
            let (d, b2) = d.overflowing_sub(u64::from(borrow));
            *r = d;
            borrow = b1 || b2;
        }
        (!borrow).then_some(Wide(out))
    }

    pub fn checked_mul(self, o: Wide) -> Option<Wide> {
        let mut out = [0u64; LIMBS];
        for (i, a) in self.0.iter().enumerate() {
            if *a == 0 {
                continue;
            }
            let mut carry: u128 = 0;
            for (j, b) in o.0.iter().enumerate() {
                let k = i.checked_add(j)?;
                // a × b + out + carry < 2^128: (2^64-1)^2 + 2 (2^64-1) = 2^128 - 1.
                let cur = u128::from(*a)
                    .checked_mul(u128::from(*b))?
                    .checked_add(u128::from(out.get(k).copied().unwrap_or(0)))?
                    .checked_add(carry)?;
                match out.get_mut(k) {
                    // The low 64 bits stay here, the high ones carry.
                    Some(slot) => *slot = cur as u64,
                    None if cur == 0 => {}
                    None => return None,
                }
                carry = cur.checked_shr(64).unwrap_or(0);
            }
            if carry != 0 {
                let k = i.checked_add(LIMBS)?;
                match out.get_mut(k) {
                    Some(slot) => *slot = carry as u64,
                    None => return None,
                }
            }
        }
        Some(Wide(out))
    }

    /// `self << n`, or `None` if bits would be lost.
    fn checked_shl(self, n: u32) -> Option<Wide> {
        if self.is_zero() {
            return Some(self);
        }
        if self.bits().checked_add(n)? > BITS {
            return None;
        }
        let limbs = usize::try_from(n.checked_div(64)?).ok()?;
        let bits = n.checked_rem(64)?;
        let mut out = [0u64; LIMBS];
        for (i, slot) in out.iter_mut().enumerate() {
            let Some(src) = i.checked_sub(limbs) else {
                continue;
            };
            let lo = self.0.get(src).copied().unwrap_or(0);
            let below = src
                .checked_sub(1)
                .and_then(|j| self.0.get(j))
                .copied()
                .unwrap_or(0);
            *slot = if bits == 0 {
                lo
            } else {
                lo.checked_shl(bits).unwrap_or(0)
                    | below.checked_shr(64u32.checked_sub(bits)?).unwrap_or(0)
            };
        }
        Some(Wide(out))
    }

    /// Quotient and remainder, when the quotient fits `u128`: shift and
    /// subtract, one bit of quotient per step (at most 128 steps).
    pub fn div_rem(self, d: &Wide) -> Option<(u128, Wide)> {
        if d.is_zero() {
            return None;
        }
        if self < *d {
            return Some((0, self));
        }
        let shift = self.bits().checked_sub(d.bits())?;
        if shift >= 128 {
            return None;
        }
        let mut r = self;
        let mut q: u128 = 0;
        for k in (0..=shift).rev() {
            let t = d.checked_shl(k)?;
            if r >= t {
                r = r.checked_sub(t)?;
                q |= 1u128.checked_shl(k)?;
            }
        }
        Some((q, r))
    }
}

impl Ord for Wide {
    fn cmp(&self, o: &Wide) -> Ordering {
        self.0.iter().rev().cmp(o.0.iter().rev())
    }
}

impl PartialOrd for Wide {
    fn partial_cmp(&self, o: &Wide) -> Option<Ordering> {
        Some(self.cmp(o))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn m(s: &str) -> Money {
        Money::new(Decimal::from_str(s).unwrap())
    }
    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }
    fn w(v: &[i64]) -> Vec<Decimal> {
        v.iter().map(|x| Decimal::from(*x)).collect()
    }

    #[test]
    fn parts_add_up_to_the_whole() {
        let parts = allocate(m("100"), &w(&[1, 1, 1])).unwrap();
        assert_eq!(parts, vec![m("33.34"), m("33.33"), m("33.33")]);
        assert_eq!(Money::checked_sum(parts.iter().copied()), Some(m("100")));
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
        assert_eq!(Money::checked_sum(parts.iter().copied()), Some(m("109500")));
        // Tubbergen: 109500 x 21507 / 643153 = 3661,6738... → € 3.661,67
        assert_eq!(parts[11], m("3661.67"));
    }

    #[test]
    fn no_weights_no_allocation() {
        assert!(allocate(m("10"), &[]).is_none());
        assert!(allocate(m("10"), &w(&[0, 0])).is_none());
    }

    #[test]
    fn mixed_scales_beyond_i128_are_exact() {
        // Weights 10^27 and 10^-28 at one scale are 10^55 and 1: their
        // product with the cents no longer fits i128. € 1.000.000.000 over
        // them: the second gets 10^11 × 10^-28 / (10^27 + 10^-28) cents,
        // far below one cent, so all goes to the first.
        let ws = vec![
            d("1000000000000000000000000000"),
            d("0.0000000000000000000000000001"),
        ];
        assert_eq!(
            allocate(m("1000000000"), &ws).unwrap(),
            vec![m("1000000000"), m("0")]
        );
        // Three weights of 28 digits with 27 decimals: 1,000…0, 2,000…0 and
        // 0,000…01 (scale 27). € 300 = 30 000 cents: 10 000 and 20 000 cents
        // exactly, less a fraction; the remainders give the cents back to
        // the first two. Exact shares: 30000 × 10^27 / (3 × 10^27 + 1)
        // = 9 999,99…67 and 19 999,99…33, and 0,00…1 for the third: floors
        // 9 999, 19 999 and 0, remainders 3·10^27 - 9 999, 3·10^27 - 19 999
        // and 30 000; the two cents left go to the first two.
        let ws = vec![
            d("1.000000000000000000000000000"),
            d("2.000000000000000000000000000"),
            d("0.000000000000000000000000001"),
        ];
        assert_eq!(
            allocate(m("300"), &ws).unwrap(),
            vec![m("100"), m("200"), m("0")]
        );
    }

    #[test]
    fn a_28_digit_amount_is_not_read_100_times_smaller() {
        // € 9.999.999.999.999.999.999.999.999.999 (28 nines) over two equal
        // weights: its cents do not fit a Decimal, so it is divided in euros:
        // 4.999.999.999.999.999.999.999.999.999,5 → the odd euro to the first.
        let amount = m("9999999999999999999999999999");
        let parts = allocate(amount, &w(&[1, 1])).unwrap();
        assert_eq!(
            parts,
            vec![
                m("5000000000000000000000000000"),
                m("4999999999999999999999999999")
            ]
        );
        assert_eq!(
            cents_of(amount),
            Some(999_999_999_999_999_999_999_999_999_900)
        );
    }

    #[test]
    fn wide_arithmetic() {
        let big = Wide::pow10(55).unwrap();
        let (q, r) = big
            .checked_mul(Wide::from_u128(123))
            .unwrap()
            .checked_add(Wide::from_u128(7))
            .unwrap()
            .div_rem(&big)
            .unwrap();
        assert_eq!((q, r), (123, Wide::from_u128(7)));
        // An exact multiple: the last step subtracts a divisor equal to what is left.
        let four = big.checked_mul(Wide::from_u128(4)).unwrap();
        assert_eq!(four.div_rem(&big), Some((4, Wide::ZERO)));
        // Against u128 arithmetic where it fits.
        for (a, b) in [
            (u128::MAX, 3u128),
            (1 << 100, (1 << 50) + 1),
            (12345, 12345),
        ] {
            assert_eq!(
                Wide::from_u128(a).div_rem(&Wide::from_u128(b)),
                Some((a / b, Wide::from_u128(a % b)))
            );
        }
        assert!(Wide::pow10(116).is_none());
        assert_eq!(
            Wide::from_u128(u128::MAX).checked_add(Wide::from_u128(1)),
            Wide::from_u128(1).checked_shl(128)
        );
    }

    /// A weight: small (as in every real key), extreme (28 digits, up to
    /// 28 decimals) or zero.
    fn weight() -> impl proptest::strategy::Strategy<Value = Decimal> {
        use proptest::prelude::*;
        prop_oneof![
            4 => (0u64..2_000_000, 0u32..4).prop_map(|(m, s)| Decimal::new(m as i64, s)),
            1 => (any::<u64>(), 0u32..29).prop_map(|(m, s)| Decimal::from_i128_with_scale(i128::from(m), s)),
            1 => (0u128..(1u128 << 96), 0u32..29)
                .prop_map(|(m, s)| Decimal::from_i128_with_scale(m as i128, s)),
            1 => Just(Decimal::ZERO),
        ]
    }

    /// The weights of a key: all small (many ties among a few values, or
    /// populations over hundreds of members), or any mix of weights.
    fn weights() -> impl proptest::strategy::Strategy<Value = Vec<Decimal>> {
        use proptest::prelude::*;
        prop_oneof![
            proptest::collection::vec((0i64..4).prop_map(Decimal::from), 1..40),
            proptest::collection::vec((0i64..300_000).prop_map(Decimal::from), 1..400),
            proptest::collection::vec(weight(), 1..60),
        ]
    }

    /// Units to divide: mostly cents of real amounts, sometimes up to the
    /// largest a division meets (2^103 cents), of either sign.
    fn units() -> impl proptest::strategy::Strategy<Value = i128> {
        use proptest::prelude::*;
        prop_oneof![
            4 => -10_000_000_000i128..10_000_000_000,
            1 => any::<i64>().prop_map(i128::from),
            1 => -(1i128 << 103)..(1i128 << 103),
            1 => Just(0i128),
        ]
    }

    proptest::proptest! {
        /// `whole_cents` is the amount in cents exactly when converting its
        /// cents back gives the amount (the test the timeline made before),
        /// for every scale, sign and size.
        #[test]
        fn whole_cents_is_the_round_trip(
            mantissa in proptest::prop_oneof![
                -100_000i128..100_000,
                proptest::prelude::any::<i64>().prop_map(i128::from),
                -((1i128 << 96) - 1)..(1i128 << 96),
            ],
            scale in 0u32..=28,
        ) {
            if let Ok(d) = Decimal::try_from_i128_with_scale(mantissa, scale) {
                let m = Money::new(d);
                let round_trip = cents_of(m).filter(|c| money_of_cents(*c) == Some(m));
                proptest::prop_assert_eq!(whole_cents(m), round_trip);
            }
        }
    }

    proptest::proptest! {
        /// The `u64` division gives exactly the parts of the `Wide` one.
        #[test]
        fn narrow_division_is_the_wide_one(
            weights in weights(),
            units in units(),
        ) {
            if let Some(w) = Weights::new(&weights) {
                let parts = w.divide(units);
                proptest::prop_assert_eq!(&parts, &w.divide_wide(units));
                if let Some(parts) = parts {
                    proptest::prop_assert_eq!(parts.iter().sum::<i128>(), units);
                }
            }
        }
    }

    proptest::proptest! {
        /// The bucketed selection of packed keys gives exactly the parts of
        /// the selection by tuples, ties and all.
        #[test]
        fn packed_selection_is_the_tuples_one(
            weights in proptest::prop_oneof![
                proptest::collection::vec(0u64..4, 1..40),
                proptest::collection::vec(0u64..300_000_000, 1..400),
                proptest::collection::vec(0u64..(1 << 44), 1..60),
            ],
            whole in proptest::prelude::any::<u64>(),
        ) {
            let total: u64 = weights.iter().sum();
            if total > 0 && total < PACKED_TOTAL {
                // `whole × total` fits a u64, as `divide` makes sure.
                let whole = u64::MAX.checked_div(total).and_then(|m| whole.checked_rem(m)).unwrap_or(0);
                let packed = floors_then_packed(&weights, total, whole);
                proptest::prop_assert!(packed.is_some());
                proptest::prop_assert_eq!(packed, floors_then_tuples(&weights, total, whole));
            }
        }
    }

    use proptest::strategy::Strategy as _;

    proptest::proptest! {
        /// The reciprocal gives the machine's quotient and remainder, for
        /// totals and products of every size, the edges included.
        #[test]
        #[allow(clippy::arithmetic_side_effects)]
        fn divisor_is_division(
            total in proptest::prop_oneof![
                1u64..4,
                1u64..1_000_000,
                proptest::num::u64::ANY.prop_map(|t| t.max(1)),
                (0u32..64).prop_map(|b| 1u64 << b),
                (1u32..64).prop_map(|b| (1u64 << b).saturating_add(1)),
                (1u32..65).prop_map(|b| u64::MAX >> (64 - b)),
            ],
            p in proptest::prop_oneof![
                proptest::num::u64::ANY,
                0u64..1_000,
                (u64::MAX - 1_000)..=u64::MAX,
            ],
        ) {
            let by = Divisor::new(total).unwrap();
            proptest::prop_assert_eq!(by.div_rem(p), Some((p / total, p % total)));
            for k in [0u64, 1, 2, 3] {
                let m = (p / total).saturating_sub(k).saturating_mul(total);
                proptest::prop_assert_eq!(by.div_rem(m), Some((m / total, m % total)));
            }
        }
    }

    /// `eval::division_units` skips zero amounts as zero cents.
    #[test]
    fn zero_of_any_scale_is_zero_cents() {
        for scale in 0..=28 {
            for negative in [false, true] {
                let mut zero = Decimal::new(0, scale);
                zero.set_sign_negative(negative);
                assert_eq!(cents_of(Money::new(zero)), Some(0), "{zero}");
            }
        }
    }

    #[test]
    fn narrow_division_is_used_for_real_keys() {
        let key = Weights::new(&w(&[74776, 24741, 26278])).unwrap();
        assert!(key.narrow.is_some());
        // 100 cents over 3 equal weights: 34, 33, 33 in both.
        let eq = Weights::new(&w(&[5, 5, 5])).unwrap();
        assert_eq!(eq.divide(100), Some(vec![34, 33, 33]));
        assert_eq!(eq.divide(-100), Some(vec![-34, -33, -33]));
        assert_eq!(eq.divide_wide(-100), Some(vec![-34, -33, -33]));
        // Beyond u64: the Wide path, the same answer.
        let big = 1i128 << 100;
        assert_eq!(key.divide(big), key.divide_wide(big));
    }
}
