//! A rule set: a closed vocabulary of clauses, each citing the article it
//! encodes, so that evaluation can both apply a clause and cite it.

use chrono::NaiveDate;

use super::ids::{RulesId, StreamId};
use super::plan::Role;
use crate::source::{FileId, Span};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ClauseKind {
    /// `entitlement on-achievement`: the right to money arises when a milestone is achieved.
    Entitlement,
    /// `assessors coordinating-insurer second-insurer`: who judges achievement.
    Assessors(Vec<Role>),
    /// `assessment-window 28 days` (or `4 weeks`): time after due for the verdict.
    AssessmentWindow { days: u32 },
    /// `deemed-achieved if administration-compliant`: silence in the window counts as achieved.
    DeemedAchieved,
    /// `payment by financier`: who pays, and the only party to claim from.
    Payment { by: Role },
    /// `no-clawback`: a missed milestone never makes achieved amounts repayable.
    NoClawback,
    /// `partial-payout by steering-group coordinating-insurer`: who may pay part or all of a missed milestone.
    PartialPayout { by: Vec<Role> },
    /// `postponement until payout-cutoff`: a milestone may still be achieved later.
    Postponement,
    /// `payout-cutoff 2027-12-31`: the last date on which money can be paid.
    PayoutCutoff(NaiveDate),
    /// `repay-unmet spuk by risk-key`: at the cutoff, money linked to milestones not achieved is repaid.
    RepayUnmet { stream: StreamId },
    /// `advances yearly`: advances follow the ministry's (yearly) advances.
    Advances,
    /// `dissolution lapses-claims`: on dissolution, unpaid claims lapse; payments made stand.
    DissolutionLapsesClaims,
    /// `double-funding reclaimable`: a double-funded amount can be reclaimed.
    DoubleFundingReclaimable,
    /// `amendment needs addendum`: plan changes need consensus and an addendum; payments stand.
    AmendmentNeedsAddendum,
    /// `monitoring quarterly`.
    MonitoringQuarterly,
    /// `max-duration 5 years`: agreements are reached within this many years.
    MaxDuration { years: u32 },
    /// `deadline-shift next-working-day` or `deadline-shift none`: whether a deadline
    /// on a Saturday, Sunday or Dutch public holiday moves to the next working day.
    DeadlineShift { next_working_day: bool },
}

impl ClauseKind {
    /// The clause as it is written in a rule set (`assessment-window 28 days`).
    pub fn written(&self) -> String {
        let roles = |r: &[Role]| r.iter().map(|x| x.as_str()).collect::<Vec<_>>().join(" ");
        match self {
            ClauseKind::Entitlement => "entitlement on-achievement".into(),
            ClauseKind::Assessors(r) => format!("assessors {}", roles(r)),
            ClauseKind::AssessmentWindow { days } => format!("assessment-window {days} days"),
            ClauseKind::DeemedAchieved => "deemed-achieved if administration-compliant".into(),
            ClauseKind::Payment { by } => format!("payment by {}", by.as_str()),
            ClauseKind::NoClawback => "no-clawback".into(),
            ClauseKind::PartialPayout { by } => format!("partial-payout by {}", roles(by)),
            ClauseKind::Postponement => "postponement until payout-cutoff".into(),
            ClauseKind::PayoutCutoff(d) => format!("payout-cutoff {d}"),
            ClauseKind::RepayUnmet { stream } => format!("repay-unmet {stream} by risk-key"),
            ClauseKind::Advances => "advances yearly".into(),
            ClauseKind::DissolutionLapsesClaims => "dissolution lapses-claims".into(),
            ClauseKind::DoubleFundingReclaimable => "double-funding reclaimable".into(),
            ClauseKind::AmendmentNeedsAddendum => "amendment needs addendum".into(),
            ClauseKind::MonitoringQuarterly => "monitoring quarterly".into(),
            ClauseKind::MaxDuration { years } => format!("max-duration {years} years"),
            ClauseKind::DeadlineShift { next_working_day } => format!(
                "deadline-shift {}",
                if *next_working_day {
                    "next-working-day"
                } else {
                    "none"
                }
            ),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Clause {
    pub citation: String,
    pub kind: ClauseKind,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleSet {
    pub file: FileId,
    /// `sha256:...` of the file's canonical (formatted) text, set by the loader.
    pub hash: Option<String>,
    pub id: RulesId,
    pub title: String,
    pub clauses: Vec<Clause>,
    pub span: Span,
}

impl RuleSet {
    /// The rule set's content in one canonical text: its id, title, and each
    /// clause in its written form with its citation, in order. Comments and
    /// layout are not part of it, so only a change of meaning changes it.
    pub fn canonical(&self) -> String {
        let mut out = format!("rules {} {:?}\n", self.id, self.title);
        for c in &self.clauses {
            out.push_str(&format!("clause {:?} {}\n", c.citation, c.kind.written()));
        }
        out
    }

    /// `sha256:` and the hex digest of [`RuleSet::canonical`]: what a plan pins.
    pub fn content_hash(&self) -> String {
        use sha2::{Digest, Sha256};
        let digest = Sha256::digest(self.canonical().as_bytes());
        format!(
            "sha256:{}",
            digest
                .iter()
                .map(|b| format!("{b:02x}"))
                .collect::<String>()
        )
    }

    pub fn find(&self, pred: impl Fn(&ClauseKind) -> bool) -> Option<&Clause> {
        self.clauses.iter().find(|c| pred(&c.kind))
    }
    pub fn payout_cutoff(&self) -> Option<(NaiveDate, &Clause)> {
        self.clauses.iter().find_map(|c| match c.kind {
            ClauseKind::PayoutCutoff(d) => Some((d, c)),
            _ => None,
        })
    }
    pub fn assessment_window(&self) -> Option<(u32, &Clause)> {
        self.clauses.iter().find_map(|c| match c.kind {
            ClauseKind::AssessmentWindow { days } => Some((days, c)),
            _ => None,
        })
    }
    pub fn max_duration(&self) -> Option<(u32, &Clause)> {
        self.clauses.iter().find_map(|c| match c.kind {
            ClauseKind::MaxDuration { years } => Some((years, c)),
            _ => None,
        })
    }
    pub fn repay_unmet(&self) -> Option<(&StreamId, &Clause)> {
        self.clauses.iter().find_map(|c| match &c.kind {
            ClauseKind::RepayUnmet { stream } => Some((stream, c)),
            _ => None,
        })
    }
}
