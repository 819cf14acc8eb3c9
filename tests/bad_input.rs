//! Hostile and broken input, through the real binary: every case ends in a
//! diagnostic and the documented exit code (0 clean, 1 errors in the input,
//! 2 usage or I/O problem), never in a panic or a hang.
//!
//! Inputs are generated into `target/bad-input/` (never committed); paths are
//! passed relative to the crate root so that the snapshots are deterministic.

// Tests may unwrap, index and compute freely: a failing test fails loudly.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects
)]

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

const EXIT_OK: i32 = 0;
const EXIT_ERRORS: i32 = 1;
const EXIT_IO: i32 = 2;

mod common;

use common::{root, Run};

/// A fresh scratch directory `target/bad-input/NAME`, returned relative to the root.
fn scratch(name: &str) -> PathBuf {
    common::scratch("bad-input", name);
    Path::new("target").join("bad-input").join(name)
}

fn write(path: &Path, bytes: impl AsRef<[u8]>) {
    common::write(root().join(path), bytes);
}

/// Runs `mijlpaal --color never ARGS...` in the crate root, with a timeout.
fn mijlpaal(args: &[&str]) -> Run {
    common::mijlpaal(root(), args)
}

fn path_str(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// The JSON diagnostics of `check --format json FILES...`.
fn json_diagnostics(run: &Run) -> Vec<Value> {
    let v: Value = serde_json::from_str(&run.stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}):\n{}", run.stdout));
    v["diagnostics"]
        .as_array()
        .expect("a diagnostics array")
        .clone()
}

fn codes(diags: &[Value]) -> Vec<&str> {
    diags.iter().map(|d| d["code"].as_str().unwrap()).collect()
}

// ------------------------------------------------------------ I/O problems

#[test]
fn non_utf8_file_is_refused_with_its_offset() {
    let dir = scratch("non-utf8");
    let file = dir.join("latin1.plan");
    // "café" in Latin-1: the é is the single byte 0xE9.
    write(&file, b"plan x \"caf\xe9\" {\n}\n");
    let run = mijlpaal(&["check", path_str(&file)]);
    assert_eq!(run.code, EXIT_IO, "{}", run.stderr);
    assert!(run.stderr.contains("I004"), "{}", run.stderr);
    insta::assert_snapshot!("non_utf8", run.stderr);
}

#[test]
fn missing_file_is_an_io_error() {
    let dir = scratch("missing");
    let file = dir.join("does-not-exist.plan");
    let run = mijlpaal(&["check", path_str(&file)]);
    assert_eq!(run.code, EXIT_IO, "{}", run.stderr);
    assert!(run.stderr.contains("I001"), "{}", run.stderr);
    insta::assert_snapshot!("missing_file", run.stderr);
}

#[test]
fn directory_is_not_a_file() {
    let dir = scratch("directory");
    let run = mijlpaal(&["check", path_str(&dir)]);
    assert_eq!(run.code, EXIT_IO, "{}", run.stderr);
    assert!(run.stderr.contains("I002"), "{}", run.stderr);
    insta::assert_snapshot!("directory", run.stderr);
}

#[cfg(unix)]
#[test]
fn fifo_is_not_read() {
    let dir = scratch("fifo");
    let fifo = dir.join("pipe.plan");
    let made = Command::new("mkfifo")
        .arg(root().join(&fifo))
        .status()
        .map(|s| s.success())
        .unwrap_or(false);
    if !made {
        eprintln!("skipped: mkfifo is not available here");
        return;
    }
    // Reading a FIFO with no writer would block forever; the timeout in
    // `mijlpaal` turns that into a failure instead of a hang.
    let run = mijlpaal(&["check", path_str(&fifo)]);
    assert_eq!(run.code, EXIT_IO, "{}", run.stderr);
    assert!(run.stderr.contains("I002"), "{}", run.stderr);
    insta::assert_snapshot!("fifo", run.stderr);
}

#[test]
fn missing_rule_set_is_reported_where_it_is_named() {
    let dir = scratch("missing-rules");
    let file = dir.join("plan.plan");
    write(
        &file,
        "plan proef \"Proefplan\" {\n  rules does-not-exist\n  period 2026-01-01 .. 2026-12-31\n}\n",
    );
    let run = mijlpaal(&["check", path_str(&file)]);
    assert_eq!(run.code, EXIT_IO, "{}", run.stderr);
    assert!(run.stderr.contains("I006"), "{}", run.stderr);
    insta::assert_snapshot!("missing_rule_set", run.stderr);

    // A --rules-dir that does not exist is searched like any other: same result.
    let nowhere = dir.join("no-such-dir");
    let run = mijlpaal(&["check", "--rules-dir", path_str(&nowhere), path_str(&file)]);
    assert_eq!(run.code, EXIT_IO, "{}", run.stderr);
    assert!(run.stderr.contains("I006"), "{}", run.stderr);
}

#[test]
fn no_files_is_a_usage_error() {
    let run = mijlpaal(&["check"]);
    assert_eq!(run.code, EXIT_IO, "{}", run.stderr);
}

// ------------------------------------------------------------ limits

#[test]
fn ten_megabyte_line_is_refused_without_printing_it() {
    let dir = scratch("long-line");
    let file = dir.join("long.plan");
    let mut text = String::from("plan x \"y\" {\n  // ");
    text.push_str(&"a".repeat(10 * 1024 * 1024));
    text.push_str("\n}\n");
    write(&file, text);
    let run = mijlpaal(&["check", path_str(&file)]);
    assert_eq!(
        run.code,
        EXIT_ERRORS,
        "{}",
        &run.stderr[..run.stderr.len().min(2000)]
    );
    assert!(
        run.stderr.len() < 4096,
        "the diagnostic repeats the long line: {} bytes of stderr",
        run.stderr.len()
    );
    assert!(run.stderr.contains("S002"), "{}", run.stderr);
    insta::assert_snapshot!("ten_megabyte_line", run.stderr);
}

#[test]
fn ten_thousand_nested_blocks_are_refused() {
    let dir = scratch("nesting");
    let file = dir.join("deep.plan");
    let mut text = String::from("plan x \"y\" {\n");
    text.push_str(&"{\n".repeat(10_000));
    text.push_str(&"}\n".repeat(10_001));
    write(&file, text);
    let run = mijlpaal(&["check", path_str(&file)]);
    assert_eq!(run.code, EXIT_ERRORS, "{}", run.stderr);
    assert!(run.stderr.contains("S003"), "{}", run.stderr);
    insta::assert_snapshot!("ten_thousand_nested_blocks", run.stderr);

    // The same on one line, inside a milestone where a block is expected.
    let file = dir.join("deep-one-line.plan");
    let text = format!(
        "plan x \"y\" {{\n  component 1 \"c\" {{\n    milestone 1 \"m\" {}\n",
        "{".repeat(10_000)
    );
    write(&file, text);
    let run = mijlpaal(&["check", path_str(&file)]);
    assert_eq!(run.code, EXIT_ERRORS, "{}", run.stderr);
    assert!(run.stderr.contains("S003"), "{}", run.stderr);
}

// ------------------------------------------------------------ the Twente plan

const TWENTE: &str = "plans/mentaal-gezond-twente.plan";

#[test]
fn twente_plan_parses_and_lowers_cleanly() {
    let run = mijlpaal(&["check", TWENTE]);
    let json = mijlpaal(&["check", "--format", "json", TWENTE]);
    let diags = json_diagnostics(&json);
    // Syntax (S), lowering (L) and I/O (I) must have nothing to say. The
    // consistency checks (C) may find where the source documents disagree.
    let not_checks: Vec<&Value> = diags
        .iter()
        .filter(|d| !d["code"].as_str().unwrap().starts_with('C'))
        .collect();
    assert!(not_checks.is_empty(), "{not_checks:#?}");
    let errors = diags.iter().any(|d| d["severity"] == "error");
    let expected = if errors { EXIT_ERRORS } else { EXIT_OK };
    assert_eq!(run.code, expected, "{}", run.stderr);
    assert_eq!(json.code, expected);
}

fn milestone(plan: &Value, n: u64) -> &Value {
    plan["milestones"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["number"] == n)
        .unwrap_or_else(|| panic!("milestone {n} is missing"))
}

#[test]
fn twente_plan_model_as_json() {
    let run = mijlpaal(&["show", TWENTE, "--format", "json"]);
    assert_eq!(run.code, EXIT_OK, "{}", run.stderr);
    let plan: Value = serde_json::from_str(&run.stdout).expect("show prints JSON");

    let numbers: Vec<u64> = plan["milestones"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["number"].as_u64().unwrap())
        .collect();
    assert_eq!(numbers, (1..=47).collect::<Vec<u64>>());

    let kpi14 = milestone(&plan, 14);
    assert_eq!(kpi14["obligation"], "effort");
    assert_eq!(kpi14["due"], "2026-12-31");
    assert_eq!(kpi14["amount"], "208000.00");
    assert_eq!(
        kpi14["streams"],
        serde_json::json!({ "iza": "98500.00", "spuk": "109500.00" })
    );

    assert_eq!(milestone(&plan, 1)["amount"], "1237000.00");

    let kpi47 = milestone(&plan, 47);
    assert_eq!(kpi47["obligation"], "result");
    assert_eq!(kpi47["due"], "2027-03-31");
    assert_eq!(kpi47["amount"], "305000.00");
    assert_eq!(kpi47["payout"]["spuk"], "grote_drie");

    assert_eq!(milestone(&plan, 4)["after"], serde_json::json!([3]));
    assert_eq!(plan["keys"]["inwoners"]["tubbergen"], "21507");
}

// ------------------------------------------------------------ JSON diagnostics

#[test]
fn json_diagnostics_give_file_line_and_column() {
    let file = "tests/corpus/invalid/dutch-date.plan";
    let run = mijlpaal(&["check", "--format", "json", file]);
    assert_eq!(run.code, EXIT_ERRORS, "{}", run.stderr);
    let diags = json_diagnostics(&run);
    assert_eq!(codes(&diags), ["L006"], "{diags:#?}");
    let d = &diags[0];
    assert_eq!(d["severity"], "error");
    assert_eq!(d["message"], "`31-12-2026` is not an ISO date");
    assert_eq!(d["file"], file);
    // `      due 31-12-2026`: the date starts in column 11 of line 11.
    assert_eq!(d["line"], 11);
    assert_eq!(d["column"], 11);
    assert_eq!(d["end_line"], 11);
    assert_eq!(d["end_column"], 21);
    assert_eq!(d["help"], "write dates as 2026-12-31");
}

#[test]
fn json_diagnostics_of_an_io_error_have_no_position() {
    let dir = scratch("json-missing");
    let file = dir.join("does-not-exist.plan");
    let run = mijlpaal(&["check", "--format", "json", path_str(&file)]);
    assert_eq!(run.code, EXIT_IO, "{}", run.stderr);
    let diags = json_diagnostics(&run);
    assert_eq!(codes(&diags), ["I001"]);
    assert!(diags[0]["line"].is_null(), "{diags:#?}");
}
