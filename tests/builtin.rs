//! The built-in rule set: an installed binary checks and evaluates a plan
//! kept in any folder, with no `rules/` anywhere above it, exactly as it
//! does in the repository; `mijlpaal rules show` prints what a drafter can
//! copy, and a project's own copy wins over the built-in one.

// Tests may unwrap, index and compute freely: a failing test fails loudly.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects
)]

mod common;

use std::path::PathBuf;

use common::{mijlpaal, read, root, write, TWENTE_PLAN, TWENTE_RULES};

/// A folder outside the repository (no `.git`, no `rules/` above it).
fn elsewhere(name: &str) -> PathBuf {
    let dir = std::env::temp_dir()
        .join(format!("mijlpaal-builtin-{}", std::process::id()))
        .join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn codes(json: &str) -> Vec<String> {
    let v: serde_json::Value = serde_json::from_str(json).unwrap();
    v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["code"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn a_plan_outside_any_project_uses_the_built_in_rule_set() {
    let dir = elsewhere("check");
    write(dir.join("mgt.plan"), read(root().join(TWENTE_PLAN)));
    let facts = "plans/mentaal-gezond-twente/gemiste-resultaten-2026.facts";
    write(dir.join("f.facts"), read(root().join(facts)));
    let here = mijlpaal(&dir, &["check", "--format", "json", "mgt.plan"]);
    let there = mijlpaal(root(), &["check", "--format", "json", TWENTE_PLAN]);
    assert_eq!(
        here.code, 1,
        "the Twente plan's real errors: {}",
        here.stderr
    );
    assert!(!here.stdout.contains("I006"), "{}", here.stdout);
    // The same findings as in the repository, the pin (C901) holding.
    assert_eq!(codes(&here.stdout), codes(&there.stdout));
    assert!(!codes(&here.stdout).contains(&"C901".to_string()));
    // And it evaluates, with the same money as in the repository.
    let args = |plan: &str, f: &str| -> Vec<String> {
        [
            "evaluate",
            plan,
            "--facts",
            f,
            "--at",
            "2028-01-31",
            "--format",
            "json",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect()
    };
    let a = args("mgt.plan", "f.facts");
    let b = args(TWENTE_PLAN, facts);
    let here = mijlpaal(&dir, &a.iter().map(String::as_str).collect::<Vec<_>>());
    let there = mijlpaal(root(), &b.iter().map(String::as_str).collect::<Vec<_>>());
    assert_eq!(here.code, 0, "{}", here.stderr);
    let (x, y): (serde_json::Value, serde_json::Value) = (
        serde_json::from_str(&here.stdout).unwrap(),
        serde_json::from_str(&there.stdout).unwrap(),
    );
    assert_eq!(x["parties"], y["parties"]);
    assert_eq!(x["milestones"], y["milestones"]);
}

#[test]
fn rules_show_prints_the_rule_set_a_project_can_copy() {
    let listed = mijlpaal(root(), &["rules"]);
    assert_eq!(listed.code, 0);
    assert!(listed
        .stdout
        .starts_with("overeenkomst-transformatieplan  "));
    let shown = mijlpaal(root(), &["rules", "show", "overeenkomst-transformatieplan"]);
    assert_eq!(shown.code, 0);
    assert_eq!(shown.stdout, read(root().join(TWENTE_RULES)));
    let unknown = mijlpaal(root(), &["rules", "show", "overeenkomst"]);
    assert_eq!(unknown.code, 2);
    assert!(unknown
        .stderr
        .contains("built in are: overeenkomst-transformatieplan"));
}

#[test]
fn a_project_copy_wins_over_the_built_in_one() {
    // An edited copy beside the plan is used: its changed window breaks the pin.
    let dir = elsewhere("own-copy");
    write(dir.join("mgt.plan"), read(root().join(TWENTE_PLAN)));
    write(
        dir.join(TWENTE_RULES),
        read(root().join(TWENTE_RULES))
            .replace("assessment-window 4 weeks", "assessment-window 6 weeks"),
    );
    let run = mijlpaal(&dir, &["check", "--format", "json", "mgt.plan"]);
    assert!(
        codes(&run.stdout).contains(&"C901".to_string()),
        "{}",
        run.stdout
    );
}

/// Runs the binary in the repository root with `input` on standard input.
fn with_stdin(args: &[&str], input: &str) -> (i32, String, String) {
    use std::io::Write;
    use std::process::Stdio;
    let mut child = common::bin()
        .args(["--color", "never"])
        .args(args)
        .current_dir(root())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    (
        out.status.code().unwrap(),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

#[test]
fn a_plan_from_standard_input() {
    let plan = read(root().join("plans/examples/buurtzorg.plan"));
    let (code, _, err) = with_stdin(&["check", "-"], &plan);
    assert_eq!(code, 0, "{err}");
    assert!(err.ends_with("0 errors, 0 warnings, 0 notes\n"), "{err}");
    // Diagnostics name it <stdin>, at the right line.
    let broken = plan.replace("spuk to regio", "spuk to regoi");
    let (code, _, err) = with_stdin(&["check", "-"], &broken);
    assert_eq!(code, 1);
    assert!(err.contains("╭─[<stdin>:28:26]"), "{err}");
    // Evaluated like the file (the rule set found from the current directory).
    let (code, out, err) = with_stdin(&["evaluate", "-", "--at", "2026-07-01"], &plan);
    let file = mijlpaal(
        root(),
        &[
            "evaluate",
            "plans/examples/buurtzorg.plan",
            "--at",
            "2026-07-01",
        ],
    );
    assert_eq!(code, 0, "{err}");
    assert_eq!(out, file.stdout);
    // `fmt -` is a filter.
    let (code, out, _) = with_stdin(
        &["fmt", "-"],
        &plan.replace("  party zilverzee  ", "  party   zilverzee "),
    );
    assert_eq!((code, out), (0, plan));
}

#[test]
fn completions_and_man_page_come_from_the_cli_definition() {
    let bash = mijlpaal(root(), &["completions", "bash"]);
    assert_eq!(bash.code, 0);
    for word in [
        "evaluate",
        "explain-milestone",
        "snapshot",
        "--allow-unpinned",
        "--horizon",
    ] {
        assert!(bash.stdout.contains(word), "bash completion lacks {word}");
    }
    let zsh = mijlpaal(root(), &["completions", "zsh"]);
    assert!(
        zsh.stdout.starts_with("#compdef mijlpaal"),
        "{}",
        &zsh.stdout[..40]
    );
    let man = mijlpaal(root(), &["man"]);
    assert_eq!(man.code, 0);
    assert!(
        man.stdout.contains(".TH mijlpaal 1"),
        "{}",
        &man.stdout[..200]
    );
    assert!(man
        .stdout
        .contains("Check and evaluate milestone\\-based funding agreements"));
    let bad = mijlpaal(root(), &["completions", "cmd.exe"]);
    assert_eq!(bad.code, 2);
}
