//! # C604 payout-missing (error)
//!
//! Money in a stream must go somewhere: each stream amount of a milestone
//! needs a recipient, a party (regional work, to the regional body) or a key
//! (local work, to the municipalities by population), given on the milestone
//! (`payout spuk to inwoners`) or as the plan's default (`default payout
//! spuk to twentse_koers`). A key that receives money must have members.
//!
//! ## Fails
//! ```text
//! stream spuk "SPUK" paid-by enschede
//! milestone 11 "..." { amount € 208.000 { iza € 98.500, spuk € 109.500 } }   // no payout for spuk
//! ```
//! ## Fixed
//! ```text
//! default payout spuk to twentse_koers
//! ```

use super::{Check, Context, Sink};
use crate::diagnostic::Severity;
use crate::model::Recipient;

pub const CHECK: Check = Check {
    code: "C604",
    name: "payout-missing",
    severity: Severity::Error,
    run,
    source: include_str!("payout_missing.rs"),
};

fn run(ctx: &Context, out: &mut Sink) {
    let plan = ctx.plan;
    for m in &plan.milestones {
        let Some(a) = &m.amount else { continue };
        for (stream, amount) in &a.streams {
            if amount.is_zero() {
                continue;
            }
            match m.payout_for(stream) {
                None => {
                    let d = out
                        .report(crate::tr!(
                            "c604-message",
                            milestone = m.number,
                            amount = amount,
                            stream = stream
                        ))
                        .at(a.span, crate::tr!("c604-label"))
                        .with_help(crate::tr!("c604-help", stream = stream));
                    out.push(d);
                }
                Some(p) => {
                    if let Recipient::Key(k) = &p.to {
                        if plan.key(k).is_some_and(|key| key.members.is_empty()) {
                            let d = out
                                .report(crate::tr!(
                                    "c604-empty-key-message",
                                    milestone = m.number,
                                    stream = stream,
                                    key = k
                                ))
                                .at(p.span, crate::tr!("c604-empty-key-label"))
                                .with_help(crate::tr!("c604-empty-key-help"));
                            out.push(d);
                        }
                    }
                }
            }
        }
    }
}
