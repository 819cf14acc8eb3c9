//! # C603 amount-missing (error)
//!
//! Every milestone states its amount (`amount € 0` for a milestone that
//! carries no money), split over the streams when the plan has more than
//! one stream. Without the split, nobody knows who pays what.
//!
//! ## Fails
//! ```text
//! milestone 10 "..." { effort  due 2025-12-31 }
//! milestone 11 "..." { effort  due 2026-03-31  amount € 208.000 }
//! ```
//! ## Fixed
//! ```text
//! milestone 10 "..." { ... amount € 127.000 { iza € 60.000, spuk € 67.000 } }
//! ```

use super::{Check, Context, Sink};
use crate::diagnostic::Severity;

pub const CHECK: Check = Check {
    code: "C603",
    name: "amount-missing",
    severity: Severity::Error,
    run,
    source: include_str!("amount_missing.rs"),
};

fn run(ctx: &Context, out: &mut Sink) {
    let streams = ctx.plan.streams.len();
    for m in &ctx.plan.milestones {
        match &m.amount {
            None => {
                let d = out
                    .report(format!("milestone {} has no amount", m.number))
                    .at(m.header_span, "no `amount`")
                    .with_help("add `amount € X { stream € A, ... }`; write `amount € 0` if it carries no money");
                out.push(d);
            }
            Some(a) if streams > 1 && a.streams.is_empty() && !a.total.is_zero() => {
                let d = out
                    .report(format!(
                        "milestone {}'s amount is not split over the plan's {streams} streams",
                        m.number
                    ))
                    .at(a.span, "no split")
                    .with_help("add the split: `{ iza € A, spuk € B }`");
                out.push(d);
            }
            Some(_) => {}
        }
    }
}
