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
use super::PartyLines;
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
/// again (the same parts, exactly). Keyed by the recipient's position in
/// the ledger, so kept only for ledgers of one plan (a timeline makes new
/// `Divisions` where amendments change the plan). Bounded: past
/// [`Divisions::MAX_CELLS`] parts in all, new divisions are made but not
/// kept.
#[derive(Debug, Default)]
pub struct Divisions {
    parts: HashMap<Division, Vec<i128>>,
    cells: usize,
}

/// A division's inputs: the recipient's position, the cents and the unit.
type Division = (usize, i128, i128);

impl Divisions {
    /// The most parts kept (16 bytes each: 64 MiB).
    pub const MAX_CELLS: usize = 4 << 20;
}

/// Per-party totals (and, on request, per-milestone lines) in cents.
pub struct Ledger {
    streams: usize,
    parties: usize,
    /// column × stream × party, in cents: a division's members are mostly
    /// neighbours, so booking one walks a few cache lines, not one per
    /// member.
    totals: Vec<i128>,
    /// party → milestone → column × stream, when lines were asked for
    /// (kept only for `lines_of`, when that is one party).
    lines: Option<Vec<BTreeMap<MilestoneNo, Vec<i128>>>>,
    /// The one party whose lines are kept; `None`: every party's.
    lines_of: Option<usize>,
    party_index: HashMap<String, usize>,
    /// Recipients (parties, then keys) by name → position in `shares`.
    recipients: HashMap<Recipient, usize>,
    shares: Vec<Option<Shares>>,
    /// Per stream, the unit (in cents) amounts are divided in: see [`Ledger::new`].
    units: Vec<i128>,
    /// Divisions kept across evaluations (a timeline), if any.
    pub memo: Option<Divisions>,
    /// The last division made without a memo, with its recipient, cents and
    /// unit: a milestone paid in full books the same amount as earned and
    /// then as paid, one after the other, and the second division is this.
    last: Option<(Division, Vec<i128>)>,
}

impl Ledger {
    /// `units` gives per stream the unit (1, 10 or 100 cents) its amounts
    /// are divided in: cents, unless a party's total could then hold more
    /// digits than a `Decimal` (about € 7,9 × 10^26 with cents), see
    /// [`super::allocate::unit_for`]. One unit per stream keeps every
    /// column and their differences (outstanding) in the same unit.
    pub fn new(plan: &Plan, units: Vec<i128>, lines: &PartyLines) -> Ledger {
        let streams = units.len();
        let party_index: HashMap<String, usize> = plan
            .parties
            .iter()
            .enumerate()
            .map(|(i, p)| (p.id.to_string(), i))
            .collect();
        let n = plan.parties.len();
        let lines_of = match lines {
            // A party no one has: a position no member has.
            PartyLines::Only(id) => Some(party_index.get(id.as_str()).copied().unwrap_or(n)),
            PartyLines::None | PartyLines::All => None,
        };
        let mut ledger = Ledger {
            streams,
            parties: n,
            totals: vec![0; n.saturating_mul(COLUMNS).saturating_mul(streams)],
            lines: (*lines != PartyLines::None).then(|| vec![BTreeMap::new(); n]),
            lines_of,
            party_index,
            recipients: HashMap::new(),
            shares: Vec::new(),
            units,
            memo: None,
            last: None,
        };
        for p in &plan.parties {
            let s = ledger
                .party_index
                .get(p.id.as_str())
                .and_then(|i| Shares::new(vec![(*i, Decimal::ONE)]));
            ledger.recipient(Recipient::Party(p.id.clone()), s);
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
            ledger.recipient(Recipient::Key(k.id.clone()), members.and_then(Shares::new));
        }
        ledger
    }

    /// Adds a recipient with its shares (the last one given for a name
    /// counts, as a map insert would have it).
    fn recipient(&mut self, r: Recipient, shares: Option<Shares>) {
        match self.recipients.get(&r) {
            Some(&at) => {
                if let Some(slot) = self.shares.get_mut(at) {
                    *slot = shares;
                }
            }
            None => {
                self.recipients.insert(r, self.shares.len());
                self.shares.push(shares);
            }
        }
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
        let r = *self.recipients.get(to).ok_or(NotBooked::NoShares)?;
        let Some(Some(shares)) = self.shares.get(r) else {
            return Err(NotBooked::NoShares);
        };
        let cents = super::allocate::cents_of(amount).ok_or(NotBooked::Overflow)?;
        let unit = self.units.get(s).copied().unwrap_or(1);
        let cell = self.cell(column, s).ok_or(NotBooked::Overflow)?;
        let stride = self.stride();
        let key: Division = (r, cents, unit);
        // A division kept is read in place, not copied (this runs for every
        // amount of every milestone at every date of a timeline).
        let kept = self.memo.as_ref().and_then(|m| m.parts.get(&key));
        let last = self.last.take().filter(|(k, _)| *k == key);
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
        let totals = cell_totals(&mut self.totals, cell, self.parties)?;
        match negate {
            false => add_to_totals(totals, &shares.members, parts)?,
            true => subtract_from_totals(totals, &shares.members, parts)?,
        }
        if let Some(lines) = self.lines.as_mut() {
            let line = Line {
                milestone,
                cell,
                stride,
                only: self.lines_of,
            };
            add_to_lines(lines, line, &shares.members, parts, negate)?;
        }
        if let Some(parts) = fresh {
            self.keep(key, parts);
        }
        Ok(())
    }

    /// Keeps a division just made for the next time: in the memo while it
    /// has room, else (no memo) as the last division (a milestone paid in
    /// full books the same amount as earned and then as paid, one after the
    /// other; one party's part is the whole amount, nothing to keep).
    fn keep(&mut self, key: Division, parts: Vec<i128>) {
        match self.memo.as_mut() {
            Some(m) => {
                let cells = m.cells.saturating_add(parts.len());
                if cells <= Divisions::MAX_CELLS {
                    m.cells = cells;
                    m.parts.insert(key, parts);
                }
            }
            None if parts.len() > 1 => self.last = Some((key, parts)),
            None => {}
        }
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
        let cell = self.cell(column, s).ok_or(NotBooked::Overflow)?;
        let totals = cell_totals(&mut self.totals, cell, self.parties)?;
        if let Some(t) = totals.get_mut(i) {
            *t = t.checked_add(cents).ok_or(NotBooked::Overflow)?;
        }
        Ok(())
    }

    /// A cell of `cells` (one line), in cents.
    fn read(&self, cells: &[i128], column: Column, s: usize) -> Option<i128> {
        derived(column, |c| cells.get(self.cell(c, s)?).copied())
    }

    /// A party's total of one column and stream, in cents.
    fn party_total(&self, party: usize, column: Column, s: usize) -> Option<i128> {
        if party >= self.parties {
            return None;
        }
        derived(column, |c| {
            let at = self
                .cell(c, s)?
                .checked_mul(self.parties)?
                .checked_add(party)?;
            self.totals.get(at).copied()
        })
    }

    /// A party's column, per stream; `None` for an amount no `Decimal`
    /// holds exactly.
    pub fn total(&self, party: usize, column: Column) -> Vec<Option<Money>> {
        (0..self.streams)
            .map(|s| money_of_cents(self.party_total(party, column, s)?))
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

/// A column from the booked ones `get` reads: outstanding is earned minus
/// paid, never booked.
fn derived(column: Column, get: impl Fn(Column) -> Option<i128>) -> Option<i128> {
    match column {
        Column::Outstanding => get(Column::Earned)?.checked_sub(get(Column::Paid)?),
        c => get(c),
    }
}

/// One cell of one milestone's lines: where [`add_to_lines`] books.
#[derive(Clone, Copy)]
struct Line {
    milestone: MilestoneNo,
    cell: usize,
    /// The cells of one line (columns × streams).
    stride: usize,
    /// The one party whose lines are kept, if not every party's.
    only: Option<usize>,
}

/// The parties' totals of one cell (column × stream), by party.
fn cell_totals(totals: &mut [i128], cell: usize, parties: usize) -> Result<&mut [i128], NotBooked> {
    let from = cell.checked_mul(parties).ok_or(NotBooked::Overflow)?;
    let to = from.checked_add(parties).ok_or(NotBooked::Overflow)?;
    totals.get_mut(from..to).ok_or(NotBooked::Overflow)
}

/// Adds each member's part to its total of one cell (`totals`, by party),
/// in order, stopping at the first that does not fit.
fn add_to_totals(totals: &mut [i128], members: &[usize], parts: &[i128]) -> Result<(), NotBooked> {
    for (party, part) in members.iter().zip(parts) {
        if let Some(t) = totals.get_mut(*party) {
            *t = t.checked_add(*part).ok_or(NotBooked::Overflow)?;
        }
    }
    Ok(())
}

/// Takes each member's part off its total of one cell, as
/// [`add_to_totals`] of the negated parts would.
fn subtract_from_totals(
    totals: &mut [i128],
    members: &[usize],
    parts: &[i128],
) -> Result<(), NotBooked> {
    for (party, part) in members.iter().zip(parts) {
        if let Some(t) = totals.get_mut(*party) {
            let part = part.checked_neg().ok_or(NotBooked::Overflow)?;
            *t = t.checked_add(part).ok_or(NotBooked::Overflow)?;
        }
    }
    Ok(())
}

/// Adds (or, `negate`, subtracts) each member's part to its line of the
/// milestone.
fn add_to_lines(
    lines: &mut [BTreeMap<MilestoneNo, Vec<i128>>],
    at: Line,
    members: &[usize],
    parts: &[i128],
    negate: bool,
) -> Result<(), NotBooked> {
    for (party, part) in members.iter().zip(parts) {
        if at.only.is_some_and(|only| only != *party) {
            continue;
        }
        let part = match negate {
            true => part.checked_neg().ok_or(NotBooked::Overflow)?,
            false => *part,
        };
        if let Some(lines) = lines.get_mut(*party) {
            let line = lines
                .entry(at.milestone)
                .or_insert_with(|| vec![0; at.stride]);
            if let Some(x) = line.get_mut(at.cell) {
                *x = x.checked_add(part).ok_or(NotBooked::Overflow)?;
            }
        }
    }
    Ok(())
}
