//! # C401 key-weights (error)
//!
//! A distribution key divides money and risk by its weights, so every weight
//! must be positive and the key must have members. A zero weight gives a
//! member nothing while still naming it; a key without members cannot
//! divide anything.
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
