//! The status of one milestone at a date, clause by clause, with the trace
//! of every step that led there.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::facts::{FactIndex, MilestoneFacts};
use super::model::{Cite, Status, Step};
use super::overrides::Overrides;
use crate::model::{Milestone, Money, PartialShare, Terms};

/// How much of the milestone's amount is earned.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Earned {
    None,
    All,
    /// A fraction (0..=1) of every stream.
    Fraction(Decimal),
    /// A fixed amount, spread over the streams pro rata their split.
    Amount(Money),
}

#[derive(Debug, Clone)]
pub struct Outcome {
    pub status: Status,
    pub since: Option<NaiveDate>,
    pub reason: String,
    pub cite: Option<Cite>,
    pub earned: Earned,
    /// Whether the outcome can no longer change (after the cutoff, or dissolution).
    pub final_: bool,
    pub deadline: Option<NaiveDate>,
    /// The due date after any postponement.
    pub effective_due: Option<NaiveDate>,
    pub trace: Trace,
}

/// A milestone's steps, kept only when asked for (`Options::trace`): only
/// `explain-milestone` shows them, and their texts are translated, so an
/// evaluation without them builds no text at all.
#[derive(Debug, Clone)]
pub struct Trace(Option<Vec<Step>>);

impl Trace {
    pub fn new(on: bool) -> Trace {
        Trace(on.then(Vec::new))
    }
    /// Adds a step; `text` is made only if the trace is kept.
    fn add(&mut self, date: Option<NaiveDate>, text: impl FnOnce() -> String, cite: Option<&Cite>) {
        self.push(date, text, || cite.cloned());
    }
    /// Adds a step; `text` and `cite` are made only if the trace is kept.
    pub fn push(
        &mut self,
        date: Option<NaiveDate>,
        text: impl FnOnce() -> String,
        cite: impl FnOnce() -> Option<Cite>,
    ) {
        if let Some(steps) = &mut self.0 {
            steps.push(Step {
                date,
                text: text(),
                cite: cite(),
            });
        }
    }
    /// The steps in date order (none if the trace is not kept).
    pub fn into_sorted_steps(self) -> Vec<Step> {
        let mut steps = self.0.unwrap_or_default();
        steps.sort_by_key(|s| s.date);
        steps
    }
}

fn outcome(
    status: Status,
    since: Option<NaiveDate>,
    reason: String,
    cite: Option<&Cite>,
    earned: Earned,
    trace: Trace,
) -> Outcome {
    Outcome {
        status,
        since,
        reason,
        cite: cite.cloned(),
        earned,
        final_: false,
        deadline: None,
        effective_due: None,
        trace,
    }
}

/// Everything the status of one milestone depends on.
pub struct Input<'a> {
    pub milestone: &'a Milestone,
    pub facts: Option<&'a MilestoneFacts>,
    pub index: &'a FactIndex,
    pub clauses: &'a Terms,
    pub overrides: &'a Overrides,
    pub at: NaiveDate,
    /// Who assesses, for the reasons ("by menzis, vgz"); empty if unknown.
    pub assessors: &'a str,
    /// Whether to keep the steps (`Options::trace`).
    pub trace: bool,
}

fn by(assessors: &str) -> String {
    if assessors.is_empty() {
        String::new()
    } else {
        crate::tr!("eval-by", assessors = assessors)
    }
}

pub fn status(input: &Input) -> Outcome {
    let mut o = decide(input);
    let cutoff = input.clauses.cutoff.as_ref().map(|c| c.0);
    let dissolved = input.index.dissolved.as_ref().map(|d| d.date);
    o.final_ = cutoff.is_some_and(|c| input.at > c)
        || dissolved.is_some()
        || matches!(o.status, Status::Achieved | Status::DeemedAchieved);
    o
}

/// A milestone's status, step by step: its facts on the trace, then
/// withdrawal, the what-ifs, postponement, and the ladder of verdicts.
fn decide(input: &Input) -> Outcome {
    let m = input.milestone;
    let mut trace = Trace::new(input.trace);
    let empty = MilestoneFacts::default();
    let f = input.facts.unwrap_or(&empty);
    let Some(due) = m.due else {
        return outcome(
            Status::Open,
            None,
            crate::tr!("reason-no-due-date"),
            None,
            Earned::None,
            trace,
        );
    };
    trace_due_and_evidence(&mut trace, input, f, due);
    if let Some((when, id)) = &m.withdrawn {
        let text = crate::tr!("reason-withdrawn", amendment = id, date = when);
        trace.add(Some(*when), || text.clone(), None);
        return outcome(
            Status::Withdrawn,
            Some(*when),
            text,
            None,
            Earned::None,
            trace,
        );
    }
    // What-if overrides replace the facts about this milestone.
    let mut trace = match what_if(input, due, trace) {
        Ok(out) => return out,
        Err(trace) => trace,
    };
    let postponed = postponement(input, f, due, &mut trace);
    let effective_due = postponed.map_or(due, |(_, until)| until);
    let deadline = input.clauses.assessment_deadline(effective_due);
    let mut out = verdict(
        input,
        f,
        postponed.map(|(p, _)| p),
        effective_due,
        deadline,
        trace,
    );
    lapse_after_dissolution(&mut out, input);
    out.deadline = deadline;
    out.effective_due = Some(effective_due);
    out
}

fn trace_due_and_evidence(trace: &mut Trace, input: &Input, f: &MilestoneFacts, due: NaiveDate) {
    trace.add(
        Some(due),
        || crate::tr!("trace-due", milestone = input.milestone.number),
        None,
    );
    for e in &f.evidence {
        trace.add(
            Some(e.date),
            || match e.value.as_ref() {
                Some(n) => crate::tr!("trace-evidence-with", what = n),
                None => crate::tr!("trace-evidence"),
            },
            None,
        );
    }
}

/// The outcome a what-if flag (`--achieved`, `--missed`, `--partial`)
/// forces, or the trace back when none applies to this milestone.
fn what_if(input: &Input, due: NaiveDate, mut trace: Trace) -> Result<Outcome, Trace> {
    let c = input.clauses;
    let at = input.at;
    let n = input.milestone.number;
    let when = due.min(at);
    if input.overrides.achieved.contains(&n) {
        trace.add(
            Some(when),
            || crate::tr!("trace-what-if-achieved"),
            c.entitlement.as_ref(),
        );
        return Ok(entitled(
            c,
            Status::Achieved,
            when,
            crate::tr!("reason-what-if-achieved"),
            Earned::All,
            trace,
        ));
    }
    if input.overrides.missed.contains(&n) {
        trace.add(Some(when), || crate::tr!("trace-what-if-missed"), None);
        return Ok(missed(
            c,
            at,
            when,
            crate::tr!("reason-what-if-missed"),
            trace,
        ));
    }
    if let Some(p) = input.overrides.partial.get(&n) {
        trace.add(
            Some(when),
            || crate::tr!("trace-what-if-partial", share = p),
            c.partial.as_ref().map(|p| &p.1),
        );
        return Ok(entitled(
            c,
            Status::PartiallyAchieved,
            when,
            crate::tr!("reason-what-if-partial", share = p),
            Earned::Fraction(p.fraction()),
            trace,
        ));
    }
    Err(trace)
}

type Postponement<'a> = &'a super::facts::Dated<(NaiveDate, Vec<crate::model::PartyId>)>;

/// The latest postponement that counts (with a `postponement` clause) and
/// the date it moves the milestone to: never past the payout cutoff, never
/// before the due date.
fn postponement<'a>(
    input: &Input,
    f: &'a MilestoneFacts,
    due: NaiveDate,
    trace: &mut Trace,
) -> Option<(Postponement<'a>, NaiveDate)> {
    let c = input.clauses;
    let p = f
        .postponements
        .iter()
        .max_by_key(|p| p.date)
        .filter(|_| c.postponement.is_some())?;
    let mut until = p.value.0;
    if let Some((cut, cite)) = c.cutoff.as_ref() {
        if until > *cut {
            trace.add(
                Some(p.date),
                || crate::tr!("trace-postponed-capped", until = until, cutoff = cut),
                Some(cite),
            );
            until = *cut;
        }
    }
    trace.add(
        Some(p.date),
        || {
            crate::tr!(
                "postponed-until",
                until = until,
                by = decided_by(&p.value.1)
            )
        },
        c.postponement.as_ref().map(|p| &p.1),
    );
    Some((p, until.max(due)))
}

/// The ladder of verdicts, first match wins: achieved, a partial payout,
/// deemed achieved, dissolved, postponed, assessed not achieved, past the
/// cutoff, not yet due, and the ways of waiting for a verdict.
fn verdict(
    input: &Input,
    f: &MilestoneFacts,
    postponed: Option<Postponement<'_>>,
    effective_due: NaiveDate,
    deadline: Option<NaiveDate>,
    mut trace: Trace,
) -> Outcome {
    let c = input.clauses;
    let at = input.at;
    let dissolved = input.index.dissolved.as_ref();
    let verdicts: Vec<_> = f
        .assessments
        .iter()
        .filter(|a| dissolved.is_none_or(|d| a.date <= d.date))
        .collect();
    for v in &verdicts {
        let text = || {
            if v.value.0 {
                crate::tr!("trace-assessed-achieved", by = v.value.1)
            } else {
                crate::tr!("trace-assessed-not-achieved", by = v.value.1)
            }
        };
        trace.add(Some(v.date), text, c.assessors.as_ref().map(|a| &a.1));
    }
    let achieved = verdicts.iter().filter(|v| v.value.0).map(|v| v.date).min();
    let not_achieved = verdicts.iter().filter(|v| !v.value.0).map(|v| v.date).max();
    let partial = f
        .partials
        .iter()
        .filter(|p| dissolved.is_none_or(|d| p.date <= d.date))
        .max_by_key(|p| p.date);
    if let Some(when) = achieved {
        entitled(
            c,
            Status::Achieved,
            when,
            crate::tr!("reason-assessed-achieved", date = when),
            Earned::All,
            trace,
        )
    } else if let Some(p) = partial {
        partial_payout(c, p, trace)
    } else if let Some(deemed) = deemed(input, effective_due, &verdicts, &mut trace) {
        deemed(trace)
    } else if let Some(d) = dissolved.filter(|d| d.date <= at) {
        trace.add(
            Some(d.date),
            || crate::tr!("trace-dissolved", why = d.value),
            c.dissolution.as_ref(),
        );
        outcome(
            Status::Lapsed,
            Some(d.date),
            crate::tr!("reason-dissolved", date = d.date),
            c.dissolution.as_ref(),
            Earned::None,
            trace,
        )
    } else if let (Some(p), true) = (postponed, at <= effective_due) {
        let cite = c.postponement.as_ref().map(|p| &p.1);
        outcome(
            Status::Postponed,
            Some(p.date),
            crate::tr!(
                "postponed-until",
                until = effective_due,
                by = decided_by(&p.value.1)
            ),
            cite,
            Earned::None,
            trace,
        )
    } else if let Some(when) = not_achieved {
        missed(
            c,
            at,
            when,
            crate::tr!("reason-assessed-not-achieved", date = when),
            trace,
        )
    } else if let Some((cut, cite)) = c.cutoff.as_ref().filter(|(cut, _)| at > *cut) {
        trace.add(Some(*cut), || crate::tr!("trace-cutoff-passed"), Some(cite));
        outcome(
            Status::Missed,
            Some(*cut),
            crate::tr!("reason-cutoff-passed", cutoff = cut),
            Some(cite),
            Earned::None,
            trace,
        )
    } else if at <= effective_due {
        outcome(
            Status::Open,
            None,
            crate::tr!("reason-due-on", due = effective_due),
            None,
            Earned::None,
            trace,
        )
    } else {
        awaiting(input, f, effective_due, deadline, trace)
    }
}

/// A partial payout decided for the milestone: that share or amount earned.
fn partial_payout(
    c: &Terms,
    p: &super::facts::Dated<(PartialShare, Vec<crate::model::PartyId>)>,
    mut trace: Trace,
) -> Outcome {
    let (earned, shown) = match &p.value.0 {
        PartialShare::Percent(pct) => (Earned::Fraction(pct.fraction()), pct.to_string()),
        PartialShare::Amount(a) => (Earned::Amount(*a), a.to_string()),
    };
    let deciders = super::facts::names(&p.value.1);
    trace.add(
        Some(p.date),
        || crate::tr!("trace-partial", share = shown, by = deciders),
        c.partial.as_ref().map(|p| &p.1),
    );
    entitled(
        c,
        Status::PartiallyAchieved,
        p.date,
        crate::tr!(
            "reason-partial",
            share = shown,
            by = deciders,
            date = p.date
        ),
        earned,
        trace,
    )
}

/// Past the due date without a verdict: the window ran out without a deemed
/// achievement, or evidence awaits assessment, or evidence is awaited.
fn awaiting(
    input: &Input,
    f: &MilestoneFacts,
    effective_due: NaiveDate,
    deadline: Option<NaiveDate>,
    trace: Trace,
) -> Outcome {
    let c = input.clauses;
    if let Some(d) = deadline.filter(|d| input.at > *d) {
        let why = match input.index.compliant_at(d) {
            Some(false) => crate::tr!("why-not-compliant"),
            None => crate::tr!("why-compliance-unknown"),
            Some(true) => crate::tr!("why-no-deemed-clause"),
        };
        let reason = crate::tr!("reason-window-passed", date = d, why = why);
        outcome(
            Status::InAssessment,
            Some(d),
            reason,
            c.deemed.as_ref(),
            Earned::None,
            trace,
        )
    } else if !f.evidence.is_empty() {
        let until = deadline
            .map(|d| crate::tr!("eval-until", date = d))
            .unwrap_or_default();
        outcome(
            Status::InAssessment,
            f.evidence.first().map(|e| e.date),
            crate::tr!(
                "reason-awaiting-assessment",
                by = by(input.assessors),
                until = until
            ),
            c.window.as_ref().map(|w| &w.1),
            Earned::None,
            trace,
        )
    } else {
        let until = deadline
            .map(|d| {
                crate::tr!(
                    "reason-assessment-until",
                    by = by(input.assessors),
                    date = d
                )
            })
            .unwrap_or_default();
        outcome(
            Status::Due,
            Some(effective_due),
            crate::tr!(
                "reason-awaiting-evidence",
                due = effective_due,
                until = until
            ),
            None,
            Earned::None,
            trace,
        )
    }
}

/// Achievement after dissolution does not count (art. 4.2.2).
fn lapse_after_dissolution(out: &mut Outcome, input: &Input) {
    let Some(d) = input.index.dissolved.as_ref() else {
        return;
    };
    let counts = out.status.is_achieved() || out.status == Status::PartiallyAchieved;
    if counts && out.since.is_some_and(|s| s > d.date) {
        out.status = Status::Lapsed;
        out.earned = Earned::None;
        out.reason = crate::tr!("reason-achieved-after-dissolution", date = d.date);
        out.cite = input.clauses.dissolution.clone();
    }
}

/// The right to money arises on achievement (art. 3.1.2), before the cutoff.
fn entitled(
    c: &Terms,
    status: Status,
    when: NaiveDate,
    reason: String,
    earned: Earned,
    mut trace: Trace,
) -> Outcome {
    if let Some((cut, cite)) = &c.cutoff {
        if !c.payable_on(when) {
            let how = match status {
                Status::DeemedAchieved => crate::tr!("how-deemed-achieved"),
                Status::PartiallyAchieved => crate::tr!("how-partially-paid"),
                _ => crate::tr!("how-achieved"),
            };
            trace.add(
                Some(when),
                || crate::tr!("trace-too-late", how = how, cutoff = cut),
                Some(cite),
            );
            return outcome(
                Status::Missed,
                Some(when),
                crate::tr!("reason-too-late", how = how, date = when, cutoff = cut),
                Some(cite),
                Earned::None,
                trace,
            );
        }
    }
    let Some(cite) = &c.entitlement else {
        trace.add(Some(when), || crate::tr!("trace-no-entitlement"), None);
        return outcome(status, Some(when), reason, None, Earned::None, trace);
    };
    let cite = if status == Status::PartiallyAchieved {
        c.partial.as_ref().map_or(cite, |p| &p.1)
    } else {
        cite
    };
    trace.add(Some(when), || crate::tr!("trace-earned"), Some(cite));
    outcome(status, Some(when), reason, Some(cite), earned, trace)
}

/// Not achieved: may still be achieved later until the cutoff.
fn missed(c: &Terms, at: NaiveDate, when: NaiveDate, reason: String, mut trace: Trace) -> Outcome {
    match (&c.cutoff, &c.postponement) {
        (Some((cut, cite)), Some(_)) if at <= *cut => {
            trace.add(
                Some(when),
                || crate::tr!("trace-may-still", cutoff = cut),
                Some(cite),
            );
            outcome(
                Status::Missed,
                Some(when),
                crate::tr!("reason-may-still", reason = reason, cutoff = cut),
                Some(cite),
                Earned::None,
                trace,
            )
        }
        _ => outcome(
            Status::Missed,
            Some(when),
            reason,
            None,
            Earned::None,
            trace,
        ),
    }
}

/// Art. 3.2.2: not assessed within the window after the due date counts as
/// achieved, provided the administration is compliant.
fn deemed<'a>(
    input: &'a Input,
    due: NaiveDate,
    verdicts: &[&super::facts::Dated<(bool, crate::model::PartyId)>],
    trace: &mut Trace,
) -> Option<impl FnOnce(Trace) -> Outcome + 'a> {
    let c = input.clauses;
    // Both from the terms, as C305 computes them; past the calendar: never.
    let deadline = c.assessment_deadline(due)?;
    let when = c.deemed_on(due)?;
    let cite = c.deemed.as_ref()?;
    // An assessment within the window, even one set aside as contradictory, is not silence.
    let assessed_in_window = verdicts.iter().any(|v| v.date <= deadline)
        || input
            .facts
            .is_some_and(|f| f.set_aside.iter().any(|d| *d <= deadline));
    if input.at <= deadline || assessed_in_window {
        return None;
    }
    if input
        .index
        .dissolved
        .as_ref()
        .is_some_and(|d| d.date <= deadline)
    {
        return None;
    }
    let window_cite = c.window.as_ref().map(|w| &w.1);
    match input.index.compliant_at(deadline) {
        Some(true) => {}
        Some(false) => {
            trace.add(
                Some(deadline),
                || crate::tr!("trace-window-not-compliant"),
                Some(cite),
            );
            return None;
        }
        None => {
            trace.add(
                Some(deadline),
                || crate::tr!("trace-window-compliance-unknown"),
                Some(cite),
            );
            return None;
        }
    }
    trace.add(
        Some(deadline),
        || crate::tr!("trace-window-passed"),
        window_cite,
    );
    Some(move |mut trace: Trace| {
        trace.add(Some(when), || crate::tr!("trace-deemed"), Some(cite));
        entitled(
            c,
            Status::DeemedAchieved,
            when,
            crate::tr!("reason-deemed", date = deadline),
            Earned::All,
            trace,
        )
    })
}

/// ` by decision of twentse_koers, menzis`, or nothing when nobody is named.
fn decided_by(by: &[crate::model::PartyId]) -> String {
    if by.is_empty() {
        String::new()
    } else {
        crate::tr!("eval-by-decision-of", by = super::facts::names(by))
    }
}
