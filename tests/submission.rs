//! `mijlpaal submission`: the Beoordelingskader as a checklist. Per
//! criterion decided automatically, a small plan that meets it and one that
//! fails it (status and the checks named); the Twente checklist item by
//! item; the JSON shape; pointers (L011); a framework of a region's own
//! (B001, B002).

// Tests may unwrap, index and compute freely: a failing test fails loudly.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects
)]

mod common;

use std::path::Path;

use common::{mijlpaal, replace_once, root, scratch, write};
use serde_json::Value;

/// A rule set with only what the framework reads.
const RULES: &str = "rules toets \"Toets\" {\n  clause \"fin.model Risicodragerschap 4\" no-clawback\n  clause \"art. 2.1.1(b)\" max-duration 5 years\n}\n";

/// Two milestones in batches: € 60.000 due mid-2026, € 40.000 (40%) in the
/// plan's last quarter. Meets every criterion decided automatically.
const PLAN: &str = r#"plan p "Plan" {
  rules toets
  period 2026-01-01 .. 2027-12-31
  party zv "Zorgverzekeraar" coordinating-insurer financier
  party zorg "Zorgaanbieder" care-provider
  stream iza "IZA" paid-by zv
  default payout iza to zorg
  component 1 "Alles" {
    milestone 1 "Eerste" {
      effort
      due 2026-06-30
      amount € 60.000
      evidence "Bewijs"
    }
    milestone 2 "Tweede" {
      result
      after 1
      due 2027-12-01
      amount € 40.000
      evidence "Bewijs"
      judged "Stuurgroep"
    }
  }
}
"#;

/// Runs `submission --format json` on `plan` (and `rules`) in a fresh project.
fn submit(name: &str, plan: &str, rules: &str, extra: &[&str]) -> (i32, Value, String) {
    let dir = scratch("submission", name);
    write(dir.join("mijlpaal.toml"), "");
    write(dir.join("rules/toets.rules"), rules);
    write(dir.join("p.plan"), plan);
    let mut args = vec!["submission", "p.plan", "--format", "json"];
    args.extend_from_slice(extra);
    let run = mijlpaal(&dir, &args);
    let json = serde_json::from_str(&run.stdout).unwrap_or(Value::Null);
    (run.code, json, run.stderr)
}

fn criterion<'a>(v: &'a Value, id: &str) -> &'a Value {
    v["criteria"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == id)
        .unwrap_or_else(|| panic!("no criterion {id} in {v:#}"))
}

fn status(v: &Value, id: &str) -> String {
    criterion(v, id)["status"].as_str().unwrap().to_string()
}

fn because(v: &Value, id: &str) -> Vec<String> {
    criterion(v, id)["because"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b.as_str().unwrap().to_string())
        .collect()
}

fn checks(v: &Value, id: &str) -> Vec<String> {
    criterion(v, id)["checks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b.as_str().unwrap().to_string())
        .collect()
}

/// The one `because` line that starts with `prefix`.
fn reason(v: &Value, id: &str, prefix: &str) -> String {
    let found: Vec<String> = because(v, id)
        .into_iter()
        .filter(|b| b.starts_with(prefix))
        .collect();
    assert_eq!(found.len(), 1, "{prefix} in {id}: {found:#?}");
    found[0].clone()
}

#[test]
fn the_good_plan_meets_every_criterion_decided_automatically() {
    let (code, v, stderr) = submit("good", PLAN, RULES, &[]);
    assert_eq!(code, 0, "{stderr}");
    for id in [
        "voorwaarde-1",
        "voorwaarde-4",
        "voorwaarde-5",
        "middelen-3",
        "middelen-4",
    ] {
        assert_eq!(status(&v, id), "holds", "{id}: {:#?}", because(&v, id));
    }
    for id in [
        "voorwaarde-2",
        "voorwaarde-3",
        "voorwaarde-6",
        "middelen-1",
        "middelen-2",
        "middelen-5",
        "aspect-1",
        "aspect-2",
        "aspect-3",
        "aspect-4",
        "aspect-5",
    ] {
        assert_eq!(status(&v, id), "to-confirm", "{id}");
        assert_eq!(because(&v, id), ["no pointer yet"], "{id}");
        assert!(checks(&v, id).is_empty(), "{id}");
    }
    assert_eq!(
        checks(&v, "voorwaarde-1"),
        ["C301", "C302", "C601", "C602", "C604"]
    );
    assert_eq!(
        reason(&v, "voorwaarde-1", "C601"),
        "C601 evidence-missing: no findings"
    );
    // 40.000 of 100.000 due from 2027-10-01: 40% <= 50%.
    assert_eq!(
        reason(&v, "middelen-3", "last-quarter"),
        "last-quarter: € 40.000 of € 100.000 (40%) is due from 2027-10-01 to 2027-12-31; threshold 50%"
    );
    assert_eq!(
        reason(&v, "middelen-3", "no-clawback"),
        "no-clawback: rule set `toets` has clause \"fin.model Risicodragerschap 4\" no-clawback (line 2)"
    );
    assert_eq!(
        v["summary"]["text"],
        "16 criteria: 5 hold, 0 fail, 11 to confirm"
    );
}

#[test]
fn smart_fails_without_evidence() {
    let plan = replace_once(
        PLAN,
        "      amount € 60.000\n      evidence \"Bewijs\"\n",
        "      amount € 60.000\n",
    );
    let (code, v, _) = submit("smart", &plan, RULES, &[]);
    assert_eq!(code, 1);
    assert_eq!(status(&v, "voorwaarde-1"), "fails");
    let r = reason(&v, "voorwaarde-1", "C601");
    assert!(
        r.starts_with("C601 evidence-missing error: milestone 1"),
        "{r}"
    );
    assert_eq!(
        reason(&v, "voorwaarde-1", "C301"),
        "C301 due-missing: no findings"
    );
}

#[test]
fn smart_fails_on_a_result_without_target_or_judgement() {
    let plan = replace_once(PLAN, "      judged \"Stuurgroep\"\n", "");
    let (code, v, _) = submit("smart-result", &plan, RULES, &[]);
    // C602 warns: the assessors weigh it.
    assert_eq!(code, 0);
    assert_eq!(status(&v, "voorwaarde-1"), "to-confirm");
    assert_eq!(
        reason(&v, "voorwaarde-1", "C602"),
        "C602 result-unmeasurable warning: result milestone 2 has no measurable target and is not marked as judged by people (line 15)"
    );
}

#[test]
fn planning_fails_on_a_cycle_and_asks_about_zero_slack() {
    let plan = replace_once(
        PLAN,
        "      effort\n      due 2026-06-30\n",
        "      effort\n      after 2\n      due 2026-06-30\n",
    );
    let (code, v, _) = submit("planning", &plan, RULES, &[]);
    assert_eq!(code, 1);
    assert_eq!(status(&v, "voorwaarde-4"), "fails");
    assert!(reason(&v, "voorwaarde-4", "C201").contains("C201 dependency-cycle error"));
    assert_eq!(checks(&v, "voorwaarde-4"), ["C201", "C202", "C203"]);

    // Due on the same day as what it builds on: a warning, for the assessor.
    let plan = replace_once(PLAN, "due 2026-06-30", "due 2027-12-01");
    let (code, v, _) = submit("planning-slack", &plan, RULES, &[]);
    assert_eq!(status(&v, "voorwaarde-4"), "to-confirm");
    assert!(reason(&v, "voorwaarde-4", "C202").contains("C202 dependency-order warning"));
    // The money is now all in the last quarter too.
    assert_eq!(status(&v, "middelen-3"), "fails");
    assert_eq!(code, 1);
}

#[test]
fn five_years_fails_past_the_maximum_duration() {
    let plan = replace_once(
        PLAN,
        "period 2026-01-01 .. 2027-12-31",
        "period 2026-01-01 .. 2032-12-31",
    );
    let plan = replace_once(&plan, "due 2027-12-01", "due 2032-06-30");
    let (code, v, _) = submit("five-years", &plan, RULES, &[]);
    assert_eq!(code, 1);
    assert_eq!(status(&v, "voorwaarde-5"), "fails");
    assert_eq!(
        because(&v, "voorwaarde-5"),
        [
            "C701 max-duration error: the plan runs 2026-01-01 .. 2032-12-31, longer than the 5 years the rules allow (until 2030-12-31) (line 3)",
            "C701 max-duration error: milestone 2 is due 2032-06-30, more than 5 years after the plan starts (line 18)",
        ]
    );

    // Without the clause nothing decides it.
    let rules = replace_once(
        RULES,
        "  clause \"art. 2.1.1(b)\" max-duration 5 years\n",
        "",
    );
    let (_, v, _) = submit("five-years-no-clause", PLAN, &rules, &[]);
    assert_eq!(status(&v, "voorwaarde-5"), "to-confirm");
    assert!(reason(&v, "voorwaarde-5", "C701").contains("undecided"));
}

#[test]
fn batches_fail_when_most_money_is_due_in_the_last_quarter() {
    // 60.000 of 100.000 due from 2027-10-01: 60% > 50%.
    let plan = replace_once(PLAN, "      amount € 60.000\n", "      amount € 40.000\n");
    let plan = replace_once(
        &plan,
        "      amount € 40.000\n      evidence \"Bewijs\"\n      judged",
        "      amount € 60.000\n      evidence \"Bewijs\"\n      judged",
    );
    let (code, v, _) = submit("batches", &plan, RULES, &[]);
    assert_eq!(code, 1);
    assert_eq!(status(&v, "middelen-3"), "fails");
    assert_eq!(
        reason(&v, "middelen-3", "last-quarter"),
        "last-quarter: € 60.000 of € 100.000 (60%) is due from 2027-10-01 to 2027-12-31; threshold 50%: not paid in batches on interim milestones"
    );
}

#[test]
fn no_clawback_fails_without_the_clause() {
    let rules = replace_once(
        RULES,
        "  clause \"fin.model Risicodragerschap 4\" no-clawback\n",
        "",
    );
    let (code, v, _) = submit("clawback", PLAN, &rules, &[]);
    assert_eq!(code, 1);
    assert_eq!(status(&v, "middelen-3"), "fails");
    assert_eq!(
        reason(&v, "middelen-3", "no-clawback"),
        "no-clawback: rule set `toets` has no `no-clawback` clause: awarded money could be clawed back"
    );
    assert_eq!(
        checks(&v, "middelen-3"),
        ["C603", "C101", "C102", "last-quarter", "no-clawback"]
    );
}

#[test]
fn use_per_party_fails_without_a_recipient() {
    let plan = replace_once(PLAN, "  default payout iza to zorg\n", "");
    let plan = replace_once(
        &plan,
        "amount € 60.000\n",
        "amount € 60.000 { iza € 60.000 }\n",
    );
    let (code, v, _) = submit("per-party", &plan, RULES, &[]);
    assert_eq!(code, 1);
    assert_eq!(status(&v, "middelen-4"), "fails");
    assert!(reason(&v, "middelen-4", "C604").contains("C604 payout-missing error"));
    // C604 is named by SMART too (responsibilities of parties).
    assert_eq!(status(&v, "voorwaarde-1"), "fails");
}

#[test]
fn pointers_confirm_and_unknown_criteria_are_l011() {
    let plan = replace_once(
        PLAN,
        "  default payout iza to zorg\n",
        "  default payout iza to zorg\n  addresses voorwaarde-2 by plan \"Businesscase, par. 4\"\n",
    );
    let (code, v, _) = submit("pointer", &plan, RULES, &[]);
    assert_eq!(code, 0);
    assert_eq!(status(&v, "voorwaarde-2"), "to-confirm");
    assert_eq!(
        criterion(&v, "voorwaarde-2")["pointer"],
        "Businesscase, par. 4"
    );
    assert!(because(&v, "voorwaarde-2").is_empty());
    assert!(criterion(&v, "voorwaarde-3").get("pointer").is_none());

    let plan = replace_once(
        PLAN,
        "  default payout iza to zorg\n",
        "  default payout iza to zorg\n  addresses voorwaarde-22 by plan \"x\"\n",
    );
    let (code, _, stderr) = submit("pointer-unknown", &plan, RULES, &[]);
    assert_eq!(code, 1, "{stderr}");
    assert!(stderr.contains("L011"), "{stderr}");
    assert!(
        stderr.contains("unknown criterion `voorwaarde-22`"),
        "{stderr}"
    );
    assert!(stderr.contains("did you mean `voorwaarde-2`?"), "{stderr}");

    // `check` finds the same mistyped pointer while drafting, against the
    // same (built-in) framework, and a right pointer costs nothing.
    let dir = scratch("submission", "pointer-check");
    write(dir.join("mijlpaal.toml"), "");
    write(dir.join("rules/toets.rules"), RULES);
    write(dir.join("p.plan"), &plan);
    let run = mijlpaal(&dir, &["check", "p.plan", "--format", "json"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let found: Value = serde_json::from_str(&run.stdout).unwrap();
    let l011: Vec<&Value> = found["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["code"] == "L011")
        .collect();
    assert_eq!(l011.len(), 1, "{found:#}");
    assert_eq!(
        l011[0]["message"],
        "unknown criterion `voorwaarde-22` in framework `beoordelingskader`"
    );
    assert_eq!(l011[0]["file"], "p.plan");
    let fine = plan.replace("voorwaarde-22", "voorwaarde-2");
    write(dir.join("p.plan"), &fine);
    let run = mijlpaal(&dir, &["check", "p.plan"]);
    assert!(!run.stderr.contains("L011"), "{}", run.stderr);
}

#[test]
fn a_region_extends_the_framework_with_its_own_file() {
    let dir = scratch("submission", "region");
    write(dir.join("mijlpaal.toml"), "");
    write(dir.join("rules/toets.rules"), RULES);
    write(dir.join("p.plan"), PLAN);
    let builtin = common::read(root().join("rules/beoordelingskader.criteria"));
    let own = replace_once(
        &builtin,
        "  threshold last-quarter 50%\n",
        "  criterion regio-1 \"Aansluiting bij het regioplan\" source \"Regioplan Twente\"\n  threshold last-quarter 30%\n",
    );
    write(dir.join("rules/beoordelingskader.criteria"), &own);
    let run = mijlpaal(&dir, &["submission", "p.plan", "--format", "json"]);
    let v: Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(status(&v, "regio-1"), "to-confirm");
    // 40% now exceeds the region's 30%.
    assert_eq!(status(&v, "middelen-3"), "fails");
    assert_eq!(run.code, 1);

    // B001 and B002 in a framework given with --criteria.
    write(
        dir.join("eigen.criteria"),
        "criteria eigen \"Eigen\" {\n  criterion a \"A\" source \"r. 1\" decided-by C710, last-quater\n  threshold laatste-kwartaal 50%\n}\n",
    );
    let run = mijlpaal(
        &dir,
        &["submission", "p.plan", "--criteria", "eigen.criteria"],
    );
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("B001"), "{}", run.stderr);
    assert!(
        run.stderr.contains("did you mean `C701`?"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("did you mean `last-quarter`?"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("B002"), "{}", run.stderr);
    assert!(
        run.stdout.is_empty(),
        "no checklist from a broken framework"
    );
}

/// The Twente plan, item by item. The reasons were read against the
/// documents: SMART, planning, duration and use per party are decided by the
/// checks; the € 1.000 by which the KPI table's rounded totals differ from
/// the milestones (C102, as `mijlpaal check` reports) makes middelen-3 fail;
/// the zero-slack pair 44/45 (C202) leaves voorwaarde-4 to the assessors,
/// with the plan's pointer to its governance chapter.
#[test]
fn the_twente_checklist() {
    let run = mijlpaal(
        root(),
        &[
            "submission",
            "plans/mentaal-gezond-twente.plan",
            "--format",
            "json",
        ],
    );
    assert_eq!(run.code, 1, "middelen-3 fails: {}", run.stderr);
    let v: Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(v["plan"], "mgt");
    assert_eq!(v["framework"], "beoordelingskader");
    let expected = [
        ("voorwaarde-1", "holds", false),
        ("voorwaarde-2", "to-confirm", true),
        ("voorwaarde-3", "to-confirm", true),
        ("voorwaarde-4", "to-confirm", true),
        ("voorwaarde-5", "holds", false),
        ("voorwaarde-6", "to-confirm", true),
        ("middelen-1", "to-confirm", false),
        ("middelen-2", "to-confirm", true),
        ("middelen-3", "fails", false),
        ("middelen-4", "holds", false),
        ("middelen-5", "to-confirm", true),
        ("aspect-1", "to-confirm", false),
        ("aspect-2", "to-confirm", false),
        ("aspect-3", "to-confirm", false),
        ("aspect-4", "to-confirm", false),
        ("aspect-5", "to-confirm", false),
    ];
    let ids: Vec<&str> = v["criteria"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, expected.map(|(id, _, _)| id));
    for (id, want, pointer) in expected {
        assert_eq!(status(&v, id), want, "{id}: {:#?}", because(&v, id));
        assert_eq!(criterion(&v, id).get("pointer").is_some(), pointer, "{id}");
    }
    assert_eq!(because(&v, "middelen-1"), ["no pointer yet"]);
    let c202 = reason(&v, "voorwaarde-4", "C202");
    assert!(
        c202.contains("milestone 45 is due on the same day as milestone 44"),
        "{c202}"
    );
    let c102: Vec<String> = because(&v, "middelen-3")
        .into_iter()
        .filter(|b| b.starts_with("C102 plan-total error"))
        .collect();
    assert_eq!(c102.len(), 2, "{c102:#?}");
    assert_eq!(
        reason(&v, "middelen-3", "last-quarter"),
        "last-quarter: € 2.971.000 of € 16.274.000 (18,26%) is due from 2027-10-01 to 2027-12-31; threshold 50%"
    );
    assert!(criterion(&v, "voorwaarde-2")["pointer"]
        .as_str()
        .unwrap()
        .contains("5. Maatschappelijke business case"));
    assert_eq!(v["summary"]["holds"], 3);
    assert_eq!(v["summary"]["fails"], 1);
    assert_eq!(v["summary"]["to-confirm"], 12);
    assert_eq!(
        v["summary"]["text"],
        "16 criteria: 3 hold, 1 fails, 12 to confirm"
    );
}

#[test]
fn json_shape_and_the_other_formats() {
    let (_, v, _) = submit("shape", PLAN, RULES, &[]);
    let mut keys: Vec<&str> = v.as_object().unwrap().keys().map(String::as_str).collect();
    keys.sort_unstable();
    assert_eq!(keys, ["criteria", "framework", "plan", "summary"]);
    for c in v["criteria"].as_array().unwrap() {
        let mut keys: Vec<&str> = c.as_object().unwrap().keys().map(String::as_str).collect();
        keys.sort_unstable();
        assert_eq!(
            keys,
            ["because", "checks", "id", "source", "status", "text"]
        );
    }
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/submission/shape");
    let text = mijlpaal(&dir, &["submission", "p.plan"]);
    assert!(
        text.stdout
            .ends_with("16 criteria: 5 hold, 0 fail, 11 to confirm\n"),
        "{}",
        text.stdout
    );
    assert!(text
        .stdout
        .contains("voorwaarde-1  holds       SMART-geformuleerde afspraken"));
    let md = mijlpaal(&dir, &["submission", "p.plan", "--format", "markdown"]);
    assert!(
        md.stdout.starts_with("# Beoordelingskader Impactvolle"),
        "{}",
        md.stdout
    );
    assert!(
        md.stdout.contains("## voorwaarde-1 — holds"),
        "{}",
        md.stdout
    );
    assert!(md
        .stdout
        .contains("**16 criteria: 5 hold, 0 fail, 11 to confirm**"));
    // The same bytes twice.
    assert_eq!(
        md.stdout,
        mijlpaal(&dir, &["submission", "p.plan", "--format", "markdown"]).stdout
    );
}

#[test]
fn a_pointer_is_escaped_in_every_format() {
    let plan = replace_once(
        PLAN,
        "  default payout iza to zorg\n",
        "  default payout iza to zorg\n  addresses voorwaarde-2 by plan \"<script>|par. 4\u{202e}\"\n",
    );
    let (_, v, _) = submit("escape", &plan, RULES, &[]);
    assert_eq!(
        criterion(&v, "voorwaarde-2")["pointer"],
        "<script>|par. 4\u{202e}"
    );
    let dir = root().join("target/submission/escape");
    let text = mijlpaal(&dir, &["submission", "p.plan"]);
    assert!(
        text.stdout.contains("<script>|par. 4\\u{202e}"),
        "{}",
        text.stdout
    );
    assert!(!text.stdout.contains('\u{202e}'));
    let md = mijlpaal(&dir, &["submission", "p.plan", "--format", "markdown"]);
    assert!(
        md.stdout.contains("\\<script\\>\\|par. 4\\u{202e}"),
        "{}",
        md.stdout
    );
}

/// The approval timeline of Beoordelingskader r. 6006-6012, by hand: submitted
/// Monday 2026-01-05; provisional decision within four weeks: 2026-02-02;
/// the other insurers' two weeks for questions: 2026-02-16; the final
/// decision two weeks later: 2026-03-02. The market leaders are the
/// coordinating and second insurer.
#[test]
fn the_approval_timeline_from_a_submitted_fact() {
    let plan = replace_once(
        PLAN,
        "  party zorg",
        "  party zv2 \"Tweede\" second-insurer\n  party zorg",
    );
    let dir = scratch("submission", "timeline");
    write(dir.join("mijlpaal.toml"), "");
    write(dir.join("rules/toets.rules"), RULES);
    write(dir.join("p.plan"), &plan);
    write(
        dir.join("p/ingediend.facts"),
        "facts p {\n  2025-11-01 submitted\n  2026-01-05 submitted\n}\n",
    );
    let run = mijlpaal(
        &dir,
        &[
            "evaluate",
            "p.plan",
            "--facts",
            "p/ingediend.facts",
            "--at",
            "2026-01-06",
            "--format",
            "json",
        ],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let v: Value = serde_json::from_str(&run.stdout).unwrap();
    let duties: Vec<(String, String, String)> = v["obligations"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["cite"]["clause"] == "approval")
        .map(|d| {
            assert_eq!(
                d["cite"]["citation"],
                "Beoordelingskader stap 3, r. 6006-6012"
            );
            (
                d["due"].as_str().unwrap().to_string(),
                d["party"].as_str().unwrap().to_string(),
                d["kind"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let want: Vec<(String, String, String)> = [
        ("2026-02-02", "zv", "decide"),
        ("2026-02-02", "zv2", "decide"),
        ("2026-02-16", "zv", "questions"),
        ("2026-02-16", "zv2", "questions"),
        ("2026-03-02", "zv", "decide"),
        ("2026-03-02", "zv2", "decide"),
    ]
    .iter()
    .map(|(a, b, c)| (a.to_string(), b.to_string(), c.to_string()))
    .collect();
    // The earlier submission (2025-11-01) is superseded by the later one.
    assert_eq!(duties, want);

    // After the provisional decision's date only what is still ahead is listed.
    let run = mijlpaal(
        &dir,
        &[
            "evaluate",
            "p.plan",
            "--facts",
            "p/ingediend.facts",
            "--at",
            "2026-02-20",
            "--format",
            "json",
        ],
    );
    let v: Value = serde_json::from_str(&run.stdout).unwrap();
    let dues: Vec<&str> = v["obligations"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["cite"]["clause"] == "approval")
        .map(|d| d["due"].as_str().unwrap())
        .collect();
    assert_eq!(dues, ["2026-03-02", "2026-03-02"]);
}

/// Every `data-criterion` row of an HTML checklist, read as XML (an
/// unbalanced tag or an unknown entity fails), with its `data-status`.
fn html_rows(page: &str) -> Vec<(String, String)> {
    use quick_xml::events::Event;
    let body = page.trim_start_matches("<!DOCTYPE html>\n");
    let mut reader = quick_xml::Reader::from_str(body);
    let mut rows = Vec::new();
    loop {
        match reader.read_event().unwrap() {
            Event::Eof => break,
            Event::Start(e) if e.name().as_ref() == b"tr" => {
                let attr = |name: &[u8]| {
                    e.attributes()
                        .map(|a| a.unwrap())
                        .find(|a| a.key.as_ref() == name)
                        .map(|a| String::from_utf8(a.value.to_vec()).unwrap())
                };
                if let (Some(id), Some(status)) = (attr(b"data-criterion"), attr(b"data-status")) {
                    rows.push((id, status));
                }
            }
            Event::Text(t) => {
                t.decode().unwrap();
            }
            _ => {}
        }
    }
    rows
}

#[test]
fn the_html_page_is_well_formed_and_escaped() {
    let run = mijlpaal(
        root(),
        &[
            "submission",
            "plans/mentaal-gezond-twente.plan",
            "--format",
            "html",
        ],
    );
    assert_eq!(run.code, 1);
    let rows = html_rows(&run.stdout);
    assert_eq!(rows.len(), 16);
    assert_eq!(rows[0], ("voorwaarde-1".to_string(), "holds".to_string()));
    assert_eq!(rows[8], ("middelen-3".to_string(), "fails".to_string()));
    assert!(run
        .stdout
        .contains("16 criteria: 3 hold, 1 fails, 12 to confirm"));

    let plan = replace_once(
        PLAN,
        "  default payout iza to zorg\n",
        "  default payout iza to zorg\n  addresses voorwaarde-2 by plan \"<script>alert('x')</script> & par. 4\u{202e}\"\n",
    );
    let (_, _, _) = submit("html-escape", &plan, RULES, &[]);
    let dir = root().join("target/submission/html-escape");
    let page = mijlpaal(&dir, &["submission", "p.plan", "--format", "html"]).stdout;
    assert_eq!(html_rows(&page).len(), 16);
    assert!(!page.contains("<script>"));
    assert!(!page.contains('\u{202e}'));
    assert!(
        page.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; par. 4\\u{202e}"),
        "{page}"
    );
}

#[test]
fn the_built_in_framework_can_be_listed_and_copied() {
    let listed = mijlpaal(root(), &["rules"]);
    assert_eq!(listed.code, 0);
    assert!(listed
        .stdout
        .contains("\nbeoordelingskader  (criteria) Beoordelingskader"));
    let shown = mijlpaal(root(), &["rules", "show", "beoordelingskader"]);
    assert_eq!(shown.code, 0);
    assert_eq!(
        shown.stdout,
        common::read(root().join("rules/beoordelingskader.criteria"))
    );
}
