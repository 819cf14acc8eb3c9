//! # C403 key-declared-percent (error)
//!
//! Each percentage a key declares (`almelo 74.776 declared 11,63%`) must be
//! the member's share of the key's weights, rounded to the precision it is
//! declared with (11,63% is compared at two decimals, 12% at none).
//!
//! ## Fails
//! ```text
//! aastad  30.000 declared 70%    // 30.000 of 40.000 is 75%
//! beedorp 10.000 declared 25%
//! ```
//! ## Fixed
//! ```text
//! aastad  30.000 declared 75%
//! ```

use rust_decimal::Decimal;

use super::tolerance::round_like;
use super::{Check, Context, Sink};
use crate::diagnostic::Severity;
use crate::model::checked::percent_of;
use crate::model::Percent;

pub const CHECK: Check = Check {
    code: "C403",
    name: "key-declared-percent",
    severity: Severity::Error,
    run,
    source: include_str!("key_declared_percent.rs"),
};

fn run(ctx: &Context, out: &mut Sink) {
    for key in &ctx.plan.keys {
        // An overflowing sum is C401's finding (A401).
        let Ok(total) = key.total_weight() else {
            continue;
        };
        if total <= Decimal::ZERO {
            continue;
        }
        for m in &key.members {
            let Some(declared) = m.declared else { continue };
            let Some(share) = percent_of(m.weight, total) else {
                continue;
            };
            let rounded = round_like(share, declared.value());
            if rounded != declared.value() {
                let d = out
                    .report(crate::tr!(
                        "c403-message",
                        party = m.party,
                        declared = declared,
                        key = key.id,
                        share = Percent::new(rounded)
                    ))
                    .at(
                        m.span,
                        crate::tr!("c403-label", share = Percent::new(share.round_dp(4))),
                    )
                    .with_help(crate::tr!("c403-help"));
                out.push(d);
            }
        }
    }
}
