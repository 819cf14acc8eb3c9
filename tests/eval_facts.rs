//! Bad facts through the real binary: each file in tests/eval_facts/ holds
//! one bad fact about the Twente plan with just enough context. The
//! diagnostics on stderr are snapshotted; the exit code is asserted, and so
//! is that the evaluation is still printed (valid JSON on stdout) with the
//! bad fact ignored, except where lowering fails and nothing is evaluated.

// Tests may unwrap, index and compute freely: a failing test fails loudly.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects
)]

use std::path::Path;

use serde_json::Value;

mod common;

const TWENTE: &str = "plans/mentaal-gezond-twente.plan";

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

struct Run {
    code: i32,
    stderr: String,
    /// The evaluation, if stdout held JSON.
    json: Option<Value>,
    stdout: String,
}

fn evaluate(name: &str, at: &str) -> Run {
    let facts = format!("tests/eval_facts/{name}.facts");
    assert!(root().join(&facts).is_file(), "{facts} is missing");
    let out = common::bin()
        .args([
            "evaluate", TWENTE, "--facts", &facts, "--at", at, "--color", "never", "--format",
            "json",
        ])
        .current_dir(root())
        .output()
        .expect("run mijlpaal");
    let stdout = String::from_utf8(out.stdout).expect("stdout is UTF-8");
    Run {
        code: out.status.code().expect("exited"),
        stderr: String::from_utf8(out.stderr).expect("stderr is UTF-8"),
        json: serde_json::from_str(&stdout).ok(),
        stdout,
    }
}

/// The evaluation was printed, and names all 47 Twente milestones.
fn evaluated(run: &Run) -> &Value {
    let json = run
        .json
        .as_ref()
        .unwrap_or_else(|| panic!("no JSON on stdout:\n{}\n{}", run.stdout, run.stderr));
    assert_eq!(json["milestones"].as_array().map(Vec::len), Some(47));
    json
}

fn milestone(json: &Value, n: u64) -> &Value {
    json["milestones"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["number"] == n)
        .unwrap_or_else(|| panic!("milestone {n} not in the output"))
}

fn status(json: &Value, n: u64) -> &str {
    milestone(json, n)["status"].as_str().unwrap()
}

/// Codes of the diagnostics on stderr (each starts a line of its own).
fn codes(stderr: &str) -> Vec<&str> {
    stderr
        .lines()
        .filter(|l| {
            l.len() == 4
                && l.starts_with(['E', 'L', 'C', 'I', 'S'])
                && l[1..].chars().all(|c| c.is_ascii_digit())
        })
        .collect()
}

#[test]
fn unknown_milestone_fails_lowering() {
    let r = evaluate("unknown-milestone", "2026-03-01");
    insta::assert_snapshot!("unknown_milestone", r.stderr);
    assert_eq!(r.code, 1);
    assert_eq!(codes(&r.stderr), ["L011"]);
    assert!(r.stdout.is_empty(), "nothing is evaluated: {}", r.stdout);
}

#[test]
fn assessment_before_the_due_date_is_ignored() {
    let r = evaluate("assessed-before-due", "2026-01-20");
    insta::assert_snapshot!("assessed_before_due", r.stderr);
    assert_eq!(r.code, 0, "E002 is a warning");
    assert_eq!(codes(&r.stderr), ["E002"]);
    let json = evaluated(&r);
    assert_eq!(status(json, 10), "in-assessment");
    assert_eq!(milestone(json, 10)["earned"]["spuk"], "0.00");
}

#[test]
fn payment_above_what_was_earned() {
    let r = evaluate("paid-above-earned", "2026-03-01");
    insta::assert_snapshot!("paid_above_earned", r.stderr);
    assert_eq!(r.code, 1, "E003 is an error");
    assert_eq!(codes(&r.stderr), ["E003"]);
    let json = evaluated(&r);
    let m = milestone(json, 10);
    assert_eq!(m["status"], "achieved");
    assert_eq!(m["paid"]["spuk"], "70000.00");
    assert_eq!(m["earned"]["spuk"], "67000.00");
    assert_eq!(m["outstanding"]["spuk"], "-3000.00");
}

#[test]
fn contradicting_verdicts_on_one_day_are_both_ignored() {
    let r = evaluate("contradicting-same-day", "2026-01-20");
    insta::assert_snapshot!("contradicting_same_day", r.stderr);
    assert_eq!(r.code, 1, "E004 is an error");
    assert_eq!(codes(&r.stderr), ["E004"]);
    let json = evaluated(&r);
    // Neither achieved nor missed: still awaiting the verdict.
    assert_eq!(status(json, 10), "in-assessment");
    assert_eq!(milestone(json, 10)["earned"]["iza"], "0.00");
}

#[test]
fn achieved_then_not_achieved_stays_achieved() {
    let r = evaluate("achieved-then-not", "2026-03-01");
    insta::assert_snapshot!("achieved_then_not", r.stderr);
    assert_eq!(r.code, 1, "E004 is an error");
    assert_eq!(codes(&r.stderr), ["E004"]);
    let json = evaluated(&r);
    let m = milestone(json, 10);
    assert_eq!(m["status"], "achieved");
    assert_eq!(m["since"], "2026-01-14");
    assert_eq!(m["earned"]["spuk"], "67000.00");
    assert_eq!(m["repayable"]["spuk"], "0.00");
}

#[test]
fn fact_after_the_evaluation_date_is_ignored() {
    let r = evaluate("fact-after-at", "2026-03-01");
    insta::assert_snapshot!("fact_after_at", r.stderr);
    assert_eq!(r.code, 0, "E001 is not an error");
    assert_eq!(codes(&r.stderr), ["E001"]);
    let json = evaluated(&r);
    assert_eq!(status(json, 10), "achieved", "the facts before --at count");
    assert_eq!(status(json, 11), "open", "the later assessment does not");
}

#[test]
fn assessment_by_a_party_that_does_not_assess() {
    let r = evaluate("not-an-assessor", "2026-01-20");
    insta::assert_snapshot!("not_an_assessor", r.stderr);
    assert_eq!(r.code, 0, "E006 is a warning");
    assert_eq!(codes(&r.stderr), ["E006"]);
    let json = evaluated(&r);
    assert_eq!(status(json, 10), "in-assessment");
}

#[test]
fn partial_payout_decided_by_a_municipality() {
    let r = evaluate("partial-by-municipality", "2026-03-01");
    insta::assert_snapshot!("partial_by_municipality", r.stderr);
    assert_eq!(r.code, 0, "E007 is a warning");
    assert_eq!(codes(&r.stderr), ["E007"]);
    let json = evaluated(&r);
    let m = milestone(json, 10);
    assert_eq!(m["status"], "missed", "the decision is ignored");
    assert_eq!(m["earned"]["iza"], "0.00");
    assert_eq!(m["earned"]["spuk"], "0.00");
}

#[test]
fn partial_payout_above_100_percent_is_an_error() {
    let r = evaluate("partial-above-100", "2026-03-01");
    insta::assert_snapshot!("partial_above_100", r.stderr);
    assert_eq!(r.code, 1, "E012 is an error");
    assert_eq!(codes(&r.stderr), ["E012"]);
    let json = evaluated(&r);
    let m = milestone(json, 10);
    // Ignored, not capped at € 127.000: the milestone stays missed.
    assert_eq!(m["status"], "missed");
    assert_eq!(m["earned"]["iza"], "0.00");
    assert_eq!(m["earned"]["spuk"], "0.00");
}

#[test]
fn partial_payout_above_the_milestone_amount_is_an_error() {
    let r = evaluate("partial-above-amount", "2026-03-01");
    insta::assert_snapshot!("partial_above_amount", r.stderr);
    assert_eq!(r.code, 1, "E012 is an error");
    assert_eq!(codes(&r.stderr), ["E012"]);
    let json = evaluated(&r);
    let m = milestone(json, 10);
    assert_eq!(m["status"], "missed");
    assert_eq!(m["earned"]["spuk"], "0.00");
}

#[test]
fn contradicting_administration_facts_of_one_day_are_ignored_in_any_order() {
    let r = evaluate("administration-contradicting", "2026-03-01");
    insta::assert_snapshot!("administration_contradicting", r.stderr);
    assert_eq!(r.code, 1, "E013 is an error");
    assert_eq!(codes(&r.stderr), ["E013"]);
    let json = evaluated(&r);
    // Without a compliance fact the silence of the insurers past 2026-01-28 does not count.
    assert_eq!(status(json, 13), "in-assessment");
    assert_eq!(milestone(json, 13)["earned"]["spuk"], "0.00");
    let swapped = evaluate("administration-contradicting-swapped", "2026-03-01");
    assert_eq!(swapped.code, 1);
    assert_eq!(codes(&swapped.stderr), ["E013"]);
    assert_eq!(
        swapped.stdout, r.stdout,
        "swapping the lines changes nothing"
    );
}

#[test]
fn contradicting_partial_payouts_of_one_day_are_both_ignored() {
    let r = evaluate("partials-contradicting", "2026-03-01");
    insta::assert_snapshot!("partials_contradicting", r.stderr);
    assert_eq!(r.code, 1, "E013 is an error");
    assert_eq!(codes(&r.stderr), ["E013"]);
    let json = evaluated(&r);
    let m = milestone(json, 10);
    assert_eq!(m["status"], "missed");
    assert_eq!(m["earned"]["spuk"], "0.00");
    let swapped = evaluate("partials-contradicting-swapped", "2026-03-01");
    assert_eq!(codes(&swapped.stderr), ["E013"]);
    assert_eq!(
        swapped.stdout, r.stdout,
        "swapping the lines changes nothing"
    );
}

#[test]
fn repayment_above_what_is_repayable_is_a_warning() {
    let r = evaluate("repaid-above-repayable", "2026-03-01");
    insta::assert_snapshot!("repaid_above_repayable", r.stderr);
    assert_eq!(r.code, 0, "E014 is a warning");
    assert_eq!(codes(&r.stderr), ["E014"]);
    let json = evaluated(&r);
    let tubbergen = json["parties"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["id"] == "tubbergen")
        .unwrap();
    // The repayment still counts.
    assert_eq!(tubbergen["repaid"]["spuk"], "1000.00");
    assert_eq!(tubbergen["repayable"]["spuk"], "0.00");
}

#[test]
fn the_same_facts_file_twice_is_refused() {
    let facts = "tests/eval_facts/paid-above-earned.facts";
    let run = |second: &str| {
        let out = common::bin()
            .args([
                "evaluate",
                TWENTE,
                "--facts",
                facts,
                "--facts",
                second,
                "--at",
                "2026-03-01",
                "--color",
                "never",
                "--format",
                "json",
            ])
            .current_dir(root())
            .output()
            .expect("run mijlpaal");
        (
            out.status.code().expect("exited"),
            String::from_utf8(out.stderr).unwrap(),
        )
    };
    // The same path, and the same file by another path.
    for second in [
        facts,
        "tests/eval_facts/../eval_facts/paid-above-earned.facts",
    ] {
        let (code, stderr) = run(second);
        assert_eq!(code, 2, "an input error: {stderr}");
        assert!(codes(&stderr).contains(&"I011"), "{stderr}");
        assert!(stderr.contains("is the same file as"), "{stderr}");
    }
    // A copy: the same content.
    let copy = root().join("target/tmp-eval-facts/copy.facts");
    std::fs::create_dir_all(copy.parent().unwrap()).unwrap();
    std::fs::copy(root().join(facts), &copy).unwrap();
    let (code, stderr) = run(copy.to_str().unwrap());
    assert_eq!(code, 2, "an input error: {stderr}");
    assert!(codes(&stderr).contains(&"I011"), "{stderr}");
    assert!(stderr.contains("has the same content as"), "{stderr}");
    // Refused: nothing is evaluated with the payment counted twice.
    assert!(!codes(&stderr).contains(&"E003"), "{stderr}");
}

#[test]
fn partial_payout_by_the_steering_group_alone_is_ignored() {
    let r = evaluate("partial-by-steering-group-alone", "2026-03-01");
    insta::assert_snapshot!("partial_by_steering_group_alone", r.stderr);
    assert_eq!(r.code, 0, "E007 is a warning");
    assert_eq!(codes(&r.stderr), ["E007"]);
    assert!(
        r.stderr.contains("without the coordinating-") && r.stderr.contains("insurer (menzis)"),
        "names the missing role and who holds it: {}",
        r.stderr
    );
    let json = evaluated(&r);
    let m = milestone(json, 10);
    assert_eq!(m["status"], "missed", "the decision is ignored");
    assert_eq!(m["earned"]["iza"], "0.00");
    assert_eq!(m["earned"]["spuk"], "0.00");
}

#[test]
fn partial_payout_by_the_steering_group_and_the_insurer_counts() {
    let r = evaluate("partial-by-steering-group-and-insurer", "2026-03-01");
    assert_eq!(r.code, 0);
    assert_eq!(codes(&r.stderr), Vec::<&str>::new(), "{}", r.stderr);
    let json = evaluated(&r);
    let m = milestone(json, 10);
    assert_eq!(m["status"], "partially-achieved");
    assert_eq!(
        m["reason"],
        "60% paid out by decision of twentse_koers, menzis on 2026-02-10"
    );
    // Milestone 10 is € 127.000 { iza € 60.000, spuk € 67.000 }: 60% of each.
    assert_eq!(m["earned"]["iza"], "36000.00");
    assert_eq!(m["earned"]["spuk"], "40200.00");
}

#[test]
fn postponement_without_the_insurer_is_ignored() {
    let r = evaluate("postponed-without-insurer", "2026-06-30");
    insta::assert_snapshot!("postponed_without_insurer", r.stderr);
    assert_eq!(r.code, 0, "E016 is a warning");
    assert_eq!(codes(&r.stderr), ["E016"]);
    assert!(
        r.stderr.contains("(menzis)"),
        "names who holds the missing role: {}",
        r.stderr
    );
    let json = evaluated(&r);
    let m = milestone(json, 11);
    assert_eq!(m["status"], "missed", "the postponement is ignored");
    assert_eq!(
        m["reason"],
        "assessed not achieved on 2026-04-15; may still be achieved until 2027-12-31"
    );
}

#[test]
fn postponement_naming_nobody_is_ignored_when_the_clause_names_roles() {
    let r = evaluate("postponed-by-nobody", "2026-06-30");
    insta::assert_snapshot!("postponed_by_nobody", r.stderr);
    assert_eq!(r.code, 0, "E016 is a warning");
    assert_eq!(codes(&r.stderr), ["E016"]);
    let json = evaluated(&r);
    assert_eq!(status(json, 11), "missed", "the postponement is ignored");
}

#[test]
fn postponement_by_the_steering_group_and_the_insurer_counts() {
    let r = evaluate("postponed-by-both", "2026-06-30");
    assert_eq!(r.code, 0);
    assert_eq!(codes(&r.stderr), Vec::<&str>::new(), "{}", r.stderr);
    let json = evaluated(&r);
    let m = milestone(json, 11);
    assert_eq!(m["status"], "postponed");
    assert_eq!(
        m["reason"],
        "postponed until 2026-09-30 by decision of twentse_koers, menzis"
    );
    assert_eq!(m["earned"]["spuk"], "0.00");
}

#[test]
fn unknown_party_in_a_by_list_fails_lowering() {
    let r = evaluate("unknown-party-in-by-list", "2026-03-01");
    insta::assert_snapshot!("unknown_party_in_by_list", r.stderr);
    assert_eq!(r.code, 1);
    assert_eq!(codes(&r.stderr), ["L011"]);
    assert!(r.stderr.contains("did you mean `menzis`?"), "{}", r.stderr);
    assert!(r.stdout.is_empty(), "nothing is evaluated: {}", r.stdout);
}

/// Backward compatibility: under a `postponement` clause that names no
/// roles, a `postponed` fact without `by` still counts, as it did before
/// the clause could name roles.
#[test]
fn postponement_naming_nobody_counts_when_the_clause_names_no_roles() {
    let dir = common::scratch("tmp-eval-facts", "postponement-no-roles");
    common::twente(
        &dir,
        |p| p.to_string(),
        |r| {
            common::replace_once(
                r,
                "postponement until payout-cutoff by steering-group coordinating-insurer",
                "postponement until payout-cutoff",
            )
        },
    );
    common::write(
        dir.join("nobody.facts"),
        common::read(root().join("tests/eval_facts/postponed-by-nobody.facts")),
    );
    let r = common::mijlpaal(
        &dir,
        &[
            "evaluate",
            "mgt.plan",
            "--facts",
            "nobody.facts",
            "--at",
            "2026-06-30",
            "--format",
            "json",
            "--allow-unpinned",
        ],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(!r.stderr.contains("E016"), "{}", r.stderr);
    let json: Value = serde_json::from_str(&r.stdout).expect("JSON on stdout");
    let m = milestone(&json, 11);
    assert_eq!(m["status"], "postponed");
    assert_eq!(m["reason"], "postponed until 2026-09-30");
}

#[test]
fn a_party_named_twice_in_a_by_list_fails_lowering() {
    let r = evaluate("party-named-twice", "2026-03-01");
    insta::assert_snapshot!("party_named_twice", r.stderr);
    assert_eq!(r.code, 1);
    assert_eq!(codes(&r.stderr), ["L014"]);
    assert!(r.stdout.is_empty(), "nothing is evaluated: {}", r.stdout);
}

#[test]
fn contradicting_counts_of_one_day_are_both_ignored_in_any_order() {
    let r = evaluate("counts-contradicting", "2026-03-01");
    assert_eq!(r.code, 1, "E013 is an error");
    assert_eq!(codes(&r.stderr), ["E013"]);
    assert!(
        r.stderr.contains(
            "the counts of `gesprekken` for 2025-01-01 .. 2025-12-31 stated on 2026-01-10"
        ),
        "{}",
        r.stderr
    );
    let json = evaluated(&r);
    let measured = &milestone(json, 13)["measured"][0];
    assert_eq!(measured["value"], Value::Null, "{measured}");
    let swapped = evaluate("counts-contradicting-swapped", "2026-03-01");
    assert_eq!(codes(&swapped.stderr), ["E013"]);
    assert_eq!(
        swapped.stdout, r.stdout,
        "swapping the lines changes nothing"
    );
}
