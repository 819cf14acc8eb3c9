//! # C801 amendment-paid (warning)
//!
//! An amendment (addendum, art. 2.3) that changes or withdraws a milestone
//! for which money was already paid before it takes effect: the payments
//! stand (art. 2.3.3), so the change cannot take that money back, and the
//! parties should know that before they sign. This check needs the facts:
//! `mijlpaal check PLAN FACTS...`.
//!
//! ## Fails
//! ```text
//! amendment a1 "Addendum 1" {
//!   effective 2026-11-15
//!   decision "Stuurgroep, 2026-11-10"
//!   change 1 amount € 1.000.000 { iza € 473.000, spuk € 527.000 }
//! }
//! // facts: 2025-10-01 paid spuk for 1 € 652.000
//! ```
//! ## Fixed
//! Leave milestones that are already paid out of the addendum, or state in
//! its decision that the payments made stand.

use super::{Check, Context, Sink};
use crate::diagnostic::Severity;
use crate::model::{AmendmentEdit, FactKind, Money};

pub const CHECK: Check = Check {
    code: "C801",
    name: "amendment-paid",
    severity: Severity::Warning,
    run,
    source: include_str!("amendment_paid.rs"),
};

fn run(ctx: &Context, out: &mut Sink) {
    for a in &ctx.written.amendments {
        for e in &a.edits {
            let Some(n) = e.milestone() else { continue };
            if matches!(e, AmendmentEdit::Add { .. }) {
                continue;
            }
            let paid = ctx
                .facts
                .iter()
                .flat_map(|f| &f.facts)
                .filter(|f| f.date < a.effective)
                .filter_map(|f| match &f.kind {
                    FactKind::Paid {
                        milestone, amount, ..
                    } if *milestone == n => Some(*amount),
                    _ => None,
                });
            // Payments too large to add up are E015 in evaluation; here
            // they still touch a paid milestone.
            let paid = Money::checked_sum(paid)
                .map_or(crate::tr!("c801-paid-too-large"), |p| p.to_string());
            if paid != Money::ZERO.to_string() {
                let d = out
                    .report(crate::tr!(
                        "c801-message",
                        amendment = a.id,
                        milestone = n,
                        paid = paid,
                        effective = a.effective
                    ))
                    .at(e.span(), crate::tr!("c801-label"))
                    .with_help(crate::tr!("c801-help"));
                out.push(d);
            }
        }
    }
}
