//! The rule set as evaluation uses it: each clause looked up once, with the
//! citation that every result it produces carries.

use chrono::{Duration, NaiveDate};

use super::calendar;
use super::model::Cite;
use crate::model::{ClauseKind, Role, RuleSet, StreamId};

fn cite(clause: &'static str, citation: &str) -> Cite {
    Cite {
        clause,
        citation: citation.to_string(),
    }
}

/// The clauses of a rule set, by kind.
#[derive(Debug, Clone, Default)]
pub struct Clauses {
    pub entitlement: Option<Cite>,
    pub assessors: Option<(Vec<Role>, Cite)>,
    pub window: Option<(u32, Cite)>,
    pub deemed: Option<Cite>,
    pub payment: Option<(Role, Cite)>,
    pub no_clawback: Option<Cite>,
    pub partial: Option<Cite>,
    pub postponement: Option<Cite>,
    pub cutoff: Option<(NaiveDate, Cite)>,
    pub repay: Option<(StreamId, Cite)>,
    pub dissolution: Option<Cite>,
    pub shift: Option<(bool, Cite)>,
}

impl Clauses {
    pub fn of(rules: &RuleSet) -> Self {
        let mut c = Clauses::default();
        for clause in &rules.clauses {
            let at = clause.citation.as_str();
            match &clause.kind {
                ClauseKind::Entitlement => c.entitlement = Some(cite("entitlement", at)),
                ClauseKind::Assessors(r) => c.assessors = Some((r.clone(), cite("assessors", at))),
                ClauseKind::AssessmentWindow { days } => {
                    c.window = Some((*days, cite("assessment-window", at)))
                }
                ClauseKind::DeemedAchieved => c.deemed = Some(cite("deemed-achieved", at)),
                ClauseKind::Payment { by } => c.payment = Some((*by, cite("payment", at))),
                ClauseKind::NoClawback => c.no_clawback = Some(cite("no-clawback", at)),
                ClauseKind::PartialPayout { .. } => c.partial = Some(cite("partial-payout", at)),
                ClauseKind::Postponement => c.postponement = Some(cite("postponement", at)),
                ClauseKind::PayoutCutoff(d) => c.cutoff = Some((*d, cite("payout-cutoff", at))),
                ClauseKind::RepayUnmet { stream } => {
                    c.repay = Some((stream.clone(), cite("repay-unmet", at)))
                }
                ClauseKind::DissolutionLapsesClaims => {
                    c.dissolution = Some(cite("dissolution", at))
                }
                ClauseKind::DeadlineShift { next_working_day } => {
                    c.shift = Some((*next_working_day, cite("deadline-shift", at)))
                }
                ClauseKind::Advances
                | ClauseKind::DoubleFundingReclaimable
                | ClauseKind::AmendmentNeedsAddendum
                | ClauseKind::MonitoringQuarterly
                | ClauseKind::MaxDuration { .. } => {}
            }
        }
        c
    }

    /// The last day of the assessment window after `due`, moved to the next
    /// working day if the rules say so. `None` without a window clause.
    pub fn deadline(&self, due: NaiveDate) -> Option<NaiveDate> {
        let (days, _) = self.window.as_ref()?;
        let end = due + Duration::days(i64::from(*days));
        Some(match &self.shift {
            Some((true, _)) => calendar::next_working_day(end),
            _ => end,
        })
    }
}
