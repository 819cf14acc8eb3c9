//! Money per party: each milestone's amounts divided over the parties of
//! its recipient (payout) or risk key, exactly to the cent, with the same
//! rule as [`super::allocate::allocate`]. Built for speed: parties and
//! streams are positions, each key's integer weights are prepared once.

use std::collections::{BTreeMap, HashMap};

use rust_decimal::Decimal;

use crate::model::{KeyId, MilestoneNo, Money, Plan, Recipient};

/// The six money columns of a party.
pub const EARNED: usize = 0;
pub const PAID: usize = 1;
pub const OUTSTANDING: usize = 2;
pub const REPAYABLE: usize = 3;
pub const REPAID: usize = 4;
pub const EXPOSURE: usize = 5;
pub const COLUMNS: usize = 6;

/// A recipient's parties with integer weights, ready to divide cents.
#[derive(Debug, Clone)]
pub struct Shares {
    members: Vec<usize>,
    weights: Vec<i128>,
    total: i128,
}

impl Shares {
    fn new(members: Vec<(usize, Decimal)>) -> Option<Shares> {
        let scale = members.iter().map(|(_, w)| w.scale()).max().unwrap_or(0);
        let mut weights = Vec::with_capacity(members.len());
        for (_, w) in &members {
            let mut v = *w;
            v.rescale(scale);
            if v.is_sign_negative() {
                return None;
            }
            weights.push(v.mantissa());
        }
        let total = weights.iter().try_fold(0i128, |a, w| a.checked_add(*w))?;
        (total > 0).then(|| Shares {
            members: members.into_iter().map(|(p, _)| p).collect(),
            weights,
            total,
        })
    }

    /// Divides `cents`: largest remainder, ties to the larger weight, then
    /// the member listed first. `None` on overflow.
    fn divide(&self, cents: i128) -> Option<Vec<i128>> {
        if self.members.len() == 1 {
            return Some(vec![cents]);
        }
        let negative = cents < 0;
        let cents = cents.abs();
        let mut parts = Vec::with_capacity(self.weights.len());
        let mut rems = Vec::with_capacity(self.weights.len());
        for (i, w) in self.weights.iter().enumerate() {
            let p = cents.checked_mul(*w)?;
            parts.push(p / self.total);
            rems.push((p % self.total, *w, i));
        }
        let left = cents - parts.iter().sum::<i128>();
        if left > 0 {
            // Only which members get a cent matters, not their order: select, don't sort.
            let left = usize::try_from(left).ok()?;
            let order = |a: &(i128, i128, usize), b: &(i128, i128, usize)| {
                b.0.cmp(&a.0).then(b.1.cmp(&a.1)).then(a.2.cmp(&b.2))
            };
            if left < rems.len() {
                rems.select_nth_unstable_by(left - 1, order);
            }
            for (_, _, i) in rems.iter().take(left) {
                if let Some(p) = parts.get_mut(*i) {
                    *p += 1;
                }
            }
        }
        if negative {
            parts.iter_mut().for_each(|p| *p = -*p);
        }
        Some(parts)
    }
}

fn cents(m: Money) -> i128 {
    let mut v = m.round_cents().amount();
    v.rescale(2);
    v.mantissa()
}

fn money(cents: i128) -> Money {
    Money::new(Decimal::from_i128_with_scale(cents, 2))
}

/// Per-party totals (and, on request, per-milestone lines) in cents.
pub struct Ledger {
    streams: usize,
    /// party × column × stream, in cents.
    totals: Vec<i128>,
    /// party → milestone → column × stream, when lines were asked for.
    lines: Option<Vec<BTreeMap<MilestoneNo, Vec<i128>>>>,
    party_index: HashMap<String, usize>,
    shares: HashMap<Recipient, Option<Shares>>,
}

impl Ledger {
    pub fn new(plan: &Plan, streams: usize, with_lines: bool) -> Ledger {
        let party_index: HashMap<String, usize> = plan
            .parties
            .iter()
            .enumerate()
            .map(|(i, p)| (p.id.to_string(), i))
            .collect();
        let n = plan.parties.len();
        let mut ledger = Ledger {
            streams,
            totals: vec![0; n * COLUMNS * streams],
            lines: with_lines.then(|| vec![BTreeMap::new(); n]),
            party_index,
            shares: HashMap::new(),
        };
        for p in &plan.parties {
            let r = Recipient::Party(p.id.clone());
            let s = ledger
                .party_index
                .get(p.id.as_str())
                .and_then(|i| Shares::new(vec![(*i, Decimal::ONE)]));
            ledger.shares.insert(r, s);
        }
        for k in &plan.keys {
            let members: Option<Vec<(usize, Decimal)>> = k
                .members
                .iter()
                .map(|m| {
                    ledger
                        .party_index
                        .get(m.party.as_str())
                        .map(|i| (*i, m.weight))
                })
                .collect();
            ledger
                .shares
                .insert(Recipient::Key(k.id.clone()), members.and_then(Shares::new));
        }
        ledger
    }

    pub fn key(id: &KeyId) -> Recipient {
        Recipient::Key(id.clone())
    }

    /// Divides `amount` of stream `s` over `to` in `column`; false if `to`
    /// cannot divide (unknown, or no positive weights).
    pub fn add(
        &mut self,
        to: &Recipient,
        column: usize,
        milestone: MilestoneNo,
        s: usize,
        amount: Money,
    ) -> bool {
        if amount.is_zero() {
            return true;
        }
        let Some(Some(shares)) = self.shares.get(to) else {
            return false;
        };
        let Some(parts) = shares.divide(cents(amount)) else {
            return false;
        };
        let stride = COLUMNS * self.streams;
        for (party, part) in shares.members.iter().zip(parts) {
            if let Some(t) = self
                .totals
                .get_mut(party * stride + column * self.streams + s)
            {
                *t += part;
            }
            if let Some(lines) = self.lines.as_mut().and_then(|l| l.get_mut(*party)) {
                let line = lines.entry(milestone).or_insert_with(|| vec![0; stride]);
                if let Some(x) = line.get_mut(column * self.streams + s) {
                    *x += part;
                }
            }
        }
        true
    }

    /// Adds an amount to one party directly (repayments made).
    pub fn add_to_party(&mut self, party: &str, column: usize, s: usize, amount: Money) {
        let stride = COLUMNS * self.streams;
        if let Some(i) = self.party_index.get(party) {
            if let Some(t) = self.totals.get_mut(i * stride + column * self.streams + s) {
                *t += cents(amount);
            }
        }
    }

    /// A party's column, per stream.
    pub fn total(&self, party: usize, column: usize) -> Vec<Money> {
        let stride = COLUMNS * self.streams;
        (0..self.streams)
            .map(|s| {
                money(
                    self.totals
                        .get(party * stride + column * self.streams + s)
                        .copied()
                        .unwrap_or(0),
                )
            })
            .collect()
    }

    /// A party's lines: milestone → column → per stream.
    pub fn lines(&self, party: usize) -> Vec<(MilestoneNo, Vec<Vec<Money>>)> {
        let Some(lines) = self.lines.as_ref().and_then(|l| l.get(party)) else {
            return Vec::new();
        };
        lines
            .iter()
            .map(|(n, v)| {
                let cols = (0..COLUMNS)
                    .map(|c| {
                        (0..self.streams)
                            .map(|s| money(v.get(c * self.streams + s).copied().unwrap_or(0)))
                            .collect()
                    })
                    .collect();
                (*n, cols)
            })
            .collect()
    }
}
