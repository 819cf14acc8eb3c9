//! # C402 key-declared-total (error)
//!
//! A key's declared total (`declared total 654.153`, as the source table
//! prints it) must equal the sum of its weights. When the declared
//! percentages fit the real sum, the note says so: then the total is the
//! figure that is off, not the members.
//!
//! ## Fails
//! ```text
//! key inwoners "Inwoners" {
//!   almelo 74.776 declared 11,63%
//!   ...
//!   declared total 654.153
//! }
//! // the 14 counts add up to 643.153
//! ```
//! ## Fixed
//! ```text
//!   declared total 643.153
//! ```

use rust_decimal::Decimal;

use super::tolerance::round_like;
use super::{Check, Context, Sink};
use crate::diagnostic::Severity;
use crate::model::checked::percent_of;
use crate::model::money::dutch;
use crate::model::Key;

pub const CHECK: Check = Check {
    code: "C402",
    name: "key-declared-total",
    severity: Severity::Error,
    run,
    source: include_str!("key_declared_total.rs"),
};

/// Whether every declared percentage equals the share computed on `total`.
fn percentages_fit(key: &Key, total: Decimal) -> bool {
    !total.is_zero()
        && key.members.iter().any(|m| m.declared.is_some())
        && key.members.iter().all(|m| match m.declared {
            Some(p) => {
                percent_of(m.weight, total).is_some_and(|s| round_like(s, p.value()) == p.value())
            }
            None => true,
        })
}

fn run(ctx: &Context, out: &mut Sink) {
    for key in &ctx.plan.keys {
        let Some(declared) = &key.declared_total else {
            continue;
        };
        // An overflowing sum is C401's finding (A401).
        let Ok(sum) = key.total_weight() else {
            continue;
        };
        if sum == declared.total {
            continue;
        }
        let mut d = out
            .report(crate::tr!(
                "c402-message",
                key = key.id,
                sum = dutch(sum, false),
                declared = dutch(declared.total, false)
            ))
            .at(
                declared.span,
                crate::tr!(
                    "c402-label",
                    diff = sum.checked_sub(declared.total).map_or(
                        crate::tr!("check-too-large-to-compute"),
                        |d| dutch(d.abs(), false)
                    )
                ),
            )
            .with_help(crate::tr!("c402-help"));
        if percentages_fit(key, sum) && !percentages_fit(key, declared.total) {
            d = d.with_note(crate::tr!(
                "c402-note",
                sum = dutch(sum, false),
                declared = dutch(declared.total, false)
            ));
        }
        out.push(d);
    }
}
