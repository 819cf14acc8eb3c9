//! Money per party and per milestone on small plans, with every figure
//! computed by hand (issue 10, items 3 and 4): outstanding per party is its
//! earned minus its paid; extreme weights and amounts divide exactly;
//! dissolution lapses claims not yet paid and makes the SPUK money held for
//! them repayable over the risk key.

// Tests may unwrap, index and compute freely: a failing test fails loudly.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects
)]

mod common;

use common::{evaluate_at, facts_from_text, milestone_amount, money, party_amount, plan_from_text};
use mijlpaal::eval::{Column, Status};
use mijlpaal::model::StreamId;

/// A plan with two streams, a key `k` of the given members and weights, and
/// the given milestones (number, due, total, iza, spuk); SPUK is paid out to
/// `spuk_to` and its risk borne by `k`, IZA goes to the care providers.
type Ms<'a> = (u32, &'a str, &'a str, &'a str, &'a str);

fn plan(members: &[(&str, &str)], spuk_to: &str, milestones: &[Ms]) -> String {
    let mut t = String::from(
        "plan p \"Plan\" {\n  rules overeenkomst-transformatieplan\n  period 2026-01-01 .. 2027-12-31\n  party zv \"Zorgverzekeraar\" coordinating-insurer\n  party zv2 \"Tweede\" second-insurer\n  party fin \"Financier\" municipality financier\n  party regio \"Regio\" regional-body steering-group\n  party zorg \"Zorgaanbieders\" care-provider\n",
    );
    for (m, _) in members {
        t.push_str(&format!("  party {m} \"Gemeente {m}\" municipality\n"));
    }
    t.push_str("  stream iza \"IZA\" paid-by zv\n  stream spuk \"SPUK\" paid-by fin\n  key k \"Sleutel\" {\n");
    for (m, w) in members {
        t.push_str(&format!("    {m} {w}\n"));
    }
    t.push_str(&format!(
        "  }}\n  default payout iza to zorg\n  default payout spuk to {spuk_to}\n  default risk spuk by k\n  component 1 \"Alles\" {{\n"
    ));
    for (n, due, total, iza, spuk) in milestones {
        t.push_str(&format!(
            "    milestone {n} \"Mijlpaal {n}\" {{\n      effort\n      due {due}\n      amount € {total} {{ iza € {iza}, spuk € {spuk} }}\n      evidence \"Bewijs\"\n    }}\n"
        ));
    }
    t.push_str("  }\n}\n");
    t
}

fn no_errors(e: &mijlpaal::eval::Evaluation) {
    let errors: Vec<_> = e
        .diagnostics
        .iter()
        .filter(|d| d.severity == mijlpaal::diagnostic::Severity::Error)
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
}

#[test]
fn outstanding_per_party_is_its_earned_minus_its_paid() {
    // € 17.500,06 of SPUK over two equal weights: € 8.750,03 each. Paid
    // € 7.000,03: € 3.500,02 to a (the odd cent to the first listed) and
    // € 3.500,01 to b. Dividing the outstanding € 10.500,03 instead would
    // give a € 5.250,02 and b € 5.250,01: rows that do not add up.
    let p = plan_from_text(&plan(
        &[("a", "1"), ("b", "1")],
        "k",
        &[(1, "2026-06-30", "17.500,06", "0", "17.500,06")],
    ));
    let (f, d) = facts_from_text(
        "facts p {\n  2026-07-10 assessed 1 achieved by zv\n  2026-08-01 paid spuk for 1 € 7.000,03\n}\n",
        &p,
    );
    assert!(d.is_empty(), "{d:#?}");
    let e = evaluate_at(&p, &[f], "2026-09-01");
    no_errors(&e);
    let get = |party, c| party_amount(&e, party, c, "spuk");
    assert_eq!(get("a", Column::Earned), money("8750.03"));
    assert_eq!(get("a", Column::Paid), money("3500.02"));
    assert_eq!(get("a", Column::Outstanding), money("5250.01"));
    assert_eq!(get("b", Column::Earned), money("8750.03"));
    assert_eq!(get("b", Column::Paid), money("3500.01"));
    assert_eq!(get("b", Column::Outstanding), money("5250.02"));
    // And per milestone line, the same.
    let line = &e.parties.iter().find(|p| p.id == "a").unwrap().lines[0];
    assert_eq!(
        mijlpaal::eval::amount_of(&line.outstanding, &StreamId::new("spuk")),
        money("5250.01")
    );
    common::money_laws(&e, &p, &["spuk"]).unwrap();
}

#[test]
fn weights_of_mixed_scale_lose_nothing() {
    // Weights 0,5 and 10^-28: at one scale 5 × 10^27 and 1, so € 500.000.000
    // (5 × 10^10 cents) times a weight overflowed i128 and the ledger dropped
    // the whole amount. Exact shares: 5 × 10^10 × 5 × 10^27 / (5 × 10^27 + 1)
    // = 49.999.999.999,99… cents for a, 0,00…1 for b; the cent left goes to
    // a's larger remainder: a € 500.000.000, b € 0.
    let p = plan_from_text(&plan(
        &[("a", "0,5"), ("b", "0,0000000000000000000000000001")],
        "k",
        &[(1, "2026-06-30", "500.000.000", "0", "500.000.000")],
    ));
    let (f, _) = facts_from_text("facts p {\n  2026-07-10 assessed 1 achieved by zv\n}\n", &p);
    let e = evaluate_at(&p, &[f], "2026-09-01");
    no_errors(&e);
    assert_eq!(
        party_amount(&e, "a", Column::Earned, "spuk"),
        money("500000000")
    );
    assert_eq!(party_amount(&e, "b", Column::Earned, "spuk"), money("0"));
    // Weights 1 and 0,25 (scales 0 and 2): a gets 4/5 = € 80, b 1/5 = € 20.
    let p = plan_from_text(&plan(
        &[("a", "1"), ("b", "0,25")],
        "k",
        &[(1, "2026-06-30", "100", "0", "100")],
    ));
    let (f, _) = facts_from_text("facts p {\n  2026-07-10 assessed 1 achieved by zv\n}\n", &p);
    let e = evaluate_at(&p, &[f], "2026-09-01");
    assert_eq!(party_amount(&e, "a", Column::Earned, "spuk"), money("80"));
    assert_eq!(party_amount(&e, "b", Column::Earned, "spuk"), money("20"));
}

#[test]
fn a_28_digit_amount_reaches_the_parties_whole() {
    // € 9.999.999.999.999.999.999.999.999.998 over two equal weights:
    // € 4.999.999.999.999.999.999.999.999.999 each (it was shown 100 times
    // smaller: its euros were read as cents).
    let p = plan_from_text(&plan(
        &[("a", "1"), ("b", "1")],
        "k",
        &[(
            1,
            "2026-06-30",
            "9.999.999.999.999.999.999.999.999.998",
            "0",
            "9.999.999.999.999.999.999.999.999.998",
        )],
    ));
    let (f, _) = facts_from_text("facts p {\n  2026-07-10 assessed 1 achieved by zv\n}\n", &p);
    let e = evaluate_at(&p, &[f], "2026-09-01");
    no_errors(&e);
    for party in ["a", "b"] {
        assert_eq!(
            party_amount(&e, party, Column::Earned, "spuk"),
            money("4999999999999999999999999999")
        );
        assert_eq!(
            party_amount(&e, party, Column::Outstanding, "spuk"),
            money("4999999999999999999999999999")
        );
    }
}

#[test]
fn dissolution_lapses_unpaid_claims_and_makes_spuk_repayable() {
    // Milestone 1 achieved and paid in full; 2 achieved, only € 20.000 of
    // its SPUK paid; 3 still open. Dissolved on 2026-12-01 (art. 4.2.2).
    let p = plan_from_text(&plan(
        &[("aastad", "30.001"), ("beedorp", "10.000")],
        "regio",
        &[
            (1, "2026-06-30", "100.000", "50.000", "50.000"),
            (2, "2026-09-30", "100.000", "50.000", "50.000"),
            (3, "2027-09-30", "100.000", "50.000", "50.000"),
        ],
    ));
    let (f, d) = facts_from_text(
        "facts p {\n  2026-07-10 assessed 1 achieved by zv\n  2026-08-01 paid iza for 1 € 50.000\n  2026-08-01 paid spuk for 1 € 50.000\n  2026-10-10 assessed 2 achieved by zv\n  2026-11-01 paid spuk for 2 € 20.000\n  2026-12-01 dissolved \"art. 4.2.1 onder iii\"\n}\n",
        &p,
    );
    assert!(d.is_empty(), "{d:#?}");
    let e = evaluate_at(&p, &[f], "2026-12-15");
    no_errors(&e);
    let status = |n: u32| {
        e.milestones
            .iter()
            .find(|m| m.number.0 == n)
            .unwrap()
            .status
    };
    // Payments made stand: milestone 1 stays achieved.
    assert_eq!(status(1), Status::Achieved);
    assert_eq!(
        milestone_amount(&e, 1, Column::Earned, "iza"),
        money("50000")
    );
    assert_eq!(milestone_amount(&e, 1, Column::Lapsed, "iza"), money("0"));
    // Milestone 2: its unpaid claims lapse (it was achieved: it kept
    // `achieved` and its € 80.000 unpaid vanished from every column).
    assert_eq!(status(2), Status::Lapsed);
    assert_eq!(
        milestone_amount(&e, 2, Column::Earned, "spuk"),
        money("20000")
    );
    assert_eq!(milestone_amount(&e, 2, Column::Earned, "iza"), money("0"));
    assert_eq!(
        milestone_amount(&e, 2, Column::Outstanding, "spuk"),
        money("0")
    );
    assert_eq!(
        milestone_amount(&e, 2, Column::Lapsed, "iza"),
        money("50000")
    );
    assert_eq!(
        milestone_amount(&e, 2, Column::Repayable, "spuk"),
        money("30000")
    );
    // Milestone 3, open: its claims lapse, its SPUK is repayable.
    assert_eq!(status(3), Status::Lapsed);
    assert_eq!(
        milestone_amount(&e, 3, Column::Lapsed, "iza"),
        money("50000")
    );
    assert_eq!(
        milestone_amount(&e, 3, Column::Repayable, "spuk"),
        money("50000")
    );
    assert_eq!(
        milestone_amount(&e, 3, Column::Exposure, "spuk"),
        money("0")
    );
    // Parties. IZA: the care providers earned and were paid € 50.000;
    // € 100.000 lapsed. SPUK: the region earned and was paid € 70.000.
    assert_eq!(
        party_amount(&e, "zorg", Column::Earned, "iza"),
        money("50000")
    );
    assert_eq!(
        party_amount(&e, "zorg", Column::Lapsed, "iza"),
        money("100000")
    );
    assert_eq!(
        party_amount(&e, "regio", Column::Earned, "spuk"),
        money("70000")
    );
    assert_eq!(
        party_amount(&e, "regio", Column::Outstanding, "spuk"),
        money("0")
    );
    // Repayable over the risk key 30.001 : 10.000, per milestone:
    //   2: € 30.000 × 30.001 / 40.001 = 22.500,1874… and × 10.000 / 40.001
    //      = 7.499,8125…: floors 22.500,18 and 7.499,81, the cent left to
    //      the larger remainder (aastad): 22.500,19 + 7.499,81;
    //   3: € 50.000 → 37.500,3124… and 12.499,6875…: floors 37.500,31 and
    //      12.499,68, the cent to beedorp: 37.500,31 + 12.499,69.
    assert_eq!(
        party_amount(&e, "aastad", Column::Repayable, "spuk"),
        money("60000.50")
    );
    assert_eq!(
        party_amount(&e, "beedorp", Column::Repayable, "spuk"),
        money("19999.50")
    );
    common::money_laws(&e, &p, &["spuk"]).unwrap();
}

#[test]
fn a_key_without_positive_weights_is_reported_not_dropped() {
    let p = plan_from_text(&plan(
        &[("a", "0"), ("b", "0")],
        "k",
        &[(1, "2026-06-30", "100", "0", "100")],
    ));
    let (f, _) = facts_from_text("facts p {\n  2026-07-10 assessed 1 achieved by zv\n}\n", &p);
    let e = evaluate_at(&p, &[f], "2026-09-01");
    let codes: Vec<&str> = e.diagnostics.iter().map(|d| d.code).collect();
    assert_eq!(codes, ["E011"], "{:#?}", e.diagnostics);
    assert!(e.diagnostics[0]
        .message
        .contains("milestone 1: the `earned` of `spuk`"));
    assert_eq!(
        milestone_amount(&e, 1, Column::Earned, "spuk"),
        money("100")
    );
}

#[test]
fn a_stream_without_payout_is_reported_not_dropped() {
    let text = plan(&[("a", "1")], "k", &[(1, "2026-06-30", "100", "40", "60")])
        .replace("  default payout iza to zorg\n", "");
    let p = plan_from_text(&text);
    let (f, _) = facts_from_text("facts p {\n  2026-07-10 assessed 1 achieved by zv\n}\n", &p);
    let e = evaluate_at(&p, &[f], "2026-09-01");
    let found: Vec<(&str, &str)> = e
        .diagnostics
        .iter()
        .map(|d| (d.code, d.message.as_str()))
        .collect();
    assert_eq!(
        found,
        [(
            "E011",
            "milestone 1: the `earned` of `iza` is not divided over parties: no one receives `iza` for it"
        )]
    );
    assert_eq!(party_amount(&e, "a", Column::Earned, "spuk"), money("60"));
}

/// The repository's rules with `repay-unmet` for both streams: SPUK over
/// each milestone's risk key, IZA over the plan's key `k2`.
fn rules_repaying_both() -> mijlpaal::model::RuleSet {
    let text = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("rules/overeenkomst-transformatieplan.rules"),
    )
    .unwrap()
    .replace(
        "repay-unmet spuk by risk-key",
        "repay-unmet spuk by risk-key\n  clause \"aanname\" repay-unmet iza by k2",
    );
    let id = mijlpaal::source::FileId(2);
    let (tree, diags) = mijlpaal::syntax::parse(id, &text, &Default::default());
    assert!(diags.is_empty(), "{diags:#?}");
    let Some(mijlpaal::syntax::ast::File::Rules(r)) = tree else {
        panic!("a rule set");
    };
    let (rules, diags) = mijlpaal::lower::lower_rules(&r, id);
    assert!(diags.is_empty(), "{diags:#?}");
    rules
}

#[test]
fn each_stream_is_repaid_over_its_own_key_with_one_duty_per_stream() {
    // Milestone 1 (€ 40 IZA, € 60 SPUK) not achieved by the cutoff
    // 2027-12-31. SPUK over the risk key k (30.001 : 10.000): 6.000 cents ×
    // 30.001 / 40.001 = 4.500,11… and × 10.000 / 40.001 = 1.499,89…: floors
    // 4.500 and 1.499, the cent left to b's larger remainder: a € 45, b € 15.
    // IZA over k2 (1 : 3): a € 10, b € 30.
    let text = plan(
        &[("a", "30.001"), ("b", "10.000")],
        "k",
        &[(1, "2026-06-30", "100", "40", "60")],
    )
    .replace(
        "  default payout iza to zorg\n",
        "  default payout iza to zorg\n  key k2 \"Zorgsleutel\" {\n    a 1\n    b 3\n  }\n",
    );
    let p = plan_from_text(&text);
    let e = mijlpaal::eval::evaluate(
        &p,
        &rules_repaying_both(),
        &[],
        &mijlpaal::eval::Options {
            at: chrono::NaiveDate::from_ymd_opt(2028, 1, 31).unwrap(),
            horizon_days: 90,
            overrides: Default::default(),
            party_lines: mijlpaal::eval::PartyLines::None,
            trace: true,
        },
    );
    no_errors(&e);
    assert!(e.diagnostics.is_empty(), "{:#?}", e.diagnostics);
    assert_eq!(
        party_amount(&e, "a", Column::Repayable, "spuk"),
        money("45")
    );
    assert_eq!(
        party_amount(&e, "b", Column::Repayable, "spuk"),
        money("15")
    );
    assert_eq!(party_amount(&e, "a", Column::Repayable, "iza"), money("10"));
    assert_eq!(party_amount(&e, "b", Column::Repayable, "iza"), money("30"));
    let mut duties: Vec<(String, String, String)> = e
        .obligations
        .iter()
        .filter(|d| d.kind == mijlpaal::eval::DutyKind::Repay)
        .map(|d| {
            (
                d.party.to_string(),
                d.stream.as_ref().map(|s| s.to_string()).unwrap_or_default(),
                d.amount.map(|a| a.to_plain()).unwrap_or_default(),
            )
        })
        .collect();
    duties.sort();
    let want = [
        ("a", "iza", "10.00"),
        ("a", "spuk", "45.00"),
        ("b", "iza", "30.00"),
        ("b", "spuk", "15.00"),
    ];
    assert_eq!(
        duties,
        want.map(|(p, s, a)| (p.to_string(), s.to_string(), a.to_string()))
    );
    common::money_laws(&e, &p, &["spuk", "iza"]).unwrap();
}

#[test]
fn payments_too_large_to_add_are_reported_not_saturated() {
    // Eight payments of € 9.999.999.999.999.999.999.999.999.999: seven add
    // up to € 69.999.999.999.999.999.999.999.999.993, the eighth would pass
    // the largest decimal (about € 7,9 × 10^28) and is ignored (E015).
    let p = plan_from_text(&plan(
        &[("a", "1")],
        "k",
        &[(1, "2026-06-30", "100", "0", "100")],
    ));
    let mut facts = String::from("facts p {\n  2026-07-10 assessed 1 achieved by zv\n");
    for day in 1..=8 {
        facts.push_str(&format!(
            "  2026-08-0{day} paid spuk for 1 € 9.999.999.999.999.999.999.999.999.999\n"
        ));
    }
    facts.push_str("}\n");
    let (f, d) = facts_from_text(&facts, &p);
    assert!(d.is_empty(), "{d:#?}");
    let e = evaluate_at(&p, &[f], "2026-09-01");
    let codes: Vec<&str> = e.diagnostics.iter().map(|d| d.code).collect();
    // Each of the seven counted payments goes beyond what is earned (E003).
    assert_eq!(
        codes,
        [["E003"; 7].as_slice(), &["E015"]].concat(),
        "{:#?}",
        e.diagnostics
    );
    assert_eq!(
        milestone_amount(&e, 1, Column::Paid, "spuk"),
        money("69999999999999999999999999993")
    );
}
