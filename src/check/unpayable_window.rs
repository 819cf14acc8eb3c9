//! # C305 unpayable-window (warning)
//!
//! The insurers have an assessment window after each due date (art. 3.2.2:
//! four weeks). A milestone not judged within it is deemed achieved the day
//! after the window ends; if that day falls after the rule set's payout
//! cutoff, the milestone may be achieved on time and still not be paid: the
//! verdict, or the deemed achievement after a silent window, comes too late.
//! The rule parameters make such a milestone unpayable unless the insurers
//! judge early.
//!
//! The window's end is computed exactly as the evaluator computes it (the
//! rule set's `Terms`: window, working-day shift, declared non-working
//! days), and the suggested due date is the latest one whose silent window
//! still ends in a payable deemed achievement.
//!
//! ## Fails
//! ```text
//! clause "art. 3.2.2" assessment-window 4 weeks
//! clause "fin.model" payout-cutoff 2027-12-31
//! milestone 15 "..." { due 2027-12-03 ... }   // window ends 2027-12-31, deemed achieved 2028-01-01
//! ```
//! ## Fixed
//! ```text
//! milestone 15 "..." { due 2027-12-02 ... }   // window ends 2027-12-30, deemed achieved 2027-12-31
//! ```

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
    let terms = &ctx.terms;
    let (Some((cutoff, cut_cite)), Some((days, window_cite))) = (&terms.cutoff, &terms.window)
    else {
        return;
    };
    for m in &ctx.plan.milestones {
        let (Some(due), Some(span)) = (m.due, m.due_span) else {
            continue;
        };
        if m.total().is_zero() || due > *cutoff || terms.silent_window_payable(due) {
            continue;
        }
        let window = match terms.assessment_deadline(due) {
            Some(end) => crate::tr!(
                "c305-window-ends",
                end = end,
                deemed = end
                    .succ_opt()
                    .map_or(crate::tr!("c305-the-day-after"), |d| d.to_string())
            ),
            None => crate::tr!("c305-window-endless"),
        };
        let advice = match terms.latest_payable_due() {
            Some(latest) => crate::tr!("c305-advice-move", latest = latest),
            None => crate::tr!("c305-advice-shorten"),
        };
        let mut d = out
            .report(crate::tr!(
                "c305-message",
                milestone = m.number,
                due = due,
                days = *days,
                window = window,
                cutoff = cutoff
            ))
            .at(span, crate::tr!("c305-label"))
            .with_help(crate::tr!(
                "c305-help",
                cutoff = cutoff,
                amount = m.total(),
                advice = advice
            ))
            .with_note(crate::tr!(
                "c305-note",
                window_clause = window_cite.clause,
                window_citation = window_cite.citation,
                cutoff_clause = cut_cite.clause,
                cutoff_citation = cut_cite.citation
            ));
        if let Some(latest) = terms.latest_payable_due() {
            d = d.with_titled_fix(
                crate::tr!("c305-fix-title", latest = latest),
                span,
                latest.to_string(),
            );
        }
        out.push(d);
    }
}
