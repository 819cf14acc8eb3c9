//! The incremental timeline (`eval::timeline::columns`, what `mijlpaal
//! timeline` runs) against separate evaluations: at every date, the
//! rendered timeline JSON of its row is byte-for-byte that of a separate
//! `evaluate` at the date, and so are the errors, every milestone's status
//! and money, and every party's columns. On generated plans
//! (examples/synth, several seeds, with and without what-ifs, month ends
//! and weekly dates) and on every Twente scenario and the amended
//! Buurtzorg plan. Also: without the trace (`Options::trace`), everything
//! but the trace is the same.

// Tests may unwrap, index and compute freely: a failing test fails loudly.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects
)]

mod common;

#[path = "../examples/synth/gen.rs"]
mod gen;

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use rust_decimal::Decimal;

use common::{root, twente_scenario_files, TWENTE_PLAN};
use mijlpaal::diagnostic::Severity;
use mijlpaal::eval::{self, MilestoneResult, Overrides};
use mijlpaal::lower;
use mijlpaal::model::{Facts, MilestoneNo, Percent, Plan, RuleSet};
use mijlpaal::project::{Options, Session};
use mijlpaal::render::timeline::{self, Head, Row};
use mijlpaal::source::FileId;
use mijlpaal::syntax::{self, ast, Limits};

/// A row as `timeline --format json` writes it.
fn json(row: Row) -> String {
    let head = Head {
        plan: "p",
        from: row.at,
        to: row.at,
        every: "month",
        party: None,
        notice: "",
    };
    let mut out = Vec::new();
    timeline::json(&[row], &head, &mut out).unwrap();
    String::from_utf8(out).unwrap()
}

fn without_measurements(m: &MilestoneResult) -> MilestoneResult {
    MilestoneResult {
        measured: Vec::new(),
        ..m.clone()
    }
}

/// Runs the incremental timeline over `dates` and compares each date with
/// a separate evaluation. Returns how many dates were computed
/// incrementally (their milestones carry no measurements) rather than
/// evaluated whole.
fn assert_incremental(
    plan: &Plan,
    rules: &RuleSet,
    facts: &[Facts],
    dates: &[NaiveDate],
    overrides: Overrides,
    name: &str,
) -> usize {
    let options = eval::Options {
        at: dates[0],
        horizon_days: 90,
        overrides,
        party_lines: mijlpaal::eval::PartyLines::None,
        trace: true,
    };
    let mut seen = 0;
    let mut incremental = 0;
    eval::timeline::columns(plan, rules, facts, dates, &options, |x| {
        let at = dates[seen];
        seen += 1;
        assert_eq!(x.at, at, "{name}");
        let single = eval::evaluate(
            plan,
            rules,
            facts,
            &eval::Options {
                at,
                ..options.clone()
            },
        );
        assert_eq!(
            json(Row::of_columns(&x, None)),
            json(Row::of(&single, None)),
            "{name} at {at}: the timeline's row"
        );
        let errors: Vec<_> = single
            .diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .cloned()
            .collect();
        assert_eq!(x.errors, errors, "{name} at {at}: errors");
        assert_eq!(x.streams, single.streams.as_slice(), "{name} at {at}");
        assert_eq!(
            x.milestones.len(),
            single.milestones.len(),
            "{name} at {at}"
        );
        for (mine, theirs) in x.milestones.iter().zip(&single.milestones) {
            assert_eq!(
                without_measurements(mine),
                without_measurements(theirs),
                "{name} at {at}: milestone {}",
                theirs.number
            );
        }
        assert_eq!(
            x.parties,
            single.parties.as_slice(),
            "{name} at {at}: parties"
        );
        let measured = single.milestones.iter().any(|m| !m.measured.is_empty());
        if measured && x.milestones.iter().all(|m| m.measured.is_empty()) {
            incremental += 1;
        }
    });
    assert_eq!(seen, dates.len(), "{name}: every date");
    incremental
}

/// Every month end of 2025 to 2028.
fn month_ends() -> Vec<NaiveDate> {
    (0..48)
        .map(|i| {
            let first = NaiveDate::from_ymd_opt(2025 + i / 12, (i % 12) as u32 + 1, 1).unwrap();
            first
                .checked_add_months(chrono::Months::new(1))
                .unwrap()
                .pred_opt()
                .unwrap()
        })
        .collect()
}

/// Every seventh day from 2024-12-30 to 2028-06-30: dates between month
/// ends, so that change points fall on, before and after them.
fn weeks() -> Vec<NaiveDate> {
    let mut d = NaiveDate::from_ymd_opt(2024, 12, 30).unwrap();
    let mut out = Vec::new();
    while d <= NaiveDate::from_ymd_opt(2028, 6, 30).unwrap() {
        out.push(d);
        d = d.checked_add_days(chrono::Days::new(7)).unwrap();
    }
    out
}

struct Synth {
    plan: Plan,
    rules: RuleSet,
    facts: Vec<Facts>,
}

fn synth(milestones: usize, parties: usize, seed: u64) -> Synth {
    let g = gen::generate(milestones, parties, seed);
    let limits = Limits::default();
    let plan_ast = match syntax::parse(FileId(0), &g.plan_text, &limits) {
        (Some(ast::File::Plan(p)), d) if d.is_empty() => p,
        (_, d) => panic!("plan did not parse: {d:?}"),
    };
    let (plan, d) = lower::lower_plan(&plan_ast, FileId(0));
    assert!(d.is_empty(), "{d:?}");
    let rules = match syntax::parse(FileId(1), &g.rules_text, &limits) {
        (Some(ast::File::Rules(r)), _) => lower::lower_rules(&r, FileId(1)).0,
        _ => panic!("rules did not parse"),
    };
    let facts = match syntax::parse(FileId(2), &g.facts_text, &limits) {
        (Some(ast::File::Facts(f)), _) => lower::lower_facts(&f, FileId(2), &plan).0,
        _ => panic!("facts did not parse"),
    };
    Synth {
        plan,
        rules,
        facts: vec![facts],
    }
}

#[test]
fn generated_plans_month_ends_and_weeks() {
    for seed in 1..=3 {
        let s = synth(150, 24, seed);
        for (dates, what) in [(month_ends(), "month ends"), (weeks(), "weeks")] {
            let name = format!("synth seed {seed}, {what}");
            let n = assert_incremental(
                &s.plan,
                &s.rules,
                &s.facts,
                &dates,
                Overrides::default(),
                &name,
            );
            // Most dates are computed incrementally, not evaluated whole.
            assert!(
                n * 2 > dates.len(),
                "{name}: {n} of {} incremental",
                dates.len()
            );
        }
    }
}

#[test]
fn generated_plan_of_national_shape() {
    // 342 municipalities in the keys: every division is over many parties.
    let s = synth(300, 342, 1);
    let dates = month_ends();
    let n = assert_incremental(
        &s.plan,
        &s.rules,
        &s.facts,
        &dates,
        Overrides::default(),
        "synth 300 x 342",
    );
    assert!(n * 2 > dates.len(), "{n} of {} incremental", dates.len());
}

/// Every 11th milestone achieved, every 13th (from the 4th) missed, every
/// 17th (from the 6th) paid 40%.
fn what_ifs(plan: &mijlpaal::model::Plan) -> Overrides {
    let numbers: Vec<MilestoneNo> = plan.milestones.iter().map(|m| m.number).collect();
    Overrides {
        achieved: numbers.iter().step_by(11).copied().collect(),
        missed: numbers.iter().skip(3).step_by(13).copied().collect(),
        partial: numbers
            .iter()
            .skip(5)
            .step_by(17)
            .map(|n| (*n, Percent::new(Decimal::from(40))))
            .collect(),
    }
}

#[test]
fn generated_plan_with_what_ifs() {
    let s = synth(150, 24, 7);
    let overrides = what_ifs(&s.plan);
    let n = assert_incremental(
        &s.plan,
        &s.rules,
        &s.facts,
        &month_ends(),
        overrides,
        "synth with what-ifs",
    );
    assert!(n > 0, "some dates incremental");
}

fn load(plan: &Path, facts: &[PathBuf]) -> mijlpaal::project::Project {
    let mut session = Session::new(Options::default());
    session
        .load_project(plan, facts)
        .expect("the project loads")
}

#[test]
fn every_twente_scenario_and_an_amended_plan() {
    let files = twente_scenario_files();
    assert!(files.len() >= 5, "{files:?}");
    let mut projects: Vec<(String, mijlpaal::project::Project)> = files
        .iter()
        .map(|f| {
            let p = load(&root().join(TWENTE_PLAN), std::slice::from_ref(f));
            (f.display().to_string(), p)
        })
        .collect();
    projects.push((
        "buurtzorg-addendum".into(),
        load(
            &root().join("tests/amendments/buurtzorg-addendum.plan"),
            &[root().join("tests/amendments/buurtzorg-addendum.facts")],
        ),
    ));
    for (name, p) in &projects {
        let rules = p.rules.as_ref().unwrap();
        for (dates, what) in [(month_ends(), "month ends"), (weeks(), "weeks")] {
            assert_incremental(
                &p.plan,
                rules,
                &p.facts,
                &dates,
                Overrides::default(),
                &format!("{name}, {what}"),
            );
        }
    }
}

#[test]
fn dates_out_of_order_still_each_their_own() {
    let s = synth(60, 12, 2);
    let mut dates = month_ends();
    dates.reverse();
    assert_incremental(
        &s.plan,
        &s.rules,
        &s.facts,
        &dates,
        Overrides::default(),
        "synth backwards",
    );
}

fn without_traces(e: &eval::Evaluation) -> eval::Evaluation {
    let mut e = e.clone();
    for m in &mut e.milestones {
        m.trace.clear();
    }
    e
}

/// An evaluation, and a timeline, without the trace (as `evaluate` and
/// `timeline` run them) hold everything the one with it holds but the
/// trace: statuses, reasons, money, obligations, diagnostics.
fn assert_trace_off_changes_only_the_trace(
    plan: &Plan,
    rules: &RuleSet,
    facts: &[Facts],
    overrides: Overrides,
    name: &str,
) {
    let dates = month_ends();
    let on = eval::Options {
        at: dates[0],
        horizon_days: 90,
        overrides,
        party_lines: mijlpaal::eval::PartyLines::All,
        trace: true,
    };
    let off = eval::Options {
        trace: false,
        ..on.clone()
    };
    let mut traced = 0;
    for at in &dates {
        let with = eval::evaluate(
            plan,
            rules,
            facts,
            &eval::Options {
                at: *at,
                ..on.clone()
            },
        );
        let without = eval::evaluate(
            plan,
            rules,
            facts,
            &eval::Options {
                at: *at,
                ..off.clone()
            },
        );
        assert!(
            without.milestones.iter().all(|m| m.trace.is_empty()),
            "{name} at {at}: no trace"
        );
        traced += with
            .milestones
            .iter()
            .filter(|m| !m.trace.is_empty())
            .count();
        assert_eq!(
            format!("{:?}", without_traces(&with)),
            format!("{without:?}"),
            "{name} at {at}"
        );
        let json = |e: &eval::Evaluation| {
            let mut out = Vec::new();
            mijlpaal::render::evaluation::write_json(e, "", &mut out).unwrap();
            out
        };
        assert!(json(&with) == json(&without), "{name} at {at}: JSON");
    }
    assert!(traced > 0, "{name}: the trace-on evaluations have traces");
    let mut with = Vec::new();
    eval::timeline::columns(plan, rules, facts, &dates, &on, |x| {
        let ms: Vec<_> = x.milestones.iter().map(without_measurements).collect();
        with.push((
            json(Row::of_columns(&x, None)),
            ms,
            x.parties.to_vec(),
            x.errors,
        ));
    });
    let mut seen = 0;
    eval::timeline::columns(plan, rules, facts, &dates, &off, |x| {
        let (row, ms, parties, errors) = &with[seen];
        seen += 1;
        assert_eq!(
            &json(Row::of_columns(&x, None)),
            row,
            "{name}: timeline row"
        );
        assert_eq!(&x.errors, errors, "{name}: timeline errors");
        assert_eq!(x.parties, parties.as_slice(), "{name}: timeline parties");
        for (mine, theirs) in x.milestones.iter().zip(ms) {
            assert!(mine.trace.is_empty(), "{name}: no trace in the timeline");
            let theirs = MilestoneResult {
                trace: Vec::new(),
                ..theirs.clone()
            };
            assert_eq!(without_measurements(mine), theirs, "{name}: timeline");
        }
    });
    assert_eq!(seen, with.len(), "{name}: every date");
}

#[test]
fn without_the_trace_all_else_is_equal() {
    let files = twente_scenario_files();
    assert!(files.len() >= 5, "{files:?}");
    for f in &files {
        let p = load(&root().join(TWENTE_PLAN), std::slice::from_ref(f));
        let rules = p.rules.as_ref().unwrap();
        let name = f.display().to_string();
        assert_trace_off_changes_only_the_trace(
            &p.plan,
            rules,
            &p.facts,
            Overrides::default(),
            &name,
        );
    }
    let s = synth(150, 24, 7);
    assert_trace_off_changes_only_the_trace(
        &s.plan,
        &s.rules,
        &s.facts,
        Overrides::default(),
        "synth",
    );
    let overrides = what_ifs(&s.plan);
    assert_trace_off_changes_only_the_trace(
        &s.plan,
        &s.rules,
        &s.facts,
        overrides,
        "synth with what-ifs",
    );
}
