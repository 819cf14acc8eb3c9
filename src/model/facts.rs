//! Facts: what happened, each dated with the day it became known.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::ids::{MetricId, MilestoneNo, PartyId, StreamId};
use super::money::{Money, Percent};
use crate::source::{FileId, Span};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PartialShare {
    Percent(Percent),
    Amount(Money),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FactKind {
    /// `administration compliant` / `administration non-compliant` (art. 2.2).
    Administration { compliant: bool },
    /// `measured wachtlijst 2.310 at 2025-07-01`
    Measured {
        metric: MetricId,
        value: Decimal,
        at: NaiveDate,
    },
    /// `counted gesprekken 2025-01-01 .. 2025-12-31 = 112`
    Counted {
        metric: MetricId,
        from: NaiveDate,
        to: NaiveDate,
        value: Decimal,
    },
    /// `evidence 14 submitted "Jaaroverzicht 2026"`
    Evidence {
        milestone: MilestoneNo,
        note: Option<String>,
    },
    /// `assessed 14 achieved by menzis` / `assessed 14 not-achieved by menzis`
    Assessed {
        milestone: MilestoneNo,
        achieved: bool,
        by: PartyId,
    },
    /// `decided 10 partial 60% by twentse_koers, menzis`: the parties who
    /// decided, as written (at least one, none twice).
    Partial {
        milestone: MilestoneNo,
        share: PartialShare,
        by: Vec<PartyId>,
    },
    /// `postponed 11 until 2026-06-30 by twentse_koers, menzis`; `by` is
    /// empty when the fact names nobody (`postponed 11 until 2026-06-30`).
    Postponed {
        milestone: MilestoneNo,
        until: NaiveDate,
        by: Vec<PartyId>,
    },
    /// `advance spuk € 2.858.000 received by enschede`
    Advance {
        stream: StreamId,
        amount: Money,
        by: PartyId,
    },
    /// `paid spuk for 1 € 652.000`
    Paid {
        stream: StreamId,
        milestone: MilestoneNo,
        amount: Money,
    },
    /// `repaid spuk € 10.000 by tubbergen`
    Repaid {
        stream: StreamId,
        amount: Money,
        by: PartyId,
    },
    /// `dissolved "reden"`
    Dissolved { reason: String },
    /// `2026-01-15 submitted`: the plan was submitted to the market-leading
    /// insurers for approval (Beoordelingskader, stap 3).
    Submitted,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fact {
    pub date: NaiveDate,
    pub kind: FactKind,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Facts {
    pub file: FileId,
    pub plan: String,
    pub facts: Vec<Fact>,
    /// The dates the scenario names for evaluation (`evaluate at ...`).
    pub evaluate_at: Vec<NaiveDate>,
    pub span: Span,
}
