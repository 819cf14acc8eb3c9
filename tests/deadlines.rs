//! Checker and evaluator compute every deadline through one function
//! (`model::Terms`), so they cannot disagree: for any rule set (window,
//! working-day shift, declared non-working days, cutoff) and any due date,
//! C305 is silent exactly when a milestone left unjudged through its window,
//! with a compliant administration, is deemed achieved in time to be paid;
//! and the due date C305 suggests is one for which that holds.
//!
//! Issue 10 found them apart: C305 suggested 2027-12-03 for a four-week
//! window and a 2027-12-31 cutoff, and the evaluator then deemed the
//! milestone achieved on 2028-01-01, too late to be paid.

// Tests may unwrap, index and compute freely: a failing test fails loudly.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects
)]

use chrono::{Days, NaiveDate};
use mijlpaal::diagnostic::Diagnostic;
use mijlpaal::eval::{self, Status};
use mijlpaal::model::{Facts, Plan, RuleSet};
use mijlpaal::source::FileId;
use mijlpaal::syntax::{self, ast, Limits};
use proptest::prelude::*;

fn parse(file: usize, text: &str) -> ast::File {
    let (tree, diags) = syntax::parse(FileId(file), text, &Limits::default());
    assert!(diags.is_empty(), "{diags:?}\n{text}");
    tree.expect("parses")
}

fn rules(window: &str, shift: bool, cutoff: NaiveDate, holidays: &[NaiveDate]) -> RuleSet {
    let extra: String = holidays
        .iter()
        .map(|d| format!("  clause \"Besluit gelijkstelling\" non-working-day {d}\n"))
        .collect();
    let text = format!(
        "rules r \"Proef\" {{\n  clause \"3.1.2\" entitlement on-achievement\n  clause \"3.2.2\" assessors coordinating-insurer\n  clause \"3.2.2\" assessment-window {window}\n  clause \"3.2.2\" deemed-achieved if administration-compliant\n  clause \"x\" payout-cutoff {cutoff}\n  clause \"Atw\" deadline-shift {}\n{extra}}}\n",
        if shift { "next-working-day" } else { "none" }
    );
    let ast::File::Rules(r) = parse(1, &text) else {
        panic!("a rule set")
    };
    let (rules, diags) = mijlpaal::lower::lower_rules(&r, FileId(1));
    assert!(diags.is_empty(), "{diags:?}");
    rules
}

fn plan(due: NaiveDate) -> Plan {
    let text = format!(
        "plan p \"Proef\" {{\n  rules r\n  party z \"Z\" coordinating-insurer financier\n  party a \"A\" care-provider\n  stream iza \"IZA\" paid-by z\n  default payout iza to a\n  component 1 \"C\" {{\n    milestone 1 \"M\" {{\n      effort\n      due {due}\n      amount € 100 {{ iza € 100 }}\n      evidence \"V\"\n    }}\n  }}\n}}\n"
    );
    let ast::File::Plan(p) = parse(0, &text) else {
        panic!("a plan")
    };
    let (plan, diags) = mijlpaal::lower::lower_plan(&p, FileId(0));
    assert!(diags.is_empty(), "{diags:?}");
    plan
}

/// The administration compliant from the due date on; nothing else.
fn facts(plan: &Plan, due: NaiveDate) -> Facts {
    let text = format!("facts p {{\n  {due} administration compliant\n}}\n");
    let ast::File::Facts(f) = parse(2, &text) else {
        panic!("facts")
    };
    let (facts, diags) = mijlpaal::lower::lower_facts(&f, FileId(2), plan);
    assert!(diags.is_empty(), "{diags:?}");
    facts
}

/// C305's finding for the one milestone, if any.
fn c305(plan: &Plan, rules: &RuleSet) -> Option<Diagnostic> {
    mijlpaal::check::run_all(plan, Some(rules), &[])
        .into_iter()
        .find(|d| d.code == "C305")
}

/// The milestone's status long after the cutoff, left unjudged.
fn status_unjudged(plan: &Plan, rules: &RuleSet, due: NaiveDate, cutoff: NaiveDate) -> Status {
    let options = eval::Options {
        at: cutoff.checked_add_days(Days::new(400)).unwrap(),
        horizon_days: 0,
        overrides: Default::default(),
        party_lines: mijlpaal::eval::PartyLines::None,
        trace: true,
    };
    let e = eval::evaluate(plan, rules, &[facts(plan, due)], &options);
    e.milestones[0].status
}

/// The date in C305's help: "move the due date to 2027-12-02 or earlier".
fn suggested(d: &Diagnostic) -> Option<NaiveDate> {
    let help = d.help.as_deref()?;
    let rest = help.split("move the due date to ").nth(1)?;
    rest.get(..10)?.parse().ok()
}

fn date() -> impl Strategy<Value = NaiveDate> {
    (0u64..1500).prop_map(|d| {
        NaiveDate::from_ymd_opt(2025, 1, 1)
            .unwrap()
            .checked_add_days(Days::new(d))
            .unwrap()
    })
}

fn window() -> impl Strategy<Value = String> {
    prop_oneof![
        (1u32..90).prop_map(|d| format!("{d} days")),
        (1u32..9).prop_map(|w| format!("{w} weeks")),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn checker_and_evaluator_agree_on_every_window(
        window in window(),
        shift in any::<bool>(),
        cutoff in date(),
        before in 0u64..120,
        holidays in prop::collection::vec(0u64..130, 0..4),
    ) {
        let due = cutoff.checked_sub_days(Days::new(before)).unwrap();
        // Decreed days around the end of the window, where they matter.
        let holidays: Vec<NaiveDate> = {
            let mut h: Vec<NaiveDate> = holidays
                .iter()
                .map(|d| due.checked_add_days(Days::new(*d)).unwrap())
                .collect();
            h.sort();
            h.dedup();
            h
        };
        let rules = rules(&window, shift, cutoff, &holidays);
        let p = plan(due);
        let finding = c305(&p, &rules);
        let status = status_unjudged(&p, &rules, due, cutoff);
        match &finding {
            None => prop_assert_eq!(status, Status::DeemedAchieved, "C305 silent for due {}", due),
            Some(d) => prop_assert_eq!(status, Status::Missed, "C305: {}", d.message),
        }
        if let Some(d) = finding {
            let Some(fixed) = suggested(&d) else {
                // Only when no due date can work at all.
                prop_assert!(d.help.as_deref().is_some_and(|h| h.contains("shorten the assessment window")));
                return Ok(());
            };
            prop_assert!(fixed < due);
            let p = plan(fixed);
            prop_assert!(c305(&p, &rules).is_none(), "C305 fires on its own suggestion {}", fixed);
            prop_assert_eq!(status_unjudged(&p, &rules, fixed, cutoff), Status::DeemedAchieved);
            // And it is the latest such date: one day later fires again.
            let later = fixed.succ_opt().unwrap();
            prop_assert!(c305(&plan(later), &rules).is_some(), "{} is not the latest", fixed);
        }
    }
}

#[test]
fn the_reported_case() {
    let cutoff = NaiveDate::from_ymd_opt(2027, 12, 31).unwrap();
    let rules = rules("4 weeks", false, cutoff, &[]);
    let due = NaiveDate::from_ymd_opt(2027, 12, 3).unwrap();
    let d = c305(&plan(due), &rules).expect("C305 fires for 2027-12-03");
    assert_eq!(suggested(&d), NaiveDate::from_ymd_opt(2027, 12, 2));
    assert_eq!(
        status_unjudged(&plan(due), &rules, due, cutoff),
        Status::Missed
    );
    let fixed = NaiveDate::from_ymd_opt(2027, 12, 2).unwrap();
    assert_eq!(
        status_unjudged(&plan(fixed), &rules, fixed, cutoff),
        Status::DeemedAchieved
    );
}

#[test]
fn a_decreed_day_moves_the_deadline() {
    // Hemelvaartsdag 2026-05-14; the Friday after it declared a
    // non-working day: a window ending on Thursday 05-14 runs to Monday
    // 05-18, and the milestone is deemed achieved on Tuesday 05-19.
    let cutoff = NaiveDate::from_ymd_opt(2026, 5, 18).unwrap();
    let friday = NaiveDate::from_ymd_opt(2026, 5, 15).unwrap();
    let due = NaiveDate::from_ymd_opt(2026, 4, 16).unwrap();
    let without = rules("28 days", true, cutoff, &[]);
    let with = rules("28 days", true, cutoff, &[friday]);
    // Without the decree the deadline is Friday 05-15: deemed 05-16, in time.
    assert!(c305(&plan(due), &without).is_none());
    assert_eq!(
        status_unjudged(&plan(due), &without, due, cutoff),
        Status::DeemedAchieved
    );
    // With it, deemed on 05-19: after the cutoff.
    assert!(c305(&plan(due), &with).is_some());
    assert_eq!(
        status_unjudged(&plan(due), &with, due, cutoff),
        Status::Missed
    );
}
