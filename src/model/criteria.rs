//! An assessment framework (`*.criteria`): the conditions a plan is judged
//! by before approval, each with its wording, its citation and what decides
//! it from the plan, if anything (`mijlpaal submission`).

use super::Percent;
use crate::source::{FileId, Span};

/// What decides a criterion automatically.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Decider {
    /// A check of the catalogue, by code (`C301`): the criterion fails on
    /// any error it reports.
    Check(&'static str),
    /// The share of the money due in the plan's last quarter is at most the
    /// framework's `threshold last-quarter` (money paid in batches on
    /// interim milestones).
    LastQuarter,
    /// The rule set has a `no-clawback` clause.
    NoClawback,
}

impl Decider {
    /// The tests a criterion can name besides check codes.
    pub const NAMED: &'static [&'static str] = &["last-quarter", "no-clawback"];

    /// How the decider is written in a criteria file.
    pub fn name(&self) -> &'static str {
        match self {
            Decider::Check(code) => code,
            Decider::LastQuarter => "last-quarter",
            Decider::NoClawback => "no-clawback",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Criterion {
    /// `voorwaarde-1`
    pub id: String,
    /// The framework's wording (Dutch, shortened where long).
    pub text: String,
    /// Where in the framework: `r. 5919-5922`.
    pub source: String,
    pub decided_by: Vec<Decider>,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Criteria {
    pub file: FileId,
    pub id: String,
    pub title: String,
    /// In the order written.
    pub criteria: Vec<Criterion>,
    /// `threshold last-quarter 50%`.
    pub last_quarter: Option<Percent>,
    pub span: Span,
}

impl Criteria {
    pub fn ids(&self) -> impl Iterator<Item = &str> + Clone {
        self.criteria.iter().map(|c| c.id.as_str())
    }
}
