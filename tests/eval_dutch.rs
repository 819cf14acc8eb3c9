//! The evaluation's outputs in Dutch (issue 13, item 2), through the binary
//! on the Twente plan: `evaluate` as text and JSON, `evaluate --party`,
//! `explain-milestone`, `timeline`, `diff --format markdown`, `submission`
//! and the council report, each with `--lang nl`; the language from `LANG`
//! when there is no `--lang`, and `--lang en` over `LANG`.

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

use common::{mijlpaal, read, replace_once, root, scratch};

const PLAN: &str = common::TWENTE_PLAN;
const FACTS: &str = "plans/mentaal-gezond-twente/gemiste-resultaten-2026.facts";
const AT: &str = "2028-01-31";

/// `mijlpaal ARGS --lang nl` in the repository root; must succeed.
fn dutch(args: &[&str]) -> String {
    let mut all = args.to_vec();
    all.extend_from_slice(&["--lang", "nl"]);
    let run = mijlpaal(root(), &all);
    assert_eq!(run.code, 0, "{args:?}: {}", run.stderr);
    run.stdout
}

fn evaluate(extra: &[&'static str]) -> Vec<&'static str> {
    let mut args = vec!["evaluate", PLAN, "--facts", FACTS, "--at", AT];
    args.extend_from_slice(extra);
    args
}

/// Words of the English texts of the evaluation that must not be left in
/// its Dutch text (as whole words, so `open` and `status` may stay).
const ENGLISH: &[&str] = &[
    " due ",
    "achieved",
    "assessed",
    "awaiting",
    "earned",
    "evidence",
    "Milestone",
    "Obligations",
    "Parties",
    "reason",
    "repayable",
    "Trace",
    "Money",
    " paid",
    " of `",
];

fn assert_no_english(text: &str) {
    for w in ENGLISH {
        assert!(!text.contains(w), "English `{w}` left in:\n{text}");
    }
}

#[test]
fn evaluate_text_in_dutch() {
    let text = dutch(&evaluate(&[]));
    assert!(text.starts_with("Mentaal Gezond Twente (mgt) op 2028-01-31\n\nMijlpalen\n"));
    let line = |n: &str| {
        text.lines()
            .find(|l| l.trim_start().starts_with(&format!("{n} ")))
            .unwrap_or_else(|| panic!("no line for milestone {n}:\n{text}"))
            .to_string()
    };
    assert!(line("11").contains(" behaald "), "{}", line("11"));
    assert!(
        line("11").ends_with("beoordeeld als behaald op 2026-04-14"),
        "{}",
        line("11")
    );
    assert!(
        line("17").contains("niet behaald")
            && line("17").contains("78,06% (548 van 702) > 73%: niet gehaald"),
        "{}",
        line("17")
    );
    assert!(text.contains("\nPartijen\n"), "{text}");
    assert!(text.contains("\nVerplichtingen tot en met "), "{text}");
    assert_no_english(&text);
    insta::assert_snapshot!("evaluate_text_nl", text);
}

#[test]
fn explain_milestone_11_in_dutch() {
    let text = dutch(&[
        "explain-milestone",
        PLAN,
        "11",
        "--facts",
        FACTS,
        "--at",
        AT,
    ]);
    let lines: Vec<&str> = text.lines().collect();
    assert!(
        lines[0].starts_with("Mijlpaal 11 (inspanningsverplichting, 2): "),
        "{text}"
    );
    assert_eq!(
        lines[1],
        "Op 2028-01-31: behaald — beoordeeld als behaald op 2026-04-14 [entitlement (art. 3.1.2, 3.2.1)]"
    );
    assert!(
        lines.contains(
            &"  2026-04-14  beoordeeld als behaald door menzis  [assessors (art. 3.2.2)]"
        ),
        "{text}"
    );
    assert!(
        lines.contains(&"  2026-03-31  behaaldatum van mijlpaal 11"),
        "{text}"
    );
    assert!(
        lines.contains(&"Redenering") && lines.contains(&"Geld"),
        "{text}"
    );
    assert_no_english(&text);
    insta::assert_snapshot!("explain_milestone_11_nl", text);
}

#[test]
fn explain_milestone_17_measures_in_dutch() {
    let text = dutch(&[
        "explain-milestone",
        PLAN,
        "17",
        "--facts",
        FACTS,
        "--at",
        AT,
    ]);
    assert!(text.contains("\nDoelen uit de feiten\n"), "{text}");
    assert!(
        text.contains(": 78,06% (548 van 702) > 73%: niet gehaald\n"),
        "{text}"
    );
    assert!(
        text.contains("is gekoppeld aan een niet behaalde mijlpaal: terug te betalen"),
        "{text}"
    );
    assert_no_english(&text);
}

#[test]
fn evaluate_party_in_dutch() {
    let text = dutch(&evaluate(&["--party", "enschede"]));
    assert!(text.contains("\nPer mijlpaal\n"), "{text}");
    assert!(text.contains("Waarom"), "{text}");
    assert_no_english(&text);
}

#[test]
fn json_keeps_its_keys_and_ids_with_dutch_texts() {
    let raw = dutch(&evaluate(&["--format", "json"]));
    let v: serde_json::Value = serde_json::from_str(&raw).unwrap();
    let m11 = v["milestones"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["number"] == 11)
        .unwrap();
    assert_eq!(m11["status"], "achieved");
    assert_eq!(m11["reason"], "beoordeeld als behaald op 2026-04-14");
    let english = mijlpaal(root(), &evaluate(&["--format", "json"]));
    let e: serde_json::Value = serde_json::from_str(&english.stdout).unwrap();
    let keys =
        |v: &serde_json::Value| -> Vec<String> { v.as_object().unwrap().keys().cloned().collect() };
    assert_eq!(keys(&v), keys(&e));
    assert_eq!(keys(m11), keys(&e["milestones"][10]));
}

#[test]
fn language_from_the_environment() {
    let run = |envs: &[(&str, &str)], extra: &[&str]| {
        let mut c = common::bin();
        c.current_dir(root())
            .args(["--color", "never", "explain-milestone", PLAN, "11"])
            .args(["--facts", FACTS, "--at", AT])
            .args(extra);
        for (k, v) in envs {
            c.env(k, v);
        }
        let out = c.output().unwrap();
        assert!(out.status.success());
        String::from_utf8(out.stdout).unwrap()
    };
    let english = run(&[], &[]);
    assert!(english.contains("\nAt 2028-01-31: achieved — assessed achieved on 2026-04-14"));
    let from_lang = run(&[("LANG", "nl_NL.UTF-8")], &[]);
    assert!(
        from_lang.contains("\nOp 2028-01-31: behaald — beoordeeld als behaald op 2026-04-14"),
        "{from_lang}"
    );
    assert_eq!(
        from_lang,
        dutch(&[
            "explain-milestone",
            PLAN,
            "11",
            "--facts",
            FACTS,
            "--at",
            AT
        ])
    );
    assert_eq!(run(&[("LANG", "nl_NL.UTF-8")], &["--lang", "en"]), english);
}

#[test]
fn timeline_headers_in_dutch() {
    let text = dutch(&[
        "timeline",
        PLAN,
        "--facts",
        FACTS,
        "--from",
        "2027-10-31",
        "--to",
        "2027-12-31",
        "--every",
        "month",
        "--party",
        "enschede",
    ]);
    let head = text.lines().next().unwrap();
    assert!(head.starts_with("Datum"), "{head}");
    assert!(
        head.contains("Partij") && head.contains("Verdiend"),
        "{head}"
    );
}

// ---------------------------------------------------------------- diff

/// Two versions of the Twente plan: the new one corrects KPI 47's figure in
/// the KPI table and the declared plan total, raises KPI 14 by € 10.000
/// and moves KPI 17 to 2027-03-31.
fn two_versions(dir: &Path) {
    common::twente_at(&dir.join("old"), PLAN, |s| s.to_string(), |s| s.to_string());
    let changed = |text: &str| {
        let t = replace_once(
            text,
            "declared by kpi_tabel € 304 { iza € 144, spuk € 160 }",
            "declared by kpi_tabel € 305 { iza € 144, spuk € 160 }",
        );
        let t = replace_once(
            &t,
            "declared by kpi_tabel total € 16.275 { iza € 7.700, spuk € 8.575 }",
            "declared by kpi_tabel total € 16.276 { iza € 7.700, spuk € 8.576 }",
        );
        let t = replace_once(
            &t,
            "due 2026-12-31\n      amount € 208.000 { iza € 98.500, spuk € 109.500 }\n      declared by kpi_tabel € 208 { iza € 98, spuk € 109 }\n      target share naar_sggz",
            "due 2027-03-31\n      amount € 208.000 { iza € 98.500, spuk € 109.500 }\n      declared by kpi_tabel € 208 { iza € 98, spuk € 109 }\n      target share naar_sggz",
        );
        let at = t.find("milestone 14 ").unwrap();
        let (head, tail) = t.split_at(at);
        head.to_string()
            + &tail.replacen(
                "amount € 208.000 { iza € 98.500, spuk € 109.500 }",
                "amount € 218.000 { iza € 103.500, spuk € 114.500 }",
                1,
            )
    };
    common::twente_at(&dir.join("new"), PLAN, changed, |s| s.to_string());
}

#[test]
fn diff_markdown_for_a_council_letter_in_dutch() {
    let dir = scratch("eval-dutch", "diff");
    two_versions(&dir);
    let old = format!("old/{PLAN}");
    let new = format!("new/{PLAN}");
    let facts = format!("old/{FACTS}");
    let args = [
        "diff",
        &old,
        &new,
        "--facts",
        &facts,
        "--at",
        "2027-01-31",
        "--lang",
        "nl",
    ];
    let run = mijlpaal(&dir, &[&args[..], &["--format", "markdown"]].concat());
    assert_eq!(run.code, 0, "{}", run.stderr);
    let md = run.stdout;
    assert!(
        md.contains("| opgegeven totaal 1 › bedrag | € 16.275.000 | € 16.276.000 |"),
        "{md}"
    );
    assert!(
        md.contains("| 47 | opgegeven bedrag 1 › bedrag | € 304.000 | € 305.000 |"),
        "{md}"
    );
    assert!(
        md.contains("| 17 | behaaldatum | 2026-12-31 | 2027-03-31 |"),
        "{md}"
    );
    assert!(md.contains("| 17 | niet behaald | open |"), "{md}");
    assert!(
        md.contains("### Gevolgen per partij (met de feiten op 2027-01-31)"),
        "{md}"
    );
    assert!(
        md.contains("| nieuw | twentse_koers | opleveren | 17 | 2027-03-31 | € 208.000 |"),
        "{md}"
    );
    // No JSON paths, plain decimals or English words.
    for english in [
        "declared",
        "amount",
        "[0]",
        ".00 |",
        "304000",
        "earned",
        "outstanding",
        "planned",
        "with the facts",
        "missed",
        "deliver",
        "assess",
        " pay ",
    ] {
        assert!(!md.contains(english), "`{english}` in:\n{md}");
    }
    insta::assert_snapshot!("diff_markdown_nl", md);

    let text = mijlpaal(&dir, &args);
    assert!(
        text.stdout
            .contains("Geld per partij, met de feiten op 2027-01-31\n"),
        "{}",
        text.stdout
    );
    assert!(
        text.stdout
            .contains("  + twentse_koers opleveren mijlpaal 17 € 208.000 uiterlijk 2027-03-31\n"),
        "{}",
        text.stdout
    );
}

// ---------------------------------------------------------------- submission

#[test]
fn submission_in_dutch() {
    let run = mijlpaal(root(), &["submission", PLAN, "--lang", "nl"]);
    let text = run.stdout;
    assert!(
        text.contains("\n16 criteria: 3 voldaan, 1 niet voldaan, 12 te bevestigen\n"),
        "{text}"
    );
    assert!(
        text.contains("\nmiddelen-3    niet voldaan   Transformatiemiddelen gekoppeld"),
        "{text}"
    );
    assert!(
        text.contains("    - C301 due-missing: geen bevindingen\n"),
        "{text}"
    );
    assert!(
        !text.contains("no findings") && !text.contains("to confirm"),
        "{text}"
    );
    insta::assert_snapshot!("submission_nl", text);

    let html = mijlpaal(
        root(),
        &["submission", PLAN, "--format", "html", "--lang", "nl"],
    )
    .stdout;
    assert!(html.contains("<html lang=\"nl\">"), "{html}");
    assert!(html.contains("<th>criterium</th>"), "{html}");
    assert!(
        html.contains("<span class=\"status c-fails\">niet voldaan</span>"),
        "{html}"
    );
    let english = mijlpaal(root(), &["submission", PLAN, "--format", "html"]).stdout;
    assert!(english.contains("<html lang=\"en\">"));

    let json = mijlpaal(
        root(),
        &["submission", PLAN, "--format", "json", "--lang", "nl"],
    )
    .stdout;
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["summary"]["to-confirm"], 12);
    assert!(v["criteria"]
        .as_array()
        .unwrap()
        .iter()
        .all(|c| ["holds", "fails", "to-confirm"].contains(&c["status"].as_str().unwrap())));
}

// ---------------------------------------------------------------- report

#[test]
fn report_with_dutch_reasons() {
    let dir = scratch("eval-dutch", "report");
    let plan = root().join(PLAN);
    let facts = root().join(FACTS);
    let run = mijlpaal(
        &dir,
        &[
            "report",
            plan.to_str().unwrap(),
            "--facts",
            facts.to_str().unwrap(),
            "--at",
            AT,
            "-o",
            "x.html",
            "--lang",
            "nl",
        ],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let page = read(dir.join("x.html"));
    assert!(page.contains("<html lang=\"nl\">"));
    assert!(
        page.contains("beoordeeld als behaald op 2026-04-14"),
        "milestone 11's reason"
    );
    assert!(
        page.contains("beoordeeld als niet behaald op 2027-01-14"),
        "milestone 17's reason"
    );
    assert!(!page.contains("assessed achieved on"));
    assert!(!page.contains("assessed not achieved on"));
}

// ---------------------------------------------------------------- ledgers

#[test]
fn excel_csv_has_dutch_headers_the_plain_csv_keeps_english() {
    let excel = dutch(&evaluate(&["--format", "csv", "--csv-dialect", "excel-nl"]));
    let head = excel.trim_start_matches('\u{feff}').lines().next().unwrap();
    assert!(
        head.starts_with("nummer;status;sinds;uiterlijk;verdiend_iza;verdiend_spuk;"),
        "{head}"
    );
    assert!(head.ends_with(";reden"), "{head}");
    let duties = dutch(&evaluate(&[
        "--format",
        "csv",
        "--csv-dialect",
        "excel-nl",
        "--table",
        "obligations",
    ]));
    assert!(
        duties.trim_start_matches('\u{feff}').starts_with(
            "uiterlijk;partij;soort;mijlpaal;geldstroom;bedrag;te_laat;omschrijving\n"
        ),
        "{duties}"
    );
    let plain = dutch(&evaluate(&["--format", "csv"]));
    assert!(
        plain.starts_with("number,status,since,due,earned_iza,earned_spuk,"),
        "{plain}"
    );
    assert!(
        plain.contains(",beoordeeld als behaald op 2026-04-14\n"),
        "the reasons are Dutch: {plain}"
    );
}

/// A snapshot is a checked-in reference: written in a Dutch locale, it is
/// the same English text, and `--check` passes in either language.
#[test]
fn snapshots_do_not_depend_on_the_language() {
    let dir = scratch("eval-dutch", "snapshot");
    common::twente(&dir, |s| s.to_string(), |s| s.to_string());
    let run = |lang: &str, check: bool| {
        let mut c = common::bin();
        c.current_dir(&dir)
            .env("LANG", lang)
            .args(["--color", "never", "snapshot", "mgt.plan"]);
        if check {
            c.arg("--check");
        }
        c.output().unwrap()
    };
    assert!(run("nl_NL.UTF-8", false).status.success());
    let written = read(dir.join("mgt/ontbinding.snapshot"));
    assert_eq!(
        written,
        read(root().join("plans/mentaal-gezond-twente/ontbinding.snapshot"))
            .replace("mentaal-gezond-twente.plan", "mgt.plan")
    );
    assert!(run("nl_NL.UTF-8", true).status.success());
    assert!(run("C", true).status.success());
}
