//! Amendments (addenda, art. 2.3) applied by date: the plan as it stands on
//! each date, payments made before the amendment standing, a withdrawn
//! milestone, a milestone added, a rule changed; and `check` warning about
//! an amendment that touches a milestone already paid.

// Tests may unwrap, index and compute freely: a failing test fails loudly.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects
)]

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use mijlpaal::eval::{self, Overrides, Status};
use mijlpaal::model::{MilestoneNo, Money};
use mijlpaal::project::{Options, Project, Session};

const PLAN: &str = "tests/amendments/buurtzorg-addendum.plan";
const FACTS: &str = "tests/amendments/buurtzorg-addendum.facts";

fn load() -> Project {
    std::env::set_current_dir(env!("CARGO_MANIFEST_DIR")).unwrap();
    let mut s = Session::new(Options::default());
    let p = s
        .load_project(Path::new(PLAN), &[PathBuf::from(FACTS)])
        .unwrap();
    assert!(!s.diagnostics.has_errors(), "{:#?}", s.diagnostics.items);
    p
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn run(p: &Project, at: NaiveDate) -> eval::Evaluation {
    eval::evaluate(
        &p.plan,
        p.rules.as_ref().unwrap(),
        &p.facts,
        &eval::Options {
            at,
            horizon_days: 90,
            overrides: Overrides::default(),
            party_lines: mijlpaal::eval::PartyLines::None,
            trace: true,
        },
    )
}

use common::total;

#[test]
fn the_plan_as_it_stands_on_each_date() {
    let p = load();
    assert_eq!(p.plan.amendments.len(), 1);
    let before = p.plan.as_of(day(2026, 11, 14));
    let after = p.plan.as_of(day(2026, 11, 15));
    assert_eq!(before.milestones.len(), 3);
    assert_eq!(after.milestones.len(), 4, "milestone 4 is added");
    let m3 = |plan: &mijlpaal::model::Plan| plan.milestone(MilestoneNo(3)).unwrap().clone();
    assert_eq!(m3(&before).due, Some(day(2027, 9, 30)));
    assert_eq!(m3(&after).due, Some(day(2027, 12, 31)));
    assert_eq!(m3(&before).targets.len(), 2);
    assert_eq!(
        m3(&after).targets.len(),
        1,
        "a changed target replaces the old ones"
    );
    assert!(after.milestone(MilestoneNo(2)).unwrap().withdrawn.is_some());
    // The rule changes with the plan: six weeks from the effective date on.
    let rules = p.rules.as_ref().unwrap();
    assert_eq!(
        rules
            .as_of(&p.plan, day(2026, 11, 14))
            .assessment_window()
            .map(|w| w.0),
        Some(28)
    );
    assert_eq!(
        rules
            .as_of(&p.plan, day(2026, 11, 15))
            .assessment_window()
            .map(|w| w.0),
        Some(42)
    );
}

#[test]
fn payments_before_the_amendment_stand() {
    let p = load();
    let e = run(&p, day(2026, 12, 1));
    let m1 = e.milestones.iter().find(|m| m.number.0 == 1).unwrap();
    // The addendum lowers milestone 1 to € 90.000, but € 100.000 was paid on 2026-08-01.
    assert_eq!(total(&m1.earned), Money::new(100_000.into()));
    assert_eq!(total(&m1.outstanding), Money::ZERO);
    assert!(m1
        .trace
        .iter()
        .any(|s| s.text.contains("paid before amendment `addendum-1` stands")));
    assert!(e.diagnostics.is_empty(), "no E003: {:#?}", e.diagnostics);
    let m2 = e.milestones.iter().find(|m| m.number.0 == 2).unwrap();
    assert_eq!(m2.status, Status::Withdrawn);
    assert!(total(&m2.exposure).is_zero() && total(&m2.repayable).is_zero());
}

#[test]
fn a_later_due_date_and_a_longer_window_after_the_amendment() {
    let p = load();
    // Milestone 4 (added, due 2027-06-30) is deemed achieved only after the
    // six-week window of the amended rules: not on 2027-07-29 (28 days), but
    // on 2027-08-12.
    let at_28 = run(&p, day(2027, 7, 29));
    let at_42 = run(&p, day(2027, 8, 12));
    let status = |e: &eval::Evaluation, n: u32| {
        e.milestones
            .iter()
            .find(|m| m.number.0 == n)
            .unwrap()
            .status
    };
    assert_eq!(status(&at_28, 4), Status::Due);
    assert_eq!(status(&at_42, 4), Status::DeemedAchieved);
}

#[test]
fn check_warns_about_an_amendment_touching_a_paid_milestone() {
    std::env::set_current_dir(env!("CARGO_MANIFEST_DIR")).unwrap();
    let mut s = Session::new(Options::default());
    s.check_paths(&[PathBuf::from(PLAN), PathBuf::from(FACTS)]);
    let c801: Vec<_> = s
        .diagnostics
        .items
        .iter()
        .filter(|d| d.code == "C801")
        .collect();
    assert_eq!(c801.len(), 1, "{:#?}", s.diagnostics.items);
    assert!(c801[0].message.contains("milestone 1") && c801[0].message.contains("€ 100.000"));
    // Without the facts nobody knows what was paid: no warning.
    let mut s = Session::new(Options::default());
    s.check_paths(&[PathBuf::from(PLAN)]);
    assert!(!s.diagnostics.items.iter().any(|d| d.code == "C801"));
}

mod common;

/// Facts resolve against the plan as it stands on their date: milestone 4,
/// added by addendum-1 from 2026-11-15, can be assessed and paid after
/// that date (it was L011 "unknown milestone 4"), not before.
#[test]
fn facts_about_a_milestone_added_by_an_amendment() {
    let p = load();
    let (f, d) = common::facts_from_text(
        "facts buurt {\n  2027-07-10 assessed 4 achieved by zilverzee\n  2027-08-01 paid spuk for 4 € 5.000\n}\n",
        &p.plan,
    );
    assert!(d.is_empty(), "{d:#?}");
    let e = run(
        &Project {
            facts: vec![f],
            ..load()
        },
        day(2027, 8, 15),
    );
    let m4 = e
        .milestones
        .iter()
        .find(|m| m.number == MilestoneNo(4))
        .expect("milestone 4 is evaluated");
    assert_eq!(m4.status, Status::Achieved);
    // € 10.000 { iza € 5.000, spuk € 5.000 }: all earned, the SPUK part paid.
    let get = |v: &eval::PerStream, s: &str| eval::amount_of(v, &mijlpaal::model::StreamId::new(s));
    assert_eq!(get(&m4.earned, "iza"), common::money("5000"));
    assert_eq!(get(&m4.earned, "spuk"), common::money("5000"));
    assert_eq!(get(&m4.paid, "spuk"), common::money("5000"));
    assert_eq!(get(&m4.outstanding, "iza"), common::money("5000"));
    assert_eq!(get(&m4.outstanding, "spuk"), common::money("0"));

    // Before the amendment takes effect, milestone 4 is not in the plan.
    let (_, d) = common::facts_from_text(
        "facts buurt {\n  2026-10-01 evidence 4 submitted\n}\n",
        &p.plan,
    );
    let codes: Vec<&str> = d.iter().map(|d| d.code).collect();
    assert_eq!(codes, ["L011"]);
    assert!(
        d[0].message
            .contains("milestone 4 is added by amendment `addendum-1` from 2026-11-15"),
        "{}",
        d[0].message
    );
}

/// Two amendments effective the same day that set the same statement of
/// the same milestone (L024), and a milestone number added twice (L010).
#[test]
fn conflicting_amendments_of_one_day() {
    let text = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(PLAN)).unwrap();
    let end = text.rfind('}').unwrap();
    let second = "  amendment addendum-2 \"Addendum 2\" {\n    effective 2026-11-15\n    decision \"Stuurgroep, 12 november 2026\"\n    change 3 due 2027-06-30\n    change 1 payout spuk to aastad\n    add to component 1 milestone 4 \"Nog een evaluatie.\" {\n      effort\n      due 2027-06-30\n      amount € 10.000 { iza € 5.000, spuk € 5.000 }\n      evidence \"Rapport\"\n    }\n  }\n";
    let text = format!("{}{second}{}", &text[..end], &text[end..]);
    let (tree, diags) =
        mijlpaal::syntax::parse(mijlpaal::source::FileId(0), &text, &Default::default());
    assert!(diags.is_empty(), "{diags:#?}");
    let Some(mijlpaal::syntax::ast::File::Plan(ast)) = tree else {
        panic!("a plan");
    };
    let (_, diags) = mijlpaal::lower::lower_plan(&ast, mijlpaal::source::FileId(0));
    let mut found: Vec<(&str, &str)> = diags.iter().map(|d| (d.code, d.message.as_str())).collect();
    found.sort();
    assert_eq!(
        found,
        [
            ("L010", "milestone 4 is added by amendment `addendum-1` already"),
            (
                "L024",
                "amendments `addendum-1` and `addendum-2` both set `due` of milestone 3 from 2026-11-15"
            ),
        ],
        "a payout of milestone 1 is another statement than its amount: no conflict"
    );
}
