//! Output of `mijlpaal evaluate` and `explain-milestone` through the binary,
//! on the Twente scenario "gemiste-resultaten-2026" at 2028-01-31 (after the
//! payout cutoff): the JSON shape, the CSV tables adding up, the trace with
//! its citations, and the what-if flags, good and bad.

// Tests may unwrap, index and compute freely: a failing test fails loudly.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects
)]

mod common;

use std::collections::BTreeMap;
use std::path::Path;
use std::process::Output;
use std::str::FromStr;

use rust_decimal::Decimal;
use serde_json::Value;

const TWENTE: &str = "plans/mentaal-gezond-twente.plan";
const FACTS: &str = "plans/mentaal-gezond-twente/gemiste-resultaten-2026.facts";
const AT: &str = "2028-01-31";

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn bin(args: &[&str]) -> Output {
    common::bin()
        .args(args)
        .current_dir(root())
        .output()
        .expect("run mijlpaal")
}

/// `evaluate` on the scenario with extra arguments.
fn evaluate(extra: &[&str]) -> Output {
    let mut args = vec![
        "evaluate", TWENTE, "--facts", FACTS, "--color", "never", "--at", AT,
    ];
    args.extend_from_slice(extra);
    bin(&args)
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("stdout is UTF-8")
}
fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).expect("stderr is UTF-8")
}

fn json(extra: &[&str]) -> Value {
    let mut args = vec!["--format", "json"];
    args.extend_from_slice(extra);
    let o = evaluate(&args);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    serde_json::from_str(&stdout(&o)).expect("valid JSON on stdout")
}

/// Money in JSON: a plain decimal string with exactly two decimals.
fn is_money(v: &Value) -> bool {
    let Some(s) = v.as_str() else { return false };
    let digits = s.strip_prefix('-').unwrap_or(s);
    let Some((whole, cents)) = digits.split_once('.') else {
        return false;
    };
    !whole.is_empty()
        && whole.chars().all(|c| c.is_ascii_digit())
        && (whole == "0" || !whole.starts_with('0'))
        && cents.len() == 2
        && cents.chars().all(|c| c.is_ascii_digit())
}

/// A map from stream id to money, keyed exactly by the plan's streams.
fn assert_per_stream(v: &Value, what: &str) {
    let map = v
        .as_object()
        .unwrap_or_else(|| panic!("{what}: not an object: {v}"));
    let keys: Vec<&str> = map.keys().map(String::as_str).collect();
    assert_eq!(keys, ["iza", "spuk"], "{what}");
    for (k, m) in map {
        assert!(
            is_money(m),
            "{what}.{k}: {m} is not money like \"109500.00\""
        );
    }
}

fn by_number(j: &Value, n: u64) -> &Value {
    j["milestones"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["number"] == n)
        .unwrap_or_else(|| panic!("milestone {n}"))
}

#[test]
fn json_has_the_documented_shape() {
    let j = json(&[]);
    assert_eq!(j["at"], AT);
    let milestones = j["milestones"].as_array().expect("milestones");
    assert_eq!(milestones.len(), 47);
    for m in milestones {
        let n = &m["number"];
        assert!(n.is_u64(), "number: {n}");
        assert!(m["status"].is_string(), "{n}: status");
        assert!(m["reason"].is_string(), "{n}: reason");
        assert!(m["measured"].is_array(), "{n}: measured");
        for col in ["earned", "paid", "repayable"] {
            assert_per_stream(&m[col], &format!("milestone {n}.{col}"));
        }
    }
    // KPI 11 achieved: its SPUK part, € 109.500, is earned.
    assert_eq!(by_number(&j, 11)["status"], "achieved");
    assert_eq!(by_number(&j, 11)["earned"]["spuk"], "109500.00");
    // KPI 17 missed, and after the cutoff its SPUK part is repayable.
    let m17 = by_number(&j, 17);
    assert_eq!(m17["status"], "missed");
    assert_eq!(m17["repayable"]["spuk"], "109500.00");
    assert_eq!(m17["repayable"]["iza"], "0.00");
    let measured = m17["measured"].as_array().unwrap();
    assert!(!measured.is_empty(), "KPI 17 has a measured share");

    let parties = j["parties"].as_array().expect("parties");
    assert_eq!(parties.len(), 18);
    for p in parties {
        let id = p["id"].as_str().expect("id");
        for col in ["earned", "paid", "outstanding", "repayable", "exposure"] {
            assert_per_stream(&p[col], &format!("party {id}.{col}"));
        }
    }
    let tubbergen = parties.iter().find(|p| p["id"] == "tubbergen").unwrap();
    assert_eq!(tubbergen["repayable"]["spuk"], "109448.94");

    let obligations = j["obligations"].as_array().expect("obligations");
    assert!(!obligations.is_empty(), "the municipalities must repay");
    for d in obligations {
        assert!(d["party"].is_string(), "{d}");
        assert!(d["kind"].is_string(), "{d}");
        assert!(d["milestone"].is_null() || d["milestone"].is_u64(), "{d}");
        let due = d["due"].as_str().expect("due");
        assert!(
            chrono::NaiveDate::parse_from_str(due, "%Y-%m-%d").is_ok(),
            "due {due}"
        );
    }
    assert!(obligations
        .iter()
        .any(|d| d["party"] == "tubbergen" && d["kind"] == "repay"));
}

/// Minimal CSV: quoted fields with doubled quotes, no newlines inside fields.
fn csv(text: &str) -> Vec<Vec<String>> {
    text.lines()
        .map(|line| {
            let mut fields = Vec::new();
            let mut cur = String::new();
            let mut quoted = false;
            let mut chars = line.chars().peekable();
            while let Some(c) = chars.next() {
                match (c, quoted) {
                    ('"', true) if chars.peek() == Some(&'"') => {
                        cur.push('"');
                        chars.next();
                    }
                    ('"', _) => quoted = !quoted,
                    (',', false) => fields.push(std::mem::take(&mut cur)),
                    _ => cur.push(c),
                }
            }
            fields.push(cur);
            fields
        })
        .collect()
}

/// Column name → sum over the rows, for every column that holds money.
fn column_sums(rows: &[Vec<String>]) -> BTreeMap<String, Decimal> {
    let (head, body) = rows.split_first().expect("a header");
    let mut sums = BTreeMap::new();
    for (i, name) in head.iter().enumerate() {
        if !(name.contains("_iza") || name.contains("_spuk")) {
            continue;
        }
        let total = body
            .iter()
            .map(|r| Decimal::from_str(&r[i]).unwrap_or_else(|e| panic!("{name}: {}: {e}", r[i])))
            .sum();
        sums.insert(name.clone(), total);
    }
    sums
}

#[test]
fn csv_parties_add_up_to_the_milestones() {
    let o = evaluate(&["--format", "csv", "--table", "parties"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let parties = csv(&stdout(&o));
    assert_eq!(parties[0][0], "party", "a header first: {:?}", parties[0]);
    assert_eq!(parties.len(), 1 + 18, "a header and one row per party");
    let width = parties[0].len();
    assert!(parties.iter().all(|r| r.len() == width));

    let o = evaluate(&["--format", "csv"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let milestones = csv(&stdout(&o));
    assert_eq!(milestones[0][0], "number");
    assert_eq!(milestones.len(), 1 + 47);

    let by_party = column_sums(&parties);
    let by_milestone = column_sums(&milestones);
    let mut compared = 0;
    for (name, total) in &by_milestone {
        let party_total = by_party
            .get(name)
            .unwrap_or_else(|| panic!("parties CSV has no column {name}"));
        assert_eq!(party_total, total, "column {name}");
        compared += 1;
    }
    assert_eq!(compared, 12, "six money columns for two streams");
    assert_eq!(
        by_milestone["repayable_spuk"],
        Decimal::from(3_273_000),
        "the SPUK of the 25 missed milestones"
    );
}

#[test]
fn explain_milestone_17_cites_the_clauses() {
    let o = bin(&[
        "explain-milestone",
        TWENTE,
        "17",
        "--facts",
        FACTS,
        "--at",
        AT,
        "--color",
        "never",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.starts_with("Milestone 17 "), "{out}");
    assert!(out.contains("missed"), "{out}");
    assert!(out.contains("\nTrace\n"), "{out}");
    assert!(out.contains("repay-unmet"), "{out}");
    assert!(out.contains("art. 3.2.2"), "{out}");
    assert!(out.contains("(art."), "citations in the trace: {out}");
    assert!(
        out.contains("2027-01-14  assessed not achieved by menzis"),
        "{out}"
    );
}

#[test]
fn what_if_achieved_range() {
    let j = json(&["--achieved", "13-15"]);
    for n in [13, 14, 15] {
        assert_eq!(by_number(&j, n)["status"], "achieved", "milestone {n}");
        assert_eq!(by_number(&j, n)["repayable"]["spuk"], "0.00");
    }
    // 15 was assessed not achieved; as achieved it earns its whole amount.
    assert_eq!(by_number(&j, 15)["earned"]["iza"], "203000.00");
    assert_eq!(by_number(&j, 15)["earned"]["spuk"], "226000.00");
    // The others keep their facts.
    assert_eq!(by_number(&j, 17)["status"], "missed");
}

#[test]
fn what_if_all_missed() {
    let j = json(&["--missed", "all"]);
    for m in j["milestones"].as_array().unwrap() {
        assert_eq!(m["status"], "missed", "milestone {}", m["number"]);
        assert_eq!(m["earned"]["iza"], "0.00");
        assert_eq!(m["earned"]["spuk"], "0.00");
    }
    // Every SPUK euro of the plan is repayable after the cutoff: the
    // milestones' SPUK amounts add up to € 8.573.500 (the figure C102 sets
    // against the KPI table's € 8.575.000), and nothing was paid.
    let repayable: Decimal = j["milestones"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| Decimal::from_str(m["repayable"]["spuk"].as_str().unwrap()).unwrap())
        .sum();
    assert_eq!(repayable, Decimal::from(8_573_500));
}

#[test]
fn what_if_partial() {
    let j = json(&["--partial", "10=60%"]);
    let m = by_number(&j, 10);
    assert_eq!(m["status"], "partially-achieved");
    // 60% of € 127.000 = € 76.200: € 36.000 IZA and € 40.200 SPUK.
    assert_eq!(m["earned"]["iza"], "36000.00");
    assert_eq!(m["earned"]["spuk"], "40200.00");
    // The rest of the SPUK part is repayable after the cutoff.
    assert_eq!(m["repayable"]["spuk"], "26800.00");
}

/// A bad what-if or date: exit 2, the message on stderr, nothing on stdout.
fn refused(extra: &[&str], at: &str, message: &str) {
    let mut args = vec![
        "evaluate", TWENTE, "--facts", FACTS, "--color", "never", "--format", "json", "--at", at,
    ];
    args.extend_from_slice(extra);
    let o = bin(&args);
    assert_eq!(
        o.status.code(),
        Some(2),
        "{extra:?} --at {at}: {}",
        stderr(&o)
    );
    assert_eq!(stderr(&o).trim_end(), message, "{extra:?} --at {at}");
    assert!(o.stdout.is_empty(), "{extra:?}: {}", stdout(&o));
}

#[test]
fn bad_what_ifs_are_refused() {
    refused(
        &["--missed", "99"],
        AT,
        "error: --missed: milestone 99 is not in plan `mgt`",
    );
    refused(
        &["--partial", "10=160%"],
        AT,
        "error: --partial: 160% is not between 0% and 100%",
    );
    refused(
        &[],
        "31-12-2027",
        "error: --at 31-12-2027: `31-12-2027` is not an ISO date; write dates as 2027-12-31",
    );
    refused(
        &["--achieved", "15-13"],
        AT,
        "error: --achieved: the range `15-13` runs backwards; write 13-15",
    );
    refused(
        &["--achieved", "5", "--missed", "5"],
        AT,
        "error: milestone 5 is given both as --achieved and as --missed",
    );
}

#[test]
fn at_today_is_the_current_date_in_utc() {
    let days = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs()
        / 86_400;
    let today = chrono::NaiveDate::from_ymd_opt(1970, 1, 1)
        .unwrap()
        .checked_add_days(chrono::Days::new(days))
        .unwrap()
        .to_string();
    let o = bin(&[
        "evaluate",
        "plans/examples/buurtzorg.plan",
        "--at",
        "today",
        "--format",
        "json",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v: Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["at"], today.as_str());
}

#[test]
fn flags_a_command_does_not_use_are_refused() {
    // explain-milestone shows no obligations: it has no --horizon.
    let o = bin(&[
        "explain-milestone",
        TWENTE,
        "14",
        "--facts",
        FACTS,
        "--at",
        AT,
        "--horizon",
        "30",
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("unexpected argument '--horizon'"),
        "{}",
        stderr(&o)
    );
}
