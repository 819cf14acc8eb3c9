//! What a rule set means, typed: each clause kind once, with its parameters
//! and the article it cites, and the date rules built on them.
//!
//! This is the one owner of the deadline arithmetic. The checker (C305) and
//! the evaluator (the status machine, obligations) both ask
//! [`Terms::assessment_deadline`], [`Terms::deemed_on`] and
//! [`Terms::payable_until`], so a date the checker suggests is a date the
//! evaluator pays. All date arithmetic is checked: `None` means "past the
//! end of the calendar", never a panic.

use chrono::{Days, NaiveDate};

use super::calendar;
use super::ids::{KeyId, StreamId};
use super::plan::Role;
use super::rules::{ClauseKind, RuleSet};

/// The clause a result rests on: its keyword and the article it cites.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cite {
    pub clause: &'static str,
    pub citation: String,
}

/// A `repay-unmet` clause: the stream whose unearned money is repaid, and
/// the key it is repaid over (`None`: each milestone's risk key).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Repay {
    pub stream: StreamId,
    pub key: Option<KeyId>,
}

/// The clauses of a rule set by kind, each with its citation.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Terms {
    pub entitlement: Option<Cite>,
    pub assessors: Option<(Vec<Role>, Cite)>,
    /// The assessment window in days.
    pub window: Option<(u32, Cite)>,
    pub deemed: Option<Cite>,
    pub payment: Option<(Role, Cite)>,
    pub no_clawback: Option<Cite>,
    /// The roles that must decide a partial payout together.
    pub partial: Option<(Vec<Role>, Cite)>,
    /// The roles that must decide a postponement together (none named: a
    /// postponement needs no decision of a named role).
    pub postponement: Option<(Vec<Role>, Cite)>,
    pub cutoff: Option<(NaiveDate, Cite)>,
    /// One per stream.
    pub repay: Vec<(Repay, Cite)>,
    pub dissolution: Option<Cite>,
    /// Whether deadlines move to the next working day.
    pub shift: Option<(bool, Cite)>,
    /// Days put on a par with public holidays by decree, sorted.
    pub non_working_days: Vec<(NaiveDate, Cite)>,
    pub max_duration: Option<(u32, Cite)>,
    pub advances: Option<Cite>,
    pub double_funding: Option<Cite>,
    pub amendment: Option<Cite>,
    pub monitoring: Option<Cite>,
}

impl Terms {
    pub fn of(rules: &RuleSet) -> Terms {
        let mut t = Terms::default();
        for clause in &rules.clauses {
            let cite = Cite {
                clause: clause.kind.keyword().as_str(),
                citation: clause.citation.clone(),
            };
            match &clause.kind {
                ClauseKind::Entitlement => t.entitlement = Some(cite),
                ClauseKind::Assessors(r) => t.assessors = Some((r.clone(), cite)),
                ClauseKind::AssessmentWindow { days } => t.window = Some((*days, cite)),
                ClauseKind::DeemedAchieved => t.deemed = Some(cite),
                ClauseKind::Payment { by } => t.payment = Some((*by, cite)),
                ClauseKind::NoClawback => t.no_clawback = Some(cite),
                ClauseKind::PartialPayout { by } => t.partial = Some((by.clone(), cite)),
                ClauseKind::Postponement { by } => t.postponement = Some((by.clone(), cite)),
                ClauseKind::PayoutCutoff(d) => t.cutoff = Some((*d, cite)),
                ClauseKind::RepayUnmet { stream, key } => t.repay.push((
                    Repay {
                        stream: stream.clone(),
                        key: key.clone(),
                    },
                    cite,
                )),
                ClauseKind::DissolutionLapsesClaims => t.dissolution = Some(cite),
                ClauseKind::DeadlineShift { next_working_day } => {
                    t.shift = Some((*next_working_day, cite))
                }
                ClauseKind::NonWorkingDay(d) => t.non_working_days.push((*d, cite)),
                ClauseKind::MaxDuration { years } => t.max_duration = Some((*years, cite)),
                ClauseKind::Advances => t.advances = Some(cite),
                ClauseKind::DoubleFundingReclaimable => t.double_funding = Some(cite),
                ClauseKind::AmendmentNeedsAddendum => t.amendment = Some(cite),
                ClauseKind::MonitoringQuarterly => t.monitoring = Some(cite),
            }
        }
        t.non_working_days.sort_by_key(|(d, _)| *d);
        t
    }

    /// The declared non-working days, for the calendar.
    fn extra_days(&self) -> Vec<NaiveDate> {
        self.non_working_days.iter().map(|(d, _)| *d).collect()
    }

    /// `date`, moved to the next working day when the rules shift deadlines
    /// (Algemene termijnenwet art. 1, with the declared days of art. 3(3)).
    pub fn shift(&self, date: NaiveDate) -> Option<NaiveDate> {
        match &self.shift {
            Some((true, _)) => calendar::next_working_day(date, &self.extra_days()),
            _ => Some(date),
        }
    }

    /// The last day on which the assessors may judge a milestone due on
    /// `due` (art. 3.2.2: the window after the due date, shifted if the
    /// rules say so). `None` without a window clause or past the calendar.
    pub fn assessment_deadline(&self, due: NaiveDate) -> Option<NaiveDate> {
        let (days, _) = self.window.as_ref()?;
        let end = due.checked_add_days(Days::new(u64::from(*days)))?;
        self.shift(end)
    }

    /// The day a milestone due on `due` is deemed achieved when the
    /// assessors stay silent: the day after the assessment deadline.
    pub fn deemed_on(&self, due: NaiveDate) -> Option<NaiveDate> {
        self.assessment_deadline(due)?.succ_opt()
    }

    /// The last day on which money can be earned and paid (the payout
    /// cutoff), if the rules set one.
    pub fn payable_until(&self) -> Option<NaiveDate> {
        self.cutoff.as_ref().map(|(d, _)| *d)
    }

    /// Whether a right to money arising on `date` can still be paid.
    pub fn payable_on(&self, date: NaiveDate) -> bool {
        self.payable_until().is_none_or(|cut| date <= cut)
    }

    /// Whether a milestone due on `due`, left unjudged through its window,
    /// is deemed achieved in time to be paid. Without a window it is never
    /// deemed achieved, so this is false.
    pub fn silent_window_payable(&self, due: NaiveDate) -> bool {
        self.deemed_on(due).is_some_and(|d| self.payable_on(d))
    }

    /// The latest due date whose silent window still ends in a payable
    /// deemed achievement: what C305 suggests. `None` without a window or
    /// cutoff, or when no date qualifies.
    pub fn latest_payable_due(&self) -> Option<NaiveDate> {
        let (days, _) = self.window.as_ref()?;
        let cutoff = self.payable_until()?;
        // Without a shift the answer is cutoff - days - 1; a shift can only
        // move the deadline later, so step back over the non-working days.
        let mut due = cutoff
            .checked_sub_days(Days::new(u64::from(*days)))?
            .pred_opt()?;
        for _ in 0..=self.non_working_days.len().saturating_add(7) {
            if self.silent_window_payable(due) {
                return Some(due);
            }
            due = due.pred_opt()?;
        }
        None
    }

    /// The repay clause of `stream`, if any.
    pub fn repay_of(&self, stream: &StreamId) -> Option<&(Repay, Cite)> {
        self.repay.iter().find(|(r, _)| &r.stream == stream)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }
    fn cite(clause: &'static str) -> Cite {
        Cite {
            clause,
            citation: "art. x".into(),
        }
    }
    fn terms(days: u32, shift: bool, cutoff: NaiveDate) -> Terms {
        Terms {
            window: Some((days, cite("assessment-window"))),
            shift: Some((shift, cite("deadline-shift"))),
            cutoff: Some((cutoff, cite("payout-cutoff"))),
            ..Terms::default()
        }
    }

    #[test]
    fn the_reported_disagreement_is_gone() {
        // Issue 10: C305 suggested 2027-12-03 for a 28-day window and a
        // 2027-12-31 cutoff, but the deadline is then 2027-12-31 itself and
        // the milestone is deemed achieved on 2028-01-01, too late.
        let t = terms(28, false, d(2027, 12, 31));
        assert_eq!(t.assessment_deadline(d(2027, 12, 3)), Some(d(2027, 12, 31)));
        assert_eq!(t.deemed_on(d(2027, 12, 3)), Some(d(2028, 1, 1)));
        assert!(!t.silent_window_payable(d(2027, 12, 3)));
        assert_eq!(t.latest_payable_due(), Some(d(2027, 12, 2)));
        assert_eq!(t.deemed_on(d(2027, 12, 2)), Some(d(2027, 12, 31)));
    }

    #[test]
    fn a_shifted_deadline_moves_the_latest_due_date() {
        // 2027-12-02 + 28 = 2027-12-30, a Thursday: no shift, deemed on the 31st.
        let t = terms(28, true, d(2027, 12, 31));
        assert_eq!(t.latest_payable_due(), Some(d(2027, 12, 2)));
        // Cutoff 2027-12-28 (Tuesday): 2027-11-29 + 28 = 2027-12-27 (Monday,
        // a working day after Christmas on the weekend): deemed on the 28th.
        let t = terms(28, true, d(2027, 12, 28));
        assert_eq!(t.latest_payable_due(), Some(d(2027, 11, 29)));
        // Without the shift 2027-11-29 is also the answer: the 27th is a Monday.
        // One day later, 11-30 + 28 = 12-28, deemed on the 29th: too late.
        assert!(!t.silent_window_payable(d(2027, 11, 30)));
        // Cutoff 2027-12-27: 11-28 + 28 = 12-26 (Sunday, Tweede Kerstdag) and
        // 11-27 + 28 = 12-25 (Saturday) both shift to Monday 12-27, deemed
        // 12-28: too late; 11-26 + 28 = 12-24 (Friday), deemed 12-25.
        let t = terms(28, true, d(2027, 12, 27));
        assert_eq!(t.latest_payable_due(), Some(d(2027, 11, 26)));
        assert_eq!(t.deemed_on(d(2027, 11, 26)), Some(d(2027, 12, 25)));
        // Without the shift 11-28 would do: deemed 12-27.
        let t = terms(28, false, d(2027, 12, 27));
        assert_eq!(t.latest_payable_due(), Some(d(2027, 11, 28)));
    }

    #[test]
    fn huge_windows_and_dates_are_not_a_panic() {
        let t = terms(u32::MAX, true, d(9999, 12, 31));
        assert_eq!(t.assessment_deadline(d(9999, 12, 31)), None);
        assert!(!t.silent_window_payable(d(2026, 1, 1)));
        assert_eq!(t.latest_payable_due(), None);
        let t = terms(28, true, NaiveDate::MIN);
        assert_eq!(t.latest_payable_due(), None);
        assert_eq!(t.deemed_on(NaiveDate::MAX), None);
    }
}
