//! # C302 due-outside-period (error)
//!
//! A due date must lie inside the plan's period, and not after the rule
//! set's payout cutoff (`payout-cutoff 2027-12-31`): money for a milestone
//! due later can never be paid.
//!
//! ## Fails
//! ```text
//! period 2025-01-01 .. 2027-12-31
//! milestone 9 "..." { due 2028-06-30 ... }
//! ```
//! ## Fixed
//! ```text
//! milestone 9 "..." { due 2027-06-30 ... }
//! ```

use super::{Check, Context, Sink};
use crate::diagnostic::Severity;

pub const CHECK: Check = Check {
    code: "C302",
    name: "due-outside-period",
    severity: Severity::Error,
    run,
    source: include_str!("due_outside_period.rs"),
};

fn run(ctx: &Context, out: &mut Sink) {
    let plan = ctx.plan;
    let cutoff = ctx.rules.and_then(|r| r.payout_cutoff());
    for m in &plan.milestones {
        let (Some(due), Some(span)) = (m.due, m.due_span) else {
            continue;
        };
        if let Some(p) = plan.period {
            if due < p.from || due > p.to {
                let d = out
                    .report(format!(
                        "milestone {} is due {due}, outside the plan's period {} .. {}",
                        m.number, p.from, p.to
                    ))
                    .at(span, "outside the period")
                    .also(p.span, "the plan's period")
                    .with_help("move the due date into the period, or widen the period");
                out.push(d);
                continue;
            }
        }
        if let Some((cut, clause)) = cutoff {
            if due > cut {
                let d = out
                    .report(format!(
                        "milestone {} is due {due}, after the last payout date {cut}",
                        m.number
                    ))
                    .at(span, "after the payout cutoff")
                    .with_help("its money could never be paid; move the due date before the cutoff")
                    .with_note(format!(
                        "the cutoff is set by clause `payout-cutoff` ({})",
                        clause.citation
                    ));
                out.push(d);
            }
        }
    }
}
