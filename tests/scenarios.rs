//! Scenarios: every `.facts` file in a directory beside a plan (the Twente
//! scenarios are in plans/mentaal-gezond-twente/) is evaluated at the dates
//! it names with `evaluate at`, and the text and JSON outputs are
//! snapshotted beside it. Every evaluation must also satisfy the money
//! invariants, and one scenario's per-municipality figures are computed by
//! hand below.

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
mod common;

use common::{money, total};
use mijlpaal::eval::{self, Evaluation, Overrides};
use mijlpaal::model::{Money, Plan};
use mijlpaal::project::{Options, Project, Session};
use mijlpaal::render;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn load(plan: &str, facts: &[PathBuf]) -> Project {
    std::env::set_current_dir(root()).unwrap();
    let mut session = Session::new(Options::default());
    let project = session
        .load_project(Path::new(plan), facts)
        .expect("the project loads");
    let errors: Vec<_> = session
        .diagnostics
        .items
        .iter()
        .filter(|d| d.severity == mijlpaal::diagnostic::Severity::Error)
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    project
}

fn run(project: &Project, at: NaiveDate, overrides: Overrides) -> Evaluation {
    let rules = project.rules.as_ref().expect("the plan has rules");
    eval::evaluate(
        &project.plan,
        rules,
        &project.facts,
        &eval::Options {
            at,
            horizon_days: 90,
            overrides,
            party_lines: mijlpaal::eval::PartyLines::None,
            trace: true,
        },
    )
}

/// The money laws of `common::money_laws`; the Twente rules repay unmet `spuk`.
fn assert_invariants(e: &Evaluation, plan: &Plan, what: &str) {
    if let Err(e) = common::money_laws(e, plan, &["spuk"]) {
        panic!("{what}: {e}");
    }
}

#[test]
fn twente_scenarios() {
    let dir = root().join("plans/mentaal-gezond-twente");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "facts"))
        .collect();
    files.sort();
    assert!(
        files.len() >= 5,
        "the five scenarios of the evaluation issue"
    );
    for file in files {
        let rel = file.strip_prefix(root()).unwrap().to_path_buf();
        let project = load(
            "plans/mentaal-gezond-twente.plan",
            std::slice::from_ref(&rel),
        );
        let facts = project.facts.first().expect("facts loaded");
        assert!(
            !facts.evaluate_at.is_empty(),
            "{}: names no `evaluate at` dates",
            rel.display()
        );
        let stem = file.file_stem().unwrap().to_string_lossy().to_string();
        for at in facts.evaluate_at.clone() {
            let e = run(&project, at, Overrides::default());
            assert_invariants(&e, &project.plan, &format!("{stem} at {at}"));
            let text = render::evaluation::text(&e, &project.plan);
            // `evaluate --format json` as the binary writes it (snapshotted
            // without its final line break).
            let json = common::evaluation_json(&e)
                .trim_end_matches('\n')
                .to_string();
            let mut settings = insta::Settings::clone_current();
            settings.set_snapshot_path(dir.join("snapshots"));
            settings.set_prepend_module_to_snapshot(false);
            settings.set_input_file(&file);
            settings.bind(|| {
                insta::assert_snapshot!(format!("{stem}@{at}"), text);
                insta::assert_snapshot!(format!("{stem}@{at}.json"), json);
            });
        }
    }
}

/// KPI 11 ("lokale kaders ... voor de 14 gemeenten") is local: its SPUK part,
/// € 109.500, goes to the municipalities by population. In the scenario
/// "deels-en-uitstel" it is achieved on 2026-10-05 after a postponement, so
/// at 2026-10-31 each municipality has earned its share of € 109.500, and no
/// other SPUK money (KPI 10's partial payout is regional).
///
/// By hand: the counts add up to 643.153. Share in cents = 10.950.000 x
/// count / 643.153. Floors and fractions of a cent:
///   almelo 1.273.098,63   borne 421.227,84   dinkelland 447.396,03
///   enschede 2.763.527,73   haaksbergen 412.442,68   hellendoorn 616.544,35
///   hengelo 1.424.268,02   hof van twente 607.129,25   losser 399.571,41
///   oldenzaal 545.173,47   rijssen-holten 661.202,23   tubbergen 366.167,38
///   twenterand 580.790,81   wierden 431.460,17
/// The floors add up to 10.949.994 cents; the 6 cents left go to the largest
/// fractions: borne (,84), twenterand (,81), enschede (,73), haaksbergen
/// (,68), almelo (,63), oldenzaal (,47). Note oldenzaal: € 5.451,74, where
/// rounding on its own would give € 5.451,73 and the parts would not add up.
#[test]
fn kpi_11_by_population_computed_by_hand() {
    let project = load(
        "plans/mentaal-gezond-twente.plan",
        &[PathBuf::from(
            "plans/mentaal-gezond-twente/deels-en-uitstel.facts",
        )],
    );
    let e = run(
        &project,
        NaiveDate::from_ymd_opt(2026, 10, 31).unwrap(),
        Overrides::default(),
    );
    let expected = [
        ("almelo", "12730.99"),
        ("borne", "4212.28"),
        ("dinkelland", "4473.96"),
        ("enschede", "27635.28"),
        ("haaksbergen", "4124.43"),
        ("hellendoorn", "6165.44"),
        ("hengelo", "14242.68"),
        ("hof_van_twente", "6071.29"),
        ("losser", "3995.71"),
        ("oldenzaal", "5451.74"),
        ("rijssen_holten", "6612.02"),
        ("tubbergen", "3661.67"),
        ("twenterand", "5807.91"),
        ("wierden", "4314.60"),
    ];
    let mut sum = Money::ZERO;
    for (party, amount) in expected {
        let p = e.parties.iter().find(|p| p.id == party).unwrap();
        let spuk = p
            .earned
            .iter()
            .find(|(s, _)| s.as_str() == "spuk")
            .unwrap()
            .1;
        assert_eq!(spuk, money(amount), "{party}");
        // Paid on 2026-10-20 in full, so nothing is outstanding.
        assert_eq!(total(&p.outstanding), Money::ZERO, "{party}");
        sum = sum.checked_add(spuk).expect("fits");
    }
    assert_eq!(sum, money("109500"));
    let m11 = e.milestones.iter().find(|m| m.number.0 == 11).unwrap();
    assert_eq!(m11.status, eval::Status::Achieved);
    let m10 = e.milestones.iter().find(|m| m.number.0 == 10).unwrap();
    assert_eq!(m10.status, eval::Status::PartiallyAchieved);
    // 60% of € 127.000 = € 76.200: € 36.000 IZA and € 40.200 SPUK (60% of each).
    assert_eq!(total(&m10.earned), money("76200"));
    assert_eq!(
        m10.earned
            .iter()
            .find(|(s, _)| s.as_str() == "spuk")
            .unwrap()
            .1,
        money("40200")
    );
}

/// After the cutoff in "gemiste-resultaten-2026", Tubbergen's repayable SPUK
/// is its population share of every missed milestone's SPUK part. The 25
/// milestones not achieved carry € 3.273.000 SPUK; 21.507/643.153 of that
/// is € 109.448,94 (exactly 109.448,935...); each milestone is allocated on
/// its own, so the sum may differ from the share of the total by at most a
/// cent per milestone, and here it does not differ at all.
#[test]
fn tubbergen_repays_its_share_after_the_cutoff() {
    let project = load(
        "plans/mentaal-gezond-twente.plan",
        &[PathBuf::from(
            "plans/mentaal-gezond-twente/gemiste-resultaten-2026.facts",
        )],
    );
    let e = run(
        &project,
        NaiveDate::from_ymd_opt(2028, 1, 31).unwrap(),
        Overrides::default(),
    );
    let repayable =
        Money::checked_sum(e.milestones.iter().map(|m| total(&m.repayable))).expect("fits");
    assert_eq!(repayable, money("3273000"));
    let t = e.parties.iter().find(|p| p.id == "tubbergen").unwrap();
    assert_eq!(total(&t.repayable), money("109448.94"));
    assert_eq!(
        total(&t.exposure),
        Money::ZERO,
        "after the cutoff nothing is exposure any more"
    );
    // Its repayment of € 3.000 on 2028-02-15 counts only from then on.
    let later = run(
        &project,
        NaiveDate::from_ymd_opt(2028, 3, 31).unwrap(),
        Overrides::default(),
    );
    let t = later.parties.iter().find(|p| p.id == "tubbergen").unwrap();
    assert_eq!(total(&t.repaid), money("3000"));
}

/// What-if: "what if the 2026 referral targets fail?" (KPIs 17, 20 and 23).
#[test]
fn what_if_the_2026_referral_targets_fail() {
    let project = load(
        "plans/mentaal-gezond-twente.plan",
        &[PathBuf::from(
            "plans/mentaal-gezond-twente/alles-behaald.facts",
        )],
    );
    let at = NaiveDate::from_ymd_opt(2028, 1, 31).unwrap();
    let base = run(&project, at, Overrides::default());
    let o = Overrides {
        missed: eval::overrides::parse_list("17,20,23", &project.plan).unwrap(),
        ..Overrides::default()
    };
    let e = run(&project, at, o);
    assert_invariants(&e, &project.plan, "what-if");
    let repayable =
        Money::checked_sum(e.milestones.iter().map(|m| total(&m.repayable))).expect("fits");
    assert_eq!(repayable, money("328500"), "3 x € 109.500 SPUK");
    let earned_base =
        Money::checked_sum(base.milestones.iter().map(|m| total(&m.earned))).expect("fits");
    let earned = Money::checked_sum(e.milestones.iter().map(|m| total(&m.earned))).expect("fits");
    assert_eq!(earned_base.less(earned), money("624000"), "3 x € 208.000");
}
