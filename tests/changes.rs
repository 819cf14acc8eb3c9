//! Changes to plans and rule sets, end to end through the binary:
//! `fmt --check`, `snapshot --check` and `diff` on real variants of the
//! Mentaal Gezond Twente plan. Every test works in a fresh directory under
//! target/tmp-changes/<test>/ and runs the binary there with relative paths,
//! so the outputs (and the snapshots of them) do not depend on the machine.

// Tests may unwrap, index and compute freely: a failing test fails loudly.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects
)]

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

mod common;

use common::{mijlpaal as run, read, replace_once, root, write};

const PLAN: &str = "plans/mentaal-gezond-twente.plan";
const SCENARIOS: &str = "plans/mentaal-gezond-twente";
const RULES: &str = common::TWENTE_RULES;

/// A fresh, empty target/tmp-changes/<name>/.
fn fresh(name: &str) -> PathBuf {
    common::scratch("tmp-changes", name)
}

/// A copy of the Twente project in `dir`, the plan at `plans/`, with `plan`
/// and `rules` applied to the plan's and the rule set's text.
fn twente(dir: &Path, plan: impl Fn(&str) -> String, rules: impl Fn(&str) -> String) {
    common::twente_at(dir, PLAN, plan, rules);
}

fn same(s: &str) -> String {
    s.to_string()
}

/// The milestone blocks of a plan: (number, first line, last line), by line index.
fn milestone_blocks(text: &str) -> Vec<(u32, usize, usize)> {
    let lines: Vec<&str> = text.lines().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let t = lines[i].trim_start();
        if let Some(rest) = t.strip_prefix("milestone ") {
            let number: u32 = rest.split_whitespace().next().unwrap().parse().unwrap();
            let indent = lines[i].len() - t.len();
            let close = format!("{}}}", " ".repeat(indent));
            let end = (i + 1..lines.len())
                .find(|&j| lines[j] == close)
                .expect("the milestone block closes");
            out.push((number, i, end));
            i = end;
        }
        i += 1;
    }
    out
}

/// Applies `edit` to the lines of the milestone blocks `pick` selects;
/// returns the new text and the numbers of the milestones it changed.
fn edit_milestones(
    text: &str,
    pick: impl Fn(u32, &[&str]) -> bool,
    edit: impl Fn(&str) -> String,
) -> (String, Vec<u32>) {
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    let mut changed = Vec::new();
    for (number, start, end) in milestone_blocks(text) {
        let block: Vec<&str> = text.lines().skip(start).take(end - start + 1).collect();
        if !pick(number, &block) {
            continue;
        }
        let mut any = false;
        for line in &mut lines[start..=end] {
            let new = edit(line);
            any |= new != *line;
            *line = new;
        }
        if any {
            changed.push(number);
        }
    }
    let mut out = lines.join("\n");
    if text.ends_with('\n') {
        out.push('\n');
    }
    (out, changed)
}

/// KPI 14 gets € 10.000 more (only in milestone 14's block: 11, 12, 17, 20
/// and 23 have the same amount line).
fn kpi14_raised(text: &str) -> String {
    let (out, changed) = edit_milestones(
        text,
        |n, _| n == 14,
        |l| {
            l.replace(
                "amount € 208.000 { iza € 98.500, spuk € 109.500 }",
                "amount € 218.000 { iza € 103.500, spuk € 114.500 }",
            )
        },
    );
    assert_eq!(changed, [14]);
    assert_eq!(
        text.matches("€ 208.000 { iza").count(),
        out.matches("€ 208.000 { iza").count() + 1
    );
    out
}

/// KPI 47's figure in the KPI table, corrected from € 304 to € 305 thousand.
fn kpi47_corrected(text: &str) -> String {
    replace_once(
        text,
        "declared by kpi_tabel € 304 { iza € 144, spuk € 160 }",
        "declared by kpi_tabel € 305 { iza € 144, spuk € 160 }",
    )
}

fn six_weeks(text: &str) -> String {
    replace_once(
        text,
        "assessment-window 4 weeks",
        "assessment-window 6 weeks",
    )
}

/// The amendment: every `result` milestone due 2026-12-31 is due 2027-06-30.
/// Returns the plan and the milestones it moved.
fn postponed_2026_results(text: &str) -> (String, Vec<u32>) {
    edit_milestones(
        text,
        |_, block| {
            block.iter().any(|l| l.trim() == "result")
                && block.iter().any(|l| l.trim() == "due 2026-12-31")
        },
        |l| {
            if l.trim() == "due 2026-12-31" {
                l.replace("2026-12-31", "2027-06-30")
            } else {
                l.to_string()
            }
        },
    )
}

// ---------------------------------------------------------------- fmt

#[test]
fn fmt_check_then_rewrite() {
    let dir = fresh("fmt_check_then_rewrite");
    let original = read(root().join("plans/examples/buurtzorg.plan"));
    // Extra spaces inside two lines and a double blank line.
    let messy = replace_once(&original, "  period 2026-01-01", "  period   2026-01-01");
    let messy = replace_once(&messy, "  party bron ", "  party  bron ");
    let messy = replace_once(&messy, "\n\n  party zilverzee", "\n\n\n  party zilverzee");
    write(dir.join("buurtzorg.plan"), &messy);

    let check = run(&dir, &["fmt", "--check", "buurtzorg.plan"]);
    assert_eq!(check.code, 1, "{}{}", check.stdout, check.stderr);
    assert!(
        check.stdout.contains("--- buurtzorg.plan\n"),
        "{}",
        check.stdout
    );
    assert!(
        check.stdout.contains("+++ buurtzorg.plan (formatted)\n"),
        "{}",
        check.stdout
    );
    assert!(
        check
            .stdout
            .contains("\n-  period   2026-01-01 .. 2027-12-31\n"),
        "{}",
        check.stdout
    );
    assert!(
        check
            .stdout
            .contains("\n+  period 2026-01-01 .. 2027-12-31\n"),
        "{}",
        check.stdout
    );
    assert!(
        check.stdout.contains("\n-  party  bron "),
        "{}",
        check.stdout
    );
    assert_eq!(
        read(dir.join("buurtzorg.plan")),
        messy,
        "--check changes nothing"
    );

    let fmt = run(&dir, &["fmt", "buurtzorg.plan"]);
    assert_eq!(fmt.code, 0, "{}{}", fmt.stdout, fmt.stderr);
    let formatted = read(dir.join("buurtzorg.plan"));
    assert_ne!(formatted, messy);
    assert!(!formatted.contains("\n\n\n"), "{formatted}");
    assert!(
        formatted.contains("\n  period 2026-01-01 .. 2027-12-31\n"),
        "{formatted}"
    );

    let again = run(&dir, &["fmt", "--check", "buurtzorg.plan"]);
    assert_eq!(again.code, 0, "{}{}", again.stdout, again.stderr);
    assert_eq!(again.stdout, "");
}

#[test]
fn fmt_refuses_what_does_not_parse() {
    let dir = fresh("fmt_refuses_what_does_not_parse");
    let broken = "plan x {\n  garbage   ??\n\n\n";
    write(dir.join("broken.plan"), broken);
    for args in [
        &["fmt", "broken.plan"][..],
        &["fmt", "--check", "broken.plan"][..],
    ] {
        let out = run(&dir, args);
        assert_eq!(out.code, 1, "{args:?}: {}{}", out.stdout, out.stderr);
        assert!(
            out.stderr
                .contains("not formatted, because it does not parse"),
            "{}",
            out.stderr
        );
        assert_eq!(
            read(dir.join("broken.plan")),
            broken,
            "{args:?} leaves it unchanged"
        );
    }
}

// ---------------------------------------------------------------- snapshot

#[test]
fn snapshot_write_check_change() {
    let dir = fresh("snapshot_write_check_change");
    twente(&dir, same, same);
    let facts: Vec<String> = std::fs::read_dir(dir.join(SCENARIOS))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "facts"))
        .map(|p| p.file_stem().unwrap().to_string_lossy().to_string())
        .collect();
    assert!(facts.len() >= 5, "{facts:?}");

    let write_all = run(&dir, &["snapshot", PLAN]);
    assert_eq!(
        write_all.code, 0,
        "{}{}",
        write_all.stdout, write_all.stderr
    );
    for stem in &facts {
        let snap = read(dir.join(SCENARIOS).join(format!("{stem}.snapshot")));
        assert!(
            snap.starts_with(&format!(
                "// mijlpaal snapshot of mentaal-gezond-twente.plan with {stem}.facts\n"
            )),
            "{snap}"
        );
        assert!(snap.contains(&format!("== {stem} at ")), "{stem}");
        assert!(
            write_all
                .stderr
                .contains(&format!("wrote {SCENARIOS}/{stem}.snapshot")),
            "{}",
            write_all.stderr
        );
    }
    let snapshots = std::fs::read_dir(dir.join(SCENARIOS))
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .path()
                .extension()
                .is_some_and(|e| e == "snapshot")
        })
        .count();
    assert_eq!(snapshots, facts.len(), "one .snapshot per scenario");

    let check = run(&dir, &["snapshot", "--check", PLAN]);
    assert_eq!(check.code, 0, "{}{}", check.stdout, check.stderr);
    assert_eq!(check.stdout, "");

    write(dir.join(PLAN), kpi14_raised(&read(dir.join(PLAN))));
    let before: Vec<String> = facts
        .iter()
        .map(|s| read(dir.join(SCENARIOS).join(format!("{s}.snapshot"))))
        .collect();
    let stale = run(&dir, &["snapshot", "--check", PLAN]);
    assert_eq!(stale.code, 1, "{}{}", stale.stdout, stale.stderr);
    assert!(
        stale
            .stdout
            .contains(&format!("--- {SCENARIOS}/alles-behaald.snapshot\n")),
        "{}",
        stale.stdout
    );
    // The obligations now carry KPI 14's new amount, and its SPUK part is shown.
    assert!(
        stale
            .stdout
            .contains("\n+2026-12-31  twentse_koers  deliver  14  € 218.000"),
        "{}",
        stale.stdout
    );
    assert!(stale.stdout.contains("€ 114.500"), "{}", stale.stdout);
    assert!(
        stale.stdout.contains("\n-14  open      2026-12-31"),
        "{}",
        stale.stdout
    );
    assert!(stale.stderr.contains("is out of date"), "{}", stale.stderr);
    let after: Vec<String> = facts
        .iter()
        .map(|s| read(dir.join(SCENARIOS).join(format!("{s}.snapshot"))))
        .collect();
    assert_eq!(before, after, "--check writes nothing");

    let rewrite = run(&dir, &["snapshot", PLAN]);
    assert_eq!(rewrite.code, 0, "{}{}", rewrite.stdout, rewrite.stderr);
    let check = run(&dir, &["snapshot", "--check", PLAN]);
    assert_eq!(check.code, 0, "{}{}", check.stdout, check.stderr);
    assert_eq!(check.stdout, "");
}

// ---------------------------------------------------------------- diff

const OLD_PLAN: &str = "old/plans/mentaal-gezond-twente.plan";
const NEW_PLAN: &str = "new/plans/mentaal-gezond-twente.plan";

fn diff(dir: &Path, args: &[&str]) -> String {
    let mut all = vec!["diff"];
    all.extend_from_slice(args);
    let out = run(dir, &all);
    assert_eq!(out.code, 0, "{all:?}: {}{}", out.stdout, out.stderr);
    out.stdout
}

fn json(text: &str) -> serde_json::Value {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("{e}: {text}"))
}

/// (a) The published plan against the one with KPI 47's KPI-table figure corrected.
#[test]
fn diff_kpi_table_correction() {
    let dir = fresh("diff_kpi_table_correction");
    twente(&dir.join("old"), same, same);
    twente(&dir.join("new"), kpi47_corrected, same);
    let text = diff(&dir, &[OLD_PLAN, NEW_PLAN]);
    assert!(text.contains("~ 47\n"), "{text}");
    // A declared figure changes nothing that is paid.
    assert!(!text.contains("Money per party"), "{text}");
    insta::assert_snapshot!(text);
}

fn six_week_projects(dir: &Path) {
    twente(&dir.join("old"), same, same);
    twente(&dir.join("new"), same, six_weeks);
}

/// (b) The rule set with a six-week assessment window: the rule sets
/// themselves, then the plan evaluated under each.
#[test]
fn diff_six_week_assessment_window() {
    let dir = fresh("diff_six_week_assessment_window");
    six_week_projects(&dir);
    let (old_rules, new_rules) = (format!("old/{RULES}"), format!("new/{RULES}"));

    let rules_text = diff(&dir, &[&old_rules, &new_rules]);
    assert!(
        rules_text.contains("assessment-window 28 days")
            && rules_text.contains("assessment-window 42 days"),
        "{rules_text}"
    );
    insta::assert_snapshot!("six_weeks_rules_text", rules_text);
    let rules_md = diff(&dir, &[&old_rules, &new_rules, "--format", "markdown"]);
    insta::assert_snapshot!("six_weeks_rules_markdown", rules_md);

    let facts = format!("old/{SCENARIOS}/stille-beoordelaar.facts");
    // The new rule set no longer matches the plan's pin: comparing money
    // under it stops with C901 unless the drafter says it is a draft.
    let at = ["--facts", &facts, "--at", "2026-01-29"];
    let refused = run(&dir, &[&["diff", OLD_PLAN, NEW_PLAN][..], &at[..]].concat());
    assert_eq!(refused.code, 1, "{}", refused.stderr);
    assert!(refused.stderr.contains("C901"), "{}", refused.stderr);
    assert_eq!(refused.stdout, "");
    let args = [
        OLD_PLAN,
        NEW_PLAN,
        "--facts",
        &facts,
        "--at",
        "2026-01-29",
        "--allow-unpinned",
    ];
    let j = json(&diff(
        &dir,
        &[&args[..], &["--format", "json"][..]].concat(),
    ));
    assert_eq!(j["rules"].as_array().unwrap().len(), 1, "{j:#}");
    assert!(j["milestones"].as_array().unwrap().is_empty(), "{j:#}");
    // On 2026-01-29 four weeks have passed since 2025-12-31, six have not:
    // the 2025 milestones are deemed achieved under the old rules only.
    let statuses = j["statuses"].as_array().unwrap();
    assert!(!statuses.is_empty(), "{j:#}");
    for s in statuses {
        assert_eq!(
            (s["old"].as_str(), s["new"].as_str()),
            (Some("deemed-achieved"), Some("in-assessment")),
            "{s}"
        );
    }
    let at = j["money"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["at"] == "2026-01-29")
        .expect("a view at the date");
    let changes = at["changes"].as_array().unwrap();
    assert!(changes.iter().any(|c| c["column"] == "earned"), "{at:#}");
    let parties: BTreeSet<&str> = changes
        .iter()
        .map(|c| c["party"].as_str().unwrap())
        .collect();
    assert!(parties.len() > 2, "money differs per party: {parties:?}");

    let text = diff(&dir, &args);
    assert!(text.contains("deemed-achieved → in-assessment"), "{text}");
    assert!(
        text.contains("Money per party, with the facts at 2026-01-29"),
        "{text}"
    );
    insta::assert_snapshot!("six_weeks_plan_text", text);
    let md = diff(&dir, &[&args[..], &["--format", "markdown"][..]].concat());
    assert!(
        md.contains("### Gevolgen per partij (with the facts at 2026-01-29)"),
        "{md}"
    );
    insta::assert_snapshot!("six_weeks_plan_markdown", md);
}

/// (c) An amendment that postpones the 2026 targets: every `result`
/// milestone due 2026-12-31 is due 2027-06-30.
#[test]
fn diff_postponed_2026_results() {
    let dir = fresh("diff_postponed_2026_results");
    twente(&dir.join("old"), same, same);
    let (amended, moved) = postponed_2026_results(&read(root().join(PLAN)));
    assert_eq!(
        moved,
        [4, 17, 20, 23, 28, 31],
        "the result milestones due 2026-12-31"
    );
    twente(&dir.join("new"), |_| amended.clone(), same);

    let facts = format!("old/{SCENARIOS}/gemiste-resultaten-2026.facts");
    let args = [OLD_PLAN, NEW_PLAN, "--facts", &facts, "--at", "2027-01-31"];
    let text = diff(&dir, &args);
    insta::assert_snapshot!("postponed_text", text);

    let raw = diff(&dir, &[&args[..], &["--format", "json"][..]].concat());
    let j = json(&raw);
    let changed: Vec<u64> = j["milestones"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["number"].as_u64().unwrap())
        .collect();
    assert_eq!(
        changed,
        moved.iter().map(|&n| u64::from(n)).collect::<Vec<_>>(),
        "{j:#}"
    );
    for m in j["milestones"].as_array().unwrap() {
        assert_eq!(m["change"], "changed");
        assert_eq!(
            m["fields"],
            serde_json::json!([{ "path": "due", "old": "2026-12-31", "new": "2027-06-30" }]),
            "{m}"
        );
    }
    assert!(
        j["plan"].as_array().unwrap().is_empty() && j["rules"].as_array().unwrap().is_empty(),
        "{j:#}"
    );
    // The missed 2026 results are open again.
    let statuses: Vec<u64> = j["statuses"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["number"].as_u64().unwrap())
        .collect();
    assert_eq!(statuses, changed, "{j:#}");
    // `diff` looks 90 days ahead (fixed in src/cli/diff.rs), and at
    // 2027-01-31 the new delivery date 2027-06-30 is beyond that, so no
    // obligation changes yet at this date ...
    assert!(j["obligations"].is_array(), "{j:#}");
    insta::assert_snapshot!("postponed_json", raw);
    // ... but from April 2027 the new deliveries are there.
    let later = json(&diff(
        &dir,
        &[
            OLD_PLAN,
            NEW_PLAN,
            "--facts",
            &facts,
            "--at",
            "2027-04-15",
            "--format",
            "json",
        ],
    ));
    let duties = later["obligations"].as_array().unwrap();
    assert!(!duties.is_empty(), "{later:#}");
    let duty_milestones: BTreeSet<u64> = duties
        .iter()
        .map(|d| d["milestone"].as_u64().unwrap())
        .collect();
    assert_eq!(
        duty_milestones,
        changed.iter().copied().collect(),
        "{later:#}"
    );
    assert!(
        duties
            .iter()
            .all(|d| d["change"] == "added" && d["due"] == "2027-06-30"),
        "{later:#}"
    );

    let md = diff(&dir, &[&args[..], &["--format", "markdown"][..]].concat());
    assert!(
        md.starts_with(&format!("## Wijzigingen: `{OLD_PLAN}` → `{NEW_PLAN}`\n")),
        "{md}"
    );
    insta::assert_snapshot!("postponed_markdown", md);
}

/// (d) No differences, and `--exit-code`.
#[test]
fn diff_identical_and_exit_code() {
    let dir = fresh("diff_identical_and_exit_code");
    twente(&dir.join("old"), same, same);
    twente(&dir.join("new"), kpi14_raised, same);

    for extra in [&[][..], &["--exit-code"][..]] {
        let out = run(&dir, &[&["diff", OLD_PLAN, OLD_PLAN][..], extra].concat());
        assert_eq!(out.code, 0, "{extra:?}: {}{}", out.stdout, out.stderr);
        assert_eq!(out.stdout, "no differences\n");
    }
    let md = run(&dir, &["diff", OLD_PLAN, OLD_PLAN, "--format", "markdown"]);
    assert_eq!(md.code, 0);
    assert!(md.stdout.contains("Geen verschillen."), "{}", md.stdout);

    let without = run(&dir, &["diff", OLD_PLAN, NEW_PLAN]);
    assert_eq!(without.code, 0, "{}{}", without.stdout, without.stderr);
    let with = run(&dir, &["diff", OLD_PLAN, NEW_PLAN, "--exit-code"]);
    assert_eq!(with.code, 1, "{}{}", with.stdout, with.stderr);
    assert_eq!(with.stdout, without.stdout);
    assert!(with.stdout.contains("~ 14\n"), "{}", with.stdout);
}

#[test]
fn snapshot_check_from_another_directory() {
    // The header names files, not the path as typed: the same snapshot
    // checks from the repository root and from plans/.
    for (dir, plan) in [
        (root().to_path_buf(), PLAN),
        (root().join("plans"), "mentaal-gezond-twente.plan"),
        (
            root().join("plans/mentaal-gezond-twente"),
            "../mentaal-gezond-twente.plan",
        ),
    ] {
        let out = run(&dir, &["snapshot", "--check", plan]);
        assert_eq!(
            out.code,
            0,
            "from {}: {}{}",
            dir.display(),
            out.stdout,
            out.stderr
        );
    }
}
