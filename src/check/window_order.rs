//! # C304 window-order (error)
//!
//! A count or share is taken over a window `from START to END`: START must
//! not be after END, and (without an END, which defaults to the due date)
//! not after the milestone's due date.
//!
//! ## Fails
//! ```text
//! target count gesprekken from 2027-01-01 to 2026-12-31 >= 650
//! ```
//! ## Fixed
//! ```text
//! target count gesprekken from 2026-01-01 to 2026-12-31 >= 650
//! ```

use super::{Check, Context, Sink};
use crate::diagnostic::Severity;
use crate::model::TargetKind;

pub const CHECK: Check = Check {
    code: "C304",
    name: "window-order",
    severity: Severity::Error,
    run,
    source: include_str!("window_order.rs"),
};

fn run(ctx: &Context, out: &mut Sink) {
    for m in &ctx.plan.milestones {
        for t in &m.targets {
            let (TargetKind::Count { window, .. } | TargetKind::Share { window, .. }) = &t.kind
            else {
                continue;
            };
            let Some(from) = window.from else { continue };
            let end = window.to.or(m.due);
            if let Some(end) = end {
                if from > end {
                    let d = out
                        .report(crate::tr!(
                            "c304-message",
                            milestone = m.number,
                            from = from,
                            end = end
                        ))
                        .at(t.span, crate::tr!("c304-label"))
                        .with_help(crate::tr!("c304-help"));
                    out.push(d);
                }
            }
        }
    }
}
