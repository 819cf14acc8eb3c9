//! The fuzz pipelines (fuzz/pipelines.rs, see docs/fuzzing.md) without
//! libFuzzer, so that `cargo test` exercises them without cargo-fuzz:
//!
//! - every input under `tests/fuzz_regressions/` that once made a fuzz target
//!   panic goes through the same pipeline again and must not panic (it may
//!   report diagnostics). The file name says which target: `parse-1.plan`,
//!   `check-2.plan`, `evaluate-1.facts`, `rules-1.rules`, `facts-1.facts`;
//! - every seed of the fuzz corpora (the `.plan`, `.rules` and `.facts` files
//!   under `tests/corpus/`, `plans/` and `rules/`) goes through the `parse`
//!   and `check` pipelines, every `.facts` seed through `evaluate` and
//!   `facts`, and every `.rules` seed through `rules`;
//! - with `MIJLPAAL_FUZZ_CORPUS=1`, also every file libFuzzer has kept in
//!   `fuzz/corpus/<target>/` (not in git; thousands of files).

// Tests may unwrap, index and compute freely: a failing test fails loudly.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects
)]

#[path = "../fuzz/pipelines.rs"]
mod pipelines;

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn pipeline(target: &str) -> Option<fn(&[u8])> {
    match target {
        "parse" => Some(pipelines::parse_bytes),
        "check" => Some(pipelines::check_bytes),
        "evaluate" => Some(pipelines::evaluate_bytes),
        "rules" => Some(pipelines::rules_bytes),
        "facts" => Some(pipelines::facts_bytes),
        _ => None,
    }
}

/// Every file under `dir` (recursively), sorted; none if it does not exist.
fn files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut todo = vec![dir.to_path_buf()];
    while let Some(d) = todo.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else {
            continue;
        };
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() {
                todo.push(p);
            } else {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

fn has_ext(p: &Path, exts: &[&str]) -> bool {
    p.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| exts.contains(&e))
}

/// Runs `run` on each file; returns the files (with the panic) it panicked on.
fn run_all(target: &str, run: fn(&[u8]), inputs: &[PathBuf]) -> Vec<String> {
    // The panics are caught and reported together below; keep their
    // messages in the output, but only once each.
    let mut failed = Vec::new();
    for path in inputs {
        let data = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        if let Err(e) = catch_unwind(AssertUnwindSafe(|| run(&data))) {
            let message = e
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| e.downcast_ref::<&str>().map(|s| s.to_string()))
                .unwrap_or_default();
            failed.push(format!("{target} {}: {message}", path.display()));
        }
    }
    failed
}

#[test]
fn fuzz_regressions_do_not_panic() {
    let dir = root().join("tests/fuzz_regressions");
    let mut failed = Vec::new();
    for path in files(&dir) {
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if name == "README.md" {
            continue;
        }
        let target = name.split(['-', '.']).next().unwrap_or("");
        let run = pipeline(target).unwrap_or_else(|| {
            panic!("{name}: a regression input is named TARGET-N.EXT with TARGET parse, check, evaluate, rules or facts")
        });
        failed.extend(run_all(target, run, std::slice::from_ref(&path)));
    }
    assert!(failed.is_empty(), "panicked:\n{}", failed.join("\n"));
}

/// The seed corpora, as fuzz/seed.sh copies them.
fn seeds() -> Vec<PathBuf> {
    ["tests/corpus", "plans", "rules"]
        .iter()
        .flat_map(|d| files(&root().join(d)))
        .filter(|p| has_ext(p, &["plan", "rules", "facts"]))
        .collect()
}

#[test]
fn seed_corpora_run_through_the_fuzz_pipelines() {
    let seeds = seeds();
    assert!(seeds.len() > 50, "the seeds are found: {}", seeds.len());
    let facts: Vec<PathBuf> = seeds
        .iter()
        .filter(|p| has_ext(p, &["facts"]))
        .cloned()
        .collect();
    assert!(!facts.is_empty(), "there are .facts seeds");
    let mut failed = run_all("parse", pipelines::parse_bytes, &seeds);
    failed.extend(run_all("check", pipelines::check_bytes, &seeds));
    failed.extend(run_all("evaluate", pipelines::evaluate_bytes, &facts));
    let rules: Vec<PathBuf> = seeds
        .iter()
        .filter(|p| has_ext(p, &["rules"]))
        .cloned()
        .collect();
    failed.extend(run_all("rules", pipelines::rules_bytes, &rules));
    failed.extend(run_all("facts", pipelines::facts_bytes, &facts));
    assert!(failed.is_empty(), "panicked:\n{}", failed.join("\n"));
}

#[test]
fn fuzz_corpora_run_through_the_fuzz_pipelines() {
    if std::env::var_os("MIJLPAAL_FUZZ_CORPUS").is_none() {
        return;
    }
    let mut failed = Vec::new();
    for target in ["parse", "check", "evaluate", "rules", "facts"] {
        let run = pipeline(target).expect("a target");
        let inputs = files(&root().join("fuzz/corpus").join(target));
        failed.extend(run_all(target, run, &inputs));
    }
    assert!(failed.is_empty(), "panicked:\n{}", failed.join("\n"));
}
