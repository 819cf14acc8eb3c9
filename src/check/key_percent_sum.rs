//! # C404 key-percent-sum (info)
//!
//! Declared percentages that are each correctly rounded need not add up to
//! 100%: rounding fourteen shares to two decimals can give 100,01%. This is
//! reported as information, with the sum, so that nobody "corrects" a
//! correct figure; if the key declares its own percentage total (`declared
//! total 654.153 declared 100,00%`), the note shows both.
//!
//! ## Fails (reported as information)
//! ```text
//! almelo 74.776 declared 11,63%   // ... fourteen members summing to 100,01%
//! ```
//! ## Fixed
//! Nothing to fix when each percentage is correctly rounded; percentages that
//! add up to exactly 100% are not reported.

use rust_decimal::Decimal;

use super::tolerance::half_place;
use super::{Check, Context, Sink};
use crate::diagnostic::Severity;
use crate::model::checked::sum_decimal;
use crate::model::Percent;

pub const CHECK: Check = Check {
    code: "C404",
    name: "key-percent-sum",
    severity: Severity::Info,
    run,
    source: include_str!("key_percent_sum.rs"),
};

fn run(ctx: &Context, out: &mut Sink) {
    for key in &ctx.plan.keys {
        let declared: Vec<Percent> = key.members.iter().filter_map(|m| m.declared).collect();
        if declared.is_empty() || declared.len() != key.members.len() {
            continue;
        }
        let sum = match sum_decimal(declared.iter().map(|p| p.value())) {
            Ok(sum) => sum,
            Err(i) => {
                let span = key.members.get(i).map_or(key.span, |m| m.span);
                let d = out.overflow("A404", span, crate::tr!("a404-message", key = key.id));
                out.push(d);
                continue;
            }
        };
        if sum == Decimal::ONE_HUNDRED {
            continue;
        }
        let scale = declared
            .iter()
            .map(|p| p.value().scale())
            .max()
            .unwrap_or(0);
        let mut d = out
            .report(crate::tr!(
                "c404-message",
                key = key.id,
                sum = Percent::new(sum)
            ))
            .at(
                key.declared_total
                    .as_ref()
                    .map(|t| t.span)
                    .unwrap_or(key.span),
                crate::tr!("c404-label"),
            )
            .with_help(crate::tr!(
                "c404-help",
                scale = scale,
                half = Percent::new(half_place(scale))
            ));
        if let Some(total) = key.declared_total.as_ref().and_then(|t| t.declared) {
            if total.value() != sum {
                d = d.with_note(crate::tr!("c404-note-declared-total", total = total));
            }
        }
        out.push(d);
    }
}
