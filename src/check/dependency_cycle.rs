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

use std::collections::{HashMap, HashSet};

// Kosaraju, not Tarjan: petgraph's Kosaraju walks with an explicit stack,
// so a chain of a million `after`s cannot overflow the call stack.
use petgraph::graph::{Graph, NodeIndex};

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
///
/// Held as petgraph's index-based `Graph` (adjacency lists, a bit set to
/// mark visits) rather than a `DiGraphMap`, whose every step hashes a
/// milestone number: at 100 000 milestones building the map and finding
/// its components were 6.7% of `check`. Nodes and edges are laid down so
/// that every walk meets them in the order the map would (see
/// [`Dependencies::from_edges`]), so the components come out exactly as
/// `kosaraju_scc` of the map gave them; a property test holds it to that.
pub struct Dependencies {
    graph: Graph<MilestoneNo, ()>,
    node: HashMap<MilestoneNo, NodeIndex>,
}

impl Dependencies {
    /// The graph of `plan`: each milestone, and an edge from each milestone
    /// it is `after` (that exists) to it.
    pub fn of(plan: &Plan) -> Dependencies {
        let mut steps = Vec::with_capacity(plan.milestones.len());
        for m in &plan.milestones {
            steps.push(Step::Node(m.number));
            for (dep, _) in &m.after {
                if plan.milestone(*dep).is_some() {
                    steps.push(Step::Edge(*dep, m.number));
                }
            }
        }
        Dependencies::from_edges(&steps)
    }

    /// The graph a `DiGraphMap` would be after `steps` (`add_node` and
    /// `add_edge` in that order). The map keeps nodes, and each node's edges
    /// out and in, in the order first added, an edge given again once; a
    /// `Graph` keeps nodes in that order too, but lists a node's edges
    /// newest first. So the edges are added in the reverse of the map's
    /// order, and every neighbour list reads in the map's order.
    pub fn from_edges(steps: &[Step]) -> Dependencies {
        let mut graph = Graph::new();
        let mut node: HashMap<MilestoneNo, NodeIndex> = HashMap::new();
        let mut seen: HashSet<(MilestoneNo, MilestoneNo)> = HashSet::new();
        let mut edges: Vec<(NodeIndex, NodeIndex)> = Vec::new();
        let mut add = |n: MilestoneNo, graph: &mut Graph<MilestoneNo, ()>| {
            *node.entry(n).or_insert_with(|| graph.add_node(n))
        };
        for step in steps {
            match *step {
                Step::Node(n) => {
                    add(n, &mut graph);
                }
                Step::Edge(from, to) => {
                    let a = add(from, &mut graph);
                    let b = add(to, &mut graph);
                    if seen.insert((from, to)) {
                        edges.push((a, b));
                    }
                }
            }
        }
        for (a, b) in edges.into_iter().rev() {
            graph.add_edge(a, b, ());
        }
        Dependencies { graph, node }
    }

    /// The milestones that build directly on `n`, in the order their edges
    /// were added.
    pub fn neighbors(&self, n: MilestoneNo) -> impl Iterator<Item = MilestoneNo> + '_ {
        self.node
            .get(&n)
            .into_iter()
            .flat_map(|i| self.graph.neighbors(*i))
            .filter_map(|i| self.graph.node_weight(i).copied())
    }

    pub fn contains_edge(&self, a: MilestoneNo, b: MilestoneNo) -> bool {
        match (self.node.get(&a), self.node.get(&b)) {
            (Some(a), Some(b)) => self.graph.contains_edge(*a, *b),
            _ => false,
        }
    }

    /// The strongly connected components, in reverse topological order:
    /// petgraph's `kosaraju_scc`.
    pub fn components(&self) -> Vec<Vec<MilestoneNo>> {
        petgraph::algo::kosaraju_scc(&self.graph)
            .into_iter()
            .map(|c| {
                c.into_iter()
                    .filter_map(|i| self.graph.node_weight(i).copied())
                    .collect()
            })
            .collect()
    }
}

/// One step of building a dependency graph: a node, or an edge (which adds
/// its ends when they are new).
#[derive(Debug, Clone, Copy)]
pub enum Step {
    Node(MilestoneNo),
    Edge(MilestoneNo, MilestoneNo),
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
fn order_cycle(g: &Dependencies, scc: &[MilestoneNo]) -> Vec<MilestoneNo> {
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

#[cfg(test)]
mod tests {
    use super::*;
    use petgraph::graphmap::DiGraphMap;

    /// Random build orders (nodes, edges to nodes not yet added, edges
    /// given twice, self-loops, cycles): the graph gives the components
    /// `kosaraju_scc` of a `DiGraphMap` built in the same order gives, in
    /// the same order and each in the same order, and the same neighbours.
    #[test]
    fn components_are_those_of_the_map() {
        let mut next = crate::test_files::seeded(11);
        for _ in 0..500 {
            let nodes = 1 + next(30);
            let mut steps = Vec::new();
            let mut map: DiGraphMap<MilestoneNo, ()> = DiGraphMap::new();
            for _ in 0..next(90) {
                let a = MilestoneNo(u32::try_from(next(nodes)).unwrap_or(0));
                let b = MilestoneNo(u32::try_from(next(nodes)).unwrap_or(0));
                if next(4) == 0 {
                    steps.push(Step::Node(a));
                    map.add_node(a);
                } else {
                    steps.push(Step::Edge(a, b));
                    map.add_edge(a, b, ());
                }
            }
            let graph = Dependencies::from_edges(&steps);
            assert_eq!(
                graph.components(),
                petgraph::algo::kosaraju_scc(&map),
                "{steps:?}"
            );
            for n in map.nodes() {
                let ours: Vec<MilestoneNo> = graph.neighbors(n).collect();
                let theirs: Vec<MilestoneNo> = map.neighbors(n).collect();
                assert_eq!(ours, theirs, "{steps:?}");
                for m in map.nodes() {
                    assert_eq!(graph.contains_edge(n, m), map.contains_edge(n, m));
                }
            }
        }
    }
}
