//! # C602 result-unmeasurable (warning)
//!
//! A result obligation (*resultaatverplichting*) is paid only if the result
//! is reached, so it needs a measurable target, or an explicit statement
//! that people judge it (`judged "..."`, e.g. a check among municipalities).
//! Otherwise the assessment becomes a matter of opinion.
//!
//! ## Fails
//! ```text
//! milestone 47 "..." { result  due 2027-03-31  ... }
//! ```
//! ## Fixed
//! ```text
//!   judged "stuurgroep met zorgverzekeraar, op basis van een uitvraag onder de gemeenten"
//! ```

use super::{Check, Context, Sink};
use crate::diagnostic::Severity;
use crate::model::Obligation;

pub const CHECK: Check = Check {
    code: "C602",
    name: "result-unmeasurable",
    severity: Severity::Warning,
    run,
    source: include_str!("result_unmeasurable.rs"),
};

fn run(ctx: &Context, out: &mut Sink) {
    for m in &ctx.plan.milestones {
        if m.obligation == Obligation::Result && m.targets.is_empty() && m.judged.is_none() {
            let d = out
                .report(crate::tr!("c602-message", milestone = m.number))
                .at(m.header_span, crate::tr!("c602-label"))
                .with_help(crate::tr!("c602-help"));
            out.push(d);
        }
    }
}
