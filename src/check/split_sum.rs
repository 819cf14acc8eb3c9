//! # C101 split-sum (error)
//!
//! A milestone's amount must equal the sum of its split over the streams,
//! to the cent. The split is what each financier pays; the amount is what
//! the milestone is worth. If they differ, one of them is wrong.
//!
//! Figures that another document declares (`declared by kpi_tabel ...`) are
//! rounded to that document's unit, so there the split may differ from the
//! total by the rounding of each figure (half a unit each).
//!
//! ## Fails
//! ```text
//! amount € 208.000 { iza € 98.500, spuk € 109.000 }
//! ```
//! ## Fixed
//! ```text
//! amount € 208.000 { iza € 98.500, spuk € 109.500 }
//! ```

use super::tolerance::half_unit;
use super::{Check, Context, Sink};
use crate::diagnostic::Severity;
use rust_decimal::Decimal;

use crate::model::checked::{distance, sum_money};
use crate::model::{Money, StreamAmounts};

pub const CHECK: Check = Check {
    code: "C101",
    name: "split-sum",
    severity: Severity::Error,
    run,
    source: include_str!("split_sum.rs"),
};

/// The sum of a split, or the span to blame when it overflows.
fn sum(s: &StreamAmounts) -> Option<Money> {
    sum_money(s.iter().map(|(_, m)| *m)).ok()
}

fn run(ctx: &Context, out: &mut Sink) {
    for m in &ctx.plan.milestones {
        if let Some(a) = &m.amount {
            if a.streams.is_empty() {
                continue;
            }
            let Some(streams) = sum(&a.streams) else {
                let d = out.overflow(
                    "A101",
                    a.span,
                    crate::tr!("a101-message", milestone = m.number),
                );
                out.push(d);
                continue;
            };
            if streams != a.total {
                let diff = distance(streams, a.total)
                    .map_or(crate::tr!("check-too-large-to-compute"), |d| d.to_string());
                let d = out
                    .report(crate::tr!(
                        "c101-message",
                        milestone = m.number,
                        streams = streams,
                        amount = a.total
                    ))
                    .at(a.span, crate::tr!("c101-label", diff = diff))
                    .with_help(crate::tr!("c101-help"));
                out.push(d);
            }
        }
        for d in &m.declared {
            if d.streams.is_empty() {
                continue;
            }
            // Each of the n+1 figures may be half a unit off.
            let figures = Decimal::from(d.streams.len()).saturating_add(Decimal::ONE);
            let allowed = half_unit(d.unit).checked_mul(figures);
            let streams = sum(&d.streams);
            let (Some(allowed), Some(streams)) = (allowed, streams) else {
                let f = out.overflow(
                    "A101",
                    d.span,
                    crate::tr!(
                        "a101-declared-message",
                        milestone = m.number,
                        document = d.by
                    ),
                );
                out.push(f);
                continue;
            };
            let Some(diff) = distance(streams, d.total) else {
                continue;
            };
            if diff > allowed {
                let doc = d.by.as_str();
                let f = out
                    .report(crate::tr!(
                        "c101-declared-message",
                        milestone = m.number,
                        document = doc,
                        streams = streams,
                        amount = d.total
                    ))
                    .at(
                        d.span,
                        crate::tr!("c101-declared-label", diff = diff, unit = d.unit),
                    )
                    .with_help(crate::tr!("c101-declared-help", document = doc));
                out.push(f);
            }
        }
    }
}
