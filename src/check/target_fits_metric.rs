//! # C501 target-fits-metric (error)
//!
//! A target must fit its metric: a `count` target counts events of a
//! `count` metric over a window; a `share` divides one count metric
//! (numerator) by another (denominator); a `level` target compares a `level`
//! metric measured at a date. A share of a metric by itself is always 100%.
//!
//! ## Fails
//! ```text
//! metric wachtlijst "Omvang ggz-wachtlijst" level
//! target count wachtlijst from 2026-01-01 >= 100
//! ```
//! ## Fixed
//! ```text
//! target level wachtlijst at 2026-07-01 <= baseline 3 - 155
//! ```

use std::collections::HashMap;

use super::{Check, Context, Sink};
use crate::diagnostic::Severity;
use crate::model::{MetricId, MetricKind, TargetKind};

pub const CHECK: Check = Check {
    code: "C501",
    name: "target-fits-metric",
    severity: Severity::Error,
    run,
    source: include_str!("target_fits_metric.rs"),
};

fn run(ctx: &Context, out: &mut Sink) {
    // By name from a map: a plan may declare thousands of metrics.
    let kinds: HashMap<&MetricId, MetricKind> = ctx
        .plan
        .metrics
        .iter()
        .rev()
        .map(|m| (&m.id, m.kind))
        .collect();
    let kind_of = |id: &MetricId| kinds.get(id).copied();
    for m in &ctx.plan.milestones {
        for t in &m.targets {
            let (wanted, metrics): (MetricKind, Vec<&MetricId>) = match &t.kind {
                TargetKind::Count { metric, .. } => (MetricKind::Count, vec![metric]),
                TargetKind::Share {
                    numerator,
                    denominator,
                    ..
                } => {
                    if numerator == denominator {
                        let d = out
                            .report(crate::tr!(
                                "c501-share-message",
                                milestone = m.number,
                                metric = numerator
                            ))
                            .at(t.span, crate::tr!("c501-share-label"))
                            .with_help(crate::tr!("c501-share-help"));
                        out.push(d);
                    }
                    (MetricKind::Count, vec![numerator, denominator])
                }
                TargetKind::Level { metric, .. } => (MetricKind::Level, vec![metric]),
            };
            for metric in metrics {
                if kind_of(metric).is_some_and(|k| k != wanted) {
                    // The metric is of the other kind than the target wants.
                    let (message, help) = match wanted {
                        MetricKind::Count => ("c501-level-message", "c501-level-help"),
                        MetricKind::Level => ("c501-count-message", "c501-count-help"),
                    };
                    let d = out
                        .report(crate::tr!(message, milestone = m.number, metric = metric))
                        .at(t.span, crate::tr!("c501-label"))
                        .with_help(crate::tr!(help));
                    out.push(d);
                }
            }
        }
    }
}
