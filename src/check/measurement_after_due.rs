//! # C303 measurement-after-due (error)
//!
//! What a milestone is judged on must be known by its due date: a level
//! measured at a date after the due date, a count window that ends after it,
//! or a baseline set after the milestone that sets it is due, cannot be
//! evidence on time.
//!
//! ## Fails
//! ```text
//! milestone 4 "..." { due 2026-06-30  target level wachtlijst at 2026-07-01 <= baseline 3 - 155 }
//! ```
//! ## Fixed
//! ```text
//! milestone 4 "..." { due 2026-12-31  target level wachtlijst at 2026-07-01 <= baseline 3 - 155 }
//! ```

use chrono::NaiveDate;

use super::{Check, Context, Sink};
use crate::diagnostic::Severity;
use crate::model::TargetKind;

pub const CHECK: Check = Check {
    code: "C303",
    name: "measurement-after-due",
    severity: Severity::Error,
    run,
    source: include_str!("measurement_after_due.rs"),
};

fn run(ctx: &Context, out: &mut Sink) {
    for m in &ctx.plan.milestones {
        let Some(due) = m.due else { continue };
        let mut dates: Vec<(NaiveDate, crate::source::Span, &str)> = Vec::new();
        for t in &m.targets {
            match &t.kind {
                TargetKind::Level { at, .. } => dates.push((*at, t.span, "c303-what-measured")),
                TargetKind::Count { window, .. } | TargetKind::Share { window, .. } => {
                    if let Some(to) = window.to {
                        dates.push((to, t.span, "c303-what-counted"));
                    }
                }
            }
        }
        for b in &m.baselines {
            dates.push((b.at, b.span, "c303-what-baseline"));
        }
        for (date, span, what) in dates {
            if date > due {
                let d = out
                    .report(crate::tr!(
                        "c303-message",
                        milestone = m.number,
                        due = due,
                        what = crate::tr!(what),
                        date = date
                    ))
                    .at(span, crate::tr!("c303-label"))
                    .with_help(crate::tr!("c303-help"));
                out.push(d);
            }
        }
    }
}
