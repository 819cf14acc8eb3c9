//! The facts that count at the evaluation date: validated, indexed per
//! milestone, with a diagnostic for each fact that is ignored and why.

use std::collections::HashMap;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::diagnostic::{Diagnostic, Severity};
use crate::model::*;
use crate::source::{FileId, Span};

/// A fact with the file it came from.
#[derive(Debug, Clone)]
pub struct Dated<T> {
    pub date: NaiveDate,
    pub value: T,
    pub file: FileId,
    pub span: Span,
}

#[derive(Debug, Clone, Default)]
pub struct MilestoneFacts {
    pub evidence: Vec<Dated<Option<String>>>,
    /// (achieved, by)
    pub assessments: Vec<Dated<(bool, PartyId)>>,
    /// (share, the parties who decided)
    pub partials: Vec<Dated<(PartialShare, Vec<PartyId>)>>,
    /// (until, the parties who decided; none when the rule set names no roles)
    pub postponements: Vec<Dated<(NaiveDate, Vec<PartyId>)>>,
    pub paid: Vec<Dated<(StreamId, Money)>>,
    /// Dates of verdicts set aside as contradictory: the insurers did judge.
    pub set_aside: Vec<NaiveDate>,
}

/// A level measured: (value, measured at).
pub type Measurement = (Decimal, NaiveDate);
/// A count over a window: (from, to, value).
pub type Count = (NaiveDate, NaiveDate, Decimal);

#[derive(Debug, Clone, Default)]
pub struct FactIndex {
    pub per_milestone: HashMap<MilestoneNo, MilestoneFacts>,
    /// (date known, compliant)
    pub administration: Vec<Dated<bool>>,
    /// Per metric, sorted by the day measured, then by the day known.
    pub measured: HashMap<MetricId, Vec<Dated<Measurement>>>,
    /// Per metric, sorted by the window (start, end), then by the day known.
    pub counted: HashMap<MetricId, Vec<Dated<Count>>>,
    pub advances: Vec<Dated<(StreamId, Money, PartyId)>>,
    pub repaid: Vec<Dated<(StreamId, Money, PartyId)>>,
    pub dissolved: Option<Dated<String>>,
    /// The latest `submitted` fact: a plan adjusted after the assessment is
    /// submitted again (Beoordelingskader r. 5910-5912).
    pub submitted: Option<Dated<()>>,
}

fn known<T: Clone>(facts: &[Dated<T>], at: NaiveDate) -> Vec<Dated<T>> {
    facts.iter().filter(|f| f.date <= at).cloned().collect()
}

impl MilestoneFacts {
    /// These facts as an index made at `at` holds them, when `self` is
    /// from an index made at a later date: what is dated up to `at`. (An
    /// index is the same whatever the date up to the facts it holds: a fact
    /// is set aside for what other facts of its own day or earlier say.)
    pub fn known_at(&self, at: NaiveDate) -> MilestoneFacts {
        MilestoneFacts {
            evidence: known(&self.evidence, at),
            assessments: known(&self.assessments, at),
            partials: known(&self.partials, at),
            postponements: known(&self.postponements, at),
            paid: known(&self.paid, at),
            set_aside: self
                .set_aside
                .iter()
                .copied()
                .filter(|d| *d <= at)
                .collect(),
        }
    }

    /// Every date a fact of this milestone is dated.
    pub fn dates(&self) -> impl Iterator<Item = NaiveDate> + '_ {
        let dates = |v: &[NaiveDate]| v.to_vec();
        self.evidence
            .iter()
            .map(|f| f.date)
            .chain(self.assessments.iter().map(|f| f.date))
            .chain(self.partials.iter().map(|f| f.date))
            .chain(self.postponements.iter().map(|f| f.date))
            .chain(self.paid.iter().map(|f| f.date))
            .chain(dates(&self.set_aside))
    }
}

impl FactIndex {
    pub fn of(&self, m: MilestoneNo) -> Option<&MilestoneFacts> {
        self.per_milestone.get(&m)
    }

    /// Whether the administration was compliant as of `date` (the latest fact
    /// known by then); `None` if nothing is known.
    pub fn compliant_at(&self, date: NaiveDate) -> Option<bool> {
        self.administration
            .iter()
            .filter(|f| f.date <= date)
            .max_by_key(|f| f.date)
            .map(|f| f.value)
    }
}

fn dated<T>(f: &Fact, file: FileId, value: T) -> Dated<T> {
    Dated {
        date: f.date,
        value,
        file,
        span: f.span,
    }
}

fn warn(file: FileId, span: Span, code: &'static str, message: String, help: &str) -> Diagnostic {
    Diagnostic::new(code, Severity::Warning, message)
        .in_file(file)
        .at(span, crate::tr!("eval-ignored"))
        .with_help(help.to_string())
}

/// Indexes the facts known at `at`, validating each against the plan and
/// rules. Returns the index and the diagnostics about ignored facts.
pub fn index(
    plan: &Plan,
    terms: &Terms,
    facts: &[Facts],
    at: NaiveDate,
) -> (FactIndex, Vec<Diagnostic>) {
    index_ordered(plan, terms, &Ordered::of(facts), at)
}

/// The facts of every file in the order they are indexed in, whatever the
/// evaluation date: by date, then by what they say (so that swapping two
/// lines of one day changes nothing), then by file and place. Made once for
/// a timeline, which indexes the same facts at many dates.
pub struct Ordered<'a>(Vec<(FileId, &'a Fact)>);

impl<'a> Ordered<'a> {
    pub fn of(facts: &'a [Facts]) -> Ordered<'a> {
        let mut all: Vec<(FileId, &Fact)> = facts
            .iter()
            .flat_map(|f| f.facts.iter().map(move |x| (f.file, x)))
            .collect();
        // Stable, by date; then each day's facts by what they say, file and
        // place: the order of one stable sort by (date, what, file, place).
        all.sort_by_key(|(_, f)| f.date);
        let mut day = Day::default();
        for facts in all.chunk_by_mut(|(_, a), (_, b)| a.date == b.date) {
            day.order(facts);
        }
        Ordered(all)
    }
}

/// What a day's facts are ordered by, kept from one day to the next: the
/// text of each fact's kind (its `Debug` text, see [`super::kind_text`]),
/// all in one buffer, and where each fact's text is in it.
#[derive(Default)]
struct Day<'a> {
    texts: String,
    facts: Vec<((usize, usize), FileId, &'a Fact)>,
}

impl<'a> Day<'a> {
    /// Puts one day's facts in order by (text of the kind, file, place).
    fn order(&mut self, day: &mut [(FileId, &'a Fact)]) {
        if day.len() < 2 {
            return;
        }
        self.texts.clear();
        self.facts.clear();
        for (file, f) in day.iter() {
            let start = self.texts.len();
            super::kind_text::write(&mut self.texts, &f.kind);
            self.facts.push(((start, self.texts.len()), *file, f));
        }
        let texts = self.texts.as_bytes();
        let text = |(from, to): (usize, usize)| texts.get(from..to).unwrap_or_default();
        self.facts.sort_by(|(ka, fa, a), (kb, fb, b)| {
            text(*ka)
                .cmp(text(*kb))
                .then_with(|| (*fa, a.span.start).cmp(&(*fb, b.span.start)))
        });
        for (slot, (_, file, f)) in day.iter_mut().zip(&self.facts) {
            *slot = (*file, *f);
        }
    }
}

impl Ordered<'_> {
    /// The date of the fact written at `offset` of `file`, if one is.
    pub fn dates_by_place(&self) -> HashMap<(FileId, usize), NaiveDate> {
        self.0
            .iter()
            .map(|(file, f)| ((*file, f.span.start), f.date))
            .collect()
    }
}

/// [`index`] of facts already put in order.
pub fn index_ordered(
    plan: &Plan,
    terms: &Terms,
    ordered: &Ordered<'_>,
    at: NaiveDate,
) -> (FactIndex, Vec<Diagnostic>) {
    let mut idx = FactIndex::default();
    let mut diags = Vec::new();
    let who = Deciders::of(plan, terms);
    // Facts of one day in an order of their own, not of the lines (see
    // `Ordered`).
    let all = ordered.0.iter().copied();
    // Facts dated after the evaluation date are not known yet: one note per file.
    let mut later: std::collections::BTreeMap<FileId, Vec<&Fact>> =
        std::collections::BTreeMap::new();
    for (file, f) in all {
        if f.date > at {
            later.entry(file).or_default().push(f);
            continue;
        }
        match &f.kind {
            FactKind::Administration { compliant } => {
                idx.administration.push(dated(f, file, *compliant))
            }
            FactKind::Measured {
                metric,
                value,
                at: when,
            } => idx.measured.entry(metric.clone()).or_default().push(dated(
                f,
                file,
                (*value, *when),
            )),
            FactKind::Counted {
                metric,
                from,
                to,
                value,
            } => {
                if from > to {
                    diags.push(warn(
                        file,
                        f.span,
                        "E009",
                        crate::tr!("e009-message", from = from, to = to),
                        &crate::tr!("e009-help"),
                    ));
                } else {
                    idx.counted.entry(metric.clone()).or_default().push(dated(
                        f,
                        file,
                        (*from, *to, *value),
                    ));
                }
            }
            FactKind::Evidence { milestone, note } => idx
                .per_milestone
                .entry(*milestone)
                .or_default()
                .evidence
                .push(dated(f, file, note.clone())),
            FactKind::Assessed {
                milestone,
                achieved,
                by,
            } => match who.verdict(f, file, *milestone, by) {
                Some(d) => diags.push(d),
                None => idx
                    .per_milestone
                    .entry(*milestone)
                    .or_default()
                    .assessments
                    .push(dated(f, file, (*achieved, by.clone()))),
            },
            FactKind::Partial {
                milestone,
                share,
                by,
            } => match who
                .partial(f, file, *milestone, by)
                .or_else(|| partial_too_large(plan, *milestone, share, file, f))
            {
                Some(d) => diags.push(d),
                None => idx
                    .per_milestone
                    .entry(*milestone)
                    .or_default()
                    .partials
                    .push(dated(f, file, (share.clone(), by.clone()))),
            },
            FactKind::Postponed {
                milestone,
                until,
                by,
            } => match who.postponement(f, file, *milestone, by) {
                Some(d) => diags.push(d),
                None => idx
                    .per_milestone
                    .entry(*milestone)
                    .or_default()
                    .postponements
                    .push(dated(f, file, (*until, by.clone()))),
            },
            FactKind::Advance { stream, amount, by } => {
                idx.advances
                    .push(dated(f, file, (stream.clone(), *amount, by.clone())))
            }
            FactKind::Paid {
                stream,
                milestone,
                amount,
            } => idx
                .per_milestone
                .entry(*milestone)
                .or_default()
                .paid
                .push(dated(f, file, (stream.clone(), *amount))),
            FactKind::Repaid { stream, amount, by } => {
                idx.repaid
                    .push(dated(f, file, (stream.clone(), *amount, by.clone())))
            }
            FactKind::Submitted => {
                if idx.submitted.as_ref().is_none_or(|s| s.date <= f.date) {
                    idx.submitted = Some(dated(f, file, ()));
                }
            }
            FactKind::Dissolved { reason } => {
                if idx.dissolved.is_none() {
                    idx.dissolved = Some(dated(f, file, reason.clone()));
                } else {
                    diags.push(warn(
                        file,
                        f.span,
                        "E008",
                        crate::tr!("e008-message"),
                        &crate::tr!("e008-help"),
                    ));
                }
            }
        }
    }
    diags.extend(
        later
            .into_iter()
            .filter_map(|(file, facts)| not_yet_known(file, &facts, at)),
    );
    contradictions(&mut idx, &mut diags);
    idx.counted.values_mut().for_each(|c| order_counts(c));
    idx.measured.values_mut().for_each(|l| order_levels(l));
    (idx, diags)
}

/// Puts a metric's counts in the order `measure::count` searches: by window
/// (start, end), then by the day known; stable, so the file order stays
/// among equals. Searching instead of scanning every count for every
/// target is what keeps `evaluate` linear in the size of the plan.
pub(super) fn order_counts(counts: &mut [Dated<Count>]) {
    counts.sort_by_key(|c| (c.value.0, c.value.1, c.date));
}

/// Puts a metric's levels in the order `measure::level` searches: by the day
/// measured, then by the day known; stable, as `order_counts`.
pub(super) fn order_levels(levels: &mut [Dated<Measurement>]) {
    levels.sort_by_key(|l| (l.value.1, l.date));
}

/// Who may judge and decide under the rule set, and the checks of a
/// verdict, partial payout or postponement against it: the diagnostic that
/// sets the fact aside, or `None` when it counts.
struct Deciders<'a> {
    plan: &'a Plan,
    /// The plan's parties by id, the first of each id (as `Plan::party`
    /// finds it): every verdict's assessor is looked up.
    parties: HashMap<&'a str, &'a Party>,
    assessors: &'a [Role],
    partial: Option<&'a [Role]>,
    postponement: Option<&'a [Role]>,
}

impl<'a> Deciders<'a> {
    fn of(plan: &'a Plan, terms: &'a Terms) -> Deciders<'a> {
        let mut parties = HashMap::with_capacity(plan.parties.len());
        for p in &plan.parties {
            parties.entry(p.id.as_str()).or_insert(p);
        }
        Deciders {
            plan,
            parties,
            assessors: terms.assessors.as_ref().map_or(&[], |(r, _)| r.as_slice()),
            partial: terms.partial.as_ref().map(|(r, _)| r.as_slice()),
            postponement: terms.postponement.as_ref().map(|(r, _)| r.as_slice()),
        }
    }

    /// The parties holding one of `roles`, or the roles when none does.
    fn holders(&self, roles: &[Role]) -> String {
        let ids: Vec<&str> = self
            .plan
            .parties
            .iter()
            .filter(|p| p.roles.iter().any(|r| roles.contains(r)))
            .map(|p| p.id.as_str())
            .collect();
        if ids.is_empty() {
            roles
                .iter()
                .map(|r| r.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        } else {
            ids.join(", ")
        }
    }

    fn has_role(&self, p: &PartyId, roles: &[Role]) -> bool {
        self.parties
            .get(p.as_str())
            .is_some_and(|x| x.roles.iter().any(|r| roles.contains(r)))
    }

    /// E006 (not an assessor), E002 (before the due date).
    fn verdict(
        &self,
        f: &Fact,
        file: FileId,
        milestone: MilestoneNo,
        by: &PartyId,
    ) -> Option<Diagnostic> {
        let due = self.plan.milestone(milestone).and_then(|m| m.due);
        if !self.assessors.is_empty() && !self.has_role(by, self.assessors) {
            let holders = self.holders(self.assessors);
            return Some(warn(
                file,
                f.span,
                "E006",
                crate::tr!("e006-message", party = by, holders = holders),
                &crate::tr!("e006-help", holders = holders),
            ));
        }
        let due = due.filter(|d| f.date < *d)?;
        Some(warn(
            file,
            f.span,
            "E002",
            crate::tr!(
                "e002-message",
                milestone = milestone,
                date = f.date,
                due = due
            ),
            &crate::tr!("e002-help"),
        ))
    }

    /// E007: no `partial-payout` clause, or not decided by every role it names.
    fn partial(
        &self,
        f: &Fact,
        file: FileId,
        milestone: MilestoneNo,
        by: &[PartyId],
    ) -> Option<Diagnostic> {
        let Some(roles) = self.partial else {
            return Some(warn(
                file,
                f.span,
                "E007",
                crate::tr!("e007-no-clause", milestone = milestone),
                &crate::tr!("e007-no-clause-help"),
            ));
        };
        let why = not_together(self.plan, by, roles)?;
        Some(undecided(
            file,
            f.span,
            "E007",
            crate::tr!("e007-message", milestone = milestone, why = why),
            self.plan,
            by,
            roles,
            &crate::tr!("e007-help"),
        ))
    }

    /// E016: no `postponement` clause, or not decided by every role it names.
    fn postponement(
        &self,
        f: &Fact,
        file: FileId,
        milestone: MilestoneNo,
        by: &[PartyId],
    ) -> Option<Diagnostic> {
        let Some(roles) = self.postponement else {
            return Some(warn(
                file,
                f.span,
                "E016",
                crate::tr!("e016-no-clause", milestone = milestone),
                &crate::tr!("e016-no-clause-help"),
            ));
        };
        let why = not_together(self.plan, by, roles)?;
        Some(undecided(
            file,
            f.span,
            "E016",
            crate::tr!("e016-message", milestone = milestone, why = why),
            self.plan,
            by,
            roles,
            &crate::tr!("e016-help"),
        ))
    }
}

/// E001: one note per file for its facts dated after the evaluation date.
fn not_yet_known(file: FileId, facts: &[&Fact], at: NaiveDate) -> Option<Diagnostic> {
    let first = facts.iter().min_by_key(|f| f.span.start)?;
    let last = facts.iter().map(|f| f.date).max()?;
    let n = facts.len();
    let d = Diagnostic::new(
        "E001",
        Severity::Info,
        crate::tr!("e001-message", count = n, at = at),
    )
    .in_file(file)
    .at(
        first.span,
        if n == 1 {
            crate::tr!("eval-ignored")
        } else {
            crate::tr!("e001-label-first")
        },
    )
    .with_help(crate::tr!("e001-help"));
    Some(if n > 1 {
        d.with_note(crate::tr!("e001-note-latest", date = last))
    } else {
        d
    })
}

/// Parties named as a list: `twentse_koers, menzis`.
pub fn names(parties: &[PartyId]) -> String {
    parties
        .iter()
        .map(|p| p.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

/// The parties of the plan that hold `role`, in the plan's order.
fn holders_of(plan: &Plan, role: Role) -> Vec<&PartyId> {
    plan.parties
        .iter()
        .filter(|p| p.roles.contains(&role))
        .map(|p| &p.id)
        .collect()
}

/// Why the parties `by` cannot take a decision that needs every role of
/// `roles` together: nobody named, a party holding none of the roles, or
/// a role none of them holds. `None` when they can. The result depends on
/// the sets of parties and roles only, not on the order they are written in.
fn not_together(plan: &Plan, by: &[PartyId], roles: &[Role]) -> Option<String> {
    if roles.is_empty() {
        return None;
    }
    let wanted = roles
        .iter()
        .map(|r| r.as_str())
        .collect::<Vec<_>>()
        .join(&crate::tr!("eval-and"));
    if by.is_empty() {
        return Some(crate::tr!("decided-by-nobody", roles = wanted));
    }
    let held = |p: &PartyId| {
        plan.party(p)
            .is_some_and(|x| x.roles.iter().any(|r| roles.contains(r)))
    };
    if let Some(p) = by.iter().find(|p| !held(p)) {
        return Some(crate::tr!(
            "decided-by-outsider",
            by = names(by),
            party = p,
            roles = wanted
        ));
    }
    let missing: Vec<String> = roles
        .iter()
        .filter(|r| {
            !by.iter()
                .any(|p| plan.party(p).is_some_and(|x| x.roles.contains(r)))
        })
        .map(|r| {
            let who = holders_of(plan, *r);
            if who.is_empty() {
                crate::tr!("decided-role-unheld", role = r.as_str())
            } else {
                let who: Vec<&str> = who.iter().map(|p| p.as_str()).collect();
                crate::tr!(
                    "decided-role-held",
                    role = r.as_str(),
                    holders = who.join(", ")
                )
            }
        })
        .collect();
    if missing.is_empty() {
        return None;
    }
    Some(crate::tr!(
        "decided-without",
        by = names(by),
        missing = missing.join(&crate::tr!("eval-and")),
        roles = wanted
    ))
}

/// The warning for a decision taken without every role it needs: the
/// decision is ignored; the help names the parties who would make it whole.
#[allow(clippy::too_many_arguments)]
fn undecided(
    file: FileId,
    span: Span,
    code: &'static str,
    message: String,
    plan: &Plan,
    by: &[PartyId],
    roles: &[Role],
    why: &str,
) -> Diagnostic {
    // The parties who decided and hold a role, then a holder of each role
    // none of them holds: the list to write after `by`.
    let mut need: Vec<&PartyId> = by
        .iter()
        .filter(|p| {
            plan.party(p)
                .is_some_and(|x| x.roles.iter().any(|r| roles.contains(r)))
        })
        .collect();
    for r in roles {
        let covered = need
            .iter()
            .any(|p| plan.party(p).is_some_and(|x| x.roles.contains(r)));
        if !covered {
            if let Some(h) = holders_of(plan, *r).first() {
                need.push(h);
            }
        }
    }
    let list = need
        .iter()
        .map(|p| p.as_str())
        .collect::<Vec<_>>()
        .join(", ");
    let help = if list.is_empty() {
        crate::tr!("decided-help-nobody", why = why)
    } else {
        crate::tr!("decided-help-record", why = why, list = list)
    };
    warn(file, span, code, message, &help).with_note(crate::tr!("eval-decision-ignored"))
}

/// E012: a partial payout of more than the whole milestone: above 100%,
/// or an amount above the milestone's amount as it stands. The decision is
/// ignored rather than capped, so the mistake cannot pass unnoticed.
fn partial_too_large(
    plan: &Plan,
    n: MilestoneNo,
    share: &PartialShare,
    file: FileId,
    f: &Fact,
) -> Option<Diagnostic> {
    let total = plan.milestone(n).map(|m| m.total()).unwrap_or(Money::ZERO);
    let (what, help) = match share {
        PartialShare::Percent(p) if p.value() > Decimal::ONE_HUNDRED => (
            crate::tr!("e012-percent", share = p, milestone = n),
            crate::tr!("e012-percent-help"),
        ),
        PartialShare::Amount(a) if *a > total => (
            crate::tr!("e012-amount", amount = a, milestone = n, total = total),
            crate::tr!("e012-amount-help", total = total),
        ),
        _ => return None,
    };
    Some(
        Diagnostic::new("E012", Severity::Error, what)
            .in_file(file)
            .at(f.span, crate::tr!("e012-label"))
            .with_help(help)
            .with_note(crate::tr!("eval-decision-ignored")),
    )
}

/// E013: facts of one day that say different things about the same thing
/// (the administration's compliance, a milestone's partial payout or its
/// postponement). Which one was written last says nothing about which is
/// true, so all of that day's are ignored, whatever their order.
/// `what` and `help` are made only when a day contradicts itself: this runs
/// for every milestone with facts, and a finding is rare.
fn same_day<T, K: PartialEq>(
    what: impl Fn() -> String,
    facts: &mut Vec<Dated<T>>,
    says: impl Fn(&T) -> K,
    diags: &mut Vec<Diagnostic>,
    help: impl Fn() -> String,
) {
    // The facts are in date order (see `index`): one pass over each day's run.
    let mut dates: std::collections::BTreeSet<NaiveDate> = std::collections::BTreeSet::new();
    for day in facts.chunk_by(|x, y| x.date == y.date) {
        let Some(a) = day.first() else { continue };
        let Some(b) = day.iter().find(|b| says(&b.value) != says(&a.value)) else {
            continue;
        };
        dates.insert(a.date);
        let mut d = Diagnostic::new(
            "E013",
            Severity::Error,
            crate::tr!("e013-message", what = what(), date = a.date),
        )
        .in_file(b.file)
        .at(b.span, crate::tr!("e013-label"));
        d = if a.file == b.file {
            d.also(a.span, crate::tr!("e013-label-also"))
        } else {
            d
        };
        diags.push(d.with_help(help()).with_note(crate::tr!("e013-note")));
    }
    facts.retain(|f| !dates.contains(&f.date));
}

/// E013 for counts: two `counted` facts of one day for the same window with
/// different numbers. Which was written last says nothing about which is
/// right, so both are ignored, whatever their order (`measure::count` would
/// otherwise take the one that comes last).
fn contradicting_counts(
    metric: &MetricId,
    counts: &mut Vec<Dated<Count>>,
    diags: &mut Vec<Diagnostic>,
) {
    counts.sort_by_key(|c| (c.date, c.value.0, c.value.1));
    let mut dropped: std::collections::BTreeSet<(NaiveDate, NaiveDate, NaiveDate)> =
        std::collections::BTreeSet::new();
    for same in
        counts.chunk_by(|x, y| (x.date, x.value.0, x.value.1) == (y.date, y.value.0, y.value.1))
    {
        let Some(a) = same.first() else { continue };
        let Some(b) = same.iter().find(|b| b.value.2 != a.value.2) else {
            continue;
        };
        dropped.insert((a.date, a.value.0, a.value.1));
        let d = Diagnostic::new(
            "E013",
            Severity::Error,
            crate::tr!(
                "e013-counts",
                metric = metric,
                from = a.value.0,
                to = a.value.1,
                date = a.date
            ),
        )
        .in_file(b.file)
        .at(b.span, crate::tr!("e013-label"));
        let d = if a.file == b.file {
            d.also(a.span, crate::tr!("e013-label-also"))
        } else {
            d
        };
        diags.push(
            d.with_help(crate::tr!("e013-counts-help"))
                .with_note(crate::tr!("e013-note")),
        );
    }
    counts.retain(|c| !dropped.contains(&(c.date, c.value.0, c.value.1)));
}

/// Verdicts that contradict each other. A milestone judged not achieved may
/// still be achieved later (fin.model: "op een later tijdstip alsnog"), so
/// "not achieved, later achieved" is no contradiction. But two different
/// verdicts on one day cannot both stand: both are ignored. And an achieved
/// milestone cannot be judged not achieved afterwards (fin.model
/// Risicodragerschap 4): the later verdict is ignored.
fn contradictions(idx: &mut FactIndex, diags: &mut Vec<Diagnostic>) {
    let mut metrics: Vec<MetricId> = idx.counted.keys().cloned().collect();
    metrics.sort();
    for metric in metrics {
        if let Some(counts) = idx.counted.get_mut(&metric) {
            contradicting_counts(&metric, counts, diags);
        }
    }
    same_day(
        || crate::tr!("e013-administration"),
        &mut idx.administration,
        |compliant| *compliant,
        diags,
        || crate::tr!("e013-administration-help"),
    );
    let mut numbers: Vec<MilestoneNo> = idx.per_milestone.keys().copied().collect();
    numbers.sort();
    for n in numbers {
        let Some(mf) = idx.per_milestone.get_mut(&n) else {
            continue;
        };
        same_day(
            || crate::tr!("e013-partials", milestone = n),
            &mut mf.partials,
            |(share, _)| share.clone(),
            diags,
            || crate::tr!("e013-partials-help"),
        );
        same_day(
            || crate::tr!("e013-postponements", milestone = n),
            &mut mf.postponements,
            |(until, _)| *until,
            diags,
            || crate::tr!("e013-postponements-help"),
        );
        let drop = contradicting_verdicts(n, &mf.assessments, diags);
        for (d, a) in drop.iter().zip(&mf.assessments) {
            if *d {
                mf.set_aside.push(a.date);
            }
        }
        let mut k = 0;
        mf.assessments.retain(|_| {
            let keep = !drop.get(k).copied().unwrap_or(false);
            k = k.saturating_add(1);
            keep
        });
    }
}

/// Which of a milestone's verdicts (sorted by date) to set aside, with one
/// E004 per contradiction, in one pass: a day with both verdicts loses all
/// of its verdicts; after the first day judged achieved (of the days that
/// stand), every later "not achieved" is ignored. Linear in the number of
/// verdicts, so a facts file of a million verdicts cannot make it slow or
/// fill memory with findings.
fn contradicting_verdicts(
    n: MilestoneNo,
    verdicts: &[Dated<(bool, PartyId)>],
    diags: &mut Vec<Diagnostic>,
) -> Vec<bool> {
    let mut drop = vec![false; verdicts.len()];
    let e004 = |no: &Dated<(bool, PartyId)>, yes: &Dated<(bool, PartyId)>| {
        let d = Diagnostic::new(
            "E004",
            Severity::Error,
            crate::tr!("e004-message", milestone = n),
        )
        .in_file(no.file)
        .at(no.span, crate::tr!("e004-label-no", by = no.value.1));
        if yes.file == no.file {
            d.also(yes.span, crate::tr!("e004-label-yes", by = yes.value.1))
        } else {
            d
        }
    };
    // Days with both verdicts: all of that day's verdicts are set aside.
    let mut start = 0;
    while let Some(first) = verdicts.get(start) {
        let end = verdicts
            .iter()
            .skip(start)
            .position(|v| v.date != first.date)
            .map_or(verdicts.len(), |k| start.saturating_add(k));
        let day = verdicts.get(start..end).unwrap_or_default();
        let yes = day.iter().find(|v| v.value.0);
        let no = day.iter().find(|v| !v.value.0);
        if let (Some(yes), Some(no)) = (yes, no) {
            drop.iter_mut()
                .skip(start)
                .take(end.saturating_sub(start))
                .for_each(|x| *x = true);
            diags.push(
                e004(no, yes)
                    .with_help(crate::tr!("e004-same-day-help"))
                    .with_note(crate::tr!("e004-same-day-note")),
            );
        }
        start = end;
    }
    // After the first achieved verdict that stands, "not achieved" is ignored.
    let first_yes = verdicts
        .iter()
        .zip(&drop)
        .find(|(v, dropped)| v.value.0 && !**dropped)
        .map(|(v, _)| v);
    if let Some(yes) = first_yes {
        for (v, dropped) in verdicts.iter().zip(drop.iter_mut()) {
            if !v.value.0 && !*dropped && v.date > yes.date {
                *dropped = true;
                diags.push(
                    e004(v, yes)
                        .with_help(crate::tr!("e004-later-help"))
                        .with_note(crate::tr!("e004-later-note")),
                );
            }
        }
    }
    drop
}
