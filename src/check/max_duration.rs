//! # C701 max-duration (error)
//!
//! Transformation money is incidental, for at most five years (art.
//! 2.1.1(b)); the Beoordelingskader requires the plan's agreements to be
//! reached within five years. With a `max-duration N years` clause, the plan's
//! period and every due date must lie within N years of the period's start.
//!
//! ## Fails
//! ```text
//! clause "art. 2.1.1(b)" max-duration 5 years
//! period 2025-01-01 .. 2031-12-31
//! ```
//! ## Fixed
//! ```text
//! period 2025-01-01 .. 2029-12-31
//! ```

use chrono::Months;

use super::{Check, Context, Sink};
use crate::diagnostic::Severity;

pub const CHECK: Check = Check {
    code: "C701",
    name: "max-duration",
    severity: Severity::Error,
    run,
    source: include_str!("max_duration.rs"),
};

fn run(ctx: &Context, out: &mut Sink) {
    let (Some((years, clause)), Some(period)) =
        (ctx.rules.and_then(|r| r.max_duration()), ctx.plan.period)
    else {
        return;
    };
    let Some(limit) = period
        .from
        .checked_add_months(Months::new(years.saturating_mul(12)))
    else {
        return;
    };
    // The last day inside N years of the start.
    let last = limit.pred_opt().unwrap_or(limit);
    if period.to > last {
        let d = out
            .report(format!("the plan runs {} .. {}, longer than the {years} years the rules allow (until {last})", period.from, period.to))
            .at(period.span, "too long")
            .with_help(format!("end the period by {last}"))
            .with_note(format!("clause `max-duration` ({})", clause.citation));
        out.push(d);
    }
    for m in &ctx.plan.milestones {
        if let (Some(due), Some(span)) = (m.due, m.due_span) {
            if due > last && due <= period.to {
                let d = out
                    .report(format!(
                        "milestone {} is due {due}, more than {years} years after the plan starts",
                        m.number
                    ))
                    .at(span, "too late")
                    .with_help(format!("agreements must be reached by {last}"))
                    .with_note(format!("clause `max-duration` ({})", clause.citation));
                out.push(d);
            }
        }
    }
}
