//! # C201 dependency-cycle (error)
//!
//! Milestones that depend on each other in a circle can never be achieved:
//! each waits for another. The whole cycle is reported.
//!
//! ## Fails
//! ```text
//! milestone 36 "fit-gap analyse" { after 37 ... }
//! milestone 37 "plan van aanpak" { after 36 ... }
//! ```
//! ## Fixed
//! ```text
//! milestone 36 "fit-gap analyse" { ... }
//! milestone 37 "plan van aanpak" { after 36 ... }
//! ```

use std::collections::HashSet;

// Kosaraju, not Tarjan: petgraph's Kosaraju walks with an explicit stack,
// so a chain of a million `after`s cannot overflow the call stack.
use petgraph::graphmap::DiGraphMap;

use super::{Check, Context, Sink};
use crate::diagnostic::Severity;
use crate::model::{MilestoneNo, Plan};

pub const CHECK: Check = Check {
    code: "C201",
    name: "dependency-cycle",
    severity: Severity::Error,
    run,
    source: include_str!("dependency_cycle.rs"),
};

/// The dependency graph: an edge from each milestone to what builds on it.
pub fn graph(plan: &Plan) -> DiGraphMap<MilestoneNo, ()> {
    let mut g = DiGraphMap::new();
    for m in &plan.milestones {
        g.add_node(m.number);
        for (dep, _) in &m.after {
            if plan.milestone(*dep).is_some() {
                g.add_edge(*dep, m.number, ());
            }
        }
    }
    g
}

fn run(ctx: &Context, out: &mut Sink) {
    let plan = ctx.plan;
    let g = ctx.dependencies();
    for scc in ctx.components() {
        let self_loop = scc.len() == 1 && scc.first().is_some_and(|n| g.contains_edge(*n, *n));
        if scc.len() < 2 && !self_loop {
            continue;
        }
        let mut scc = scc.clone();
        scc.sort();
        let cycle = order_cycle(g, &scc);
        let members: HashSet<MilestoneNo> = cycle.iter().copied().collect();
        let path: Vec<String> = cycle
            .iter()
            .chain(cycle.first())
            .map(|n| n.to_string())
            .collect();
        let Some(first) = cycle.first().and_then(|n| plan.milestone(*n)) else {
            continue;
        };
        let mut d = out
            .report(crate::tr!("c201-message", cycle = path.join(" → ")))
            .at(first.header_span, crate::tr!("c201-label"))
            .with_help(crate::tr!("c201-help"));
        for n in cycle.iter().skip(1) {
            if let Some(m) = plan.milestone(*n) {
                if let Some((_, span)) = m.after.iter().find(|(dep, _)| members.contains(dep)) {
                    d = d.also(*span, crate::tr!("c201-label-waits", milestone = n));
                }
            }
        }
        out.push(d);
    }
}

/// Orders a strongly connected set as one walk along its edges, from its
/// lowest number, so the message reads as the cycle it is.
fn order_cycle(g: &DiGraphMap<MilestoneNo, ()>, scc: &[MilestoneNo]) -> Vec<MilestoneNo> {
    let Some(start) = scc.first().copied() else {
        return Vec::new();
    };
    let members: HashSet<MilestoneNo> = scc.iter().copied().collect();
    let mut seen: HashSet<MilestoneNo> = HashSet::from([start]);
    let mut walk = vec![start];
    let mut current = start;
    while walk.len() < scc.len() {
        let mut next: Vec<MilestoneNo> = g
            .neighbors(current)
            .filter(|n| members.contains(n) && !seen.contains(n))
            .collect();
        next.sort();
        match next.first() {
            Some(n) => {
                walk.push(*n);
                seen.insert(*n);
                current = *n;
            }
            None => break,
        }
    }
    walk
}
