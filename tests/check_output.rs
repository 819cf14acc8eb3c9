//! Output of `mijlpaal check` on the Twente plan: the exact findings through
//! the library, and the shape of the JSON and SARIF output, `--deny
//! warnings` and `explain` through the binary.

// Tests may unwrap, index and compute freely: a failing test fails loudly.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects
)]

use std::collections::BTreeSet;
use std::path::PathBuf;

use mijlpaal::project::{Options, Session};
use mijlpaal::render;

const TWENTE: &str = "plans/mentaal-gezond-twente.plan";
/// A plan whose only finding is a warning (C305).
const WARNING_ONLY: &str = "tests/corpus/checks/valid/C305-unpayable-window-fails.plan";

mod common;

use common::{root, Run};

fn bin(args: &[&str]) -> Run {
    common::mijlpaal(root(), args)
}

fn twente_session() -> Session {
    std::env::set_current_dir(root()).unwrap();
    let mut session = Session::new(Options::default());
    session.check_paths(&[PathBuf::from(TWENTE)]);
    session
}

#[test]
fn twente_findings() {
    let session = twente_session();
    let diags = &session.diagnostics.items;
    let found: Vec<(String, String, String)> = diags
        .iter()
        .map(|d| {
            (
                d.code.to_string(),
                d.severity.as_str().to_string(),
                d.message.clone(),
            )
        })
        .collect();

    let window = |m: u32| {
        (
            "C305",
            "warning",
            format!(
                "milestone {m} is due 2027-12-31; its 28-day assessment window ends 2028-01-28; left unjudged it is deemed achieved on 2028-01-29, after the last payout date 2027-12-31"
            ),
        )
    };
    let mut expected: Vec<(&str, &str, String)> = vec![
        ("C102", "error", "the milestones add up to € 16.274.000 in total, but `kpi_tabel` declares € 16.275 x € 1.000 = € 16.275.000".into()),
        ("C102", "error", "the milestones add up to € 8.573.500 for stream `spuk`, but `kpi_tabel` declares € 8.575 x € 1.000 = € 8.575.000".into()),
        ("C402", "error", "the weights of key `inwoners` add up to 643.153, but its declared total is 654.153".into()),
        ("C404", "info", "the declared percentages of key `inwoners` add up to 100,01%, not 100%".into()),
    ];
    for m in [5, 15, 18, 21, 24, 29, 32, 43] {
        expected.push(window(m));
    }
    expected.push((
        "C202",
        "warning",
        "milestone 45 is due on the same day as milestone 44 it builds on (2026-03-31)".into(),
    ));
    expected.push(("C103", "error", "milestone 47: the plan's amount is € 305.000, but `kpi_tabel` declares € 304 x € 1.000 = € 304.000".into()));

    let got: BTreeSet<(String, String, String)> = found.iter().cloned().collect();
    let want: BTreeSet<(String, String, String)> = expected
        .iter()
        .map(|(c, s, m)| (c.to_string(), s.to_string(), m.clone()))
        .collect();
    assert_eq!(got, want);
    assert_eq!(found.len(), expected.len(), "no finding twice: {found:#?}");

    // The specific findings, spelled out.
    let of = |code: &str| -> Vec<&(String, String, String)> {
        found.iter().filter(|f| f.0 == code).collect()
    };
    let c402 = of("C402");
    assert_eq!(c402.len(), 1);
    assert!(c402[0].2.contains("643.153") && c402[0].2.contains("654.153"));

    let c103 = of("C103");
    assert_eq!(c103.len(), 1);
    assert!(c103[0].2.contains("milestone 47"));
    assert!(c103[0].2.contains("€ 305.000") && c103[0].2.contains("€ 304"));

    let c102 = of("C102");
    assert_eq!(c102.len(), 2);
    assert!(c102[0].2.contains("16.274.000") && c102[0].2.contains("16.275.000"));
    assert!(c102[1].2.contains("spuk"));
    assert!(c102[1].2.contains("8.573.500") && c102[1].2.contains("8.575.000"));

    let c404 = of("C404");
    assert_eq!(c404.len(), 1);
    assert_eq!(c404[0].1, "info");
    assert!(c404[0].2.contains("100,01%"));

    let c305: Vec<u32> = of("C305")
        .iter()
        .map(|f| {
            f.2.strip_prefix("milestone ")
                .and_then(|r| r.split(' ').next())
                .and_then(|n| n.parse().ok())
                .unwrap()
        })
        .collect();
    assert_eq!(c305, [5, 15, 18, 21, 24, 29, 32, 43]);
    assert!(of("C305").iter().all(|f| f.1 == "warning"));

    let c202 = of("C202");
    assert_eq!(c202.len(), 1);
    assert_eq!(c202[0].1, "warning");
    assert!(c202[0].2.contains("milestone 45") && c202[0].2.contains("milestone 44"));

    let rendered = render::human::render(diags, &session.sources, false);
    insta::assert_snapshot!("twente_human", rendered);
}

fn json_of(out: &Run) -> serde_json::Value {
    serde_json::from_str(&out.stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}):\n{}\n{}", out.stdout, out.stderr))
}

#[test]
fn json_shape() {
    let out = bin(&["check", "--format", "json", TWENTE]);
    assert_eq!(out.code, 1, "the Twente plan has errors");
    let v = json_of(&out);
    let diags = v["diagnostics"].as_array().expect("diagnostics array");
    assert_eq!(diags.len(), 14);
    for d in diags {
        for key in ["code", "severity", "message", "file"] {
            assert!(d[key].is_string(), "{key} not a string in {d}");
        }
        assert!(
            ["error", "warning", "info"].contains(&d["severity"].as_str().unwrap()),
            "{d}"
        );
        for key in ["line", "column"] {
            let n = d[key]
                .as_u64()
                .unwrap_or_else(|| panic!("{key} not an integer in {d}"));
            assert!(n >= 1, "{key} < 1 in {d}");
        }
        assert_eq!(d["file"], TWENTE);
    }
}

#[test]
fn sarif_shape() {
    let out = bin(&["check", "--format", "sarif", TWENTE]);
    assert_eq!(out.code, 1, "the Twente plan has errors");
    let v = json_of(&out);
    assert_eq!(v["version"], "2.1.0");
    assert!(v["$schema"].is_string(), "$schema missing");
    let run = &v["runs"][0];
    let driver = &run["tool"]["driver"];
    assert_eq!(driver["name"], "mijlpaal");
    let rule_ids: BTreeSet<&str> = driver["rules"]
        .as_array()
        .expect("driver.rules")
        .iter()
        .map(|r| r["id"].as_str().expect("rule id"))
        .collect();
    let results = run["results"].as_array().expect("results");
    assert_eq!(results.len(), 14);
    for r in results {
        let id = r["ruleId"].as_str().expect("ruleId");
        assert!(rule_ids.contains(id), "no rule for {id}");
        let level = r["level"].as_str().expect("level");
        assert!(["error", "warning", "note"].contains(&level), "{r}");
        assert!(r["message"]["text"].is_string(), "{r}");
        let loc = &r["locations"][0]["physicalLocation"];
        assert!(loc["artifactLocation"]["uri"].is_string(), "{r}");
        assert!(
            loc["region"]["startLine"].as_u64().is_some_and(|n| n >= 1),
            "{r}"
        );
    }
}

#[test]
fn deny_warnings() {
    let plain = bin(&["check", WARNING_ONLY]);
    assert_eq!(plain.code, 0, "{}", plain.stdout);
    let v = json_of(&bin(&["check", "--format", "json", WARNING_ONLY]));
    let severities: Vec<&str> = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["severity"].as_str().unwrap())
        .collect();
    assert_eq!(
        severities,
        ["warning"],
        "the fixture should have one warning only"
    );
    let denied = bin(&["check", "--deny", "warnings", WARNING_ONLY]);
    assert_eq!(denied.code, 1, "{}", denied.stdout);
}

#[test]
fn explain_every_code() {
    let list = bin(&["explain"]);
    assert_eq!(list.code, 0);
    let text = list.stdout;
    let codes: Vec<&str> = text
        .lines()
        .filter_map(|l| l.split_whitespace().next())
        .collect();
    assert_eq!(
        codes.len(),
        mijlpaal::codes::CODES.len() + mijlpaal::check::ALL.len(),
        "every code listed once:\n{text}"
    );
    let checks: Vec<&str> = mijlpaal::check::ALL.iter().map(|c| c.code).collect();
    for c in &checks {
        assert!(codes.contains(c), "{c} not listed by explain");
    }
    for code in codes {
        let out = bin(&["explain", code]);
        assert_eq!(out.code, 0, "explain {code}");
        let doc = out.stdout;
        assert!(!doc.trim().is_empty(), "explain {code} is empty");
        assert!(
            doc.contains(code),
            "explain {code} does not name it:\n{doc}"
        );
        if code.starts_with('C') {
            assert!(
                doc.contains("Fails") || doc.contains("Fixed"),
                "explain {code} has no example:\n{doc}"
            );
        }
    }
}

#[test]
fn check_refuses_a_facts_file_given_twice() {
    let facts = "plans/mentaal-gezond-twente/ontbinding.facts";
    let out = bin(&["check", "--format", "json", TWENTE, facts, facts]);
    let v = json_of(&out);
    let i011: Vec<&serde_json::Value> = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["code"] == "I011")
        .collect();
    assert_eq!(i011.len(), 1, "{v:#}");
    assert_eq!(
        i011[0]["message"],
        format!("facts file `{facts}` is the same file as `{facts}`, given before; it is not read again")
    );
}
