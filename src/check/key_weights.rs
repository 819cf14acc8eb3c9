//! # C401 key-weights (error)
//!
//! A distribution key divides money and risk by its weights, so every weight
//! must be positive and the key must have members. A zero weight gives a
//! member nothing while still naming it; a key without members cannot
//! divide anything. Weights whose sum is too large to hold exactly (more
//! than 28 significant digits) are reported as A401 at the member that
//! made the sum overflow; the other key checks then say nothing of the key.
//!
//! ## Fails
//! ```text
//! key inwoners "Inwoners" {
//!   almelo 0
//! }
//! ```
//! ## Fixed
//! ```text
//! key inwoners "Inwoners" {
//!   almelo 74.776
//! }
//! ```

use super::{Check, Context, Sink};
use crate::diagnostic::Severity;

pub const CHECK: Check = Check {
    code: "C401",
    name: "key-weights",
    severity: Severity::Error,
    run,
    source: include_str!("key_weights.rs"),
};

fn run(ctx: &Context, out: &mut Sink) {
    for key in &ctx.plan.keys {
        if key.members.is_empty()
            && key
                .subset_of
                .as_ref()
                .is_none_or(|s| s.requested.is_empty())
        {
            let d = out
                .report(crate::tr!("c401-message", key = key.id))
                .at(key.span, crate::tr!("c401-label"))
                .with_help(crate::tr!("c401-help"));
            out.push(d);
        }
        if let Err(span) = key.total_weight() {
            let d = out.overflow("A401", span, crate::tr!("a401-message", key = key.id));
            out.push(d);
        }
        for m in &key.members {
            if m.weight <= rust_decimal::Decimal::ZERO {
                let d = out
                    .report(crate::tr!(
                        "c401-weight-message",
                        party = m.party,
                        weight = m.weight,
                        key = key.id
                    ))
                    .at(m.span, crate::tr!("c401-weight-label"))
                    .with_help(crate::tr!("c401-weight-help"));
                out.push(d);
            }
        }
    }
}
