//! A timeline in one pass: the money columns at many dates, recomputing
//! at each date only the milestones whose result can have changed since
//! the date before (issue 12, item 5).
//!
//! Why this is exact. The facts an index holds at a date are those of an
//! index made at a later date that are dated up to it (a fact is set aside
//! only for what facts of its own day or earlier say), so the facts are
//! indexed once, at the last date. A milestone's status and money then
//! depend on the date only through its own facts, the administration
//! facts, a dissolution, and comparisons of the date with its due date,
//! postponed due dates, assessment deadlines, the day it is deemed
//! achieved, its withdrawal and the payout cutoff. Those are its *change
//! points*, computed once; between two change points its result is the
//! same, so at each date only the milestones with a change point since
//! the date before are evaluated again (what-ifs name milestones whose
//! result follows the date itself: they are evaluated at every date).
//! Party totals are kept in the ledger and updated by the difference: a
//! changed amount's old division is taken back and its new one booked,
//! the same cent-exact division per milestone that `evaluate` makes.
//!
//! Where that reasoning does not cover a case, the date (or the whole run
//! of dates between amendments) is evaluated whole, by `evaluate`'s own
//! code: facts that contradict each other (errors of the index), money
//! that a milestone cannot account for (E003, E015), amounts the ledger
//! cannot divide (E011), figures large enough to change the division unit
//! or to overflow a measurement, and dates not in ascending order.
//! `tests/timeline.rs` compares every date with a separate `evaluate`.

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};
use std::ops::Bound::{Excluded, Included};

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::facts::{self, FactIndex, MilestoneFacts};
use super::ledger::{Divisions, Ledger};
use super::{status, Column, Evaluation, MilestoneResult, Options, PartyResult, PerStream};
use crate::diagnostic::{Diagnostic, Severity};
use crate::model::*;

/// The money of one date of a timeline: what `mijlpaal timeline` shows.
pub struct Columns<'a> {
    pub at: NaiveDate,
    pub streams: &'a [StreamId],
    /// Every milestone's status and money at the date. Their measurements
    /// are computed only when the date was evaluated whole (a timeline
    /// shows money, not targets).
    pub milestones: &'a [MilestoneResult],
    /// Every party's columns at the date, without lines per milestone.
    pub parties: &'a [PartyResult],
    /// The sum over milestones of each column of [`Column::MILESTONE`].
    pub totals: Vec<(Column, Totals)>,
    /// The errors an evaluation at the date finds, in its order.
    pub errors: Vec<Diagnostic>,
}

/// A sum per stream; `None` for a sum too large to compute.
pub type Totals = Vec<(StreamId, Option<Money>)>;

/// The sum over `milestones` of each column of [`Column::MILESTONE`], per
/// stream, added in milestone order (`None` from where a sum does not
/// fit). In one pass over the milestones, each one's columns read while at
/// hand: a pass per column and stream read every milestone twelve times
/// (2.5% of `evaluate --format json` at 100 000 milestones).
pub fn milestone_totals(
    streams: &[StreamId],
    milestones: &[MilestoneResult],
) -> Vec<(Column, Totals)> {
    let mut totals: Vec<(Column, Totals)> = Column::MILESTONE
        .iter()
        .map(|c| {
            (
                *c,
                streams
                    .iter()
                    .map(|s| (s.clone(), Some(Money::ZERO)))
                    .collect(),
            )
        })
        .collect();
    for m in milestones {
        for (c, per) in &mut totals {
            let Some(v) = m.column(*c) else { continue };
            for (s, total) in per.iter_mut() {
                *total = total.and_then(|t| t.checked_add(super::amount_of(v, s)));
            }
        }
    }
    totals
}

impl<'a> Columns<'a> {
    /// The columns of an evaluation made whole.
    pub fn of(e: &'a Evaluation) -> Columns<'a> {
        Columns {
            at: e.at,
            streams: &e.streams,
            milestones: &e.milestones,
            parties: &e.parties,
            totals: milestone_totals(&e.streams, &e.milestones),
            errors: errors(&e.diagnostics),
        }
    }
}

fn errors(diagnostics: &[Diagnostic]) -> Vec<Diagnostic> {
    diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .cloned()
        .collect()
}

/// The columns at every date of `dates`, handed to `each` in the order of
/// `dates`: at each date exactly the columns, milestone results (but for
/// measurements) and errors of `evaluate` at it with `options` (whose `at`
/// and `party_lines` are ignored). Incremental when the dates ascend (see
/// the module's documentation), else [`super::timeline_each`].
pub fn columns(
    plan: &Plan,
    rules: &RuleSet,
    facts: &[Facts],
    dates: &[NaiveDate],
    options: &Options,
    mut each: impl FnMut(Columns<'_>),
) {
    let options = Options {
        party_lines: super::PartyLines::None,
        ..options.clone()
    };
    let ascending = dates.windows(2).all(|w| matches!(w, [a, b] if a < b));
    if !ascending {
        super::timeline_each(plan, rules, facts, dates, &options, |e| {
            each(Columns::of(&e))
        });
        return;
    }
    let ordered = facts::Ordered::of(facts);
    let in_force = |at: &NaiveDate| {
        plan.amendments
            .iter()
            .filter(|a| a.effective <= *at)
            .count()
    };
    // The dates ascend, so the dates under one set of amendments are a run.
    for run in dates.chunk_by(|a, b| in_force(a) == in_force(b)) {
        let Some(&first) = run.first() else { continue };
        let amended = (!plan.amendments.is_empty()).then(|| plan.as_of(first));
        let current = amended.as_ref().unwrap_or(plan);
        let clauses = Terms::of(&rules.as_of(current, first));
        let whole = Whole {
            plan: current,
            clauses: &clauses,
            facts: &ordered,
            options: &options,
            divisions: Some(Divisions::default()),
        };
        let streams: Vec<StreamId> = current.streams.iter().map(|s| s.id.clone()).collect();
        let places = super::Places::of(&streams);
        Run::new(whole, &places, run).go(run, &mut each);
    }
}

/// Evaluating one date whole, as `evaluate` does, under the plan and terms
/// of a run of dates (the ledger's divisions kept between them).
struct Whole<'a> {
    plan: &'a Plan,
    clauses: &'a Terms,
    facts: &'a facts::Ordered<'a>,
    options: &'a Options,
    divisions: Option<Divisions>,
}

impl Whole<'_> {
    fn at(&mut self, at: NaiveDate) -> Evaluation {
        let options = Options {
            at,
            ..self.options.clone()
        };
        super::evaluate_as_of(
            self.plan,
            self.clauses,
            self.facts,
            &options,
            &mut self.divisions,
        )
    }
}

/// The state of an incremental run: the dates under one set of amendments.
struct Run<'a> {
    whole: Whole<'a>,
    /// The facts known at the run's last date; `None` when the run is
    /// evaluated whole, date by date.
    known: Option<FactIndex>,
    /// The plan's streams, with the places their sums are kept in.
    places: &'a super::Places<'a>,
    streams: &'a [StreamId],
    assessors: String,
    /// The errors of the index at the run's last date, each with the date
    /// from which an index holds it, in the index's order.
    index_errors: Vec<(NaiveDate, Diagnostic)>,
    /// Milestone positions by the dates their result can change on.
    points: BTreeMap<NaiveDate, Vec<usize>>,
    /// Dates on which every milestone's result can change.
    everyone: BTreeSet<NaiveDate>,
    /// Milestones evaluated at every date (what-ifs).
    always: Vec<usize>,
    /// Per milestone, the date of its last fact (`NaiveDate::MIN`: none).
    last_fact: Vec<NaiveDate>,
    results: Vec<MilestoneResult>,
    /// Milestones whose money gave a diagnostic at their last evaluation.
    troubled: Vec<bool>,
    ledger: Ledger,
    /// Whether the ledger failed to book an amount: it no longer holds
    /// the totals, and the rest of the run is evaluated whole.
    broken: bool,
    /// How many of the repayments (in date order) are booked.
    repaid: usize,
    /// The sum over milestones of each column of [`Column::MILESTONE`] ×
    /// stream, in cents, kept by the difference as milestones change.
    sums: Vec<i128>,
    /// Per milestone, its part of `sums` (as many cells each), in cents.
    kept: Vec<i128>,
}

impl<'a> Run<'a> {
    fn new(whole: Whole<'a>, places: &'a super::Places<'a>, dates: &[NaiveDate]) -> Run<'a> {
        let (plan, clauses) = (whole.plan, whole.clauses);
        let streams = places.streams;
        let last = dates.last().copied().unwrap_or(NaiveDate::MIN);
        let (known, diagnostics) = facts::index_ordered(plan, clauses, whole.facts, last);
        let index_errors = dated_errors(&diagnostics, whole.facts);
        let incremental = index_errors.is_some()
            && cents_are_the_unit(plan, &known, streams)
            && measurements_fit(plan, &known)
            && advances_fit(&known);
        let mut points: BTreeMap<NaiveDate, Vec<usize>> = BTreeMap::new();
        let mut last_fact = Vec::with_capacity(plan.milestones.len());
        for (i, m) in plan.milestones.iter().enumerate() {
            let facts = known.of(m.number);
            last_fact.push(
                facts
                    .and_then(|f| f.dates().max())
                    .unwrap_or(NaiveDate::MIN),
            );
            let mut dates = change_points(m, facts, clauses);
            dates.sort();
            dates.dedup();
            for d in dates {
                points.entry(d).or_default().push(i);
            }
        }
        let o = &whole.options.overrides;
        let always = plan
            .milestones
            .iter()
            .enumerate()
            .filter(|(_, m)| {
                o.achieved.contains(&m.number)
                    || o.missed.contains(&m.number)
                    || o.partial.contains_key(&m.number)
            })
            .map(|(i, _)| i)
            .collect();
        let mut ledger = Ledger::new(plan, vec![1; streams.len()], &super::PartyLines::None);
        ledger.memo = Some(Divisions::default());
        let cells = Column::MILESTONE.len().saturating_mul(streams.len());
        Run {
            sums: vec![0; cells],
            kept: vec![0; cells.saturating_mul(plan.milestones.len())],
            everyone: everyone(&known, clauses),
            assessors: super::assessor_names(plan, clauses),
            known: incremental.then_some(known),
            index_errors: index_errors.unwrap_or_default(),
            places,
            streams,
            points,
            always,
            last_fact,
            results: Vec::with_capacity(plan.milestones.len()),
            troubled: vec![false; plan.milestones.len()],
            ledger,
            broken: false,
            repaid: 0,
            whole,
        }
    }

    fn go(mut self, dates: &[NaiveDate], each: &mut impl FnMut(Columns<'_>)) {
        let mut before: Option<NaiveDate> = None;
        for &at in dates {
            if self.known.is_none() || self.broken {
                each(Columns::of(&self.whole.at(at)));
                continue;
            }
            self.advance(before, at);
            before = Some(at);
            let parties = match self.troubled.contains(&true) || self.broken {
                true => None,
                false => self.parties(),
            };
            match parties {
                Some(parties) => each(Columns {
                    at,
                    streams: self.streams,
                    milestones: &self.results,
                    parties: &parties,
                    totals: self.totals(),
                    errors: self.index_errors_at(at),
                }),
                None => each(Columns::of(&self.whole.at(at))),
            }
        }
    }

    /// Brings the milestones and the ledger from `before` (none: from
    /// nothing) to `at`.
    fn advance(&mut self, before: Option<NaiveDate>, at: NaiveDate) {
        let Some(known) = self.known.as_ref() else {
            return;
        };
        let plan = self.whole.plan;
        let dirty = match before {
            None => (0..plan.milestones.len()).collect(),
            Some(b) => self.changed(b, at),
        };
        let view = view_at(known, at);
        for i in dirty {
            let Some(m) = plan.milestones.get(i) else {
                continue;
            };
            let facts = self.facts_at(known, i, m.number, at);
            let mut diagnostics = Vec::new();
            let now = self.evaluate(m, facts.as_deref(), &view, at, &mut diagnostics);
            if let Some(t) = self.troubled.get_mut(i) {
                *t = !diagnostics.is_empty();
            }
            let old = match self.results.get_mut(i) {
                Some(slot) => Some(std::mem::replace(slot, now)),
                None => {
                    self.results.push(now);
                    None
                }
            };
            if let Some(now) = self.results.get(i) {
                let ok = rebook(
                    &mut self.ledger,
                    self.whole.clauses,
                    self.streams,
                    m,
                    old.as_ref(),
                    now,
                );
                self.broken |= !ok;
                let kept = i
                    .checked_mul(self.sums.len())
                    .and_then(|from| self.kept.get_mut(from..from.checked_add(self.sums.len())?));
                let added = kept
                    .is_some_and(|kept| add_to_sums(&mut self.sums, kept, self.streams.len(), now));
                self.broken |= !added;
            }
        }
        self.book_repaid(at);
    }

    /// The milestones with a change point in `(before, at]`, and those
    /// evaluated at every date; every milestone on a date that changes all.
    fn changed(&self, before: NaiveDate, at: NaiveDate) -> Vec<usize> {
        let n = self.whole.plan.milestones.len();
        let span = (Excluded(before), Included(at));
        if self.everyone.range(span).next().is_some() {
            return (0..n).collect();
        }
        let mut seen = vec![false; n];
        let all = self.points.range(span).flat_map(|(_, v)| v.iter());
        for &i in all.chain(self.always.iter()) {
            if let Some(s) = seen.get_mut(i) {
                *s = true;
            }
        }
        seen.iter()
            .enumerate()
            .filter(|(_, s)| **s)
            .map(|(i, _)| i)
            .collect()
    }

    /// One milestone's status and money at `at`, as `evaluate` makes them
    /// (its measurements left out).
    fn evaluate(
        &self,
        m: &Milestone,
        facts: Option<&MilestoneFacts>,
        view: &FactIndex,
        at: NaiveDate,
        diagnostics: &mut Vec<Diagnostic>,
    ) -> MilestoneResult {
        let (plan, clauses) = (self.whole.plan, self.whole.clauses);
        let overrides = &self.whole.options.overrides;
        let input = status::Input {
            milestone: m,
            facts,
            index: view,
            clauses,
            overrides,
            at,
            assessors: &self.assessors,
            trace: self.whole.options.trace,
        };
        let outcome = status::status(&input);
        let overridden = overrides.achieved.contains(&m.number)
            || overrides.missed.contains(&m.number)
            || overrides.partial.contains_key(&m.number);
        super::money_in(
            plan,
            m,
            self.places,
            clauses,
            view,
            facts,
            outcome,
            diagnostics,
            at,
            overridden,
        )
    }

    /// The facts of milestone `m` (at position `i`) an index made at `at`
    /// holds: those of the index at the run's last date dated up to `at`,
    /// borrowed when that is all of them (most milestones at most dates:
    /// copying them was a tenth of a timeline).
    fn facts_at<'k>(
        &self,
        known: &'k FactIndex,
        i: usize,
        m: MilestoneNo,
        at: NaiveDate,
    ) -> Option<Cow<'k, MilestoneFacts>> {
        let all = known.of(m)?;
        let complete = self.last_fact.get(i).is_some_and(|last| *last <= at);
        Some(match complete {
            true => Cow::Borrowed(all),
            false => Cow::Owned(all.known_at(at)),
        })
    }

    /// Books the repayments dated up to `at` not booked yet.
    fn book_repaid(&mut self, at: NaiveDate) {
        let Some(known) = self.known.as_ref() else {
            return;
        };
        for r in known.repaid.iter().skip(self.repaid) {
            if r.date > at {
                break;
            }
            self.repaid = self.repaid.saturating_add(1);
            let Some(si) = self.streams.iter().position(|s| s == &r.value.0) else {
                continue;
            };
            let booked =
                self.ledger
                    .add_to_party(r.value.2.as_str(), Column::Repaid, si, r.value.1);
            self.broken |= booked.is_err();
        }
    }

    /// The errors of the index at `at`, ordered as `evaluate` orders its
    /// diagnostics (by file and place; a stable sort, so the index's order
    /// among those of one place).
    fn index_errors_at(&self, at: NaiveDate) -> Vec<Diagnostic> {
        let mut out: Vec<Diagnostic> = self
            .index_errors
            .iter()
            .filter(|(from, _)| *from <= at)
            .map(|(_, d)| d.clone())
            .collect();
        out.sort_by_key(|d| (d.file, d.offset()));
        out
    }

    /// The milestone totals from the sums kept: each fits (the bound of
    /// [`cents_are_the_unit`] holds every column total), as the sum in
    /// milestone order does.
    fn totals(&self) -> Vec<(Column, Totals)> {
        let streams = self.streams.len();
        Column::MILESTONE
            .iter()
            .enumerate()
            .map(|(ci, c)| {
                let per = self
                    .streams
                    .iter()
                    .enumerate()
                    .map(|(si, s)| {
                        let cell = ci.checked_mul(streams).and_then(|x| x.checked_add(si));
                        let cents = cell.and_then(|i| self.sums.get(i)).copied();
                        (s.clone(), cents.and_then(super::allocate::money_of_cents))
                    })
                    .collect();
                (*c, per)
            })
            .collect()
    }

    /// Every party's columns from the ledger; `None` if an amount cannot
    /// be shown exactly (E011: that date is evaluated whole).
    fn parties(&self) -> Option<Vec<PartyResult>> {
        let plan = self.whole.plan;
        plan.parties
            .iter()
            .enumerate()
            .map(|(i, p)| {
                let col = |c: Column| -> Option<PerStream> {
                    self.streams
                        .iter()
                        .zip(self.ledger.total(i, c))
                        .map(|(s, m)| Some((s.clone(), m?)))
                        .collect()
                };
                Some(PartyResult {
                    id: p.id.to_string(),
                    earned: col(Column::Earned)?,
                    paid: col(Column::Paid)?,
                    outstanding: col(Column::Outstanding)?,
                    repayable: col(Column::Repayable)?,
                    repaid: col(Column::Repaid)?,
                    exposure: col(Column::Exposure)?,
                    lapsed: col(Column::Lapsed)?,
                    lines: Vec::new(),
                })
            })
            .collect()
    }
}

/// The errors of an index (E004, E012, E013), each with the date from
/// which an index holds it: the date of the fact it points at, the later
/// (or only) one of the facts that contradict each other, so an index made
/// at an earlier date does not have it (its facts are not all known) and
/// one made at that date or later does. `None` if an error points at no
/// fact: the run is then evaluated whole.
fn dated_errors(
    diagnostics: &[Diagnostic],
    facts: &facts::Ordered<'_>,
) -> Option<Vec<(NaiveDate, Diagnostic)>> {
    let errors = diagnostics.iter().filter(|d| d.severity == Severity::Error);
    let mut errors = errors.peekable();
    if errors.peek().is_none() {
        return Some(Vec::new());
    }
    let dates = facts.dates_by_place();
    errors
        .map(|d| {
            let date = dates.get(&(d.file?, d.offset()))?;
            Some((*date, d.clone()))
        })
        .collect()
}

/// The index as made at `at`, but for the milestones' facts (see
/// [`Run::facts_at`]): the administration facts and the dissolution known
/// by then. (The rest of an index, counts, measurements, advances and
/// repayments, does not enter a milestone's status or money.)
fn view_at(known: &FactIndex, at: NaiveDate) -> FactIndex {
    FactIndex {
        administration: known
            .administration
            .iter()
            .filter(|f| f.date <= at)
            .cloned()
            .collect(),
        dissolved: known.dissolved.clone().filter(|d| d.date <= at),
        ..FactIndex::default()
    }
}

/// The dates on which milestone `m`'s result can change: its facts' dates,
/// and the day of and the day after each date its evaluation compares the
/// evaluation date with (due, postponed due, assessment deadline, deemed
/// achieved, withdrawn), whether it compares by `<` or by `<=`.
fn change_points(m: &Milestone, f: Option<&MilestoneFacts>, clauses: &Terms) -> Vec<NaiveDate> {
    let mut out: Vec<NaiveDate> = f.map(|f| f.dates().collect()).unwrap_or_default();
    let mut thresholds = Vec::new();
    if let Some(due) = m.due {
        let cutoff = clauses.cutoff.as_ref().map(|c| c.0);
        let mut dues = vec![due];
        for p in f.map(|f| f.postponements.as_slice()).unwrap_or_default() {
            let until = p.value.0;
            dues.push(until);
            dues.push(cutoff.map_or(until, |c| until.min(c)).max(due));
        }
        for d in dues {
            thresholds.push(d);
            thresholds.extend(clauses.assessment_deadline(d));
            thresholds.extend(clauses.deemed_on(d));
        }
    }
    thresholds.extend(m.withdrawn.as_ref().map(|w| w.0));
    for t in thresholds {
        out.push(t);
        out.extend(t.succ_opt());
    }
    out
}

/// The dates on which every milestone's result can change: an
/// administration fact or the dissolution becoming known, the payout
/// cutoff passing.
fn everyone(known: &FactIndex, clauses: &Terms) -> BTreeSet<NaiveDate> {
    let mut out: BTreeSet<NaiveDate> = known.administration.iter().map(|f| f.date).collect();
    let edges = known
        .dissolved
        .as_ref()
        .map(|d| d.date)
        .into_iter()
        .chain(clauses.cutoff.as_ref().map(|c| c.0));
    for d in edges {
        out.insert(d);
        out.extend(d.succ_opt());
    }
    out
}

/// Replaces milestone `m`'s old amounts in the ledger by its new ones, for
/// every amount that changed, over the same recipient `evaluate`'s ledger
/// divides it over: earned, paid and lapsed over the payout recipient;
/// repayable and exposure over the key of the `repay-unmet` clause or the
/// milestone's risk key (none: E010, not divided, a warning). False when
/// an amount cannot be booked (E011 in `evaluate`).
fn rebook(
    ledger: &mut Ledger,
    clauses: &Terms,
    streams: &[StreamId],
    m: &Milestone,
    old: Option<&MilestoneResult>,
    now: &MilestoneResult,
) -> bool {
    const BOOKED: [Column; 5] = [
        Column::Earned,
        Column::Paid,
        Column::Lapsed,
        Column::Repayable,
        Column::Exposure,
    ];
    for (si, s) in streams.iter().enumerate() {
        let amount = |r: Option<&MilestoneResult>, c: Column| {
            r.and_then(|r| r.column(c))
                .and_then(|v| v.get(si))
                .map_or(Money::ZERO, |(_, a)| *a)
        };
        for c in BOOKED {
            let (was, is) = (amount(old, c), amount(Some(now), c));
            if was == is {
                continue;
            }
            let to = match c {
                Column::Repayable | Column::Exposure => {
                    let named = clauses.repay_of(s).and_then(|(r, _)| r.key.as_ref());
                    match named.or(m.risk_for(s).map(|r| &r.key)) {
                        Some(k) => Ledger::key(k),
                        // E010, a warning: not divided, at any date.
                        None => continue,
                    }
                }
                _ => match m.payout_for(s) {
                    Some(p) => p.to.clone(),
                    // E011 when there is an amount to divide.
                    None if is.is_zero() => continue,
                    None => return false,
                },
            };
            let booked = ledger
                .remove(&to, c, m.number, si, was)
                .and_then(|()| ledger.add(&to, c, m.number, si, is));
            if booked.is_err() {
                return false;
            }
        }
    }
    true
}

/// Adds milestone `now`'s columns (of [`Column::MILESTONE`] × stream) to
/// `sums`, taking off what `kept` says they were (zero for a milestone not
/// evaluated before), and keeps them in `kept`. False when an amount is not
/// a whole number of cents (then the totals kept in cents would not be the
/// exact sums).
fn add_to_sums(
    sums: &mut [i128],
    kept: &mut [i128],
    streams: usize,
    now: &MilestoneResult,
) -> bool {
    let mut cells = sums.iter_mut().zip(kept.iter_mut());
    for c in Column::MILESTONE {
        let Some(column) = now.column(c) else {
            return false;
        };
        for si in 0..streams {
            let amount = column.get(si).map_or(Money::ZERO, |(_, a)| *a);
            let (Some(is), Some((sum, was))) = (super::allocate::whole_cents(amount), cells.next())
            else {
                return false;
            };
            match is
                .checked_sub(*was)
                .and_then(|change| sum.checked_add(change))
            {
                Some(total) => (*sum, *was) = (total, is),
                None => return false,
            }
        }
    }
    true
}

/// Whether every stream is divided in cents at every date: no column's
/// total over milestones can exceed what a `Decimal` holds (see
/// `allocate::unit_for`). Each column of a milestone is at most its
/// amount of the stream plus what was paid for it, so their sum bounds
/// every column total.
fn cents_are_the_unit(plan: &Plan, known: &FactIndex, streams: &[StreamId]) -> bool {
    const DECIMAL_MANTISSA_MAX: i128 = (1i128 << 96) - 1;
    let cents = |m: Money| super::allocate::cents_of(m).map(i128::saturating_abs);
    streams.iter().all(|s| {
        let amounts = plan.milestones.iter().map(|m| cents(m.stream_amount(s)));
        let paid = known
            .per_milestone
            .values()
            .flat_map(|f| f.paid.iter())
            .filter(|p| &p.value.0 == s)
            .map(|p| cents(p.value.1));
        let bound = amounts
            .chain(paid)
            .try_fold(0i128, |sum, c| sum.checked_add(c?));
        bound.is_some_and(|b| b.checked_mul(2).is_some_and(|b| b <= DECIMAL_MANTISSA_MAX))
    })
}

/// Whether no measurement can overflow at any date (A501, A502), so that a
/// timeline may leave measurements out: every metric's counts add up in
/// absolute value, and levels, baselines and their changes stay far below
/// what a `Decimal` holds.
fn measurements_fit(plan: &Plan, known: &FactIndex) -> bool {
    let small = |d: Decimal| d.abs() < Decimal::from(100_000_000_000_000u64);
    let counts = known.counted.values().all(|counts| {
        counts
            .iter()
            .try_fold(Decimal::ZERO, |sum, c| sum.checked_add(c.value.2.abs()))
            .is_some()
    });
    let levels = known
        .measured
        .values()
        .flat_map(|v| v.iter())
        .all(|f| small(f.value.0));
    let changes = plan
        .milestones
        .iter()
        .flat_map(|m| &m.targets)
        .all(|t| match &t.kind {
            TargetKind::Level {
                rhs: LevelRhs::Baseline { delta, .. },
                ..
            } => match delta {
                Delta::None => true,
                Delta::Absolute(d) => small(*d),
                Delta::Relative(p) => small(p.fraction()),
            },
            _ => true,
        });
    counts && levels && changes
}

/// Whether the advances add up at every date (E015).
fn advances_fit(known: &FactIndex) -> bool {
    known
        .advances
        .iter()
        .try_fold(Decimal::ZERO, |sum, a| {
            sum.checked_add(a.value.1.amount().abs())
        })
        .is_some()
}
