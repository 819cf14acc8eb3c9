//! # C102 plan-total (error)
//!
//! The milestones must add up to the totals the plan declares, in total and
//! per stream. A total declared by a document in a larger unit
//! (`declared by kpi_tabel total € 16.275 ...` in € 1.000) may differ from
//! the exact sum by half that unit; a total declared in euros must match to
//! the cent.
//!
//! ## Fails
//! ```text
//! declared total € 300.000 { iza € 150.000, spuk € 150.000 }
//! // ...while the milestones add up to € 299.000
//! ```
//! ## Fixed
//! Correct the milestone that is off, or the declared total, so they agree.

use super::tolerance::half_unit;
use super::{milestone_sum, Check, Context, Sink};
use crate::diagnostic::Severity;
use crate::model::checked::distance;
use crate::model::{Milestone, Money};

pub const CHECK: Check = Check {
    code: "C102",
    name: "plan-total",
    severity: Severity::Error,
    run,
    source: include_str!("plan_total.rs"),
};

fn run(ctx: &Context, out: &mut Sink) {
    let plan = ctx.plan;
    for declared in &plan.declared_totals {
        // Declared in euros: to the cent. In a larger unit: half that unit.
        let allowed = if declared.by.is_none() {
            Money::ZERO
        } else {
            half_unit(declared.unit)
        };
        let source = match &declared.by {
            Some(doc) => crate::tr!("c102-source-document", document = doc),
            None => crate::tr!("c102-source-plan"),
        };
        let as_written = |m: Money| {
            if declared.unit.amount() == rust_decimal::Decimal::ONE {
                return m.to_string();
            }
            match m.amount().checked_div(declared.unit.amount()) {
                Some(units) => format!("{} x {} = {m}", Money::new(units), declared.unit),
                None => m.to_string(),
            }
        };
        let mut rows = vec![(
            crate::tr!("c102-what-total"),
            milestone_sum(plan, Milestone::total),
            declared.total,
        )];
        for (s, amount) in &declared.streams {
            rows.push((
                crate::tr!("c102-what-stream", stream = s),
                milestone_sum(plan, |m| m.stream_amount(s)),
                *amount,
            ));
        }
        for (what, actual, wanted) in rows {
            let actual = match actual {
                Ok(actual) => actual,
                Err(span) => {
                    let d = out.overflow("A102", span, crate::tr!("a102-message", what = what));
                    out.push(d);
                    continue;
                }
            };
            let Some(diff) = distance(actual, wanted) else {
                continue;
            };
            if diff > allowed {
                let label = if allowed.is_zero() {
                    crate::tr!("c102-label", diff = diff)
                } else {
                    crate::tr!("c102-label-rounding", diff = diff, unit = declared.unit)
                };
                let d = out
                    .report(crate::tr!(
                        "c102-message",
                        actual = actual,
                        what = what,
                        source = source,
                        declared = as_written(wanted)
                    ))
                    .at(declared.span, label)
                    .with_help(crate::tr!("c102-help"));
                out.push(d);
            }
        }
    }
}
