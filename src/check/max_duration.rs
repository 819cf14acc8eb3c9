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
            .report(crate::tr!(
                "c701-message",
                from = period.from,
                to = period.to,
                years = years,
                last = last
            ))
            .at(period.span, crate::tr!("c701-label"))
            .with_help(crate::tr!("c701-help", last = last))
            .with_note(crate::tr!("c701-note", citation = clause.citation));
        out.push(d);
    }
    for m in &ctx.plan.milestones {
        if let (Some(due), Some(span)) = (m.due, m.due_span) {
            if due > last && due <= period.to {
                let d = out
                    .report(crate::tr!(
                        "c701-due-message",
                        milestone = m.number,
                        due = due,
                        years = years
                    ))
                    .at(span, crate::tr!("c701-due-label"))
                    .with_help(crate::tr!("c701-due-help", last = last))
                    .with_note(crate::tr!("c701-note", citation = clause.citation));
                out.push(d);
            }
        }
    }
}
