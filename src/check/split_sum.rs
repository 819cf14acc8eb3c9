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
use crate::model::{Money, StreamAmounts};

pub const CHECK: Check = Check {
    code: "C101",
    name: "split-sum",
    severity: Severity::Error,
    run,
    source: include_str!("split_sum.rs"),
};

fn sum(s: &StreamAmounts) -> Money {
    s.iter().map(|(_, m)| *m).sum()
}

fn run(ctx: &Context, out: &mut Sink) {
    for m in &ctx.plan.milestones {
        if let Some(a) = &m.amount {
            if !a.streams.is_empty() && sum(&a.streams) != a.total {
                let d = out
                    .report(format!(
                        "milestone {}: the streams add up to {}, but the amount is {}",
                        m.number,
                        sum(&a.streams),
                        a.total
                    ))
                    .at(
                        a.span,
                        format!("differs by {}", (sum(&a.streams) - a.total).abs()),
                    )
                    .with_help(
                        "make the split add up to the amount exactly, or correct the amount",
                    );
                out.push(d);
            }
        }
        for d in &m.declared {
            if d.streams.is_empty() {
                continue;
            }
            // Each of the n+1 figures may be half a unit off.
            let allowed = Money::new(
                half_unit(d.unit).amount()
                    * rust_decimal::Decimal::from(d.streams.len() as u64 + 1),
            );
            let diff = (sum(&d.streams) - d.total).abs();
            if diff > allowed {
                let doc = d.by.as_str();
                let f = out
                    .report(format!(
                        "milestone {}: in `{doc}` the streams add up to {}, but its amount is {}",
                        m.number,
                        sum(&d.streams),
                        d.total
                    ))
                    .at(d.span, format!("differs by {diff}, more than rounding to {} explains", d.unit))
                    .with_help(format!("copy the figures of `{doc}` again; they do not add up even allowing for its rounding"));
                out.push(f);
            }
        }
    }
}
