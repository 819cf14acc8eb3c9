//! # C405 key-subset (error)
//!
//! A subset key (`key grote_drie = inwoners only enschede, hengelo, almelo`)
//! takes its members' weights from the parent key, so each member must be a
//! member of the parent.
//!
//! ## Fails
//! ```text
//! key grote_drie = inwoners only enschede, hengelo, zorgaanbieders
//! ```
//! ## Fixed
//! ```text
//! key grote_drie = inwoners only enschede, hengelo, almelo
//! ```

use super::{Check, Context, Sink};
use crate::diagnostic::Severity;

pub const CHECK: Check = Check {
    code: "C405",
    name: "key-subset",
    severity: Severity::Error,
    run,
    source: include_str!("key_subset.rs"),
};

fn run(ctx: &Context, out: &mut Sink) {
    for key in &ctx.plan.keys {
        let Some(subset) = &key.subset_of else {
            continue;
        };
        let Some(parent) = ctx.plan.key(&subset.parent) else {
            continue;
        };
        for (party, span) in &subset.requested {
            if !parent.members.iter().any(|m| &m.party == party) {
                let d = out
                    .report(crate::tr!(
                        "c405-message",
                        party = party,
                        parent = parent.id,
                        key = key.id
                    ))
                    .at(*span, crate::tr!("c405-label"))
                    .also(parent.span, crate::tr!("c405-label-parent"))
                    .with_help(crate::tr!("c405-help", party = party, parent = parent.id));
                out.push(d);
            }
        }
    }
}
