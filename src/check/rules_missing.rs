//! # C606 rules-missing (warning)
//!
//! A plan names the rule set it is governed by (`rules
//! overeenkomst-transformatieplan`). Without one, the checks that depend on
//! the rules (payout cutoff, assessment window, risk keys, framework rules)
//! cannot run, and the plan cannot be evaluated.
//!
//! ## Fails
//! ```text
//! plan mgt "Mentaal Gezond Twente" {
//!   period 2025-01-01 .. 2027-12-31
//! ```
//! ## Fixed
//! ```text
//!   rules overeenkomst-transformatieplan
//! ```

use super::{Check, Context, Sink};
use crate::diagnostic::Severity;

pub const CHECK: Check = Check {
    code: "C606",
    name: "rules-missing",
    severity: Severity::Warning,
    run,
    source: include_str!("rules_missing.rs"),
};

fn run(ctx: &Context, out: &mut Sink) {
    if ctx.plan.rules.is_none() {
        let d = out
            .report(crate::tr!("c606-message", plan = ctx.plan.id))
            .at(
                crate::source::Span::new(
                    ctx.plan.span.start,
                    ctx.plan.span.start.saturating_add(4),
                ),
                crate::tr!("c606-label"),
            )
            .with_help(crate::tr!("c606-help"));
        out.push(d);
    }
}
