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
                TargetKind::Level { at, .. } => dates.push((*at, t.span, "measured")),
                TargetKind::Count { window, .. } | TargetKind::Share { window, .. } => {
                    if let Some(to) = window.to {
                        dates.push((to, t.span, "counted until"));
                    }
                }
            }
        }
        for b in &m.baselines {
            dates.push((b.at, b.span, "baseline measured"));
        }
        for (date, span, what) in dates {
            if date > due {
                let d = out
                    .report(format!("milestone {} is due {due}, but what it is judged on is {what} {date}", m.number))
                    .at(span, "after the due date")
                    .with_help("the measurement must be known by the due date: move it earlier or the due date later");
                out.push(d);
            }
        }
    }
}
