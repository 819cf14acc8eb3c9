//! Hostile figures and dates (issue 10): each input that once made mijlpaal
//! panic, overflow the stack or print a saturated sum, now ending in its
//! diagnostic. Plans are generated under `target/tmp-figures/`, inside the
//! repository, so that `rules overeenkomst-transformatieplan` is found.

// Tests may unwrap, index and compute freely: a failing test fails loudly.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects
)]

use std::path::{Path, PathBuf};

use mijlpaal::diagnostic::{Diagnostic, Severity};
use mijlpaal::eval;
use mijlpaal::project::{Options, Session};

/// The largest figure the language accepts has 28 digits; nine of them do
/// not add up inside a `Decimal` (at most 79.228.162.514.264.337.593.543.950.335).
const HUGE: &str = "9.000.000.000.000.000.000.000.000.000";

mod common;

fn scratch(name: &str) -> PathBuf {
    common::scratch("tmp-figures", name)
}

/// A plan with `n` municipalities in key `inwoners`, each of weight
/// `weight`, the given plan-level lines and the given milestones.
fn plan(n: usize, weight: &str, head: &str, milestones: &str) -> String {
    let parties: String = (0..n)
        .map(|i| format!("  party g{i} \"Gemeente {i}\" municipality\n"))
        .collect();
    let members: String = (0..n).map(|i| format!("    g{i} {weight}\n")).collect();
    format!(
        r#"plan p "Proef" {{
  rules overeenkomst-transformatieplan
  period 2026-01-01 .. 2027-12-31
{head}
  party z "Zorgverzekeraar" coordinating-insurer financier
  party v "Tweede verzekeraar" second-insurer
  party r "Regio" regional-body steering-group
{parties}
  stream iza "IZA" paid-by z
  stream spuk "SPUK" paid-by z
  key inwoners "Inwoners" {{
{members}  }}
  metric gesprekken "Gesprekken" count
  default payout iza to r
  default payout spuk to inwoners
  default risk spuk by inwoners
  component 1 "Alles" {{
{milestones}  }}
}}
"#
    )
}

fn milestone(n: u32, obligation: &str, amount: &str, extra: &str) -> String {
    format!(
        "    milestone {n} \"Mijlpaal {n}\" {{\n      {obligation}\n      due 2026-06-30\n      amount € {amount} {{ iza € {amount} }}\n      evidence \"Verslag\"\n{extra}    }}\n"
    )
}

/// Checks `files` as `mijlpaal check` does, returning the diagnostics.
fn check(files: &[&Path]) -> Vec<Diagnostic> {
    let mut session = Session::new(Options::default());
    let paths: Vec<PathBuf> = files.iter().map(|p| p.to_path_buf()).collect();
    session.check_paths(&paths);
    session.diagnostics.items
}

fn codes(diags: &[Diagnostic]) -> Vec<&'static str> {
    diags.iter().map(|d| d.code).collect()
}

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    common::write(&path, text);
    path
}

#[test]
fn a_huge_assessment_window_is_refused_not_a_panic() {
    let dir = scratch("window");
    std::fs::create_dir_all(dir.join("rules")).unwrap();
    write(
        &dir.join("rules"),
        "w.rules",
        "rules w \"Proef\" {\n  clause \"art. 3.2.2\" assessment-window 4294967295 days\n  clause \"x\" payout-cutoff 2027-12-31\n}\n",
    );
    let text = plan(2, "1", "", &milestone(1, "effort", "100", ""))
        .replace("rules overeenkomst-transformatieplan", "rules w");
    let p = write(&dir, "p.plan", &text);
    let diags = check(&[&p]);
    let l030: Vec<&Diagnostic> = diags.iter().filter(|d| d.code == "L030").collect();
    assert_eq!(l030.len(), 1, "{:?}", codes(&diags));
    assert_eq!(
        l030[0].message,
        "an assessment window of 4294967295 days is longer than ten years"
    );
    // In weeks, 613.566.757 weeks overflows u32 days: the same refusal.
    write(
        &dir.join("rules"),
        "w.rules",
        "rules w \"Proef\" {\n  clause \"art. 3.2.2\" assessment-window 613566757 weeks\n}\n",
    );
    assert!(codes(&check(&[&p])).contains(&"L030"));
}

#[test]
fn an_out_of_range_horizon_is_a_usage_error() {
    let out = common::bin()
        .args([
            "evaluate",
            "plans/examples/buurtzorg.plan",
            "--at",
            "2026-06-01",
            "--horizon",
            "4294967295",
        ])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("is not a number of days from 0 to 36525"),
        "{err}"
    );
    // The largest accepted horizon, from the last day of the calendar's
    // tenth millennium, evaluates (the horizon end is checked arithmetic).
    let out = common::bin()
        .args([
            "evaluate",
            "plans/examples/buurtzorg.plan",
            "--at",
            "9999-12-31",
            "--horizon",
            "36525",
        ])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn milestones_too_large_to_add_up_are_a102_not_a_saturated_sum() {
    let dir = scratch("plan-total");
    let ms: String = (1..=9).map(|n| milestone(n, "effort", HUGE, "")).collect();
    let head = format!("  declared total € {HUGE}\n  declared effort-share about 70%");
    let p = write(&dir, "p.plan", &plan(2, "1", &head, &ms));
    let diags = check(&[&p]);
    let found = codes(&diags);
    assert!(found.contains(&"A102"), "{found:?}");
    assert!(found.contains(&"A702"), "{found:?}");
    assert!(!found.contains(&"C102"), "{found:?}");
    // The label points at milestone 9's amount: the ninth made the sum overflow.
    let a102 = diags.iter().find(|d| d.code == "A102").unwrap();
    let text = std::fs::read_to_string(&p).unwrap();
    let at = a102.labels[0].span.start;
    let line = text[..at].lines().count();
    let ninth = text
        .lines()
        .enumerate()
        .filter(|(_, l)| l.contains("amount €"))
        .nth(8)
        .map(|(i, _)| i + 1)
        .unwrap();
    assert_eq!(line, ninth);
    for d in &diags {
        assert!(
            !d.message.contains("79.228.162"),
            "saturated: {}",
            d.message
        );
    }
}

#[test]
fn huge_key_weights_give_exact_shares_or_a401() {
    let dir = scratch("keys");
    // Nine weights of 9 x 10^27 do not add up: A401 at the ninth member.
    let p = write(
        &dir,
        "p.plan",
        &plan(9, HUGE, "", &milestone(1, "effort", "100", "")),
    );
    let diags = check(&[&p]);
    let a401: Vec<&Diagnostic> = diags.iter().filter(|d| d.code == "A401").collect();
    assert_eq!(a401.len(), 1, "{:?}", codes(&diags));
    assert_eq!(a401[0].severity, Severity::Error);
    assert_eq!(
        a401[0].message,
        "the weights of key `inwoners` are too large to add up"
    );
    // Two huge declared weights: 9 x 10^27 x 100 overflows when multiplied
    // first; the share is computed by dividing first: exactly 50%.
    let text = plan(2, HUGE, "", &milestone(1, "effort", "100", ""))
        .replace(
            &format!("g0 {HUGE}\n"),
            &format!("g0 {HUGE} declared 50%\n"),
        )
        .replace(
            &format!("g1 {HUGE}\n"),
            &format!("g1 {HUGE} declared 49%\n"),
        );
    let p = write(&dir, "q.plan", &text);
    let diags = check(&[&p]);
    let c403: Vec<&str> = diags
        .iter()
        .filter(|d| d.code == "C403")
        .map(|d| d.message.as_str())
        .collect();
    assert_eq!(
        c403,
        vec!["`g1` declares 49% of key `inwoners`, but its share is 50%"]
    );
}

#[test]
fn a_huge_same_ratio_share_is_computed_dividing_first() {
    let dir = scratch("same-ratio");
    // Declared split 1 : 1; milestone total 9 x 10^27 all to iza: the
    // expected iza part (9 x 10^27 x 4,5 x 10^27 / 9 x 10^27) overflows when
    // multiplied first, and is 4,5 x 10^27 dividing first.
    let half = "4.500.000.000.000.000.000.000.000.000";
    let head =
        format!("  declared total € {HUGE} {{ iza € {half}, spuk € {half} }}\n  split same-ratio");
    let p = write(
        &dir,
        "p.plan",
        &plan(2, "1", &head, &milestone(1, "effort", HUGE, "")),
    );
    let diags = check(&[&p]);
    let c104: Vec<&Diagnostic> = diags.iter().filter(|d| d.code == "C104").collect();
    assert_eq!(c104.len(), 1, "{:?}", codes(&diags));
    assert_eq!(
        c104[0].message,
        "milestone 1: `iza` gets 100% of the amount, but the plan splits every milestone 50% to `iza`"
    );
}

#[test]
fn counts_too_large_to_add_up_are_a501() {
    let dir = scratch("counts");
    let target = "      target count gesprekken from 2026-01-01 >= 200\n";
    let p = write(
        &dir,
        "p.plan",
        &plan(2, "1", "", &milestone(1, "result", "100", target)),
    );
    let f = write(
        &dir,
        "f.facts",
        &format!(
            "facts p {{\n  2026-04-10 counted gesprekken 2026-01-01 .. 2026-03-31 = {HUGE}\n  2026-06-10 counted gesprekken 2026-04-01 .. 2026-05-31 = {HUGE}\n  2026-07-10 counted gesprekken 2026-06-01 .. 2026-06-30 = {HUGE}\n  2026-07-10 counted gesprekken 2026-07-01 .. 2026-07-31 = {HUGE}\n  2026-08-10 counted gesprekken 2026-08-01 .. 2026-08-31 = {HUGE}\n  2026-09-10 counted gesprekken 2026-09-01 .. 2026-09-30 = {HUGE}\n  2026-10-10 counted gesprekken 2026-10-01 .. 2026-10-31 = {HUGE}\n  2026-11-10 counted gesprekken 2026-11-01 .. 2026-11-30 = {HUGE}\n  2026-12-10 counted gesprekken 2026-12-01 .. 2026-12-31 = {HUGE}\n}}\n"
        ),
    );
    let mut session = Session::new(Options::default());
    let project = session.load_project(&p, &[f]).unwrap();
    let rules = project.rules.as_ref().unwrap();
    // The target's window runs to the due date, 2026-06-30: three counts, fine.
    let at = chrono::NaiveDate::from_ymd_opt(2027, 1, 1).unwrap();
    let options = eval::Options {
        at,
        horizon_days: 90,
        overrides: Default::default(),
        party_lines: mijlpaal::eval::PartyLines::None,
        trace: true,
    };
    let e = eval::evaluate(&project.plan, rules, &project.facts, &options);
    assert!(!codes(&e.diagnostics).contains(&"A501"));
    let m = &e.milestones[0].measured[0];
    assert_eq!(
        m.value.map(|v| v.to_string()),
        Some("27000000000000000000000000000".into())
    );
    // A window to the end of the year holds nine: too large to add up.
    let text = std::fs::read_to_string(&p)
        .unwrap()
        .replace(
            "from 2026-01-01 >= 200",
            "from 2026-01-01 to 2026-12-31 >= 200",
        )
        .replace("due 2026-06-30", "due 2026-12-31");
    std::fs::write(&p, text).unwrap();
    let mut session = Session::new(Options::default());
    let f = dir.join("f.facts");
    let project = session.load_project(&p, &[f]).unwrap();
    let e = eval::evaluate(
        &project.plan,
        project.rules.as_ref().unwrap(),
        &project.facts,
        &options,
    );
    let a501: Vec<&Diagnostic> = e.diagnostics.iter().filter(|d| d.code == "A501").collect();
    assert_eq!(
        a501.len(),
        1,
        "{:?} {:?}",
        codes(&e.diagnostics),
        codes(&session.diagnostics.items)
    );
    assert_eq!(
        a501[0].message,
        "the counts of `gesprekken` are too large to add up"
    );
    assert_eq!(e.milestones[0].measured[0].value, None);
    assert_eq!(
        e.milestones[0].measured[0].text,
        "gesprekken: too large to add up"
    );
}

#[test]
fn a_sixty_thousand_long_cycle_checks_on_a_small_stack() {
    let dir = scratch("chain");
    const N: u32 = 60_000;
    // 1 after N, 2 after 1, ..., N after N-1: one cycle through all.
    let ms: String = (1..=N)
        .map(|n| {
            let dep = if n == 1 { N } else { n - 1 };
            format!("    milestone {n} \"M\" {{\n      effort\n      due 2026-06-30\n      after {dep}\n      amount € 1 {{ iza € 1 }}\n      evidence \"V\"\n    }}\n")
        })
        .collect();
    let p = write(&dir, "p.plan", &plan(2, "1", "", &ms));
    // A recursive Tarjan needs a frame per milestone; 8 MiB are far too
    // few for 60 000 of them in a debug build.
    let handle = std::thread::Builder::new()
        .stack_size(8 * 1024 * 1024)
        .spawn(move || {
            let mut session = Session::new(Options::default());
            session.check_paths(&[p]);
            let rendered = mijlpaal::render::human::render(
                &session.diagnostics.items,
                &session.sources,
                false,
            );
            (session.diagnostics.items, rendered)
        })
        .unwrap();
    let (diags, rendered) = handle.join().expect("no stack overflow");
    let cycles: Vec<&Diagnostic> = diags.iter().filter(|d| d.code == "C201").collect();
    assert_eq!(cycles.len(), 1);
    assert_eq!(cycles[0].labels.len(), N as usize);
    // Drawn with 12 labels and a count of the rest.
    assert!(
        rendered.contains("and 59988 more places not shown"),
        "{}",
        &rendered[..2000.min(rendered.len())]
    );
}

#[test]
fn many_contradicting_verdicts_give_one_finding_each() {
    // 5 000 achieved and 5 000 not-achieved verdicts on alternate days after
    // the first achievement: every "not achieved" is ignored, with one E004
    // each. Compared pair by pair this was 12,5 million findings.
    let dir = scratch("verdicts");
    let p = write(
        &dir,
        "p.plan",
        &plan(2, "1", "", &milestone(1, "effort", "100", "")),
    );
    let start = chrono::NaiveDate::from_ymd_opt(2026, 7, 1).unwrap();
    let mut facts = String::from("facts p {\n");
    for i in 0..10_000u64 {
        let day = start.checked_add_days(chrono::Days::new(i)).unwrap();
        let verdict = if i % 2 == 0 {
            "achieved"
        } else {
            "not-achieved"
        };
        facts.push_str(&format!("  {day} assessed 1 {verdict} by z\n"));
    }
    facts.push_str("}\n");
    let f = write(&dir, "f.facts", &facts);
    let mut session = Session::new(Options::default());
    let project = session.load_project(&p, &[f]).unwrap();
    let options = eval::Options {
        at: chrono::NaiveDate::from_ymd_opt(2060, 1, 1).unwrap(),
        horizon_days: 0,
        overrides: Default::default(),
        party_lines: mijlpaal::eval::PartyLines::None,
        trace: true,
    };
    let e = eval::evaluate(
        &project.plan,
        project.rules.as_ref().unwrap(),
        &project.facts,
        &options,
    );
    let e004 = e.diagnostics.iter().filter(|d| d.code == "E004").count();
    assert_eq!(e004, 5_000);
    assert_eq!(e.milestones[0].status, mijlpaal::eval::Status::Achieved);
    assert_eq!(e.milestones[0].since, Some(start));
}
