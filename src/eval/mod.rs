//! Stage 3b: evaluation. Applies the plan's rule set, clause by clause, to
//! the facts known at a date: statuses, money per stream and per party,
//! exposure, and obligations. Every status and amount carries the clause
//! (and article) that produced it.

pub mod allocate;
pub mod facts;
mod kind_text;
pub mod ledger;
pub mod measure;
pub mod model;
pub mod overrides;
pub mod status;
pub mod timeline;

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::Arc;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::diagnostic::{Diagnostic, Severity};
use crate::model::*;

pub use model::*;
pub use overrides::Overrides;

use self::status::Earned;

/// Whose money per milestone (lines) an evaluation keeps besides every
/// party's totals: one party's lines are all `evaluate --party` shows, and
/// every party's lines of a national plan (342 parties × 100 000
/// milestones) took 15 GB.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PartyLines {
    None,
    /// One party's, by id (none if no party has it).
    Only(String),
    All,
}

/// What to evaluate: the date, the horizon for obligations, what-ifs.
#[derive(Debug, Clone)]
pub struct Options {
    pub at: NaiveDate,
    pub horizon_days: u32,
    pub overrides: Overrides,
    /// Whose money per milestone to keep (`evaluate --party`).
    pub party_lines: PartyLines,
    /// Also keep each milestone's steps (`MilestoneResult::trace`), which
    /// only `explain-milestone` shows.
    pub trace: bool,
}

/// Up to this many streams a stream is found by name with a scan (a plan
/// has a few); beyond it through a map, as a scan per lookup would be
/// quadratic in a plan that declares thousands.
const SCANNED_STREAMS: usize = 8;

/// Where the sums of each stream are kept: the stream's first position in
/// the plan's order (a stream named twice is one stream, as a map by name
/// holds it). Made once per evaluation.
pub(crate) struct Places<'a> {
    streams: &'a [StreamId],
    /// The place of the stream at each position.
    first: Vec<usize>,
    /// The places by name, when there are too many streams to scan.
    by_name: Option<HashMap<&'a str, usize>>,
}

impl<'a> Places<'a> {
    pub(crate) fn of(streams: &'a [StreamId]) -> Places<'a> {
        let by_name = (streams.len() > SCANNED_STREAMS).then(|| {
            let mut by_name = HashMap::with_capacity(streams.len());
            for (i, s) in streams.iter().enumerate() {
                by_name.entry(s.as_str()).or_insert(i);
            }
            by_name
        });
        let mut places = Places {
            streams,
            first: Vec::new(),
            by_name,
        };
        places.first = streams
            .iter()
            .enumerate()
            .map(|(i, s)| places.find(s).unwrap_or(i))
            .collect();
        places
    }

    /// The place of stream `s`; `None` for a stream the plan does not declare.
    fn find(&self, s: &StreamId) -> Option<usize> {
        match &self.by_name {
            Some(by_name) => by_name.get(s.as_str()).copied(),
            None => self.streams.iter().position(|x| x == s),
        }
    }

    /// The place of the stream at position `i`.
    fn of_position(&self, i: usize) -> usize {
        self.first.get(i).copied().unwrap_or(i)
    }
}

/// Sums per stream, in the plan's stream order: a figure per place (see
/// [`Places`]), zero until something is added; a stream the plan does not
/// declare by name.
#[derive(Debug, Clone)]
struct Sums {
    at: Figures,
    other: Option<BTreeMap<StreamId, Money>>,
}

/// Up to this many streams the figures of a [`Sums`] are kept in place:
/// money makes eight sums per milestone, and a plan has a few streams.
const FIGURES_IN_PLACE: usize = 4;

/// A figure per place: in place for a few streams, else on the heap.
#[derive(Debug, Clone)]
enum Figures {
    Few([Money; FIGURES_IN_PLACE], usize),
    Many(Vec<Money>),
}

impl Figures {
    fn zero(n: usize) -> Figures {
        if n <= FIGURES_IN_PLACE {
            Figures::Few([Money::ZERO; FIGURES_IN_PLACE], n)
        } else {
            Figures::Many(vec![Money::ZERO; n])
        }
    }

    fn get(&self, i: usize) -> Option<&Money> {
        match self {
            Figures::Few(few, n) => few.get(..*n).and_then(|v| v.get(i)),
            Figures::Many(many) => many.get(i),
        }
    }

    fn get_mut(&mut self, i: usize) -> Option<&mut Money> {
        match self {
            Figures::Few(few, n) => few.get_mut(..*n).and_then(|v| v.get_mut(i)),
            Figures::Many(many) => many.get_mut(i),
        }
    }
}

impl Sums {
    fn new(places: &Places) -> Sums {
        Sums {
            at: Figures::zero(places.streams.len()),
            other: None,
        }
    }

    /// The figure of stream `s`, kept at its place or by its name.
    fn entry(&mut self, places: &Places, s: &StreamId) -> &mut Money {
        match places.find(s).and_then(|i| self.at.get_mut(i)) {
            Some(e) => e,
            None => self
                .other
                .get_or_insert_with(BTreeMap::new)
                .entry(s.clone())
                .or_insert(Money::ZERO),
        }
    }

    /// Adds parts of one milestone's amount (earned, repayable, ...): they
    /// add up to at most the amount, which the money gate has checked, so
    /// the sum cannot overflow.
    fn add(&mut self, places: &Places, s: &StreamId, m: Money) {
        add_part(self.entry(places, s), m);
    }

    /// [`Sums::add`] for the stream at position `i` of the plan's streams.
    fn add_at(&mut self, places: &Places, i: usize, m: Money) {
        if let Some(e) = self.at.get_mut(places.of_position(i)) {
            add_part(e, m);
        }
    }

    /// Adds a figure from the facts (a payment, an advance): false, and
    /// nothing added, if the sum would not fit.
    fn try_add(&mut self, places: &Places, s: &StreamId, m: Money) -> bool {
        let e = self.entry(places, s);
        match e.checked_add(m) {
            Some(sum) => {
                *e = sum;
                true
            }
            None => false,
        }
    }

    fn get(&self, places: &Places, s: &StreamId) -> Money {
        match places.find(s) {
            Some(i) => self.at.get(i).copied(),
            None => self.other.as_ref().and_then(|o| o.get(s)).copied(),
        }
        .unwrap_or(Money::ZERO)
    }

    /// The figure of the stream at position `i` of the plan's streams.
    fn get_at(&self, places: &Places, i: usize) -> Money {
        self.at
            .get(places.of_position(i))
            .copied()
            .unwrap_or(Money::ZERO)
    }

    /// Sets the figure of the stream at position `i` of the plan's streams.
    fn set_at(&mut self, places: &Places, i: usize, m: Money) {
        if let Some(e) = self.at.get_mut(places.of_position(i)) {
            *e = m;
        }
    }

    fn per_stream(&self, places: &Places) -> PerStream {
        places
            .streams
            .iter()
            .enumerate()
            .map(|(i, s)| (s.clone(), self.get_at(places, i)))
            .collect()
    }
}

/// `e + m` for parts of one milestone's amount (see [`Sums::add`]).
fn add_part(e: &mut Money, m: Money) {
    debug_assert!(e.checked_add(m).is_some());
    // PANIC SAFETY: parts of one milestone's amount of one stream add up
    // to at most that amount, a decimal that fits.
    #[allow(clippy::arithmetic_side_effects)]
    let sum = Money::new(e.amount() + m.amount());
    *e = sum;
}

/// Evaluates a plan with its rules and facts at `options.at`.
pub fn evaluate(plan: &Plan, rules: &RuleSet, facts: &[Facts], options: &Options) -> Evaluation {
    let at = options.at;
    // The plan and rules as they stand at `at`: amendments in force applied
    // (art. 2.3). Without amendments, no copy is needed.
    let amended;
    let plan = if plan.amendments.is_empty() {
        plan
    } else {
        amended = plan.as_of(at);
        &amended
    };
    let rules = rules.as_of(plan, at);
    let clauses = Terms::of(&rules);
    evaluate_as_of(
        plan,
        &clauses,
        &facts::Ordered::of(facts),
        options,
        &mut None,
    )
}

/// The plan, rules and terms as they stand on the dates between two
/// amendments taking effect: what [`timeline`] prepares once per period in
/// which the same amendments are in force.
struct AsOf {
    /// How many amendments are in force (they take effect in date order,
    /// so the count names the set).
    in_force: usize,
    /// The amended plan; `None` when the plan has no amendments (the plan
    /// itself is used, as in [`evaluate`]).
    plan: Option<Plan>,
    clauses: Terms,
    /// The ledger's divisions made so far under this plan.
    divisions: Option<ledger::Divisions>,
}

/// Evaluates the plan at every date of `dates` (in any order; each result
/// is for its date, in the order given), exactly as [`evaluate`] at each
/// date with `options` (whose `at` is ignored) would. What does not change
/// between dates is prepared once: the amended plan, rule set and terms
/// are computed again only when another amendment takes effect. Each
/// evaluation is handed to `each` as it is made, so that a caller that
/// keeps only a few columns holds one evaluation at a time.
pub fn timeline_each(
    plan: &Plan,
    rules: &RuleSet,
    facts: &[Facts],
    dates: &[NaiveDate],
    options: &Options,
    mut each: impl FnMut(Evaluation),
) {
    // The facts in the order they are indexed in, whatever the date.
    let ordered = facts::Ordered::of(facts);
    let mut prepared: Option<AsOf> = None;
    for &at in dates {
        let in_force = plan.amendments.iter().filter(|a| a.effective <= at).count();
        let stale = prepared.as_ref().is_none_or(|p| p.in_force != in_force);
        if stale {
            let amended = (!plan.amendments.is_empty()).then(|| plan.as_of(at));
            let current = amended.as_ref().unwrap_or(plan);
            let clauses = Terms::of(&rules.as_of(current, at));
            prepared = Some(AsOf {
                in_force,
                plan: amended,
                clauses,
                divisions: Some(ledger::Divisions::default()),
            });
        }
        if let Some(p) = &mut prepared {
            let options = Options {
                at,
                ..options.clone()
            };
            let current = p.plan.as_ref().unwrap_or(plan);
            each(evaluate_as_of(
                current,
                &p.clauses,
                &ordered,
                &options,
                &mut p.divisions,
            ));
        }
    }
}

/// [`timeline_each`], collected: one evaluation per date, in the order of
/// `dates`.
pub fn timeline(
    plan: &Plan,
    rules: &RuleSet,
    facts: &[Facts],
    dates: &[NaiveDate],
    options: &Options,
) -> Vec<Evaluation> {
    let mut out = Vec::with_capacity(dates.len());
    timeline_each(plan, rules, facts, dates, options, |e| out.push(e));
    out
}

/// Evaluates `plan`, already amended as of `options.at`, under `clauses`
/// (the terms of the rule set as of that date); `divisions`, if any, are
/// the ledger's divisions kept from earlier dates (and kept for later ones).
fn evaluate_as_of(
    plan: &Plan,
    clauses: &Terms,
    facts: &facts::Ordered<'_>,
    options: &Options,
    divisions: &mut Option<ledger::Divisions>,
) -> Evaluation {
    let at = options.at;
    let (index, mut diagnostics) = facts::index_ordered(plan, clauses, facts, at);
    let streams: Vec<StreamId> = plan.streams.iter().map(|s| s.id.clone()).collect();
    let places = Places::of(&streams);
    let assessor_names = assessor_names(plan, clauses);
    let mut milestones = Vec::with_capacity(plan.milestones.len());
    for m in &plan.milestones {
        let input = status::Input {
            milestone: m,
            facts: index.of(m.number),
            index: &index,
            clauses,
            overrides: &options.overrides,
            at,
            assessors: &assessor_names,
            trace: options.trace,
        };
        let outcome = status::status(&input);
        let o = &options.overrides;
        let overridden = o.achieved.contains(&m.number)
            || o.missed.contains(&m.number)
            || o.partial.contains_key(&m.number);
        let mut result = money_in(
            plan,
            m,
            &places,
            clauses,
            &index,
            index.of(m.number),
            outcome,
            &mut diagnostics,
            at,
            overridden,
        );
        result.measured = measure::measure(plan, &index, m, &mut diagnostics);
        milestones.push(result);
    }
    let parties = parties(
        plan,
        clauses,
        &streams,
        &milestones,
        &index,
        &mut diagnostics,
        &options.party_lines,
        divisions,
    );
    repaid_beyond_repayable(&index, &parties, &mut diagnostics);
    let dissolved = index.dissolved.as_ref().map(|d| d.date);
    let mut obligations = obligations(plan, clauses, &milestones, &parties, dissolved, options);
    if let Some(submitted) = &index.submitted {
        obligations.extend(approval(plan, submitted.date, options));
        sort_duties(&mut obligations);
    }
    // Kept in the result: the spare room of its growth is given back.
    obligations.shrink_to_fit();
    let mut advances = Sums::new(&places);
    for a in &index.advances {
        if !advances.try_add(&places, &a.value.0, a.value.1) {
            diagnostics.push(too_large_to_add(
                a.file,
                a.span,
                crate::tr!("e015-advances", stream = a.value.0),
            ));
        }
    }
    diagnostics.sort_by_key(|d| (d.file, d.offset()));
    Evaluation {
        plan: plan.id.to_string(),
        at,
        horizon_days: options.horizon_days,
        advances: advances.per_stream(&places),
        streams,
        milestones,
        parties,
        obligations,
        diagnostics,
    }
}

/// The parties who judge achievement, as the status texts name them.
fn assessor_names(plan: &Plan, clauses: &Terms) -> String {
    match &clauses.assessors {
        Some((roles, _)) => plan
            .parties
            .iter()
            .filter(|p| p.roles.iter().any(|r| roles.contains(r)))
            .map(|p| p.id.as_str())
            .collect::<Vec<_>>()
            .join(", "),
        None => String::new(),
    }
}

/// What milestone `m` earned per stream: all of it, none, or a partial
/// share spread over the streams pro rata their split.
fn earned_per_stream(m: &Milestone, places: &Places, earned: &Earned) -> Sums {
    let mut out = Sums::new(places);
    match earned {
        Earned::None => {}
        Earned::All => {
            for (i, s) in places.streams.iter().enumerate() {
                out.add_at(places, i, m.stream_amount(s));
            }
        }
        Earned::Fraction(f) => {
            // Allocate the rounded total, so the streams add up to it exactly.
            let total = m
                .total()
                .checked_mul(*f)
                .unwrap_or(Money::ZERO)
                .round_cents();
            spread(&mut out, places, total, m);
        }
        Earned::Amount(a) => spread(&mut out, places, (*a).min(m.total()), m),
    }
    out
}

/// Spreads `total` over the streams pro rata the milestone's split; all of
/// it on the first stream when the split cannot divide it.
fn spread(out: &mut Sums, places: &Places, total: Money, m: &Milestone) {
    let weights: Vec<Decimal> = places
        .streams
        .iter()
        .map(|s| m.stream_amount(s).amount())
        .collect();
    match allocate::allocate(total, &weights) {
        Some(parts) => parts
            .into_iter()
            .enumerate()
            .for_each(|(i, p)| out.add_at(places, i, p)),
        None => {
            if !places.streams.is_empty() {
                out.add_at(places, 0, total);
            }
        }
    }
}

/// Milestone `m`'s money at `at` from its status: `facts` are its own facts
/// (`index.of(m.number)`, or in a timeline those known at `at`); `index`
/// gives the dissolution; `places` are the plan's streams with the places
/// of their sums, made once per evaluation (or run of a timeline).
#[allow(clippy::too_many_arguments)]
fn money_in(
    plan: &Plan,
    m: &Milestone,
    places: &Places,
    clauses: &Terms,
    index: &facts::FactIndex,
    facts: Option<&facts::MilestoneFacts>,
    outcome: status::Outcome,
    diagnostics: &mut Vec<Diagnostic>,
    at: NaiveDate,
    overridden: bool,
) -> MilestoneResult {
    let of = MoneyOf { m, places, clauses };
    let mut trace = outcome.trace;
    let mut earned = earned_per_stream(m, places, &outcome.earned);
    // Payments made before an amendment that touched this milestone stand
    // (art. 2.3.3), even where the amendment lowered or withdrew it.
    let amended = plan
        .amendments_until(at)
        .into_iter()
        .filter(|a| a.edits.iter().any(|e| e.milestone() == Some(m.number)))
        .map(|a| (a.effective, a.id.clone()))
        .next_back();
    let paid = of.payments(
        facts,
        amended.as_ref().map(|a| a.0),
        &mut trace,
        diagnostics,
    );
    if let Some(amendment) = &amended {
        of.paid_before_amendment_stands(amendment, &paid.before_amendment, &mut earned, &mut trace);
    }
    of.overpaid(&paid.counted, &earned, overridden, &mut trace, diagnostics);
    let mut state = Standing {
        status: outcome.status,
        since: outcome.since,
        reason: outcome.reason,
        cite: outcome.cite,
    };
    // Dissolution (art. 4.2.2): claims to money not yet paid lapse, payments
    // already made stand.
    let dissolved = index.dissolved.as_ref().filter(|d| d.date <= at);
    let dissolved_in_force = dissolved.filter(|_| state.status != Status::Withdrawn);
    if let Some(d) = dissolved_in_force {
        of.claims_lapse(d.date, &paid.sums, &mut earned, &mut state, &mut trace);
    }
    let mut outstanding = Sums::new(places);
    for i in 0..places.streams.len() {
        outstanding.add_at(
            places,
            i,
            earned.get_at(places, i).less(paid.sums.get_at(places, i)),
        );
    }
    let dissolved_on = dissolved.map(|d| d.date);
    let unmet = of.unmet(
        &earned,
        &state,
        outcome.final_,
        at,
        dissolved_on,
        &mut trace,
    );
    let lapsed = match dissolved_in_force {
        Some(d) => of.unclaimed_lapse(d.date, &earned, &mut trace),
        None => Sums::new(places),
    };
    if state.status.is_achieved() {
        if let Some(cite) = &clauses.no_clawback {
            trace.push(
                state.since,
                || crate::tr!("trace-no-clawback"),
                || Some(cite.clone()),
            );
        }
    }
    let trace = trace.into_sorted_steps();
    MilestoneResult {
        number: m.number,
        status: state.status,
        since: state.since,
        due: m.due,
        effective_due: outcome.effective_due,
        assessment_deadline: outcome.deadline,
        reason: state.reason,
        cite: state.cite,
        earned: earned.per_stream(places),
        paid: paid.sums.per_stream(places),
        outstanding: outstanding.per_stream(places),
        repayable: unmet.repayable.per_stream(places),
        exposure: unmet.exposure.per_stream(places),
        lapsed: lapsed.per_stream(places),
        // Filled in by the caller: a timeline's money columns do not need them.
        measured: Vec::new(),
        trace,
    }
}

/// What every stage of one milestone's money reads.
struct MoneyOf<'a> {
    m: &'a Milestone,
    places: &'a Places<'a>,
    clauses: &'a Terms,
}

/// A milestone's payments: those that count, their sums, and the sums of
/// those made before the last amendment that touched it.
struct Paid<'f> {
    counted: Vec<&'f facts::Dated<(StreamId, Money)>>,
    sums: Sums,
    before_amendment: Sums,
}

/// A milestone's status with its date, reason and clause, as dissolution
/// may change them.
struct Standing {
    status: Status,
    since: Option<NaiveDate>,
    reason: String,
    cite: Option<Cite>,
}

/// What is linked to a milestone not achieved.
struct Unmet {
    repayable: Sums,
    exposure: Sums,
}

impl MoneyOf<'_> {
    /// The payments that count: all but one that would make a sum overflow
    /// (E015). Those dated before `amended` are summed apart.
    fn payments<'f>(
        &self,
        facts: Option<&'f facts::MilestoneFacts>,
        amended: Option<NaiveDate>,
        trace: &mut status::Trace,
        diagnostics: &mut Vec<Diagnostic>,
    ) -> Paid<'f> {
        let (m, places) = (self.m, self.places);
        let mut paid = Paid {
            counted: Vec::new(),
            sums: Sums::new(places),
            before_amendment: Sums::new(places),
        };
        for p in facts.map(|f| f.paid.as_slice()).unwrap_or_default() {
            if !paid.sums.try_add(places, &p.value.0, p.value.1) {
                diagnostics.push(too_large_to_add(
                    p.file,
                    p.span,
                    crate::tr!("e015-payments", milestone = m.number, stream = p.value.0),
                ));
                continue;
            }
            paid.counted.push(p);
            if amended.is_some_and(|when| p.date < when) {
                // At most what was paid in all, which fitted.
                paid.before_amendment.add(places, &p.value.0, p.value.1);
            }
            trace.push(
                Some(p.date),
                || crate::tr!("trace-paid", amount = p.value.1, stream = p.value.0),
                || self.clauses.payment.as_ref().map(|x| x.1.clone()),
            );
        }
        paid
    }

    /// Art. 2.3.3: what was paid before the amendment stays earned, per
    /// stream, where the amendment lowered the milestone below it.
    fn paid_before_amendment_stands(
        &self,
        (when, id): &(NaiveDate, String),
        before_amendment: &Sums,
        earned: &mut Sums,
        trace: &mut status::Trace,
    ) {
        let places = self.places;
        for (i, s) in places.streams.iter().enumerate() {
            let before = before_amendment.get_at(places, i);
            if before > earned.get_at(places, i) {
                trace.push(
                    Some(*when),
                    || {
                        crate::tr!(
                            "trace-paid-before-amendment",
                            amount = before,
                            stream = s,
                            amendment = id
                        )
                    },
                    || {
                        Some(Cite {
                            clause: "amendment",
                            citation: "art. 2.3.3".into(),
                        })
                    },
                );
                earned.set_at(places, i, before);
            }
        }
    }

    /// E003 for every payment that takes a stream's payments beyond what
    /// was earned (a what-if only notes it in the trace).
    fn overpaid(
        &self,
        payments: &[&facts::Dated<(StreamId, Money)>],
        earned: &Sums,
        overridden: bool,
        trace: &mut status::Trace,
        diagnostics: &mut Vec<Diagnostic>,
    ) {
        let places = self.places;
        let mut so_far = Sums::new(places);
        for p in payments {
            // At most what was paid in all, which fitted.
            so_far.add(places, &p.value.0, p.value.1);
            let total = so_far.get(places, &p.value.0);
            if total <= earned.get(places, &p.value.0) {
                continue;
            }
            if overridden {
                trace.push(
                    Some(p.date),
                    || crate::tr!("trace-what-if-overpaid", amount = total),
                    || None,
                );
                continue;
            }
            diagnostics.push(
                Diagnostic::new(
                    "E003",
                    Severity::Error,
                    crate::tr!(
                        "e003-message",
                        milestone = self.m.number,
                        amount = total,
                        stream = p.value.0,
                        earned = earned.get(places, &p.value.0)
                    ),
                )
                .in_file(p.file)
                .at(p.span, crate::tr!("e003-label"))
                .with_help(crate::tr!("e003-help")),
            );
        }
    }

    /// Dissolution on `date` (art. 4.2.2): what was earned but not paid
    /// lapses, so the milestone is `lapsed` even if it was achieved.
    fn claims_lapse(
        &self,
        date: NaiveDate,
        paid: &Sums,
        earned: &mut Sums,
        state: &mut Standing,
        trace: &mut status::Trace,
    ) {
        let places = self.places;
        let dcite = self.clauses.dissolution.clone();
        let mut claims_lapsed = false;
        for (i, s) in places.streams.iter().enumerate() {
            let (e, p) = (earned.get_at(places, i), paid.get_at(places, i));
            if e > p {
                claims_lapsed = true;
                trace.push(
                    Some(date),
                    || {
                        crate::tr!(
                            "trace-lapses-on-dissolution",
                            amount = e.less(p),
                            stream = s
                        )
                    },
                    || dcite.clone(),
                );
                earned.set_at(places, i, p);
            }
        }
        if claims_lapsed && state.status != Status::Lapsed {
            state.reason = crate::tr!(
                "reason-lapsed-unpaid",
                status = state.status.word(),
                since = state.since.map(|x| x.to_string()).unwrap_or_default(),
                date = date
            );
            state.status = Status::Lapsed;
            state.since = Some(date);
            state.cite = dcite;
        }
    }

    /// What is linked to the milestone not achieved: repayable once final,
    /// exposure while open, for each stream whose unmet money is repaid. A
    /// withdrawn milestone is no longer part of the plan: nothing is linked
    /// to it.
    fn unmet(
        &self,
        earned: &Sums,
        state: &Standing,
        final_: bool,
        at: NaiveDate,
        dissolved: Option<NaiveDate>,
        trace: &mut status::Trace,
    ) -> Unmet {
        let (m, places, clauses) = (self.m, self.places, self.clauses);
        let mut unmet = Unmet {
            repayable: Sums::new(places),
            exposure: Sums::new(places),
        };
        for (Repay { stream, .. }, rcite) in &clauses.repay {
            let unearned = m.stream_amount(stream).less(earned.get(places, stream));
            if unearned.is_zero() || state.status.is_achieved() || state.status == Status::Withdrawn
            {
                continue;
            }
            if !final_ {
                unmet.exposure.add(places, stream, unearned);
                continue;
            }
            unmet.repayable.add(places, stream, unearned);
            let when = clauses
                .cutoff
                .as_ref()
                .map(|c| c.0)
                .filter(|c| at > *c)
                .or(dissolved);
            trace.push(
                when,
                || crate::tr!("trace-repayable", amount = unearned, stream = stream),
                || Some(rcite.clone()),
            );
        }
        unmet
    }

    /// On dissolution every stream whose unmet money is not repaid lapses:
    /// its claims end and no one holds it.
    fn unclaimed_lapse(&self, date: NaiveDate, earned: &Sums, trace: &mut status::Trace) -> Sums {
        let (m, places, clauses) = (self.m, self.places, self.clauses);
        let mut lapsed = Sums::new(places);
        let unrepaid = places
            .streams
            .iter()
            .enumerate()
            .filter(|(_, s)| clauses.repay_of(s).is_none());
        for (i, s) in unrepaid {
            let unearned = m.stream_amount(s).less(earned.get_at(places, i));
            if unearned.amount() > Decimal::ZERO {
                lapsed.add_at(places, i, unearned);
                trace.push(
                    Some(date),
                    || crate::tr!("trace-lapses-unclaimed", amount = unearned, stream = s),
                    || clauses.dissolution.clone(),
                );
            }
        }
        lapsed
    }
}

/// Money per party: earned, paid and lapsed over the payout recipient (a
/// key divides by its weights); repayable and exposure over the risk key;
/// outstanding per party as its earned minus its paid.
#[allow(clippy::too_many_arguments)]
fn parties(
    plan: &Plan,
    clauses: &Terms,
    streams: &[StreamId],
    results: &[MilestoneResult],
    index: &facts::FactIndex,
    diagnostics: &mut Vec<Diagnostic>,
    lines: &PartyLines,
    divisions: &mut Option<ledger::Divisions>,
) -> Vec<PartyResult> {
    use ledger::Ledger;
    let units = division_units(results, streams.len());
    let mut ledger = Ledger::new(plan, units, lines);
    ledger.memo = divisions.take();
    for (m, r) in plan.milestones.iter().zip(results) {
        for (si, s) in streams.iter().enumerate() {
            let get = |c: Column| {
                r.column(c)
                    .and_then(|v| v.get(si))
                    .map(|(_, a)| *a)
                    .unwrap_or(Money::ZERO)
            };
            let paid_out = [Column::Earned, Column::Paid, Column::Lapsed];
            match m.payout_for(s) {
                Some(p) => {
                    for c in paid_out {
                        if let Err(e) = ledger.add(&p.to, c, m.number, si, get(c)) {
                            diagnostics.push(not_divided(plan, m, s, c, e));
                        }
                    }
                }
                None => {
                    if let Some(c) = paid_out.into_iter().find(|c| !get(*c).is_zero()) {
                        diagnostics.push(
                            Diagnostic::new(
                                "E011",
                                Severity::Error,
                                crate::tr!(
                                    "e011-no-payout",
                                    milestone = m.number,
                                    column = c.name(),
                                    stream = s
                                ),
                            )
                            .in_file(plan.file)
                            .at(m.header_span, crate::tr!("e011-no-payout-label"))
                            .with_help(crate::tr!("e011-no-payout-help", stream = s)),
                        );
                    }
                }
            }
            let (repayable, exposure) = (get(Column::Repayable), get(Column::Exposure));
            if repayable.is_zero() && exposure.is_zero() {
                continue;
            }
            // The key the clause names (`repay-unmet STREAM by KEY`), else
            // the milestone's risk key for the stream (`by risk-key`).
            let named = clauses.repay_of(s).and_then(|(r, _)| r.key.as_ref());
            let Some(k) = named.or(m.risk_for(s).map(|r| &r.key)) else {
                diagnostics.push(
                    Diagnostic::new(
                        "E010",
                        Severity::Warning,
                        crate::tr!("e010-message", milestone = m.number, stream = s),
                    )
                    .in_file(plan.file)
                    .at(m.header_span, crate::tr!("e010-label"))
                    .with_help(crate::tr!("e010-help", stream = s)),
                );
                continue;
            };
            let key = Ledger::key(k);
            for (c, amount) in [(Column::Repayable, repayable), (Column::Exposure, exposure)] {
                if let Err(e) = ledger.add(&key, c, m.number, si, amount) {
                    diagnostics.push(not_divided(plan, m, s, c, e));
                }
            }
        }
    }
    *divisions = ledger.memo.take();
    for r in &index.repaid {
        if let Some(si) = streams.iter().position(|s| s == &r.value.0) {
            if ledger
                .add_to_party(r.value.2.as_str(), Column::Repaid, si, r.value.1)
                .is_err()
            {
                diagnostics.push(
                    Diagnostic::new(
                        "E011",
                        Severity::Error,
                        crate::tr!("e011-repayments", stream = r.value.0, party = r.value.2),
                    )
                    .in_file(r.file)
                    .at(r.span, crate::tr!("e011-repayments-label"))
                    .with_help(crate::tr!("e011-repayments-help")),
                );
            }
        }
    }
    let mut unrepresentable = Vec::new();
    let mut per = |party: &str, c: Column, v: Vec<Option<Money>>| -> PerStream {
        streams
            .iter()
            .zip(v)
            .map(|(s, m)| {
                let m = m.unwrap_or_else(|| {
                    unrepresentable.push((party.to_string(), c, s.clone()));
                    Money::ZERO
                });
                (s.clone(), m)
            })
            .collect()
    };
    let results: Vec<PartyResult> = plan
        .parties
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let id = p.id.as_str();
            let mut col = |c: Column| per(id, c, ledger.total(i, c));
            let (earned, paid, outstanding) = (
                col(Column::Earned),
                col(Column::Paid),
                col(Column::Outstanding),
            );
            let (repayable, repaid, exposure, lapsed) = (
                col(Column::Repayable),
                col(Column::Repaid),
                col(Column::Exposure),
                col(Column::Lapsed),
            );
            let lines = ledger
                .lines(i)
                .into_iter()
                .map(|(n, cols)| {
                    let mut line =
                        |c: Column| per(id, c, cols.get(c.index()).cloned().unwrap_or_default());
                    PartyLine {
                        milestone: n,
                        earned: line(Column::Earned),
                        paid: line(Column::Paid),
                        outstanding: line(Column::Outstanding),
                        repayable: line(Column::Repayable),
                        exposure: line(Column::Exposure),
                        lapsed: line(Column::Lapsed),
                    }
                })
                .collect();
            PartyResult {
                id: id.to_string(),
                earned,
                paid,
                outstanding,
                repayable,
                repaid,
                exposure,
                lapsed,
                lines,
            }
        })
        .collect();
    unrepresentable.sort();
    unrepresentable.dedup();
    for (party, c, s) in unrepresentable {
        diagnostics.push(
            Diagnostic::new(
                "E011",
                Severity::Error,
                crate::tr!(
                    "e011-unrepresentable",
                    column = c.name(),
                    stream = s,
                    party = party
                ),
            )
            .in_file(plan.file)
            .with_help(crate::tr!("e011-unrepresentable-help")),
        );
    }
    results
}

/// E014: a party repaid more of a stream than is repayable by it at the
/// evaluation date. A warning on the repayment that goes beyond it: the
/// repayment still counts (money was transferred), but it may be an error
/// or a repayment ahead of a decision.
fn repaid_beyond_repayable(
    index: &facts::FactIndex,
    parties: &[PartyResult],
    diagnostics: &mut Vec<Diagnostic>,
) {
    let mut so_far: BTreeMap<(&str, &StreamId), Money> = BTreeMap::new();
    let mut reported: Vec<(&str, &StreamId)> = Vec::new();
    for r in &index.repaid {
        let (stream, amount, by) = (&r.value.0, r.value.1, r.value.2.as_str());
        let Some(p) = parties.iter().find(|p| p.id == by) else {
            continue;
        };
        let total = so_far.entry((by, stream)).or_insert(Money::ZERO);
        *total = total.checked_add(amount).unwrap_or(*total);
        let repayable = amount_of(&p.repayable, stream);
        if *total > repayable && !reported.contains(&(by, stream)) {
            reported.push((by, stream));
            diagnostics.push(
                Diagnostic::new(
                    "E014",
                    Severity::Warning,
                    crate::tr!(
                        "e014-message",
                        party = by,
                        amount = *total,
                        stream = stream,
                        repayable = repayable
                    ),
                )
                .in_file(r.file)
                .at(r.span, crate::tr!("e014-label"))
                .with_help(crate::tr!("e014-help")),
            );
        }
    }
}

/// The unit (in cents) each stream is divided over parties in: cents,
/// unless the largest column total would then not fit a `Decimal`; then
/// the unit every amount of the stream is written in. One pass over the
/// results for all streams and columns (a pass per stream and column read
/// every milestone's columns twelve times over).
fn division_units(results: &[MilestoneResult], streams: usize) -> Vec<i128> {
    let mut per_stream: Vec<Units> = vec![Units::default(); streams];
    for r in results {
        for (ci, c) in Column::MILESTONE.iter().enumerate() {
            let Some(v) = r.column(*c) else { continue };
            for (si, units) in per_stream.iter_mut().enumerate() {
                // Most columns of most milestones are zero: no rounding for
                // those (zero of any scale is zero cents).
                let cents = v
                    .get(si)
                    .filter(|(_, m)| !m.is_zero())
                    .and_then(|(_, m)| allocate::cents_of(*m))
                    .unwrap_or(0);
                units.add(ci, cents);
            }
        }
    }
    per_stream.iter().map(Units::unit).collect()
}

/// What [`allocate::unit_for`] needs of a stream's amounts, gathered one
/// amount at a time: per column the sum of their sizes, and whether every
/// amount is whole in 10 and in 100 cents.
#[derive(Clone)]
struct Units {
    columns: [i128; Column::MILESTONE.len()],
    tens: bool,
    hundreds: bool,
}

impl Default for Units {
    fn default() -> Self {
        Units {
            columns: [0; Column::MILESTONE.len()],
            tens: true,
            hundreds: true,
        }
    }
}

impl Units {
    fn add(&mut self, column: usize, cents: i128) {
        if let Some(sum) = self.columns.get_mut(column) {
            *sum = sum.saturating_add(cents.saturating_abs());
        }
        self.tens &= cents.checked_rem(10) == Some(0);
        self.hundreds &= cents.checked_rem(100) == Some(0);
    }

    /// `unit_for` of the amounts: it asks only whether they are all whole
    /// in 1, 10 and 100 cents, which one amount of 100, 10 or 1 answers
    /// alike.
    fn unit(&self) -> i128 {
        let like = if self.hundreds {
            100
        } else if self.tens {
            10
        } else {
            1
        };
        let largest = self.columns.iter().copied().max().unwrap_or(0);
        allocate::unit_for(&[like], largest).unwrap_or(1)
    }
}

/// E011: an amount of a milestone that could not be divided over parties.
fn not_divided(
    plan: &Plan,
    m: &Milestone,
    s: &StreamId,
    c: Column,
    why: ledger::NotBooked,
) -> Diagnostic {
    let (what, help) = match why {
        ledger::NotBooked::NoShares => (
            crate::tr!("e011-no-shares"),
            crate::tr!("e011-no-shares-help"),
        ),
        ledger::NotBooked::Overflow => (
            crate::tr!("e011-overflow"),
            crate::tr!("e011-overflow-help"),
        ),
    };
    Diagnostic::new(
        "E011",
        Severity::Error,
        crate::tr!(
            "e011-not-divided",
            milestone = m.number,
            column = c.name(),
            stream = s,
            why = what
        ),
    )
    .in_file(plan.file)
    .at(m.header_span, crate::tr!("e011-not-divided-label"))
    .with_help(help)
}

/// E015: figures from the facts that add up to more than a decimal of 28
/// significant digits holds; the one that overflowed is ignored.
fn too_large_to_add(
    file: crate::source::FileId,
    span: crate::source::Span,
    message: String,
) -> Diagnostic {
    Diagnostic::new("E015", Severity::Error, message)
        .in_file(file)
        .at(span, crate::tr!("e015-label"))
        .with_help(crate::tr!("e015-help"))
        .with_note(crate::tr!("e015-note"))
}

/// Who must do what, from `at` to `at + horizon`, and what is overdue.
/// Where the approval timeline comes from: the Beoordelingskader (Bijlage 1),
/// stap 3, r. 6006-6012 of the sources.
const APPROVAL_CITE: &str = "Beoordelingskader stap 3, r. 6006-6012";

/// The approval timeline of a plan submitted on `submitted`
/// (Beoordelingskader r. 6006-6012): the two market-leading insurers take a
/// provisional decision within four weeks ("binnen vier weken een
/// voorgenomen besluit"), the other insurers then have two weeks for
/// questions ("twee weken de tijd om ... vragen te stellen"), after which the
/// final decision follows within two weeks ("binnen twee weken een
/// definitief besluit"). Each step counts from the latest date of the step
/// before. The market leaders are the parties with the role
/// `coordinating-insurer` or `second-insurer`. Duties dated before `at` or
/// past the horizon are not listed, as for assessments.
fn approval(plan: &Plan, submitted: NaiveDate, options: &Options) -> Vec<Duty> {
    let at = options.at;
    let until = horizon_end(at, options.horizon_days);
    let leaders: Vec<Arc<str>> = plan
        .parties
        .iter()
        .filter(|p| {
            p.roles
                .iter()
                .any(|r| matches!(r, Role::CoordinatingInsurer | Role::SecondInsurer))
        })
        .map(|p| Arc::from(p.id.as_str()))
        .collect();
    let cite = Arc::new(Cite {
        clause: "approval",
        citation: APPROVAL_CITE.to_string(),
    });
    let provisional = submitted.checked_add_days(chrono::Days::new(28));
    let questions = provisional.and_then(|d| d.checked_add_days(chrono::Days::new(14)));
    let decision = questions.and_then(|d| d.checked_add_days(chrono::Days::new(14)));
    let steps = [
        (
            provisional,
            DutyKind::Decide,
            crate::tr!("duty-provisional-decision", submitted = submitted),
        ),
        (
            questions,
            DutyKind::Questions,
            crate::tr!("duty-questions-end"),
        ),
        (
            decision,
            DutyKind::Decide,
            crate::tr!("duty-final-decision"),
        ),
    ];
    let mut out = Vec::new();
    for (due, kind, text) in steps {
        let Some(due) = due.filter(|d| *d >= at && *d <= until) else {
            continue;
        };
        let text: Arc<str> = Arc::from(text);
        for party in &leaders {
            out.push(Duty {
                party: Arc::clone(party),
                kind,
                milestone: None,
                due,
                stream: None,
                amount: None,
                overdue: false,
                text: Arc::clone(&text),
                cite: Some(Arc::clone(&cite)),
            });
        }
    }
    out
}

fn obligations(
    plan: &Plan,
    c: &Terms,
    results: &[MilestoneResult],
    parties: &[PartyResult],
    dissolved: Option<NaiveDate>,
    options: &Options,
) -> Vec<Duty> {
    let at = options.at;
    let until = horizon_end(at, options.horizon_days);
    let in_horizon = |d: NaiveDate| d <= until;
    let mut out = Vec::new();
    let mut ids = PartyIds::default();
    // Who delivers for each recipient, looked up once: a key's members
    // deliver for every milestone it receives.
    let mut deliver: HashMap<&Recipient, Vec<Arc<str>>> = HashMap::new();
    let assessors: Vec<Arc<str>> = match &c.assessors {
        Some((roles, _)) => plan
            .parties
            .iter()
            .filter(|p| p.roles.iter().any(|r| roles.contains(r)))
            .map(|p| ids.share(p.id.as_str()))
            .collect(),
        None => Vec::new(),
    };
    // Each clause's citation once, shared by the duties that rest on it.
    let window_cite = c.window.as_ref().map(|w| Arc::new(w.1.clone()));
    let payment_cite = c.payment.as_ref().map(|p| Arc::new(p.1.clone()));
    for (m, r) in plan.milestones.iter().zip(results) {
        let Some(due) = m.due else { continue };
        // Who delivers: whoever receives the money of the stream that bears
        // the risk (the SPUK part: Twentse Koers for regional work, the
        // municipalities of a key for local work), else of the first stream.
        let effective_due = r.effective_due.unwrap_or(due);
        if matches!(r.status, Status::Open | Status::Postponed | Status::Due)
            && in_horizon(effective_due)
        {
            let deliverers: &[Arc<str>] = match m
                .payout
                .iter()
                .find(|p| m.risk_for(&p.stream).is_some())
                .or(m.payout.first())
            {
                Some(p) => deliver
                    .entry(&p.to)
                    .or_insert_with(|| member_ids(plan, &p.to, &mut ids)),
                None => &[],
            };
            // One text for all of them: a key has up to hundreds of members.
            let text: Arc<str> = Arc::from(crate::tr!("duty-deliver-text", milestone = m.number));
            for party in deliverers {
                out.push(Duty {
                    party: Arc::clone(party),
                    kind: DutyKind::Deliver,
                    milestone: Some(m.number),
                    due: effective_due,
                    stream: None,
                    // For a key the amount is divided; its members each deliver their part.
                    amount: (deliverers.len() == 1).then(|| m.total()),
                    overdue: effective_due < at,
                    text: Arc::clone(&text),
                    cite: None,
                });
            }
        }
        if matches!(
            r.status,
            Status::Open | Status::Postponed | Status::Due | Status::InAssessment
        ) {
            if let Some(deadline) = r.assessment_deadline.filter(|d| in_horizon(*d) && *d >= at) {
                let text: Arc<str> = Arc::from(crate::tr!(
                    "duty-assess-text",
                    milestone = m.number,
                    deadline = deadline
                ));
                for a in &assessors {
                    out.push(Duty {
                        party: Arc::clone(a),
                        kind: DutyKind::Assess,
                        milestone: Some(m.number),
                        due: deadline,
                        stream: None,
                        amount: Some(m.total()),
                        overdue: false,
                        text: Arc::clone(&text),
                        cite: window_cite.clone(),
                    });
                }
            }
        }
        for (s, amount) in &r.outstanding {
            if amount.amount() > Decimal::ZERO {
                let payer = ids.share(plan.stream(s).map_or("", |x| x.payer.as_str()));
                let since = r.since.unwrap_or(at);
                out.push(Duty {
                    party: payer,
                    kind: DutyKind::Pay,
                    milestone: Some(m.number),
                    due: since,
                    stream: Some(s.clone()),
                    amount: Some(*amount),
                    // The agreement sets no term for payment (art. 3.3.1): payable since, not overdue.
                    overdue: false,
                    text: Arc::from(crate::tr!(
                        "duty-pay-text",
                        amount = amount,
                        stream = s,
                        milestone = m.number
                    )),
                    cite: payment_cite
                        .clone()
                        .or_else(|| r.cite.clone().map(Arc::new)),
                });
            }
        }
    }
    for (Repay { stream, .. }, cite) in &c.repay {
        let cite = Arc::new(cite.clone());
        for p in parties {
            // Per stream: what the party must repay of this stream, less what it repaid of it.
            let Some(owed) =
                amount_of(&p.repayable, stream).checked_sub(amount_of(&p.repaid, stream))
            else {
                continue;
            };
            if owed.amount() > Decimal::ZERO {
                // On dissolution the agreement ends at once; otherwise repayment follows the cutoff.
                let due = dissolved.or(c.cutoff.as_ref().map(|x| x.0)).unwrap_or(at);
                out.push(Duty {
                    party: ids.share(&p.id),
                    kind: DutyKind::Repay,
                    milestone: None,
                    due,
                    stream: Some(stream.clone()),
                    amount: Some(owed),
                    overdue: due < at,
                    text: Arc::from(crate::tr!(
                        "duty-repay-text",
                        amount = owed,
                        stream = stream
                    )),
                    cite: Some(Arc::clone(&cite)),
                });
            }
        }
    }
    sort_duties(&mut out);
    out
}

/// The party ids of the obligations, each allocated once and shared: a
/// key's hundreds of members each have a deliver duty per milestone.
#[derive(Default)]
struct PartyIds(BTreeSet<Arc<str>>);

impl PartyIds {
    fn share(&mut self, id: &str) -> Arc<str> {
        if let Some(shared) = self.0.get(id) {
            return Arc::clone(shared);
        }
        let shared: Arc<str> = Arc::from(id);
        self.0.insert(Arc::clone(&shared));
        shared
    }
}

/// The ids of the parties a payout goes to (a party, or every member of a
/// key), shared through `ids`.
fn member_ids(plan: &Plan, to: &Recipient, ids: &mut PartyIds) -> Vec<Arc<str>> {
    match to {
        Recipient::Party(p) => vec![ids.share(p.as_str())],
        Recipient::Key(k) => plan
            .key(k)
            .map(|k| {
                k.members
                    .iter()
                    .map(|m| ids.share(m.party.as_str()))
                    .collect()
            })
            .unwrap_or_default(),
    }
}

/// Sorts obligations by due date, kind, party and milestone, stably (equal
/// ones keep their order), exactly as `sort_by` would, but without its
/// scratch copy of the duties (one per duty: 6 MB for the 40 000
/// obligations of a national plan, at the evaluation's peak): the order is
/// found on positions, then the duties are put in place by swaps.
fn sort_duties(duties: &mut [Duty]) {
    let key = |i: usize| {
        duties
            .get(i)
            .map(|d| (d.due, d.kind, &*d.party, d.milestone))
    };
    let mut order: Vec<usize> = (0..duties.len()).collect();
    order.sort_by(|a, b| key(*a).cmp(&key(*b)));
    // Where each duty goes, then each put there by one swap.
    let mut place = vec![0usize; order.len()];
    for (to, from) in order.iter().enumerate() {
        if let Some(p) = place.get_mut(*from) {
            *p = to;
        }
    }
    for i in 0..place.len() {
        while let Some(&to) = place.get(i).filter(|to| **to != i) {
            if to >= place.len() {
                break;
            }
            duties.swap(i, to);
            place.swap(i, to);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn duty(i: usize, day: u32, kind: DutyKind, party: &str, milestone: Option<u32>) -> Duty {
        Duty {
            party: Arc::from(party),
            kind,
            milestone: milestone.map(MilestoneNo),
            due: NaiveDate::from_ymd_opt(2026, 1, day).unwrap_or_default(),
            stream: None,
            amount: None,
            overdue: false,
            text: Arc::from(i.to_string()),
            cite: None,
        }
    }

    /// The former `division_unit`, a pass per stream and column with every
    /// amount kept: the reference for `division_units`.
    fn division_unit_by_passes(results: &[MilestoneResult], si: usize) -> i128 {
        let mut amounts = Vec::new();
        let mut largest: i128 = 0;
        for c in Column::MILESTONE {
            let mut column: i128 = 0;
            for r in results {
                let cents = r
                    .column(c)
                    .and_then(|v| v.get(si))
                    .and_then(|(_, m)| allocate::cents_of(*m))
                    .unwrap_or(0);
                column = column.saturating_add(cents.saturating_abs());
                amounts.push(cents);
            }
            largest = largest.max(column);
        }
        allocate::unit_for(&amounts, largest).unwrap_or(1)
    }

    fn result_with(columns: &[Vec<(StreamId, Money)>]) -> MilestoneResult {
        let column = |i: usize| columns.get(i).cloned().unwrap_or_default();
        MilestoneResult {
            number: MilestoneNo(1),
            status: Status::Open,
            since: None,
            due: None,
            effective_due: None,
            assessment_deadline: None,
            reason: String::new(),
            cite: None,
            earned: column(0),
            paid: column(1),
            outstanding: column(2),
            repayable: column(3),
            exposure: column(4),
            lapsed: column(5),
            measured: Vec::new(),
            trace: Vec::new(),
        }
    }

    /// The former `Sums`, a map by name: the reference for `Sums` by place.
    #[derive(Default)]
    struct SumsByName(BTreeMap<StreamId, Money>);

    impl SumsByName {
        fn add(&mut self, s: &StreamId, m: Money) {
            let e = self.0.entry(s.clone()).or_insert(Money::ZERO);
            *e = e.checked_add(m).unwrap();
        }
        fn try_add(&mut self, s: &StreamId, m: Money) -> bool {
            let e = self.0.entry(s.clone()).or_insert(Money::ZERO);
            match e.checked_add(m) {
                Some(sum) => {
                    *e = sum;
                    true
                }
                None => false,
            }
        }
        fn get(&self, s: &StreamId) -> Money {
            self.0.get(s).copied().unwrap_or(Money::ZERO)
        }
        fn per_stream(&self, streams: &[StreamId]) -> PerStream {
            streams.iter().map(|s| (s.clone(), self.get(s))).collect()
        }
    }

    proptest::proptest! {
        /// Sums by place give what the map by name gave, for every way
        /// money uses them: by name (streams of the plan and others), by
        /// position, set, and the columns per stream; streams named twice;
        /// few streams (scanned) and many (looked up in a map); amounts of
        /// every scale, some too large to add.
        #[test]
        fn sums_by_place_are_the_sums_by_name(
            names in proptest::collection::vec(0u8..12, 0..14),
            ops in proptest::collection::vec(
                (0u8..6, 0usize..16, -3i64..4, 0u32..4, proptest::bool::ANY),
                0..40,
            ),
        ) {
            let streams: Vec<StreamId> =
                names.iter().map(|n| StreamId::new(format!("s{n}"))).collect();
            let places = Places::of(&streams);
            let mut new = Sums::new(&places);
            let mut old = SumsByName::default();
            for (op, k, digit, scale, huge) in ops {
                // A name of the plan or one it does not declare (s12..s15).
                let name = streams
                    .get(k)
                    .cloned()
                    .unwrap_or_else(|| StreamId::new(format!("s{}", (k % 4).saturating_add(12))));
                let m = Money::new(if huge {
                    Decimal::from_i128_with_scale(i128::from(digit).saturating_mul(10i128.pow(27)), 0)
                } else {
                    Decimal::new(digit, scale)
                });
                let at = streams.get(k).map(|_| k);
                match (op, at) {
                    (0, _) if !huge => {
                        new.add(&places, &name, m);
                        old.add(&name, m);
                    }
                    (1, _) => {
                        proptest::prop_assert_eq!(
                            new.try_add(&places, &name, m),
                            old.try_add(&name, m)
                        );
                    }
                    (2, Some(i)) if !huge => {
                        new.add_at(&places, i, m);
                        old.add(&name, m);
                    }
                    (3, Some(i)) => {
                        new.set_at(&places, i, m);
                        old.0.insert(name.clone(), m);
                    }
                    (4, Some(i)) => {
                        proptest::prop_assert_eq!(new.get_at(&places, i), old.get(&name));
                    }
                    _ => {
                        proptest::prop_assert_eq!(new.get(&places, &name), old.get(&name));
                    }
                }
                // The same figures, to the scale.
                let (a, b) = (new.get(&places, &name), old.get(&name));
                proptest::prop_assert_eq!(a.amount().scale(), b.amount().scale());
            }
            proptest::prop_assert_eq!(new.per_stream(&places), old.per_stream(&streams));
            for s in (12..16).map(|n| StreamId::new(format!("s{n}"))) {
                proptest::prop_assert_eq!(new.get(&places, &s), old.get(&s));
            }
        }

        /// One pass gives every stream the unit the passes per stream gave:
        /// amounts whole in 1, 10 or 100 cents, of any scale, some too
        /// large for cents (then a coarser unit, or none), streams missing
        /// from a column.
        #[test]
        fn division_units_are_the_passes(
            raw in proptest::collection::vec(
                proptest::collection::vec(
                    proptest::collection::vec((0i128..4, -3i64..4, 0u32..5), 0..3),
                    6,
                ),
                0..6,
            )
        ) {
            let streams = [StreamId::new("a"), StreamId::new("b"), StreamId::new("c")];
            // Mantissa sizes: small, whole tens, whole hundreds, near the
            // largest a Decimal holds.
            let amount = |size: i128, digit: i64, scale: u32| {
                let factor: i128 = match size {
                    0 => 1,
                    1 => 10,
                    2 => 100,
                    _ => 19_807_040_628_566_084_398_385_987_500, // 2^94, in whole hundreds
                };
                let m = i128::from(digit).saturating_mul(factor);
                Money::new(Decimal::from_i128_with_scale(m, scale))
            };
            let results: Vec<MilestoneResult> = raw
                .iter()
                .map(|columns| {
                    let columns: Vec<Vec<(StreamId, Money)>> = columns
                        .iter()
                        .map(|c| {
                            streams
                                .iter()
                                .zip(c)
                                .map(|(s, (size, digit, scale))| (s.clone(), amount(*size, *digit, *scale)))
                                .collect()
                        })
                        .collect();
                    result_with(&columns)
                })
                .collect();
            let expected: Vec<i128> = (0..streams.len())
                .map(|si| division_unit_by_passes(&results, si))
                .collect();
            proptest::prop_assert_eq!(division_units(&results, streams.len()), expected);
        }

        /// The swaps give exactly the order of a stable `sort_by`, equal
        /// duties in the order they came in (their text is their place).
        #[test]
        fn duties_sorted_as_a_stable_sort_would(
            raw in proptest::collection::vec((1u32..4, 0usize..3, 0usize..3, proptest::option::of(1u32..4)), 0..200)
        ) {
            let kinds = [DutyKind::Deliver, DutyKind::Assess, DutyKind::Pay];
            let parties = ["a", "b", "c"];
            let mut duties: Vec<Duty> = raw
                .iter()
                .enumerate()
                .map(|(i, (day, k, p, m))| {
                    duty(i, *day, kinds[*k], parties[*p], *m)
                })
                .collect();
            let mut expected = duties.clone();
            expected.sort_by(|a, b| {
                (a.due, a.kind, &a.party, a.milestone).cmp(&(b.due, b.kind, &b.party, b.milestone))
            });
            sort_duties(&mut duties);
            let texts = |v: &[Duty]| v.iter().map(|d| d.text.clone()).collect::<Vec<_>>();
            proptest::prop_assert_eq!(texts(&duties), texts(&expected));
        }
    }
}
