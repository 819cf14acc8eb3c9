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
                    .report(crate::tr!(
                        "c302-message",
                        milestone = m.number,
                        due = due,
                        from = p.from,
                        to = p.to
                    ))
                    .at(span, crate::tr!("c302-label"))
                    .also(p.span, crate::tr!("c302-label-period"))
                    .with_help(crate::tr!("c302-help"));
                out.push(d);
                continue;
            }
        }
        if let Some((cut, clause)) = cutoff {
            if due > cut {
                let d = out
                    .report(crate::tr!(
                        "c302-cutoff-message",
                        milestone = m.number,
                        due = due,
                        cutoff = cut
                    ))
                    .at(span, crate::tr!("c302-cutoff-label"))
                    .with_help(crate::tr!("c302-cutoff-help"))
                    .with_note(crate::tr!("c302-cutoff-note", citation = clause.citation));
                out.push(d);
            }
        }
    }
}
