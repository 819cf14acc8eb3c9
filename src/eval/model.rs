//! What an evaluation produces: statuses, money and obligations, each with
//! the clause that produced it.

use std::sync::Arc;

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
    /// Every status, in the order of a legend.
    pub const ALL: [Status; 10] = [
        Status::Open,
        Status::Due,
        Status::InAssessment,
        Status::Achieved,
        Status::DeemedAchieved,
        Status::PartiallyAchieved,
        Status::Postponed,
        Status::Missed,
        Status::Lapsed,
        Status::Withdrawn,
    ];

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
    /// The status as a reader sees it, in the current language (`as_str` is
    /// the stable id of JSON and CSV).
    pub fn label(self) -> String {
        match self {
            Status::Open => crate::tr!("status-open"),
            Status::Due => crate::tr!("status-due"),
            Status::InAssessment => crate::tr!("status-in-assessment"),
            Status::Achieved => crate::tr!("status-achieved"),
            Status::DeemedAchieved => crate::tr!("status-deemed-achieved"),
            Status::PartiallyAchieved => crate::tr!("status-partially-achieved"),
            Status::Postponed => crate::tr!("status-postponed"),
            Status::Missed => crate::tr!("status-missed"),
            Status::Lapsed => crate::tr!("status-lapsed"),
            Status::Withdrawn => crate::tr!("status-withdrawn"),
        }
    }
    /// The status in a text table, trace, reason or hover: in English the
    /// stable id (`deemed-achieved`), as these texts have always shown it
    /// and scripts may read it; in another language the label, so that a
    /// Dutch reader does not meet the English ids.
    pub fn word(self) -> String {
        match crate::i18n::lang() {
            crate::i18n::Lang::En => self.as_str().to_string(),
            _ => self.label(),
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

/// A money column: the one list of them, with their names, in output order.
/// Milestones have every column but `repaid` (repayments are made by
/// parties, not per milestone); parties and their lines have them all.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Column {
    /// Earned by achievement (or a partial decision); on dissolution, what was paid.
    Earned,
    Paid,
    /// Earned minus paid: what is still to be paid.
    Outstanding,
    /// Linked to a milestone not achieved, once final: to be repaid.
    Repayable,
    /// Repaid by a party.
    Repaid,
    /// Linked to an open milestone: repayable if it is not achieved.
    Exposure,
    /// Claims ended by dissolution without payment (art. 4.2.2) that no one repays.
    Lapsed,
}

impl Column {
    /// Every column, in output order.
    pub const ALL: [Column; 7] = [
        Column::Earned,
        Column::Paid,
        Column::Outstanding,
        Column::Repayable,
        Column::Repaid,
        Column::Exposure,
        Column::Lapsed,
    ];
    /// The columns of a milestone, in output order.
    pub const MILESTONE: [Column; 6] = [
        Column::Earned,
        Column::Paid,
        Column::Outstanding,
        Column::Repayable,
        Column::Exposure,
        Column::Lapsed,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Column::Earned => "earned",
            Column::Paid => "paid",
            Column::Outstanding => "outstanding",
            Column::Repayable => "repayable",
            Column::Repaid => "repaid",
            Column::Exposure => "exposure",
            Column::Lapsed => "lapsed",
        }
    }

    /// The column's heading for a reader, in the current language (`name`
    /// is the stable id of JSON and CSV).
    pub fn label(self) -> String {
        match self {
            Column::Earned => crate::tr!("column-earned"),
            Column::Paid => crate::tr!("column-paid"),
            Column::Outstanding => crate::tr!("column-outstanding"),
            Column::Repayable => crate::tr!("column-repayable"),
            Column::Repaid => crate::tr!("column-repaid"),
            Column::Exposure => crate::tr!("column-exposure"),
            Column::Lapsed => crate::tr!("column-lapsed"),
        }
    }

    /// The column in a text table's header: in English its id (`earned`),
    /// as the tables have always shown it; in another language the label.
    pub fn word(self) -> String {
        match crate::i18n::lang() {
            crate::i18n::Lang::En => self.name().to_string(),
            _ => self.label(),
        }
    }

    /// The column's position in [`Column::ALL`].
    pub fn index(self) -> usize {
        self as usize
    }
}

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
    pub lapsed: PerStream,
    pub measured: Vec<Measured>,
    pub trace: Vec<Step>,
}

impl MilestoneResult {
    /// A column by name; `None` for `repaid`, which milestones do not have.
    pub fn column(&self, c: Column) -> Option<&PerStream> {
        match c {
            Column::Earned => Some(&self.earned),
            Column::Paid => Some(&self.paid),
            Column::Outstanding => Some(&self.outstanding),
            Column::Repayable => Some(&self.repayable),
            Column::Repaid => None,
            Column::Exposure => Some(&self.exposure),
            Column::Lapsed => Some(&self.lapsed),
        }
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
    pub lapsed: PerStream,
    /// The same columns per milestone, for the milestones that touch this party.
    pub lines: Vec<PartyLine>,
}

impl PartyResult {
    pub fn column(&self, c: Column) -> &PerStream {
        match c {
            Column::Earned => &self.earned,
            Column::Paid => &self.paid,
            Column::Outstanding => &self.outstanding,
            Column::Repayable => &self.repayable,
            Column::Repaid => &self.repaid,
            Column::Exposure => &self.exposure,
            Column::Lapsed => &self.lapsed,
        }
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
    pub lapsed: PerStream,
}

impl PartyLine {
    /// A column by name; `None` for `repaid`, which is not per milestone.
    pub fn column(&self, c: Column) -> Option<&PerStream> {
        match c {
            Column::Earned => Some(&self.earned),
            Column::Paid => Some(&self.paid),
            Column::Outstanding => Some(&self.outstanding),
            Column::Repayable => Some(&self.repayable),
            Column::Repaid => None,
            Column::Exposure => Some(&self.exposure),
            Column::Lapsed => Some(&self.lapsed),
        }
    }
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
    /// Decide on a submitted plan: the market leaders' provisional decision
    /// (four weeks), their final decision (two weeks after the questions).
    Decide,
    /// Take the other insurers' questions on a provisional decision (two weeks).
    Questions,
}

impl DutyKind {
    /// Every kind of obligation.
    pub const ALL: [DutyKind; 6] = [
        DutyKind::Deliver,
        DutyKind::Assess,
        DutyKind::Pay,
        DutyKind::Repay,
        DutyKind::Decide,
        DutyKind::Questions,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            DutyKind::Deliver => "deliver",
            DutyKind::Assess => "assess",
            DutyKind::Pay => "pay",
            DutyKind::Repay => "repay",
            DutyKind::Decide => "decide",
            DutyKind::Questions => "questions",
        }
    }
    /// The kind as a reader sees it, in the current language.
    pub fn label(self) -> String {
        match self {
            DutyKind::Deliver => crate::tr!("duty-deliver"),
            DutyKind::Assess => crate::tr!("duty-assess"),
            DutyKind::Pay => crate::tr!("duty-pay"),
            DutyKind::Repay => crate::tr!("duty-repay"),
            DutyKind::Decide => crate::tr!("duty-decide"),
            DutyKind::Questions => crate::tr!("duty-questions"),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
/// An obligation of one party: deliver, assess, pay or repay, by a date.
///
/// The party, text and citation are shared (`Arc`), not copied per duty:
/// each of a key's hundreds of members has a deliver duty per milestone,
/// all with the same text (40 000 duties for a national plan).
pub struct Duty {
    pub party: Arc<str>,
    pub kind: DutyKind,
    pub milestone: Option<MilestoneNo>,
    pub due: NaiveDate,
    pub stream: Option<StreamId>,
    pub amount: Option<Money>,
    pub overdue: bool,
    pub text: Arc<str>,
    pub cite: Option<Arc<Cite>>,
}

#[derive(Debug, Clone)]
pub struct Evaluation {
    /// The plan's id (`plan mgt "..."`).
    pub plan: String,
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
