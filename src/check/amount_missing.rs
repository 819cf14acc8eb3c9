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
                    .report(crate::tr!("c603-message", milestone = m.number))
                    .at(m.header_span, crate::tr!("c603-label"))
                    .with_help(crate::tr!("c603-help"));
                out.push(d);
            }
            Some(a) if streams > 1 && a.streams.is_empty() && !a.total.is_zero() => {
                let d = out
                    .report(crate::tr!(
                        "c603-no-split-message",
                        milestone = m.number,
                        streams = streams
                    ))
                    .at(a.span, crate::tr!("c603-no-split-label"))
                    .with_help(crate::tr!("c603-no-split-help"));
                out.push(d);
            }
            Some(_) => {}
        }
    }
}
