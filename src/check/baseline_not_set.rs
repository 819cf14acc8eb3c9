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
    // Which baselines each milestone builds on, found in one pass over the
    // dependency graph (a search per target was quadratic on large plans);
    // with very many baseline milestones, one search per baseline instead.
    let reach = Reach::of(graph, ctx.components(), &baseline_milestones(plan));
    let mut searched: HashMap<MilestoneNo, HashSet<MilestoneNo>> = HashMap::new();
    let mut builds_on = |base: MilestoneNo, m: MilestoneNo| match &reach {
        Some(r) => r.builds_on(m, base),
        None => searched
            .entry(base)
            .or_insert_with(|| reachable(graph, base))
            .contains(&m),
    };
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
                Some(_) if !builds_on(*milestone, m.number) => {
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

/// The milestones whose baselines level targets compare with, each once.
fn baseline_milestones(plan: &crate::model::Plan) -> Vec<MilestoneNo> {
    let mut out: Vec<MilestoneNo> = plan
        .milestones
        .iter()
        .flat_map(|m| &m.targets)
        .filter_map(|t| match &t.kind {
            TargetKind::Level {
                rhs: LevelRhs::Baseline { milestone, .. },
                ..
            } => Some(*milestone),
            _ => None,
        })
        .collect();
    out.sort();
    out.dedup();
    out
}

/// For every milestone, which of a set of baseline milestones it builds on
/// (directly, through others, or by being one): one pass over the
/// strongly connected components in topological order, each holding the
/// union of the sets of the components with an edge into it plus its own
/// baselines, as bits. Within a cycle every milestone reaches every other,
/// so its members share one set.
struct Reach {
    component: HashMap<MilestoneNo, usize>,
    /// Per component, a bit per baseline milestone.
    sets: Vec<Vec<u64>>,
    bit: HashMap<MilestoneNo, usize>,
}

impl Reach {
    /// The most baseline milestones kept as bits (a set per component of
    /// at most 1024 bits); beyond, `None`: a search per baseline instead.
    const MAX_BASES: usize = 1024;

    /// `components`: those of `graph`, in reverse topological order.
    fn of(
        graph: &DiGraphMap<MilestoneNo, ()>,
        components: &[Vec<MilestoneNo>],
        bases: &[MilestoneNo],
    ) -> Option<Reach> {
        if bases.len() > Self::MAX_BASES {
            return None;
        }
        let words = bases.len().div_ceil(64);
        let bit: HashMap<MilestoneNo, usize> =
            bases.iter().enumerate().map(|(i, b)| (*b, i)).collect();
        let component: HashMap<MilestoneNo, usize> = components
            .iter()
            .enumerate()
            .flat_map(|(i, c)| c.iter().map(move |n| (*n, i)))
            .collect();
        let mut sets = vec![vec![0u64; words]; components.len()];
        // kosaraju_scc gives the components in reverse topological order:
        // walking it backwards visits every component after all that lead
        // into it.
        for (i, members) in components.iter().enumerate().rev() {
            let mut set = std::mem::take(sets.get_mut(i)?);
            for n in members {
                if let Some(b) = bit.get(n) {
                    *set.get_mut(b / 64)? |= 1u64 << (b % 64);
                }
            }
            for n in members {
                for next in graph.neighbors(*n) {
                    let Some(&j) = component.get(&next) else {
                        continue;
                    };
                    if j == i {
                        continue;
                    }
                    for (to, from) in sets.get_mut(j)?.iter_mut().zip(&set) {
                        *to |= *from;
                    }
                }
            }
            *sets.get_mut(i)? = set;
        }
        Some(Reach {
            component,
            sets,
            bit,
        })
    }

    /// Whether `m` builds on `base` (or is it).
    fn builds_on(&self, m: MilestoneNo, base: MilestoneNo) -> bool {
        if m == base {
            return true;
        }
        let (Some(c), Some(b)) = (self.component.get(&m), self.bit.get(&base)) else {
            return false;
        };
        self.sets
            .get(*c)
            .and_then(|set| set.get(b / 64))
            .is_some_and(|w| w & (1u64 << (b % 64)) != 0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The one pass agrees with a search from each baseline, on graphs
    /// with chains, branches, cycles and self-loops.
    #[test]
    fn one_pass_reach_is_the_search() {
        let mut seed: u64 = 7;
        let mut next = |n: u64| {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (seed >> 33) % n
        };
        for round in 0..200 {
            let nodes = 1 + next(40) as u32;
            let mut g = DiGraphMap::new();
            for n in 0..nodes {
                g.add_node(MilestoneNo(n));
            }
            for _ in 0..next(u64::from(nodes) * 2) {
                let (a, b) = (next(u64::from(nodes)) as u32, next(u64::from(nodes)) as u32);
                // Mostly forward edges, some back: cycles now and then.
                if a <= b || round % 3 == 0 {
                    g.add_edge(MilestoneNo(a), MilestoneNo(b), ());
                }
            }
            let bases: Vec<MilestoneNo> = (0..nodes)
                .filter(|_| next(3) == 0)
                .map(MilestoneNo)
                .collect();
            let components = petgraph::algo::kosaraju_scc(&g);
            let reach = Reach::of(&g, &components, &bases).unwrap();
            for b in &bases {
                let searched = reachable(&g, *b);
                for m in 0..nodes {
                    let m = MilestoneNo(m);
                    assert_eq!(
                        reach.builds_on(m, *b),
                        searched.contains(&m),
                        "round {round}: {b:?} -> {m:?}"
                    );
                }
            }
        }
    }
}
