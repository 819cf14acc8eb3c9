//! Pipeline benchmarks: parse, lower, check (run_all) and evaluate, for the
//! Twente plan and for generated plans (examples/synth/gen.rs), plus
//! serde_json on the same content as a yardstick for the front end.
//!
//! ```sh
//! cargo bench --bench pipeline -- --warm-up-time 1 --measurement-time 3
//! cargo bench --bench pipeline -- 'synth/1000/'          # one group
//! ```
//! `MIJLPAAL_BENCH_SIZES=1000,10000` limits the generated sizes (default
//! 1000,10000,100000); `MIJLPAAL_BENCH_EVAL_MAX` (default 10000) is the
//! largest size whose evaluation and timeline are benchmarked.

// Benchmarks and generators may unwrap, index and compute freely.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects
)]

#[path = "../examples/synth/gen.rs"]
mod gen;

use std::hint::black_box;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, BatchSize, Criterion, Throughput};

use mijlpaal::eval::{self, Overrides};
use mijlpaal::lower;
use mijlpaal::model::{Facts, Plan, RuleSet};
use mijlpaal::source::FileId;
use mijlpaal::syntax::{self, ast, Limits};

const PLAN: FileId = FileId(0);
const RULES: FileId = FileId(1);
const FACTS: FileId = FileId(2);

fn limits() -> Limits {
    Limits::default()
}

fn parse_plan(text: &str) -> ast::PlanAst {
    match syntax::parse(PLAN, text, &limits()) {
        (Some(ast::File::Plan(p)), d) if d.is_empty() => p,
        (_, d) => panic!("plan did not parse: {d:?}"),
    }
}

fn parse_rules(text: &str) -> ast::RulesAst {
    match syntax::parse(RULES, text, &limits()) {
        (Some(ast::File::Rules(r)), _) => r,
        _ => panic!("rules did not parse"),
    }
}

fn parse_facts(text: &str) -> ast::FactsAst {
    match syntax::parse(FACTS, text, &limits()) {
        (Some(ast::File::Facts(f)), _) => f,
        _ => panic!("facts did not parse"),
    }
}

/// Front end and checker from source text, as `mijlpaal check` does in-process.
fn check_all(plan_text: &str, rules_text: &str) -> usize {
    checked(plan_text, rules_text).3
}

/// What `check_all` makes: the plan, the rule set, the findings and their
/// count, kept, so that a benchmark can leave freeing them out of its time
/// as `mijlpaal check` does (it exits without taking its results apart).
fn checked(
    plan_text: &str,
    rules_text: &str,
) -> (Plan, RuleSet, Vec<mijlpaal::diagnostic::Diagnostic>, usize) {
    // As `Session::load`: a component at a time, else the whole tree.
    let (plan, d1) = mijlpaal::project::plan_in_pieces(PLAN, plan_text, &limits())
        .unwrap_or_else(|| lower::lower_plan(&parse_plan(plan_text), PLAN));
    let r = parse_rules(rules_text);
    let (rules, d2) = lower::lower_rules(&r, RULES);
    let found = mijlpaal::check::run_all(&plan, Some(&rules), &[]);
    let count = d1.len() + d2.len() + found.len();
    (plan, rules, found, count)
}

struct Loaded {
    plan: Plan,
    rules: RuleSet,
    facts: Vec<Facts>,
}

fn load(plan_text: &str, rules_text: &str, facts_text: &str) -> Loaded {
    let (plan, d) = lower::lower_plan(&parse_plan(plan_text), PLAN);
    assert!(d.is_empty(), "plan lowered with diagnostics: {d:?}");
    let (rules, _) = lower::lower_rules(&parse_rules(rules_text), RULES);
    let (facts, d) = lower::lower_facts(&parse_facts(facts_text), FACTS, &plan);
    assert!(d.is_empty(), "facts lowered with diagnostics: {}", d.len());
    Loaded {
        plan,
        rules,
        facts: vec![facts],
    }
}

fn options(at: chrono::NaiveDate) -> eval::Options {
    eval::Options {
        at,
        horizon_days: 90,
        overrides: Overrides::default(),
        party_lines: eval::PartyLines::None,
        trace: true,
    }
}

fn bench_twente(c: &mut Criterion) {
    let plan_text = include_str!("../plans/mentaal-gezond-twente.plan");
    let rules_text = include_str!("../rules/overeenkomst-transformatieplan.rules");
    let facts_text = include_str!("../plans/mentaal-gezond-twente/gemiste-resultaten-2026.facts");
    let l = load(plan_text, rules_text, facts_text);
    let ast = parse_plan(plan_text);

    let mut g = c.benchmark_group("twente");
    g.sample_size(20);
    g.throughput(Throughput::Bytes(plan_text.len() as u64));
    g.bench_function("parse", |b| b.iter(|| parse_plan(black_box(plan_text))));
    g.bench_function("lower", |b| {
        b.iter(|| lower::lower_plan(black_box(&ast), PLAN))
    });
    g.bench_function("check_run_all", |b| {
        b.iter(|| mijlpaal::check::run_all(black_box(&l.plan), Some(&l.rules), &[]))
    });
    g.throughput(Throughput::Bytes(
        (plan_text.len() + rules_text.len()) as u64,
    ));
    g.bench_function("check_total", |b| {
        b.iter(|| check_all(black_box(plan_text), rules_text))
    });
    g.throughput(Throughput::Elements(1));
    let scenario_dates = l.facts[0].evaluate_at.clone();
    g.bench_function("evaluate_scenario_dates", |b| {
        b.iter(|| {
            for at in &scenario_dates {
                black_box(eval::evaluate(&l.plan, &l.rules, &l.facts, &options(*at)));
            }
        })
    });
    let months = gen::month_ends();
    g.bench_function("timeline_36", |b| {
        b.iter(|| {
            for at in &months {
                black_box(eval::evaluate(&l.plan, &l.rules, &l.facts, &options(*at)));
            }
        })
    });
    g.finish();
}

fn sizes() -> Vec<usize> {
    std::env::var("MIJLPAAL_BENCH_SIZES")
        .ok()
        .map(|s| s.split(',').filter_map(|n| n.trim().parse().ok()).collect())
        .unwrap_or_else(|| vec![1_000, 10_000, 100_000])
}

fn bench_synth(c: &mut Criterion) {
    let eval_max: usize = std::env::var("MIJLPAAL_BENCH_EVAL_MAX")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(10_000);
    for n in sizes() {
        let g = gen::generate(n, 342, 1);
        let json = serde_json::to_string(&g.plan).expect("json");
        let l = load(&g.plan_text, &g.rules_text, &g.facts_text);
        let ast = parse_plan(&g.plan_text);
        let bytes = g.plan_text.len() as u64;

        let mut grp = c.benchmark_group(format!("synth/{n}"));
        grp.sample_size(10);
        grp.throughput(Throughput::Bytes(bytes));
        grp.bench_function("parse", |b| b.iter(|| parse_plan(black_box(&g.plan_text))));
        grp.bench_function("lower", |b| {
            b.iter(|| lower::lower_plan(black_box(&ast), PLAN))
        });
        grp.bench_function("parse_lower", |b| {
            b.iter(|| lower::lower_plan(&parse_plan(black_box(&g.plan_text)), PLAN))
        });
        grp.bench_function("check_run_all", |b| {
            b.iter(|| mijlpaal::check::run_all(black_box(&l.plan), Some(&l.rules), &[]))
        });
        grp.bench_function("check_total", |b| {
            b.iter(|| check_all(black_box(&g.plan_text), &g.rules_text))
        });
        // As the `check` command: the results are not freed in the time
        // (the command exits without taking them apart); likewise the
        // `Value` beside it.
        grp.bench_function("check_kept", |b| {
            b.iter_batched(
                || (),
                |_| checked(black_box(&g.plan_text), &g.rules_text),
                BatchSize::PerIteration,
            )
        });
        grp.throughput(Throughput::Bytes(json.len() as u64));
        grp.bench_function("serde_json", |b| {
            b.iter(|| serde_json::from_str::<gen::SynthPlan>(black_box(&json)).expect("json"))
        });
        // The issue's yardstick: an untyped `serde_json::Value` of the same
        // plan (the target: check_total at most 3x this).
        grp.bench_function("serde_json_value", |b| {
            b.iter(|| serde_json::from_str::<serde_json::Value>(black_box(&json)).expect("json"))
        });
        grp.bench_function("serde_json_value_kept", |b| {
            b.iter_batched(
                || (),
                |_| serde_json::from_str::<serde_json::Value>(black_box(&json)).expect("json"),
                BatchSize::PerIteration,
            )
        });
        grp.throughput(Throughput::Bytes(g.facts_text.len() as u64));
        grp.bench_function("facts_parse_lower", |b| {
            b.iter_batched(
                || (),
                |_| lower::lower_facts(&parse_facts(black_box(&g.facts_text)), FACTS, &l.plan),
                BatchSize::LargeInput,
            )
        });
        if n <= eval_max {
            grp.throughput(Throughput::Elements(1));
            let at = chrono::NaiveDate::from_ymd_opt(2027, 1, 31).expect("date");
            // Without the trace, as `mijlpaal evaluate` evaluates.
            let as_cli = |at| eval::Options {
                trace: false,
                ..options(at)
            };
            grp.bench_function("evaluate_2027-01-31", |b| {
                b.iter(|| eval::evaluate(&l.plan, &l.rules, &l.facts, &as_cli(black_box(at))))
            });
            let months = gen::month_ends();
            grp.throughput(Throughput::Elements(months.len() as u64));
            grp.measurement_time(Duration::from_secs(3));
            grp.bench_function("timeline_36", |b| {
                b.iter(|| {
                    for at in &months {
                        black_box(eval::evaluate(&l.plan, &l.rules, &l.facts, &options(*at)));
                    }
                })
            });
            // `mijlpaal timeline`'s library call: the same 36 dates in one
            // pass (compare with evaluate_2027-01-31 for the ratio).
            grp.bench_function("eval_timeline_36", |b| {
                b.iter(|| {
                    let mut n = 0usize;
                    eval::timeline_each(
                        &l.plan,
                        &l.rules,
                        &l.facts,
                        black_box(&months),
                        &options(at),
                        |e| n += black_box(e.milestones.len()),
                    );
                    n
                })
            });
            let timeline_rows = |options: &eval::Options| {
                let mut rows = Vec::with_capacity(months.len());
                eval::timeline::columns(
                    &l.plan,
                    &l.rules,
                    &l.facts,
                    black_box(&months),
                    options,
                    |x| rows.push(mijlpaal::render::timeline::Row::of_columns(&x, None)),
                );
                rows
            };
            // What `mijlpaal timeline` runs: the incremental timeline of the
            // same 36 dates with a row per date, without the trace (target:
            // at most 3x evaluate_2027-01-31, also without the trace).
            grp.bench_function("incremental_timeline_36", |b| {
                b.iter(|| timeline_rows(&as_cli(at)))
            });
            // The same with every milestone's trace kept, as this benchmark
            // measured until the tenth round (the command keeps none).
            grp.bench_function("incremental_timeline_36_traced", |b| {
                b.iter(|| timeline_rows(&options(at)))
            });
            // `evaluate --format json`: one evaluation's JSON, streamed by
            // `Serialize` (the `serde_json::Value` it replaced measured 6-8x
            // slower: docs/performance.md).
            let e = eval::evaluate(&l.plan, &l.rules, &l.facts, &options(at));
            grp.throughput(Throughput::Elements(1));
            grp.bench_function("json_streamed", |b| {
                b.iter(|| {
                    let mut out = Vec::new();
                    mijlpaal::render::evaluation::write_json(black_box(&e), "", &mut out)
                        .expect("json");
                    out.len()
                })
            });
        }
        grp.finish();
    }
}

criterion_group!(benches, bench_twente, bench_synth);
criterion_main!(benches);
