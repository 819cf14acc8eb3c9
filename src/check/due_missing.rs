//! # C301 due-missing (error)
//!
//! Every milestone needs a due date (*geplande datum*): the assessment
//! window, payment and repayment all count from it.
//!
//! ## Fails
//! ```text
//! milestone 7 "Tactisch mediaplan" { effort  amount € 988.000 ... }
//! ```
//! ## Fixed
//! ```text
//! milestone 7 "Tactisch mediaplan" { effort  due 2026-06-30  amount € 988.000 ... }
//! ```

use super::{Check, Context, Sink};
use crate::diagnostic::Severity;

pub const CHECK: Check = Check {
    code: "C301",
    name: "due-missing",
    severity: Severity::Error,
    run,
    source: include_str!("due_missing.rs"),
};

fn run(ctx: &Context, out: &mut Sink) {
    for m in ctx.plan.milestones.iter().filter(|m| m.due_span.is_none()) {
        let d = out
            .report(crate::tr!("c301-message", milestone = m.number))
            .at(m.header_span, crate::tr!("c301-label"))
            .with_help(crate::tr!("c301-help"));
        out.push(d);
    }
}
