//! # C305 unpayable-window (warning)
//!
//! The insurers have an assessment window after each due date (art. 3.2.2:
//! four weeks). If that window ends after the rule set's payout cutoff, the
//! milestone may be achieved on time and still not be paid: the verdict, or
//! the deemed achievement after a silent window, comes too late. The rule
//! parameters make such a milestone unpayable unless the insurers judge
//! early.
//!
//! ## Fails
//! ```text
//! clause "art. 3.2.2" assessment-window 4 weeks
//! clause "fin.model" payout-cutoff 2027-12-31
//! milestone 15 "..." { due 2027-12-31 ... }   // window ends 2028-01-28
//! ```
//! ## Fixed
//! ```text
//! milestone 15 "..." { due 2027-11-30 ... }   // window ends 2027-12-28
//! ```

use chrono::Duration;

use super::{Check, Context, Sink};
use crate::diagnostic::Severity;

pub const CHECK: Check = Check {
    code: "C305",
    name: "unpayable-window",
    severity: Severity::Warning,
    run,
    source: include_str!("unpayable_window.rs"),
};

fn run(ctx: &Context, out: &mut Sink) {
    let Some(rules) = ctx.rules else { return };
    let (Some((cutoff, cut_clause)), Some((days, window_clause))) =
        (rules.payout_cutoff(), rules.assessment_window())
    else {
        return;
    };
    for m in &ctx.plan.milestones {
        let (Some(due), Some(span)) = (m.due, m.due_span) else {
            continue;
        };
        if m.total().is_zero() || due > cutoff {
            continue;
        }
        let window_end = due + Duration::days(i64::from(days));
        if window_end > cutoff {
            let d = out
                .report(format!(
                    "milestone {} is due {due}; its {days}-day assessment window ends {window_end}, after the last payout date {cutoff}",
                    m.number
                ))
                .at(span, "assessment window runs past the cutoff")
                .with_help(format!(
                    "unless the insurers judge before {cutoff}, {} cannot be paid; move the due date to {} or earlier",
                    m.total(),
                    cutoff - Duration::days(i64::from(days))
                ))
                .with_note(format!("window: {} ({}); cutoff: {} ({})", "assessment-window", window_clause.citation, "payout-cutoff", cut_clause.citation));
            out.push(d);
        }
    }
}
