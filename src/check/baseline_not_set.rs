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

use super::dependency_cycle::Dependencies;
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
    // Which baselines each milestone builds on, answered for every pair a
    // target asks about at once: a pass over the dependency graph's
    // components per `Reach::CHUNK` baseline milestones (a search per
    // target, or per baseline, was quadratic on large plans).
    let asked = asked(plan);
    let answers = Reach::answers(ctx.dependencies(), ctx.components(), &asked);
    let builds_on = |base: MilestoneNo, m: MilestoneNo| answers.contains(&(base, m));
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
/// (iterative depth-first search): what [`Reach`] answers, for its test.
#[cfg(test)]
fn reachable(
    graph: &petgraph::graphmap::DiGraphMap<MilestoneNo, ()>,
    from: MilestoneNo,
) -> HashSet<MilestoneNo> {
    let mut dfs = petgraph::visit::Dfs::new(graph, from);
    let mut seen = HashSet::new();
    while let Some(n) = dfs.next(graph) {
        seen.insert(n);
    }
    seen
}

/// Each (baseline milestone, milestone) pair a level target compares: the
/// milestone with the target and the one whose baseline it names.
fn asked(plan: &crate::model::Plan) -> Vec<(MilestoneNo, MilestoneNo)> {
    plan.milestones
        .iter()
        .flat_map(|m| m.targets.iter().map(move |t| (t, m.number)))
        .filter_map(|(t, m)| match &t.kind {
            TargetKind::Level {
                rhs: LevelRhs::Baseline { milestone, .. },
                ..
            } => Some((*milestone, m)),
            _ => None,
        })
        .collect()
}

/// For every milestone, which of a set of baseline milestones it builds on
/// (directly, through others, or by being one): one pass over the
/// strongly connected components in topological order, each holding the
/// union of the sets of the components with an edge into it plus its own
/// baselines, as bits. Within a cycle every milestone reaches every other,
/// so its members share one set.
struct Reach {
    /// Per component of the band (from `low` up), `words` words: a bit per
    /// baseline milestone.
    sets: Vec<u64>,
    words: usize,
    bit: HashMap<MilestoneNo, usize>,
    /// The lowest component of the band the sets cover.
    low: usize,
}

impl Reach {
    /// Baseline milestones per pass: the sets of one pass are 32 bytes a
    /// component, whatever the number of baselines.
    const CHUNK: usize = 256;

    /// The pairs of `asked` (baseline milestone, milestone) where the
    /// milestone builds on the baseline milestone, or is it.
    /// `components`: those of `graph`, in reverse topological order.
    fn answers(
        graph: &Dependencies,
        components: &[Vec<MilestoneNo>],
        asked: &[(MilestoneNo, MilestoneNo)],
    ) -> HashSet<(MilestoneNo, MilestoneNo)> {
        Self::answers_in_chunks(graph, components, asked, Self::CHUNK)
    }

    fn answers_in_chunks(
        graph: &Dependencies,
        components: &[Vec<MilestoneNo>],
        asked: &[(MilestoneNo, MilestoneNo)],
        chunk: usize,
    ) -> HashSet<(MilestoneNo, MilestoneNo)> {
        let component: HashMap<MilestoneNo, usize> = components
            .iter()
            .enumerate()
            .flat_map(|(i, c)| c.iter().map(move |n| (*n, i)))
            .collect();
        // Baselines in topological order, so that a pass's baselines and the
        // milestones building on them lie in a narrow band of components
        // and a pass walks only that band, not the whole plan (that made
        // C203 grow with the square of the plan).
        let mut bases: Vec<(usize, MilestoneNo)> = asked
            .iter()
            .filter_map(|(b, _)| Some((*component.get(b)?, *b)))
            .collect();
        bases.sort_unstable_by(|a, b| b.cmp(a));
        bases.dedup();
        // The edges between components, found once for all passes.
        let successors: Vec<Vec<usize>> = components
            .iter()
            .enumerate()
            .map(|(i, members)| {
                members
                    .iter()
                    .flat_map(|n| graph.neighbors(*n))
                    .filter_map(|next| component.get(&next).copied())
                    .filter(|j| *j != i)
                    .collect()
            })
            .collect();
        let mut out: HashSet<(MilestoneNo, MilestoneNo)> =
            asked.iter().filter(|(b, m)| b == m).copied().collect();
        for chunk in bases.chunks(chunk.max(1)) {
            let in_chunk: HashSet<MilestoneNo> = chunk.iter().map(|(_, b)| *b).collect();
            let pairs: Vec<(MilestoneNo, MilestoneNo)> = asked
                .iter()
                .filter(|(b, _)| in_chunk.contains(b))
                .copied()
                .collect();
            let reach = Reach::of(&successors, &component, chunk, &pairs);
            out.extend(
                pairs
                    .iter()
                    .filter(|(b, m)| reach.builds_on(&component, *m, *b))
                    .copied(),
            );
        }
        out
    }

    /// `successors`: per component (in reverse topological order, as
    /// kosaraju_scc gives them), the components it has an edge into.
    /// `bases`: (component, milestone) of this pass's baseline milestones;
    /// `pairs`: the pairs asked about them. Bits flow from a component to
    /// lower ones only, so the band from the highest baseline component
    /// down to the lowest component asked about is all a pass needs.
    fn of(
        successors: &[Vec<usize>],
        component: &HashMap<MilestoneNo, usize>,
        bases: &[(usize, MilestoneNo)],
        pairs: &[(MilestoneNo, MilestoneNo)],
    ) -> Reach {
        let words = bases.len().div_ceil(64);
        let bit: HashMap<MilestoneNo, usize> = bases
            .iter()
            .enumerate()
            .map(|(i, (_, b))| (*b, i))
            .collect();
        let top = bases.iter().map(|(c, _)| *c).max().unwrap_or(0);
        let low = pairs
            .iter()
            .filter_map(|(_, m)| component.get(m).copied())
            .min()
            .unwrap_or(top)
            .min(top);
        let band = top.saturating_sub(low).saturating_add(1);
        let mut sets = vec![0u64; band.saturating_mul(words)];
        // Each baseline milestone's own bit, in its component's set.
        for (b, (c, _)) in bases.iter().enumerate() {
            let at = c.saturating_sub(low);
            if let Some(w) = Self::words_of_mut(&mut sets, at, words).get_mut(b / 64) {
                *w |= 1u64 << (b % 64);
            }
        }
        let mut set = vec![0u64; words];
        // Walking the components backwards visits every component after
        // all that lead into it.
        for i in (low..=top).rev() {
            let at = i.saturating_sub(low);
            for (to, from) in set.iter_mut().zip(Self::words_of(&sets, at, words)) {
                *to = *from;
            }
            for &j in successors.get(i).map(Vec::as_slice).unwrap_or(&[]) {
                if j < low {
                    continue;
                }
                let to = Self::words_of_mut(&mut sets, j.saturating_sub(low), words);
                for (to, from) in to.iter_mut().zip(&set) {
                    *to |= *from;
                }
            }
        }
        Reach {
            sets,
            words,
            bit,
            low,
        }
    }

    /// Component `i`'s words (empty should `i` be out of range).
    fn words_of(sets: &[u64], i: usize, words: usize) -> &[u64] {
        let start = i.saturating_mul(words);
        sets.get(start..start.saturating_add(words)).unwrap_or(&[])
    }

    fn words_of_mut(sets: &mut [u64], i: usize, words: usize) -> &mut [u64] {
        let start = i.saturating_mul(words);
        sets.get_mut(start..start.saturating_add(words))
            .unwrap_or(&mut [])
    }

    /// Whether `m` builds on `base` (or is it).
    fn builds_on(
        &self,
        component: &HashMap<MilestoneNo, usize>,
        m: MilestoneNo,
        base: MilestoneNo,
    ) -> bool {
        if m == base {
            return true;
        }
        let (Some(c), Some(b)) = (component.get(&m), self.bit.get(&base)) else {
            return false;
        };
        let Some(at) = c.checked_sub(self.low) else {
            return false;
        };
        Self::words_of(&self.sets, at, self.words)
            .get(b / 64)
            .is_some_and(|w| w & (1u64 << (b % 64)) != 0)
    }
}

#[cfg(test)]
mod tests {
    use super::super::dependency_cycle::Step;
    use super::*;
    use petgraph::graphmap::DiGraphMap;

    /// The one pass agrees with a search from each baseline, on graphs
    /// with chains, branches, cycles and self-loops.
    #[test]
    fn one_pass_reach_is_the_search() {
        let mut next = crate::test_files::seeded(7);
        for round in 0..200 {
            let nodes = 1 + next(40) as u32;
            let mut g = DiGraphMap::new();
            let mut steps = Vec::new();
            for n in 0..nodes {
                g.add_node(MilestoneNo(n));
                steps.push(Step::Node(MilestoneNo(n)));
            }
            for _ in 0..next(u64::from(nodes) * 2) {
                let (a, b) = (next(u64::from(nodes)) as u32, next(u64::from(nodes)) as u32);
                // Mostly forward edges, some back: cycles now and then.
                if a <= b || round % 3 == 0 {
                    g.add_edge(MilestoneNo(a), MilestoneNo(b), ());
                    steps.push(Step::Edge(MilestoneNo(a), MilestoneNo(b)));
                }
            }
            let bases: Vec<MilestoneNo> = (0..nodes)
                .filter(|_| next(3) == 0)
                .map(MilestoneNo)
                .collect();
            let graph = Dependencies::from_edges(&steps);
            let components = graph.components();
            let asked: Vec<(MilestoneNo, MilestoneNo)> = bases
                .iter()
                .flat_map(|b| (0..nodes).map(move |m| (*b, MilestoneNo(m))))
                .collect();
            let answers = Reach::answers(&graph, &components, &asked);
            // Few baselines a pass too: the passes' answers add up.
            let chunk = 1 + next(5) as usize;
            assert_eq!(
                Reach::answers_in_chunks(&graph, &components, &asked, chunk),
                answers
            );
            for b in &bases {
                let searched = reachable(&g, *b);
                for m in 0..nodes {
                    let m = MilestoneNo(m);
                    assert_eq!(
                        answers.contains(&(*b, m)),
                        searched.contains(&m),
                        "round {round}: {b:?} -> {m:?}"
                    );
                }
            }
        }
    }
}
