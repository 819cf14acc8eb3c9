//! # C103 declared-amount (error)
//!
//! When another document declares a milestone's amount (the plan's KPI table
//! in € 1.000 next to Bijlage 3's whole euros), the two must agree within
//! the rounding of the declaring document: half its unit per figure. The
//! message says which document says what.
//!
//! ## Fails
//! ```text
//! document kpi_tabel "KPI-tabel (€ x1.000)" in € 1.000
//! milestone 47 "..." {
//!   amount € 305.000 { iza € 144.500, spuk € 160.500 }
//!   declared by kpi_tabel € 304 { iza € 144, spuk € 160 }
//! }
//! ```
//! ## Fixed
//! The documents agree once one of them is corrected (by an addendum):
//! ```text
//!   declared by kpi_tabel € 305 { iza € 144, spuk € 160 }
//! ```

use super::tolerance::half_unit;
use super::{Check, Context, Sink};
use crate::diagnostic::Severity;
use crate::model::checked::distance;
use crate::model::Money;

pub const CHECK: Check = Check {
    code: "C103",
    name: "declared-amount",
    severity: Severity::Error,
    run,
    source: include_str!("declared_amount.rs"),
};

fn run(ctx: &Context, out: &mut Sink) {
    for m in &ctx.plan.milestones {
        let Some(amount) = &m.amount else { continue };
        for d in &m.declared {
            let allowed = half_unit(d.unit);
            // The figure as the document prints it; the unit is never zero (L016).
            let scaled = |x: Money| {
                x.amount()
                    .checked_div(d.unit.amount())
                    .map_or(x, Money::new)
            };
            let mut rows = vec![(crate::tr!("c103-what-amount"), amount.total, d.total)];
            for (s, declared) in &d.streams {
                rows.push((
                    crate::tr!("c103-what-stream", stream = s),
                    m.stream_amount(s),
                    *declared,
                ));
            }
            for (what, ours, theirs) in rows {
                let Some(diff) = distance(ours, theirs) else {
                    continue;
                };
                if diff > allowed {
                    let doc = ctx
                        .plan
                        .document(&d.by)
                        .map(|x| x.title.as_str())
                        .unwrap_or(d.by.as_str());
                    let f = out
                        .report(crate::tr!(
                            "c103-message",
                            milestone = m.number,
                            what = what,
                            ours = ours,
                            document = d.by,
                            units = scaled(theirs),
                            unit = d.unit,
                            theirs = theirs
                        ))
                        .at(d.span, crate::tr!("c103-label", diff = diff, unit = d.unit))
                        .also(amount.span, crate::tr!("c103-label-amount"))
                        .with_help(crate::tr!("c103-help"))
                        .with_note(crate::tr!("c103-note", document = d.by, title = doc));
                    out.push(f);
                }
            }
        }
    }
}
