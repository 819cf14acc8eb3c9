//! What an evaluation produces: statuses, money and obligations, each with
//! the clause that produced it.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::diagnostic::Diagnostic;
use crate::model::{MilestoneNo, Money, StreamId};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Status {
    /// Before the due date.
    Open,
    /// The due date has passed; evidence is awaited.
    Due,
    /// Evidence is in, or the window runs; the assessors have not judged yet.
    InAssessment,
    Achieved,
    /// Not assessed within the window, administration compliant (art. 3.2.2).
    DeemedAchieved,
    /// Part of the amount paid by decision of the steering group and insurer.
    PartiallyAchieved,
    /// Given until a later date to be achieved.
    Postponed,
    /// Assessed as not achieved, or not achieved by the payout cutoff.
    Missed,
    /// Claims ended by dissolution of the agreement (art. 4.2.2).
    Lapsed,
    /// Withdrawn by an amendment (art. 2.3); payments already made stand.
    Withdrawn,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Open => "open",
            Status::Due => "due",
            Status::InAssessment => "in-assessment",
            Status::Achieved => "achieved",
            Status::DeemedAchieved => "deemed-achieved",
            Status::PartiallyAchieved => "partially-achieved",
            Status::Postponed => "postponed",
            Status::Missed => "missed",
            Status::Lapsed => "lapsed",
            Status::Withdrawn => "withdrawn",
        }
    }
    /// Whether the milestone's whole amount is earned.
    pub fn is_achieved(self) -> bool {
        matches!(self, Status::Achieved | Status::DeemedAchieved)
    }
}

pub use crate::model::Cite;

/// One step of the reasoning for a milestone, in date order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Step {
    pub date: Option<NaiveDate>,
    pub text: String,
    pub cite: Option<Cite>,
}

/// A target computed from the facts, next to what it asks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Measured {
    pub target: String,
    pub value: Option<Decimal>,
    pub met: Option<bool>,
    pub text: String,
}

/// Amounts per stream, in the plan's stream order.
pub type PerStream = Vec<(StreamId, Money)>;

/// The amount of stream `s` (zero if absent).
pub fn amount_of(v: &PerStream, s: &StreamId) -> Money {
    v.iter()
        .find(|(x, _)| x == s)
        .map(|(_, m)| *m)
        .unwrap_or(Money::ZERO)
}

/// The money columns that milestones and parties share, in output order.
pub const MONEY_COLUMNS: [&str; 5] = ["earned", "paid", "outstanding", "repayable", "exposure"];

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MilestoneResult {
    pub number: MilestoneNo,
    pub status: Status,
    pub since: Option<NaiveDate>,
    pub due: Option<NaiveDate>,
    /// The due date after any postponement.
    pub effective_due: Option<NaiveDate>,
    /// Where the assessors' window ends (due + window, shifted if the rules say so).
    pub assessment_deadline: Option<NaiveDate>,
    pub reason: String,
    pub cite: Option<Cite>,
    pub earned: PerStream,
    pub paid: PerStream,
    pub outstanding: PerStream,
    pub repayable: PerStream,
    pub exposure: PerStream,
    pub measured: Vec<Measured>,
    pub trace: Vec<Step>,
}

impl MilestoneResult {
    /// The [`MONEY_COLUMNS`], by name.
    pub fn money_columns(&self) -> [(&'static str, &PerStream); 5] {
        let c = MONEY_COLUMNS;
        [
            (c[0], &self.earned),
            (c[1], &self.paid),
            (c[2], &self.outstanding),
            (c[3], &self.repayable),
            (c[4], &self.exposure),
        ]
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PartyResult {
    pub id: String,
    pub earned: PerStream,
    pub paid: PerStream,
    pub outstanding: PerStream,
    pub repayable: PerStream,
    pub repaid: PerStream,
    pub exposure: PerStream,
    /// The same columns per milestone, for the milestones that touch this party.
    pub lines: Vec<PartyLine>,
}

impl PartyResult {
    /// The [`MONEY_COLUMNS`], by name (`repaid` is the party's own).
    pub fn money_columns(&self) -> [(&'static str, &PerStream); 5] {
        let c = MONEY_COLUMNS;
        [
            (c[0], &self.earned),
            (c[1], &self.paid),
            (c[2], &self.outstanding),
            (c[3], &self.repayable),
            (c[4], &self.exposure),
        ]
    }
}

/// One milestone's share for one party.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PartyLine {
    pub milestone: MilestoneNo,
    pub earned: PerStream,
    pub paid: PerStream,
    pub outstanding: PerStream,
    pub repayable: PerStream,
    pub exposure: PerStream,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum DutyKind {
    /// Deliver the milestone and its evidence.
    Deliver,
    /// Judge whether the milestone is achieved.
    Assess,
    /// Pay what is earned.
    Pay,
    /// Repay what is linked to milestones not achieved.
    Repay,
}

impl DutyKind {
    pub fn as_str(self) -> &'static str {
        match self {
            DutyKind::Deliver => "deliver",
            DutyKind::Assess => "assess",
            DutyKind::Pay => "pay",
            DutyKind::Repay => "repay",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
/// An obligation of one party: deliver, assess, pay or repay, by a date.
pub struct Duty {
    pub party: String,
    pub kind: DutyKind,
    pub milestone: Option<MilestoneNo>,
    pub due: NaiveDate,
    pub stream: Option<StreamId>,
    pub amount: Option<Money>,
    pub overdue: bool,
    pub text: String,
    pub cite: Option<Cite>,
}

#[derive(Debug, Clone)]
pub struct Evaluation {
    pub at: NaiveDate,
    pub horizon_days: u32,
    pub streams: Vec<StreamId>,
    pub milestones: Vec<MilestoneResult>,
    pub parties: Vec<PartyResult>,
    pub obligations: Vec<Duty>,
    /// Advances received per stream (fin.model Randvoorwaarden).
    pub advances: PerStream,
    /// Problems with the facts, and what was ignored because of them.
    pub diagnostics: Vec<Diagnostic>,
}

impl Evaluation {
    /// The last day of the obligations horizon.
    pub fn horizon_end(&self) -> NaiveDate {
        horizon_end(self.at, self.horizon_days)
    }
}

/// `at` plus `days`; a horizon past the end of the calendar reaches its end.
pub fn horizon_end(at: NaiveDate, days: u32) -> NaiveDate {
    at.checked_add_days(chrono::Days::new(u64::from(days)))
        .unwrap_or(NaiveDate::MAX)
}
