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
                .report(format!("key `{}` has no members", key.id))
                .at(key.span, "empty key")
                .with_help("list each party with its weight, one per line");
            out.push(d);
        }
        if let Err(span) = key.total_weight() {
            let d = out.overflow(
                "A401",
                span,
                format!("the weights of key `{}` are too large to add up", key.id),
            );
            out.push(d);
        }
        for m in &key.members {
            if m.weight <= rust_decimal::Decimal::ZERO {
                let d = out
                    .report(format!(
                        "`{}` has weight {} in key `{}`; weights must be positive",
                        m.party, m.weight, key.id
                    ))
                    .at(m.span, "not positive")
                    .with_help("give the member its real weight, or leave it out of the key");
                out.push(d);
            }
        }
    }
}
