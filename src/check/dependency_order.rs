//! # C202 dependency-order (error; warning for equal dates)
//!
//! A milestone must not be due before a milestone it builds on: the plan of
//! approach cannot be finished before the analysis it is based on. When both
//! are due on the same day there is no slack at all: that is a warning,
//! since any delay in the first makes the second late too.
//!
//! ## Fails
//! ```text
//! milestone 44 "fit-gap analyse" { due 2026-03-31 ... }
//! milestone 45 "werkafspraken, gebaseerd op de fit-gap analyse" { after 44  due 2026-03-31 ... }
//! ```
//! ## Fixed
//! ```text
//! milestone 45 "..." { after 44  due 2026-06-30 ... }
//! ```

use super::{Check, Context, Sink};
use crate::diagnostic::Severity;
use crate::model::MilestoneNo;

pub const CHECK: Check = Check {
    code: "C202",
    name: "dependency-order",
    severity: Severity::Error,
    run,
    source: include_str!("dependency_order.rs"),
};

fn run(ctx: &Context, out: &mut Sink) {
    let plan = ctx.plan;
    // Edges inside a cycle are reported by C201; their order is moot.
    let in_cycle: std::collections::HashSet<MilestoneNo> = ctx
        .components()
        .iter()
        .filter(|c| c.len() > 1)
        .flatten()
        .copied()
        .collect();
    for m in &plan.milestones {
        let Some(due) = m.due else { continue };
        for (dep, span) in &m.after {
            let Some(before) = plan.milestone(*dep) else {
                continue;
            };
            let Some(dep_due) = before.due else { continue };
            if in_cycle.contains(dep) && in_cycle.contains(&m.number) {
                continue;
            }
            if due < dep_due {
                let d = out
                    .report(crate::tr!(
                        "c202-message",
                        milestone = m.number,
                        due = due,
                        dependency = dep,
                        dependency_due = dep_due
                    ))
                    .at(*span, crate::tr!("c202-label", dependency = dep))
                    .also(
                        m.due_span.unwrap_or(m.header_span),
                        crate::tr!("c202-label-earlier"),
                    )
                    .with_help(crate::tr!(
                        "c202-help",
                        milestone = m.number,
                        dependency_due = dep_due
                    ));
                out.push(d);
            } else if due == dep_due {
                let d = out
                    .report_as(
                        Severity::Warning,
                        crate::tr!(
                            "c202-same-day-message",
                            milestone = m.number,
                            dependency = dep,
                            due = due
                        ),
                    )
                    .at(*span, crate::tr!("c202-label", dependency = dep))
                    .also(
                        m.due_span.unwrap_or(m.header_span),
                        crate::tr!("c202-same-day-label"),
                    )
                    .with_help(crate::tr!("c202-same-day-help"));
                out.push(d);
            }
        }
    }
}
