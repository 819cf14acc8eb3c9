//! # C601 evidence-missing (error)
//!
//! Every milestone that carries money needs the evidence (*bewijslast*) by
//! which the steering group and the insurers will judge it. Without it,
//! nobody can say what "achieved" means.
//!
//! ## Fails
//! ```text
//! milestone 7 "Er is een tactisch mediaplan opgeleverd." { effort  due 2026-06-30  amount € 988.000 ... }
//! ```
//! ## Fixed
//! ```text
//!   evidence "Tactisch mediaplan"
//! ```

use super::{Check, Context, Sink};
use crate::diagnostic::Severity;

pub const CHECK: Check = Check {
    code: "C601",
    name: "evidence-missing",
    severity: Severity::Error,
    run,
    source: include_str!("evidence_missing.rs"),
};

fn run(ctx: &Context, out: &mut Sink) {
    for m in &ctx.plan.milestones {
        if !m.total().is_zero() && m.evidence.iter().all(|e| e.trim().is_empty()) {
            let d = out
                .report(crate::tr!(
                    "c601-message",
                    milestone = m.number,
                    amount = m.total()
                ))
                .at(m.header_span, crate::tr!("c601-label"))
                .with_help(crate::tr!("c601-help"));
            out.push(d);
        }
    }
}
