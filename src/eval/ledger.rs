//! Money per party: each milestone's amounts divided over the parties of
//! its recipient (payout) or risk key, exactly to the cent, by the one
//! division routine [`super::allocate::Weights`]. Built for speed: parties
//! and streams are positions, each key's weights are prepared once, and
//! totals are kept in `i128` cents (exact far beyond what a `Decimal` holds).
//!
//! Outstanding is never divided: a party's outstanding is its earned minus
//! its paid, per milestone and in total, so every row reads
//! earned - paid = outstanding exactly.

use std::collections::{BTreeMap, HashMap};

use rust_decimal::Decimal;

use super::allocate::{money_of_cents, Weights};
use super::model::Column;
use crate::model::{KeyId, MilestoneNo, Money, Plan, Recipient};

const COLUMNS: usize = Column::ALL.len();

/// A recipient's parties (positions) with their prepared weights.
#[derive(Debug, Clone)]
struct Shares {
    members: Vec<usize>,
    weights: Weights,
}

impl Shares {
    fn new(members: Vec<(usize, Decimal)>) -> Option<Shares> {
        let weights: Vec<Decimal> = members.iter().map(|(_, w)| *w).collect();
        Some(Shares {
            weights: Weights::new(&weights)?,
            members: members.into_iter().map(|(p, _)| p).collect(),
        })
    }
}

/// Why an amount could not be booked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotBooked {
    /// The recipient is unknown or its key has no positive weight.
    NoShares,
    /// A total went beyond `i128` cents.
    Overflow,
}

/// Divisions already made, kept from one evaluation to the next by
/// `eval::timeline`: between two dates most milestones' amounts do not
/// change, and a division depends only on the recipient's weights, the
/// cents and the unit, so a repeated one is looked up instead of made
/// again (the same parts, exactly). Bounded: past [`Divisions::MAX_CELLS`]
/// parts in all, new divisions are made but not kept.
#[derive(Debug, Default)]
pub struct Divisions {
    parts: HashMap<(Recipient, i128, i128), Vec<i128>>,
    cells: usize,
}

impl Divisions {
    /// The most parts kept (16 bytes each: 64 MiB).
    pub const MAX_CELLS: usize = 4 << 20;
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
    /// Per stream, the unit (in cents) amounts are divided in: see [`Ledger::new`].
    units: Vec<i128>,
    /// Divisions kept across evaluations (a timeline), if any.
    pub memo: Option<Divisions>,
    /// The last division made without a memo, with its recipient, cents and
    /// unit: a milestone paid in full books the same amount as earned and
    /// then as paid, one after the other, and the second division is this.
    last: Option<((Recipient, i128, i128), Vec<i128>)>,
}

impl Ledger {
    /// `units` gives per stream the unit (1, 10 or 100 cents) its amounts
    /// are divided in: cents, unless a party's total could then hold more
    /// digits than a `Decimal` (about € 7,9 × 10^26 with cents), see
    /// [`super::allocate::unit_for`]. One unit per stream keeps every
    /// column and their differences (outstanding) in the same unit.
    pub fn new(plan: &Plan, units: Vec<i128>, with_lines: bool) -> Ledger {
        let streams = units.len();
        let party_index: HashMap<String, usize> = plan
            .parties
            .iter()
            .enumerate()
            .map(|(i, p)| (p.id.to_string(), i))
            .collect();
        let n = plan.parties.len();
        let mut ledger = Ledger {
            streams,
            totals: vec![0; n.saturating_mul(COLUMNS).saturating_mul(streams)],
            lines: with_lines.then(|| vec![BTreeMap::new(); n]),
            party_index,
            shares: HashMap::new(),
            units,
            memo: None,
            last: None,
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

    /// Position of (column, stream) within one party's or line's cells.
    fn cell(&self, column: Column, s: usize) -> Option<usize> {
        column.index().checked_mul(self.streams)?.checked_add(s)
    }

    fn stride(&self) -> usize {
        COLUMNS.saturating_mul(self.streams)
    }

    /// Divides `amount` of stream `s` over `to` in `column`. `Outstanding`
    /// is derived (earned - paid), never booked.
    pub fn add(
        &mut self,
        to: &Recipient,
        column: Column,
        milestone: MilestoneNo,
        s: usize,
        amount: Money,
    ) -> Result<(), NotBooked> {
        self.book(to, column, milestone, s, amount, false)
    }

    /// Takes back what [`Ledger::add`] booked for the same arguments: the
    /// same division, each part subtracted. An incremental timeline
    /// (`eval::timeline`) replaces a milestone's old amount by its new one
    /// this way, so every total stays the sum of the parts `add` would give.
    pub fn remove(
        &mut self,
        to: &Recipient,
        column: Column,
        milestone: MilestoneNo,
        s: usize,
        amount: Money,
    ) -> Result<(), NotBooked> {
        self.book(to, column, milestone, s, amount, true)
    }

    fn book(
        &mut self,
        to: &Recipient,
        column: Column,
        milestone: MilestoneNo,
        s: usize,
        amount: Money,
        negate: bool,
    ) -> Result<(), NotBooked> {
        if amount.is_zero() || column == Column::Outstanding {
            return Ok(());
        }
        let Some(Some(shares)) = self.shares.get(to) else {
            return Err(NotBooked::NoShares);
        };
        let cents = super::allocate::cents_of(amount).ok_or(NotBooked::Overflow)?;
        let unit = self.units.get(s).copied().unwrap_or(1);
        let cell = self.cell(column, s).ok_or(NotBooked::Overflow)?;
        let stride = self.stride();
        // The memo's key, made only when there is a memo (an evaluation at
        // one date has none: the recipient's name is not copied there).
        let key = self.memo.as_ref().map(|_| (to.clone(), cents, unit));
        // A division kept is read in place, not copied (this runs for every
        // amount of every milestone at every date of a timeline).
        let kept = self
            .memo
            .as_ref()
            .zip(key.as_ref())
            .and_then(|(m, key)| m.parts.get(key));
        // Without a memo, the last division is kept (only for a key: one
        // party's part is the whole amount, nothing to save).
        let last = self
            .last
            .take()
            .filter(|((r, c, u), _)| self.memo.is_none() && (*c, *u) == (cents, unit) && r == to);
        let fresh = match (kept, last) {
            (Some(_), _) => None,
            (None, Some((_, parts))) => Some(parts),
            (None, None) => Some(
                shares
                    .weights
                    .split_in(cents, unit)
                    .ok_or(NotBooked::Overflow)?,
            ),
        };
        let parts = fresh.as_deref().or(kept.map(Vec::as_slice)).unwrap_or(&[]);
        // One evaluation without party lines adds to the totals only: that
        // loop on its own (it runs for every member of every key division).
        let plain = !negate && self.lines.is_none();
        if plain {
            add_to_totals(&mut self.totals, &shares.members, parts, stride, cell)?;
        }
        let each: &[usize] = if plain { &[] } else { &shares.members };
        for (party, part) in each.iter().zip(parts) {
            let part = if negate {
                part.checked_neg().ok_or(NotBooked::Overflow)?
            } else {
                *part
            };
            let at = party
                .checked_mul(stride)
                .and_then(|p| p.checked_add(cell))
                .ok_or(NotBooked::Overflow)?;
            if let Some(t) = self.totals.get_mut(at) {
                *t = t.checked_add(part).ok_or(NotBooked::Overflow)?;
            }
            if let Some(lines) = self.lines.as_mut().and_then(|l| l.get_mut(*party)) {
                let line = lines.entry(milestone).or_insert_with(|| vec![0; stride]);
                if let Some(x) = line.get_mut(cell) {
                    *x = x.checked_add(part).ok_or(NotBooked::Overflow)?;
                }
            }
        }
        match (fresh, self.memo.as_mut(), key) {
            (Some(parts), Some(m), Some(key)) => {
                let cells = m.cells.saturating_add(parts.len());
                if cells <= Divisions::MAX_CELLS {
                    m.cells = cells;
                    m.parts.insert(key, parts);
                }
            }
            (Some(parts), None, _) if shares.members.len() > 1 => {
                self.last = Some(((to.clone(), cents, unit), parts));
            }
            _ => {}
        }
        Ok(())
    }

    /// Adds an amount to one party directly (repayments made).
    pub fn add_to_party(
        &mut self,
        party: &str,
        column: Column,
        s: usize,
        amount: Money,
    ) -> Result<(), NotBooked> {
        let cents = super::allocate::cents_of(amount).ok_or(NotBooked::Overflow)?;
        let Some(i) = self.party_index.get(party).copied() else {
            return Err(NotBooked::NoShares);
        };
        let at = self
            .cell(column, s)
            .and_then(|c| i.checked_mul(self.stride())?.checked_add(c))
            .ok_or(NotBooked::Overflow)?;
        if let Some(t) = self.totals.get_mut(at) {
            *t = t.checked_add(cents).ok_or(NotBooked::Overflow)?;
        }
        Ok(())
    }

    /// A cell of `cells` (one party's totals or one line), in cents;
    /// outstanding is earned minus paid.
    fn read(&self, cells: &[i128], column: Column, s: usize) -> Option<i128> {
        let get = |c: Column| cells.get(self.cell(c, s)?).copied();
        match column {
            Column::Outstanding => get(Column::Earned)?.checked_sub(get(Column::Paid)?),
            c => get(c),
        }
    }

    fn party_cells(&self, party: usize) -> &[i128] {
        let stride = self.stride();
        party
            .checked_mul(stride)
            .and_then(|from| self.totals.get(from..from.checked_add(stride)?))
            .unwrap_or(&[])
    }

    /// A party's column, per stream; `None` for an amount no `Decimal`
    /// holds exactly.
    pub fn total(&self, party: usize, column: Column) -> Vec<Option<Money>> {
        let cells = self.party_cells(party);
        (0..self.streams)
            .map(|s| money_of_cents(self.read(cells, column, s)?))
            .collect()
    }

    /// A party's lines: milestone → the columns of [`Column::ALL`] → per
    /// stream (`None` where no `Decimal` holds the amount exactly).
    pub fn lines(&self, party: usize) -> Vec<(MilestoneNo, Vec<Vec<Option<Money>>>)> {
        let Some(lines) = self.lines.as_ref().and_then(|l| l.get(party)) else {
            return Vec::new();
        };
        lines
            .iter()
            .map(|(n, v)| {
                let cols = Column::ALL
                    .iter()
                    .map(|c| {
                        (0..self.streams)
                            .map(|s| money_of_cents(self.read(v, *c, s)?))
                            .collect()
                    })
                    .collect();
                (*n, cols)
            })
            .collect()
    }
}

/// Adds each member's part to its cell `cell` of `totals` (members'
/// cells are `stride` apart), in order, stopping at the first that does
/// not fit: as `Ledger::book` does for a division without lines.
fn add_to_totals(
    totals: &mut [i128],
    members: &[usize],
    parts: &[i128],
    stride: usize,
    cell: usize,
) -> Result<(), NotBooked> {
    for (party, part) in members.iter().zip(parts) {
        let at = party
            .checked_mul(stride)
            .and_then(|p| p.checked_add(cell))
            .ok_or(NotBooked::Overflow)?;
        if let Some(t) = totals.get_mut(at) {
            *t = t.checked_add(*part).ok_or(NotBooked::Overflow)?;
        }
    }
    Ok(())
}
