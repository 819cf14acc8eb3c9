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
    let kind_of = |id: &MetricId| ctx.plan.metric(id).map(|m| m.kind);
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
                            .report(format!("milestone {}: a share of `{numerator}` in itself is always 100%", m.number))
                            .at(t.span, "same metric twice")
                            .with_help("a share divides the count of a subgroup by the count of the whole: `share naar_sggz of gesprekken`");
                        out.push(d);
                    }
                    (MetricKind::Count, vec![numerator, denominator])
                }
                TargetKind::Level { metric, .. } => (MetricKind::Level, vec![metric]),
            };
            for metric in metrics {
                if kind_of(metric).is_some_and(|k| k != wanted) {
                    let (is, needs) = match wanted {
                        MetricKind::Count => ("a level", "`target level METRIC at DATE ...`"),
                        MetricKind::Level => {
                            ("a count", "`target count METRIC from DATE >= N` or a share")
                        }
                    };
                    let d = out
                        .report(format!("milestone {}: `{metric}` is {is} metric and does not fit this target", m.number))
                        .at(t.span, "wrong kind of target")
                        .with_help(format!("for {is} metric write {needs}, or declare the metric with the other kind"));
                    out.push(d);
                }
            }
        }
    }
}
