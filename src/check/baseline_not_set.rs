//! # C203 baseline-not-set (error)
//!
//! A level target against a baseline (`target level wachtlijst at 2026-07-01
//! <= baseline 3 - 155`) needs milestone 3 to set that baseline
//! (`sets baseline wachtlijst at 2025-07-01`), measured no later than the
//! target's own measurement date. It should also build on that milestone,
//! directly or through others (a warning otherwise).
//!
//! ## Fails
//! ```text
//! milestone 3 "0-meting" { ... }                       // sets no baseline
//! milestone 4 "..." { target level wachtlijst at 2026-07-01 <= baseline 3 - 155 }
//! ```
//! ## Fixed
//! ```text
//! milestone 3 "0-meting" { sets baseline wachtlijst at 2025-07-01 ... }
//! milestone 4 "..." { after 3  target level wachtlijst at 2026-07-01 <= baseline 3 - 155 }
//! ```

use std::collections::{HashMap, HashSet};

use petgraph::graphmap::DiGraphMap;
use petgraph::visit::Dfs;

use super::{Check, Context, Sink};
use crate::diagnostic::Severity;
use crate::model::{LevelRhs, MilestoneNo, TargetKind};

pub const CHECK: Check = Check {
    code: "C203",
    name: "baseline-not-set",
    severity: Severity::Error,
    run,
    source: include_str!("baseline_not_set.rs"),
};

fn run(ctx: &Context, out: &mut Sink) {
    let plan = ctx.plan;
    let graph = ctx.dependencies();
    // What each baseline milestone reaches, found once per baseline (a
    // search per target was quadratic on large plans).
    let mut reach: HashMap<MilestoneNo, HashSet<MilestoneNo>> = HashMap::new();
    for m in &plan.milestones {
        for t in &m.targets {
            let TargetKind::Level {
                metric,
                at,
                rhs: LevelRhs::Baseline {
                    milestone, span, ..
                },
                ..
            } = &t.kind
            else {
                continue;
            };
            let Some(base) = plan.milestone(*milestone) else {
                continue;
            };
            match base.baselines.iter().find(|b| &b.metric == metric) {
                None => {
                    let d = out
                        .report(format!("milestone {} compares `{metric}` with the baseline of milestone {milestone}, which sets no baseline for it", m.number))
                        .at(*span, "no such baseline")
                        .also(base.header_span, format!("milestone {milestone} sets none"))
                        .with_help(format!("add `sets baseline {metric} at DATE` to milestone {milestone}, or refer to the milestone that does"));
                    out.push(d);
                }
                Some(b) if b.at > *at => {
                    let d = out
                        .report(format!("milestone {}'s baseline for `{metric}` is measured {}, after the target's measurement date {at}", m.number, b.at))
                        .at(*span, "baseline comes later")
                        .also(b.span, "measured here")
                        .with_help("a baseline is the starting point: measure it before the level it is compared with");
                    out.push(d);
                }
                Some(_)
                    if !reach
                        .entry(*milestone)
                        .or_insert_with(|| reachable(graph, *milestone))
                        .contains(&m.number) =>
                {
                    let d = out
                        .report_as(Severity::Warning, format!("milestone {} uses the baseline of milestone {milestone} but does not build on it", m.number))
                        .at(*span, "uses this baseline")
                        .with_help(format!("add `after {milestone}` (directly or through milestones it builds on) so that the order is checked"));
                    out.push(d);
                }
                Some(_) => {}
            }
        }
    }
}

/// The milestones that build on `from`, directly or through others
/// (iterative depth-first search).
fn reachable(graph: &DiGraphMap<MilestoneNo, ()>, from: MilestoneNo) -> HashSet<MilestoneNo> {
    let mut dfs = Dfs::new(graph, from);
    let mut seen = HashSet::new();
    while let Some(n) = dfs.next(graph) {
        seen.insert(n);
    }
    seen
}
