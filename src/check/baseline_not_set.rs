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
                        .report(crate::tr!(
                            "c203-message",
                            milestone = m.number,
                            metric = metric,
                            base = milestone
                        ))
                        .at(*span, crate::tr!("c203-label"))
                        .also(
                            base.header_span,
                            crate::tr!("c203-label-base", base = milestone),
                        )
                        .with_help(crate::tr!("c203-help", metric = metric, base = milestone));
                    out.push(d);
                }
                Some(b) if b.at > *at => {
                    let d = out
                        .report(crate::tr!(
                            "c203-later-message",
                            milestone = m.number,
                            metric = metric,
                            measured = b.at,
                            at = at
                        ))
                        .at(*span, crate::tr!("c203-later-label"))
                        .also(b.span, crate::tr!("c203-later-label-measured"))
                        .with_help(crate::tr!("c203-later-help"));
                    out.push(d);
                }
                Some(_)
                    if !reach
                        .entry(*milestone)
                        .or_insert_with(|| reachable(graph, *milestone))
                        .contains(&m.number) =>
                {
                    let d = out
                        .report_as(
                            Severity::Warning,
                            crate::tr!(
                                "c203-unordered-message",
                                milestone = m.number,
                                base = milestone
                            ),
                        )
                        .at(*span, crate::tr!("c203-unordered-label"))
                        .with_help(crate::tr!("c203-unordered-help", base = milestone));
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
